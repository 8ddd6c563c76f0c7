"""The current search out of the archive: CSV and JSON of every page, and an Atom feed, on both implementations."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from archive.core.models import ArticleCountry
from search import indexing

from .conftest import day, make_article, make_person, make_source

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def corpus(any_search_index):
    vucic = make_person("Aleksandar Vučić")
    a = make_article(
        "Vučić meets Güler",
        "Talks in Ankara.",
        countries=["RS", "TR"],
        people=[vucic],
        source=make_source("Tanjug"),
        published=day(2023, 5, 2),
        url="https://example.org/a",
    )
    ArticleCountry.objects.create(article=a, country_id="HU", review_status="rejected")
    reports = [
        make_article(
            f"Routine report {i}",
            "Routine defence news.",
            countries=["US"],
            published=day(2015, 1 + i // 28, 1 + i % 28),
        )
        for i in range(45)
    ]
    make_article('=HYPERLINK("http://evil")', "Formula title.", countries=["US"], published=day(2014))
    indexing.rebuild()
    return {"a": a, "reports": reports, "vucic": vucic}


def body(response) -> str:
    assert response.status_code == 200 and response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def test_it_exports_every_page_of_a_search_as_csv(client, corpus):
    response = client.get(reverse("search-export-csv"), {"q": "routine", "sort": "oldest", "page": "2"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="search.csv"'
    text = body(response)
    assert text.startswith("\ufeff")  # Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    # All 45 matches, not the visible page, in the page's order.
    assert [r["title"] for r in rows] == [f"Routine report {i}" for i in range(45)]
    assert response["X-Total-Count"] == "45"


def test_it_exports_public_mentions_only_and_says_what_is_verified(client, corpus):
    rows = json.loads(body(client.get(reverse("search-export-json"), {"q": "vucic"})))
    assert len(rows) == 1
    row = rows[0]
    assert row["countries"] == ["RS", "TR"]  # the rejected Hungary mention does not leave
    assert row["people"] == ["Aleksandar Vučić"] and row["source"] == "Tanjug"
    assert row["url"] == "https://example.org/a" and row["review"] == "proposed"
    assert row["archive_url"] == "http://testserver" + corpus["a"].get_absolute_url()


def test_it_neutralises_formulas_in_csv_cells(client, corpus):
    text = body(client.get(reverse("search-export-csv"), {"q": "formula"}))
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert rows[0]["title"].startswith("'=")


def test_it_offers_the_exports_and_the_feed_on_the_page(client, corpus):
    html = client.get(reverse("search"), {"q": "routine", "country": "US"}).content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'type="text/csv"' in html and 'href="/search/export.csv?q=routine&amp;country=US"' in html
    assert "these 45 articles (all pages)" in html


def test_it_serves_an_atom_feed_of_any_search(client, corpus):
    response = client.get(reverse("search-feed"), {"q": "routine", "sort": "oldest"})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (the archive's own output, under test)
    assert "Query: routine" in feed.find(f"{ATOM}title").text
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert titles[:2] == ["Routine report 44", "Routine report 43"]  # newest first, whatever the page's sort
    assert len(titles) == 45


@pytest.mark.parametrize("params", [{"country": "ZZ"}, {"page": "x"}, {"q": "\x00"}, {"year": "abc"}])
def test_it_never_fails_on_odd_parameters(client, corpus, params):
    assert client.get(reverse("search-export-csv"), params).status_code == 200
    assert client.get(reverse("search-feed"), params).status_code == 200
