"""The search page: GET parameters, facets and chips, messages instead of errors."""

import pytest
from django.urls import reverse

from search import indexing

from .conftest import day, make_article, make_person, make_source

pytestmark = pytest.mark.django_db


def build_corpus():
    vucic = make_person("Aleksandar Vučić")
    tanjug = make_source("Tanjug")
    a = make_article(
        "Vučić meets Güler",
        "Talks on defence cooperation in Ankara.",
        countries=["RS", "TR"],
        people=[vucic],
        source=tanjug,
        published=day(2023, 5, 2),
        meeting_kind="visit",
    )
    b = make_article("Naval exercise", "Ships trained in the Adriatic.", countries=["HR"], published=day(2021, 3, 1))
    for i in range(25):
        make_article(f"Routine report {i}", "Routine defence news.", countries=["US"], published=day(2015 + i % 5))
    indexing.rebuild()
    return {"a": a, "b": b, "vucic": vucic}


@pytest.fixture
def corpus(any_search_index):
    """The page on both implementations (search/service.py): the archive's Whoosh and generic haystack."""
    return build_corpus()


@pytest.fixture
def fast_corpus(search_index):
    """Only the fast implementation: its query parser's messages and its spelling suggestions."""
    return build_corpus()


def get(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_results_with_snippet_and_facets(client, corpus):
    html = get(client, q="vucic")
    assert "<mark>Vučić</mark>" in html
    assert 'data-facet="country"' in html and "Serbia" in html and "Türkiye" in html or "Turkey" in html
    assert corpus["a"].get_absolute_url() in html
    assert "Naval exercise" not in html


def test_it_filters_by_country_and_shows_a_removable_chip(client, corpus):
    html = get(client, country="HR")
    assert "Naval exercise" in html and "Routine report" not in html
    assert 'class="chip"' in html and "Croatia" in html


def test_it_keeps_the_links_from_article_pages_working(client, corpus):
    html = get(client, person=str(corpus["vucic"].pk))
    assert "Vučić meets Güler" in html and "Naval exercise" not in html


@pytest.mark.parametrize(
    "params",
    [
        {"country": "ZZ"},
        {"country": "<script>"},
        {"person": "abc"},
        {"person": "99999999"},
        {"year": "20x1"},
        {"year": "٢٠٢١"},  # Arabic-Indic digits: isdigit() is true, int() is not the point
        {"page": "²"},
        {"person": "²"},
        {"month": "³", "year": "2021"},
        {"q": "drill\x00s", "who": "Vu\x00cic"},
        {"month": "13", "year": "2021"},
        {"month": "3"},
        {"sort": "drop table"},
        {"page": "-1"},
        {"page": "9999"},
        {"source": "../../etc"},
        {"kind": "nope"},
        {"org": "nope nope"},
        {"q": 'country:"Korea, Republic of" ('},
        {"q": "AND"},
        {"q": '"unbalanced'},
        {"q": "text:[a"},
        {"q": "*"},
        {"q": "x" * 5000},
    ],
)
def test_it_never_fails_on_odd_parameters(client, corpus, params):
    get(client, **params)


def test_it_explains_broken_syntax(client, fast_corpus):
    html = get(client, q='"defence (')
    assert "unbalanced quotes or brackets" in html


def test_it_explains_ignored_values(client, corpus):
    assert "Ignored unknown country" in get(client, country="ZZ")


def test_it_suggests_a_spelling_only_on_zero_hits(client, fast_corpus):
    html = get(client, q="Vucik")
    assert "Did you mean" in html and "Vučić" in html
    assert "Did you mean" not in get(client, q="Vucic")


def test_it_shows_a_year_histogram_and_months_of_a_selected_year(client, corpus):
    html = get(client)
    assert "Articles per year" in html and "?year=2015" in html
    html = get(client, year="2021")
    assert "Articles per month, 2021" in html and "month=3" in html


def test_it_paginates_with_a_count_and_sorts(client, corpus):
    html = get(client)
    assert "1–20 of" in html and "<strong>27</strong>" in html and "page=2" in html
    assert "21–27 of" in get(client, page="2")
    oldest = get(client, sort="oldest")
    assert "Routine report 0" in oldest and "Vučić meets Güler" not in oldest  # 2023 is on the last page
    assert "Vučić meets Güler" in get(client, sort="newest")


def test_it_explains_a_query_of_only_common_words(client, fast_corpus):
    assert "too common to search for" in get(client, q="the of")


def test_it_turns_a_typed_name_into_a_person_filter(client, corpus):
    vucic = corpus["vucic"]
    make_person("Miloš Vučević")
    response = client.get(reverse("search"), {"who": "VUCIC", "q": "talks", "country": "RS"})
    assert response.status_code == 302
    assert response["Location"] == reverse("search") + f"?q=talks&country=RS&person={vucic.pk}"
    html = get(client, who="Nobody Atall")
    assert "No one called “Nobody Atall” is in the archive." in html


def test_it_suggests_people_in_any_spelling(client, corpus):
    make_person("Miloš Vučević")
    response = client.get(reverse("people-suggest"), {"q": "вучић"})
    names = [p["name"] for p in response.json()["results"]]
    assert names[0] == "Aleksandar Vučić"
    assert client.get(reverse("people-suggest"), {"q": "v"}).json() == {"results": []}
    assert client.post(reverse("people-suggest")).status_code == 405
