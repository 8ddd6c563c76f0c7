"""/api/search/: the search page's query and filters, as JSON: total, page, facets and article summaries."""

import pytest

from search import indexing
from tests.search.conftest import search_index  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(world, search_index):  # noqa: F811
    indexing.rebuild()
    return world


def search(api, query, status=200):
    response = api.get(f"/api/search/?{query}")
    assert response.status_code == status, response.content[:500]
    return response.json()


def test_it_finds_articles_with_facets_and_summaries(api, indexed):
    w = indexed
    found = search(api, "q=vucic")  # folded: Vučić, named by one article and by the other's meeting
    assert (found["total"], found["page"], found["pages"], found["page_size"]) == (2, 1, 1, 20)
    assert found["partial"] is False and found["messages"] == [] and found["suggestion"] == ""
    first = found["results"][0]
    assert [a["id"] for a in found["results"]] == [w["belgrade"].pk, w["ankara"].pk]
    assert first["source"]["slug"] == "tanjug" and [c["code"] for c in first["countries"]] == ["RS", "TR"]
    assert first["archive_url"] == f"http://testserver/articles/{w['belgrade'].pk}/"
    facets = {f["name"]: f for f in found["facets"]}
    assert facets["country"]["values"] == [
        {"value": "TR", "label": "Türkiye", "count": 2},
        {"value": "RS", "label": "Serbia", "count": 1},
    ]
    assert facets["country"]["distinct"] == 2
    assert [(v["value"], v["count"]) for v in facets["year"]["values"]] == [("2023", 1), ("2021", 1)]


def test_it_filters_sorts_and_pages_as_the_search_page_does(api, indexed):
    w = indexed
    everything = search(api, "")
    assert everything["total"] == 3
    assert [a["id"] for a in everything["results"]] == [w["belgrade"].pk, w["ankara"].pk, w["undated"].pk]
    assert [a["id"] for a in search(api, "sort=oldest")["results"]][:2] == [w["ankara"].pk, w["belgrade"].pk]
    assert search(api, "country=RS")["total"] == 2
    assert search(api, "country=RS&country=TR")["total"] == 3  # values of one facet: any of them
    assert [a["id"] for a in search(api, "source=anadolu")["results"]] == [w["ankara"].pk]
    assert [a["id"] for a in search(api, f"person={w['guler'].pk}&year=2021")["results"]] == [w["ankara"].pk]
    assert search(api, "kind=phone_call")["total"] == 1
    second = search(api, "page_size=2&page=2")
    assert (second["page"], second["pages"], len(second["results"])) == (2, 2, 1)


def test_it_combines_the_values_of_a_facet_with_any_or_all_of(api, indexed):
    w = indexed
    both = f"person={w['vucic'].pk}&person={w['guler'].pk}"
    assert search(api, both)["total"] == 2  # any of them
    assert [a["id"] for a in search(api, f"{both}&all=person")["results"]] == [w["belgrade"].pk]


def test_it_never_finds_or_counts_a_rejected_mention(api, indexed):
    w = indexed
    assert search(api, "country=US", status=200)["total"] == 0
    assert search(api, f"person={w['scott'].pk}")["total"] == 0
    facets = {f["name"]: f for f in search(api, "")["facets"]}
    assert "US" not in {v["value"] for v in facets["country"]["values"]}


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("country=XX", "Ignored unknown country: XX"),
        ("person=²", "Ignored unknown person"),
        ("year=12", "not a year"),
        ("month=5", "needs a year"),
        ("sort=random", "Unknown sort order"),
        ("page=0", "not a page"),
        ("page_size=101", "page_size:"),
        ("page_size=x", "page_size:"),
    ],
)
def test_it_answers_400_for_a_bad_parameter(api, indexed, query, words):
    assert words in search(api, query, status=400)["detail"]


def test_it_says_what_it_changed_in_a_query_that_still_searches(api, indexed):
    found = search(api, 'q="unbalanced')
    assert found["messages"] and "unbalanced quotes" in found["messages"][0]
    assert search(api, "q=vucik")["suggestion"] == "Vučić"
