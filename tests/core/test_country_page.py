"""The country page: partners ranked with a per-year grid, visits hosted and made, partners by UN M49 region,
the people who represented it; in a bounded number of queries."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from archive.core import regions

from .meeting_data import day, make_meeting, make_person, meeting_ids

pytestmark = pytest.mark.django_db
DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.fixture
def world():
    vucic, guler, scott = make_person("Aleksandar Vučić"), make_person("Yaşar Güler"), make_person("Kyle Scott")
    vucic.country_id = "RS"
    vucic.save()
    milanovic = make_person("Zoran Milanović")
    belgrade = make_meeting((vucic, "RS", "President"), (guler, "TR", "Minister"), date=day(2023, 10, 25), host="RS")
    ankara = make_meeting((vucic, "RS", "President"), (guler, "TR", "Minister"), date=day(2021, 4, 1), host="TR")
    istanbul = make_meeting((vucic, "RS", "President"), (guler, "TR", "Minister"), date=day(2021, 9, 1), host="TR")
    undated = make_meeting((vucic, "RS", "President"), (guler, "TR", "Minister"))
    washington = make_meeting((vucic, "RS", "President"), (scott, "US", "Secretary"), date=day(2022, 2, 2), host="US")
    zagreb = make_meeting((vucic, "RS", "President"), (milanovic, "HR", "President"), date=day(2022, 5, 5), host="HR")
    # Hosted by Serbia but proposed only: out of "verified only".
    proposed = make_meeting(
        (vucic, "RS", "President"), (milanovic, "HR", "President"), date=day(2023), host="RS", review="unreviewed"
    )
    make_meeting((vucic, "RS", "President"), (scott, "US", "Secretary"), date=day(2024), host="RS", review="rejected")
    return locals()


def section(page, start, end):
    begin = page.index(start)
    return page[begin : page.index(end, begin)]


def test_it_ranks_partners_by_meetings_with_who_hosted(client, world):
    page = client.get("/countries/RS/").content.decode()
    top = section(page, "Met most often", "</ol>")
    assert re.findall(r'href="/countries/RS/([A-Z]{2})/"', top) == ["TR", "HR", "US"]
    assert "4 meetings: 1 hosted here, 2 there" in top  # Belgrade here; Ankara and Istanbul in Türkiye
    assert "2 meetings: 1 hosted here, 1 there" in top  # Croatia: the proposed one in Serbia, Zagreb


def test_it_charts_partners_per_year_each_cell_a_link_to_those_meetings(client, world):
    page = client.get("/countries/RS/").content.decode()
    grid = section(page, 'class="partner-grid"', "</svg>")
    assert "<script" not in page.lower()
    cells = {title: href.replace("&amp;", "&") for href, title in re.findall(r'<a href="([^"]+)"><title>([^<]+)', grid)}
    assert cells["Türkiye, 2021: 2 meetings"] == "/meetings/?pair=RS-TR&year=2021"
    assert cells["Türkiye, undated: 1 meeting"] == "/meetings/?pair=RS-TR&undated=1"
    assert cells["United States, 2022: 1 meeting"] == "/meetings/?pair=RS-US&year=2022"
    assert len(cells) == 6  # TR 2021, 2023, undated; HR 2022, 2023; US 2022; nothing for the rejected 2024
    listed = meeting_ids(client.get(cells["Türkiye, 2021: 2 meetings"]).content.decode())
    assert listed == [world["istanbul"].pk, world["ankara"].pk]


def test_it_counts_visits_hosted_and_made(client, world):
    page = client.get("/countries/RS/").content.decode()
    travel = section(page, 'class="travel"', "</p>")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", travel))
    assert "Of 7 meetings involving Serbia: 2 hosted by Serbia" in text
    assert "4 hosted by another country" in text and "1 with no host recorded" in text


def test_it_groups_partners_by_un_m49_region_from_the_library(client, world):
    page = client.get("/countries/RS/").content.decode()
    by_region = section(page, "By region", "Met most often")
    groups = re.findall(r"<h4>([^<]+?) <span", by_region)
    assert groups == ["Western Asia", "Southern Europe", "Northern America"]  # 4, 2 and 1 meetings
    assert regions.region_of("TR") == ("Asia", "Western Asia")
    assert regions.region_of("XK") == ("Europe", "Southern Europe")
    assert regions.region_of("NA") == ("Africa", "Southern Africa")  # Namibia's code is not "not available"
    assert regions.region_of("QQ") == (regions.UNKNOWN, regions.UNKNOWN)
    # The library's table gives these two as patterns of codes; both were "Region unknown".
    assert regions.region_of("GR") == ("Europe", "Southern Europe")
    assert regions.region_of("GB") == ("Europe", "Northern Europe")


def test_it_follows_verified_only_in_partners_and_travel(client, world):
    page = client.get("/countries/RS/?verified=1").content.decode()
    assert "2 meetings: 1 hosted here" not in page
    assert "1 meeting: 0 hosted here, 1 there" in section(page, "Met most often", "</ol>")  # Zagreb only
    grid = section(page, 'class="partner-grid"', "</svg>")
    assert 'href="/meetings/?pair=RS-HR&amp;year=2022&amp;verified=1"' in grid


def test_it_lists_the_people_who_represented_it_with_their_meetings(client, world):
    page = client.get("/countries/RS/").content.decode()
    people = section(page, "<h2>People</h2>", "</ul>")
    assert "Aleksandar Vučić" in people and "7 meetings" in people


def test_it_has_no_partner_section_without_meetings(client, world):
    page = client.get("/countries/FR/").content.decode()
    assert 'class="partner-grid"' not in page and "By region" not in page
    assert "No meetings with other countries recorded." in page


def test_it_reads_a_page_in_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(16) as few:
        assert client.get("/countries/RS/").status_code == 200
    someone = world["vucic"]
    for i, code in enumerate(["FR", "DE", "IT", "GR", "BG", "RO", "HU", "AT", "SI", "BA", "ME", "MK", "AL", "CN"]):
        envoy = make_person(f"Envoy {code}")
        envoy.country_id = "RS" if i % 2 else None
        envoy.save()
        for year in range(2010, 2010 + i):
            make_meeting((someone, "RS", "President"), (envoy, code, "Envoy"), date=day(year), host=code)
    with django_assert_max_num_queries(len(few)):
        page = client.get("/countries/RS/")
    assert page.status_code == 200 and len(page.content) < 300_000


def grouped_queries(context) -> list[str]:
    return [q["sql"] for q in context.captured_queries if "GROUP BY partner" in q["sql"]]


def test_it_reuses_its_partner_summary_until_a_meeting_or_participation_changes(client, world):
    """The grouping over every meeting of the country runs once; a curator's decision shows at once."""
    with CaptureQueriesContext(connection) as first:
        client.get("/countries/RS/")
    with CaptureQueriesContext(connection) as again:
        page = client.get("/countries/RS/").content.decode()
    assert len(grouped_queries(first)) == 1 and grouped_queries(again) == []
    assert "Serbia – United States" in section(page, "Met most often", "</ol>")

    washington = world["washington"]
    washington.review_status = "rejected"
    washington.save()
    page = client.get("/countries/RS/").content.decode()
    assert "United States" not in section(page, "Met most often", "</ol>")
    assert "United States" not in section(page, 'class="partner-grid"', "</svg>")

    # A participation alone: Croatia's president is rejected from the Zagreb meeting, which Croatia
    # still hosted; the proposed one in Belgrade loses its only Croatian.
    for participation in world["zagreb"].participations.filter(country_id="HR"):
        participation.review_status = "rejected"
        participation.save()
    for participation in world["proposed"].participations.filter(country_id="HR"):
        participation.delete()
    page = client.get("/countries/RS/").content.decode()
    assert 'Serbia – Croatia</a> <span class="meta">1 meeting: 0 hosted here, 1 there' in page


def test_it_reuses_the_summary_for_the_same_question_only(client, world):
    client.get("/countries/RS/")
    with CaptureQueriesContext(connection) as verified:
        page = client.get("/countries/RS/?verified=1").content.decode()
    with CaptureQueriesContext(connection) as other:
        client.get("/countries/TR/")
    assert len(grouped_queries(verified)) == 1 and len(grouped_queries(other)) == 1
    assert "1 meeting: 0 hosted here, 1 there" in section(page, "Met most often", "</ol>")


def test_it_answers_when_the_shared_cache_is_down(client, world, settings, caplog):
    """A Redis that does not answer (restarting, unreachable) slows the page, it does not break it."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": DEAD_REDIS}}
    page = client.get("/countries/RS/")
    assert page.status_code == 200
    assert "Serbia – Türkiye" in page.content.decode()
    assert "cache unavailable" in caplog.text
