"""Atom feeds: the meetings list with any filter, a person, a country, a country pair; advertised in page heads."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from .meeting_data import day, make_article, make_meeting, make_person

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.fixture
def meetings():
    vucic, guler, scott = make_person("Aleksandar Vučić"), make_person("Yaşar Güler"), make_person("Kyle Scott")
    report = make_article("Report of the visit")
    visit = make_meeting(
        (vucic, "RS", "President", "host"),
        (guler, "TR", "Minister of National Defence", "guest"),
        date=day(2023, 10, 25),
        host="RS",
        kind="visit",
        summary="The minister visited Belgrade <b>in October</b>.",
        article=report,
    )
    call = make_meeting(
        (vucic, "RS", "President"), (scott, "US", "Ambassador"), date=day(2022, 5, 1), review="unreviewed"
    )
    undated = make_meeting((guler, "TR", "Minister"), host="RS")
    rejected = make_meeting((vucic, "RS", "President"), (guler, "TR", "Minister"), date=day(2024), review="rejected")
    return locals()


def parse_atom(client, url):
    """The feed at `url`, checked against what RFC 4287 requires; returns (feed element, entry link paths)."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (the archive's own output, under test)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    links = []
    for entry in feed.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{required}")) == 1, required  # exactly one of each
        links.append(entry.find(f"{ATOM}link[@rel='alternate']").get("href").removeprefix("http://testserver"))
    return feed, links


def test_it_serves_the_meetings_list_as_atom_with_its_filters(client, meetings):
    m = meetings
    _, links = parse_atom(client, "/meetings/feed/")
    assert links == [x.get_absolute_url() for x in (m["visit"], m["call"], m["undated"])]
    feed, links = parse_atom(client, "/meetings/feed/?country=US&kind=phone_call&kind=meeting")
    assert links == [m["call"].get_absolute_url()]
    assert feed.find(f"{ATOM}title").text == "Meetings involving United States of kind Phone call or Bilateral meeting"
    _, links = parse_atom(client, "/meetings/feed/?year=2023")
    assert links == [m["visit"].get_absolute_url()]


def test_it_describes_each_meeting_and_escapes_its_text(client, meetings):
    feed, _ = parse_atom(client, "/meetings/feed/?year=2023")
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "Official visit: Yaşar Güler – Aleksandar Vučić (2023-10-25)"
    assert entry.find(f"{ATOM}published").text.startswith("2023-10-25")
    summary = entry.find(f"{ATOM}summary").text
    assert "Minister of National Defence (Türkiye)" in summary and "<b>in October</b>" in summary
    raw = client.get("/meetings/feed/?year=2023").content.decode()
    assert "<b>in October</b>" not in raw  # escaped in the XML, text again once parsed


def test_it_marks_proposed_meetings_in_the_feed(client, meetings):
    feed, _ = parse_atom(client, "/meetings/feed/?country=US")
    assert "not yet verified" in feed.find(f"{ATOM}entry/{ATOM}summary").text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("person", ["visit", "undated"]),
        ("/countries/US/feed/", ["call"]),
        ("/countries/TR/feed/", ["visit", "undated"]),
        ("/countries/TR/RS/feed/", ["visit", "undated"]),
        ("/countries/US/TR/feed/", []),
    ],
)
def test_it_serves_a_feed_per_person_country_and_pair(client, meetings, url, expected):
    if url == "person":
        url = f"{meetings['guler'].get_absolute_url()}feed/"
    _, links = parse_atom(client, url)
    assert links == [meetings[name].get_absolute_url() for name in expected]


def test_it_never_puts_a_rejected_meeting_in_a_feed(client, meetings):
    rejected = meetings["rejected"].get_absolute_url()
    for url in ("/meetings/feed/", "/meetings/feed/?year=2024", "/countries/RS/TR/feed/", "/countries/RS/feed/"):
        assert rejected not in parse_atom(client, url)[1]


@pytest.mark.parametrize(
    "url", ["/people/nobody/feed/", "/countries/QQ/feed/", "/countries/RS/RS/feed/", "/countries/RS/QQ/feed/"]
)
def test_it_answers_404_for_a_feed_of_nothing(client, meetings, url):
    assert client.get(url).status_code == 404


def test_it_ignores_bad_filter_values_in_the_feed(client, meetings):
    _, links = parse_atom(client, "/meetings/feed/?year=²&country=%00&page=x&from=2023-13-01")
    assert len(links) == 3


@pytest.mark.parametrize(
    "page", ["/meetings/?country=RS", "/countries/RS/", "/countries/RS/TR/", "person", "/meetings/2023/"]
)
def test_it_advertises_the_feed_in_the_page_head(client, meetings, page):
    if page == "person":
        page = meetings["guler"].get_absolute_url()
    html = client.get(page).content.decode()
    head = html[: html.index("</head>")]
    found = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]+)">', head)
    assert len(found) == 1
    parse_atom(client, found[0].replace("&amp;", "&"))
