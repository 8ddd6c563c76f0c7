"""Public URLs with unusable values answer 404 or a message on the page, never a server error; pages answer HEAD."""

import urllib.request

import pytest
from django.test import Client
from django.urls import reverse

from archive.core.converters import parse_int
from search import indexing
from tests.search.conftest import day, make_article, make_person, search_index  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(search_index):  # noqa: F811
    person = make_person("Ana Brnabić", "Ana Brnabic")
    article = make_article(
        "Defence talks",
        "Ministers discussed training.",
        countries=["RS"],
        people=[person],
        published=day(2023, 3, 1),
        meeting_kind="visit",
    )
    indexing.rebuild()
    return {"person": person, "article": article}


@pytest.fixture
def client():
    # A server error shows as a 500 status here, as a visitor would see it, not as an exception.
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/?page=²", 200, "Ignored the page number: not a page."),
        ("/?year=²", 200, "Ignored the year “²”: not a year."),
        ("/?person=²", 200, "Ignored unknown person: ²"),
        ("/?month=³&year=2023", 200, "Ignored the month: it needs a year and a number from 1 to 12."),
        ("/countries/%00/", 404, ""),
    ],
)
def test_it_answers_the_reported_urls_with_a_message_or_a_404(client, corpus, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/countries/zzzzz/",
        "/countries/R%00/",
        "/countries/%D9%A3%D9%A3/",  # Arabic-Indic digits
        "/countries/R/",
        "/meetings/99999/",
        "/meetings/0/",
        "/meetings/999/",
        "/meetings/0000/",
        "/meetings/²/",
        "/meetings/%ED%A0%80/",  # a UTF-8-encoded lone surrogate
        "/articles/99999999999999999999999/",
        "/articles/9223372036854775808/",  # one past the largest key
        "/articles/0/",
        "/articles/-1/",
        "/articles/%C2%B2/",
        "/meetings/m/99999999999999999999999/",
        "/people/" + "a" * 201 + "/",
        "/people/%00/",
        "/people/..%2F..%2Fetc/",
        "/organisations/%3Cscript%3E/",
    ],
)
def test_it_answers_404_for_malformed_path_values(client, corpus, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/meetings/0001/", "/meetings/9999/", "/meetings/1000/", "/meetings/0999/"])
def test_it_answers_the_edges_of_the_calendar(client, corpus, url):
    assert client.get(url).status_code in (200, 404)


def test_it_still_serves_well_formed_values(client, corpus):
    assert client.get("/countries/rs/").status_code == 200
    assert client.get("/countries/RS/").status_code == 200
    assert client.get("/meetings/2023/").status_code == 200
    assert client.get(corpus["person"].get_absolute_url()).status_code == 200
    assert client.get(corpus["article"].get_absolute_url()).status_code == 200
    assert "Defence talks" in client.get("/", {"person": str(corpus["person"].pk)}).content.decode()


@pytest.mark.parametrize("value", ["Ana\x00Brnabic", "\x00", "Ana\x1b[31m", "\x7f\x01Brnabic"])
def test_it_strips_control_characters_from_typed_names(client, corpus, value):
    suggest = client.get(reverse("people-suggest"), {"q": value})
    assert suggest.status_code == 200
    found = client.get("/", {"who": value})
    assert found.status_code in (200, 302)
    assert "\x00" not in found.content.decode()


def test_it_strips_control_characters_from_the_query(client, corpus):
    html = client.get("/", {"q": "defence\x00talks\x07"}).content.decode()
    assert corpus["article"].get_absolute_url() in html
    assert "\x00" not in html and "\x07" not in html


@pytest.mark.parametrize(
    ("value", "expected"),
    [("7", 7), (" 12 ", 12), ("²", None), ("٣", None), ("１２", None), ("-1", None), ("+1", None), ("1_000", None)]
    + [("0", None), ("13", None), ("0012", None), ("9" * 5000, None), ("", None), (None, None), ("12\n", 12)],
)
def test_it_reads_only_ascii_digits_as_numbers(value, expected):
    assert parse_int(value, 1, 12) == expected


READ_ONLY = [
    "/",
    "/suggest/people/?q=ana",
    "/people/",
    "/countries/",
    "/countries/RS/",
    "/meetings/",
    "/meetings/2023/",
]


@pytest.mark.parametrize("url", [*READ_ONLY, "/health/"])
def test_it_answers_head_like_get_without_a_body(client, corpus, url):
    response = client.head(url)
    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.parametrize("url", READ_ONLY)
def test_it_refuses_to_change_anything_on_read_only_pages(client, corpus, url):
    assert client.post(url).status_code == 405


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("url", ["/", "/health/"])
def test_it_answers_head_over_http(live_server, search_index, url):  # noqa: F811
    """Through a real HTTP server, as a load balancer's health check sends it."""
    request = urllib.request.Request(live_server.url + url, method="HEAD")  # noqa: S310 (our own test server)
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 200
        assert response.read() == b""
