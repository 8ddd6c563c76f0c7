"""An analyst's walk in a real Chromium: search → person → country pair → meeting → the CSV of the pair's meetings.

The downloaded rows are checked against the database; the person, pair and country pages are saved as
1280×800 screenshots in /tmp/analyst-shots/; no page may break the Content-Security-Policy.
"""

import csv
import io
from pathlib import Path

import pytest

from archive.core.models import Meeting
from search import indexing
from tests.core.test_csp_browser import browser_page, settle  # noqa: F401 (the fixture)
from tests.search.conftest import search_index  # noqa: F401 (the fixture)

from .meeting_data import day, give_role, make_article, make_meeting, make_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
SHOTS = Path("/tmp/analyst-shots")


def person(name, code, *variants):
    someone = make_person(name, *variants)
    someone.country_id = code
    someone.save()
    return someone


@pytest.fixture
def archive(search_index):  # noqa: F811 (the fixture)
    vucic = person("Aleksandar Vučić", "RS", "Aleksandar Vucic", "Александар Вучић")
    guler, akar = person("Yaşar Güler", "TR"), person("Hulusi Akar", "TR")
    dacic, scott = person("Ivica Dačić", "RS"), person("Kyle Scott", "US")
    give_role(vucic, "Prime Minister", start=day(2014, 4, 27), end=day(2017, 5, 31))
    give_role(vucic, "President of Serbia", start=day(2017, 5, 31))
    give_role(guler, "Minister of National Defence", start=day(2023, 6, 4))
    give_role(akar, "Minister of National Defence", start=day(2018, 7, 10), end=day(2023, 6, 4))
    meetings = []
    for year, month, host, turk, role in (
        (2019, 10, "TR", akar, "Minister of National Defence"),
        (2021, 4, "TR", akar, "Minister of National Defence"),
        (2022, 9, "RS", akar, "Minister of National Defence"),
        (2023, 10, "RS", guler, "Minister of National Defence"),
        (2024, 3, "TR", guler, "Minister of National Defence"),
    ):
        city = "Belgrade" if host == "RS" else "Ankara"
        report = make_article(
            f"Vučić and {turk.name} meet in {city}",
            f"President Aleksandar Vučić met {turk.name} in {city} to discuss defence cooperation.",
            countries=["RS", "TR"],
            people=[vucic, turk],
            published=day(year, month, 3),
            url=f"https://news.example.org/{year}/{month}/vucic-{city.lower()}",
        )
        meetings.append(
            make_meeting(
                (vucic, "RS", "President of Serbia", "host" if host == "RS" else "guest"),
                (turk, "TR", role, "guest" if host == "RS" else "host"),
                date=day(year, month, 2),
                host=host,
                city=city,
                country_id=host,
                kind="visit",
                article=report,
            )
        )
    make_meeting((dacic, "RS", "Minister of Foreign Affairs"), (guler, "TR", "Minister"), review="unreviewed")
    make_meeting((vucic, "RS", "President"), (scott, "US", "Ambassador"), date=day(2022, 6, 1), host="RS")
    make_article("Vučić receives the US ambassador", countries=["RS", "US"], people=[vucic, scott])
    indexing.rebuild()
    return {"vucic": vucic, "meetings": meetings}


def test_it_walks_from_a_search_to_a_pair_a_meeting_and_its_csv(browser_page, live_server, archive):  # noqa: F811
    page, problems = browser_page
    page.set_viewport_size({"width": 1280, "height": 800})
    SHOTS.mkdir(parents=True, exist_ok=True)

    page.goto(live_server.url + "/")
    page.fill("input[name=q]", "Vucic")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".result")
    page.locator(".result .involved a", has_text="Aleksandar Vučić").first.click()
    page.wait_for_url(f"**{archive['vucic'].get_absolute_url()}")
    settle(page)
    assert page.locator("h1").inner_text() == "Aleksandar Vučić"
    assert page.locator(".role-chart a").count() == 2  # Prime Minister, then President
    page.screenshot(path=str(SHOTS / "person-vucic.png"))

    # The counterparts: Akar and Güler, each a link to the pair of countries.
    page.locator(".counterparts a", has_text="Serbia – Türkiye").first.click()
    page.wait_for_url("**/countries/RS/TR/")
    settle(page)
    assert "6 meetings between them" in page.locator(".pair-summary").inner_text()
    page.screenshot(path=str(SHOTS / "pair-RS-TR.png"))

    newest = archive["meetings"][-1]
    page.locator(f'.meeting-table a[href="{newest.get_absolute_url()}"]').click()
    page.wait_for_url(f"**{newest.get_absolute_url()}")
    settle(page)
    assert "Yaşar Güler" in page.locator("h1").inner_text()
    page.go_back()
    page.wait_for_url("**/countries/RS/TR/")
    settle(page)

    with page.expect_download() as download:
        page.locator('.exports a[type="text/csv"]').click()
    assert download.value.suggested_filename == "meetings.csv"
    text = Path(download.value.path()).read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    expected = Meeting.objects.public().between("RS", "TR").newest_first().prefetch_related("participations__person")
    assert [int(r["id"]) for r in rows] == [m.pk for m in expected]
    for row, meeting in zip(rows, expected, strict=True):
        assert row["date"] == (meeting.date.isoformat() if meeting.date else "")
        assert row["host_country"] == (meeting.host_country_id or "")
        assert row["kind"] == meeting.kind and row["city"] == meeting.city
        assert row["review"] == ("verified" if meeting.review_status == "verified" else "proposed")
        names = {p.person.name for p in meeting.participations.all()}
        assert {part.split(" (")[0] for part in row["participants"].split("; ")} == names
        sources = set(meeting.articles.values_list("url", flat=True))
        assert set(row["source_urls"].split()) == sources

    page.locator("h1 a", has_text="Serbia").click()
    page.wait_for_url("**/countries/RS/")
    settle(page)
    assert page.locator(".partner-grid a").count() >= 6
    page.screenshot(path=str(SHOTS / "country-RS.png"))
    # A cell of the grid opens the list for that pair and year.
    page.locator(".partner-grid a", has_text="1").first.click()
    page.wait_for_url("**/meetings/?pair=RS-*")
    settle(page)
    assert page.locator(".meeting-table tbody tr").count() >= 1
    assert not problems
