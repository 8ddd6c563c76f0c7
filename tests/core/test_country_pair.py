"""The country-pair page: every public meeting between two countries, who hosted, per year, and the reports."""

import re

import pytest
from django.test import Client

from archive.core.models import Meeting, Participation

from .meeting_data import day, make_article, make_meeting, make_person, meeting_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.fixture
def pair():
    vucic, guler, scott = make_person("Aleksandar Vučić"), make_person("Yaşar Güler"), make_person("Kyle Scott")
    report = make_article("Ministers meet in Belgrade", published=day(2023, 10, 26))
    belgrade = make_meeting(
        (vucic, "RS", "President of Serbia", "host"),
        (guler, "TR", "Minister of National Defence", "guest"),
        date=day(2023, 10, 25),
        host="RS",
        city="Belgrade",
        country_id="RS",
        article=report,
    )
    ankara = make_meeting((vucic, "RS", "President of Serbia", "guest"), date=day(2021, 4, 1), host="TR", city="Ankara")
    undated = make_meeting((vucic, "RS", "Prime Minister"), (guler, "TR", "Chief of the General Staff"))
    # Not between Serbia and Türkiye: only the venue is Turkish, or the other side is American.
    venue_only = make_meeting((vucic, "RS", "President"), (scott, "US", "Ambassador"), country_id="TR", date=day(2022))
    rejected = make_meeting((vucic, "RS", "President"), (guler, "TR", "Minister"), date=day(2024), review="rejected")
    hidden_report = make_article("A rejected report")
    rejected.articles.add(hidden_report)
    return locals()


def test_it_lists_every_meeting_between_the_two_newest_first(client, pair):
    page = client.get("/countries/RS/TR/").content.decode()
    assert meeting_ids(page) == [pair["belgrade"].pk, pair["ankara"].pk, pair["undated"].pk]
    assert "3 meetings between them" in page
    # Who met whom, with their roles at the time and the side they were on.
    assert "Minister of National Defence" in page and "Chief of the General Staff" in page
    assert "Prime Minister" in page and "guest" in page and "host" in page


def test_it_is_the_same_pair_either_way_round(client, pair):
    assert meeting_ids(client.get("/countries/tr/rs/").content.decode()) == meeting_ids(
        client.get("/countries/RS/TR/").content.decode()
    )


def test_it_says_which_side_hosted(client, pair):
    page = client.get("/countries/RS/TR/").content.decode()
    assert "1 hosted by Serbia, 1 by Türkiye," in page
    assert "1 elsewhere or with no host recorded" in page


def test_it_never_shows_rejected_facts(client, pair):
    page = client.get("/countries/RS/TR/").content.decode()
    assert pair["rejected"].pk not in meeting_ids(page)
    assert "A rejected report" not in page
    # Rejecting the only Turkish participation of an unhosted meeting takes it off the pair.
    Participation.objects.filter(meeting=pair["undated"], country="TR").update(review_status="rejected")
    assert pair["undated"].pk not in meeting_ids(client.get("/countries/RS/TR/").content.decode())


def test_it_lists_the_reporting_articles(client, pair):
    page = client.get("/countries/RS/TR/").content.decode()
    assert "Ministers meet in Belgrade" in page and pair["report"].get_absolute_url() in page


def test_it_charts_meetings_per_year_with_each_bar_a_link_to_those_meetings(client, pair):
    page = client.get("/countries/RS/TR/").content.decode()
    chart = page[page.index("<svg") : page.index("</svg>")]
    assert "<script" not in page.lower() and "cdn" not in chart.lower()
    links = re.findall(r'<a href="([^"]+)"><title>([^<]+)', chart)
    bars = {title: href.replace("&amp;", "&") for href, title in links}
    assert bars == {
        "2021: 1 meeting": "/meetings/?pair=RS-TR&year=2021",
        "2023: 1 meeting": "/meetings/?pair=RS-TR&year=2023",
        "undated: 1 meeting": "/meetings/?pair=RS-TR&undated=1",
    }
    assert meeting_ids(client.get(bars["2023: 1 meeting"]).content.decode()) == [pair["belgrade"].pk]
    assert meeting_ids(client.get(bars["undated: 1 meeting"]).content.decode()) == [pair["undated"].pk]


def test_it_pages_a_long_history(client, pair):
    for i in range(55):
        make_meeting((pair["vucic"], "RS", "President"), date=day(2000, 1, 1 + i % 28), host="TR")
    first = meeting_ids(client.get("/countries/RS/TR/").content.decode())
    second = meeting_ids(client.get("/countries/RS/TR/?page=2").content.decode())
    assert len(first) == 50 and len(second) == 8 and not set(first) & set(second)
    assert "Ignored the page number" in client.get("/countries/RS/TR/?page=x").content.decode()


def test_it_is_reached_from_the_country_page_and_the_meeting_page(client, pair):
    country_page = client.get("/countries/RS/").content.decode()
    partners = country_page[country_page.index("Met most often") :]
    # Türkiye first (3 meetings), the United States second (1): the venue alone makes no partner.
    assert re.findall(r'href="/countries/RS/([A-Z]{2})/"', partners) == ["TR", "US"]
    assert "3 meetings" in partners
    # The country's own per-year chart opens the list filtered by the country and the year.
    assert 'href="/meetings/?country=RS&amp;year=2023"' in country_page
    assert 'href="/meetings/?country=RS&amp;undated=1"' in country_page
    meeting_page = client.get(pair["belgrade"].get_absolute_url()).content.decode()
    assert 'href="/countries/RS/TR/"' in meeting_page


def test_it_advertises_the_pair_feed_and_the_downloads(client, pair):
    page = client.get("/countries/RS/TR/").content.decode()
    head = page[: page.index("</head>")]
    assert '<link rel="alternate" type="application/atom+xml"' in head and 'href="/countries/RS/TR/feed/"' in head
    assert '<a href="/meetings/export.csv?pair=RS-TR" type="text/csv"' in page


@pytest.mark.parametrize("url", ["/countries/RS/RS/", "/countries/RS/QQ/", "/countries/R1/TR/", "/countries/RS/TR/x/"])
def test_it_answers_404_for_a_pair_that_is_not_one(client, pair, url):
    assert client.get(url).status_code == 404


def test_it_keeps_the_pair_rule_in_one_queryset_method(pair):
    between = set(Meeting.objects.public().between("TR", "RS").values_list("pk", flat=True))
    assert between == {pair["belgrade"].pk, pair["ankara"].pk, pair["undated"].pk}
