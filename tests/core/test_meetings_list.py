"""The meetings list: filters, pagination, the undated bucket, and what is never shown (rejected facts)."""

import re

import pytest
from django.test import Client

from archive.core.models import Meeting, Participation

from .meeting_data import day, give_role, make_meeting, make_organisation, make_person, meeting_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    # A server error shows as a 500 here, as a visitor would see it, not as an exception.
    return Client(raise_request_exception=False)


@pytest.fixture
def world():
    vucic, guler, scott, orban = (make_person(n) for n in ("Aleksandar Vučić", "Yaşar Güler", "Kyle Scott", "V O"))
    rs_tr_2023 = make_meeting((vucic, "RS", "President", "host"), (guler, "TR", "Minister"), date=day(2023, 10, 25))
    rs_tr_2021 = make_meeting(
        (vucic, "RS", "President"), (guler, "TR", "Chief of Staff"), date=day(2021, 3, 2), kind="phone_call"
    )
    rs_us = make_meeting(
        (vucic, "RS", "President"), (scott, "US", "Ambassador"), date=day(2022, 5, 1), review="unreviewed"
    )
    hu_undated = make_meeting((orban, "HU", "Prime Minister"), host="HU", status="planned")
    rs_tr_undated = make_meeting((vucic, "RS", "President"), host="TR")
    rejected = make_meeting(
        (vucic, "RS", "President"), (guler, "TR", "Minister"), date=day(2023, 1, 1), review="rejected"
    )
    return locals()


def ids(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return meeting_ids(response.content.decode())


def test_it_lists_every_public_meeting_newest_first_with_the_undated_last(client, world):
    w = world
    expected = [w["rs_tr_2023"], w["rs_us"], w["rs_tr_2021"], w["rs_tr_undated"], w["hu_undated"]]
    assert ids(client, "/meetings/") == [m.pk for m in expected]


def test_it_says_how_many_are_undated_and_shows_only_those_on_request(client, world):
    page = client.get("/meetings/").content.decode()
    assert "of which 2 undated" in page
    assert 'href="?undated=1"' in page
    assert set(ids(client, "/meetings/?undated=1")) == {world["hu_undated"].pk, world["rs_tr_undated"].pk}


def test_it_never_shows_a_rejected_meeting_or_participation(client, world):
    rejected = world["rejected"]
    assert rejected.pk not in ids(client, "/meetings/")
    assert rejected.pk not in ids(client, "/meetings/?year=2023")
    assert client.get(rejected.get_absolute_url()).status_code == 404
    # A rejected participation: the person disappears from the meeting and the meeting from their filter.
    Participation.objects.filter(meeting=world["rs_us"], person=world["scott"]).update(review_status="rejected")
    page = client.get("/meetings/").content.decode()
    assert "Kyle Scott" not in page
    assert ids(client, f"/meetings/?person={world['scott'].pk}") == []
    assert world["rs_us"].pk not in ids(client, "/meetings/?country=US")


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("country=US&country=HU", ["rs_us", "hu_undated"]),  # several countries: any of them
        ("country=tr", ["rs_tr_2023", "rs_tr_2021", "rs_tr_undated"]),  # host counts; case does not matter
        ("pair=RS-TR", ["rs_tr_2023", "rs_tr_2021", "rs_tr_undated"]),
        ("pair=TR-US", []),
        ("kind=phone_call", ["rs_tr_2021"]),
        ("status=planned", ["hu_undated"]),
        ("year=2023", ["rs_tr_2023"]),
        ("from=2021-06-01&to=2022-12-31", ["rs_us"]),
        ("from=2022-01-01", ["rs_tr_2023", "rs_us"]),
        ("verified=1&country=RS", ["rs_tr_2023", "rs_tr_2021", "rs_tr_undated"]),
        ("undated=1&country=RS", ["rs_tr_undated"]),
    ],
)
def test_it_filters_the_list(client, world, query, names):
    assert ids(client, f"/meetings/?{query}") == [world[n].pk for n in names]
    page = client.get(f"/meetings/?{query}").content.decode()
    assert f'<p class="meta">{len(names)} meeting{"" if len(names) == 1 else "s"}' in page


def test_it_filters_by_person(client, world):
    expected = [world["rs_tr_2023"], world["rs_tr_2021"]]
    assert ids(client, f"/meetings/?person={world['guler'].pk}") == [m.pk for m in expected]
    page = client.get(f"/meetings/?person={world['guler'].pk}").content.decode()
    assert "Meetings with Yaşar Güler" in page


def test_it_filters_by_several_people_to_the_meetings_they_all_attended(client, world):
    w = world
    both = f"/meetings/?person={w['vucic'].pk}&person={w['guler'].pk}"
    assert ids(client, both) == [w["rs_tr_2023"].pk, w["rs_tr_2021"].pk]
    page = client.get(both).content.decode()
    assert "Meetings with Aleksandar Vučić and Yaşar Güler" in page
    # Each chip removes its own person and keeps the other.
    assert f'href="?person={w["guler"].pk}" aria-label="Remove this filter"' in page
    assert ids(client, f"/meetings/?person={w['guler'].pk}&person={w['scott'].pk}") == []
    # An unknown id is named and ignored; the known one still filters.
    page = client.get(f"/meetings/?person={w['guler'].pk}&person=999999").content.decode()
    assert "Ignored the person “999999”: no such person." in page
    assert meeting_ids(page) == [w["rs_tr_2023"].pk, w["rs_tr_2021"].pk]


def test_it_links_a_counterpart_to_the_meetings_of_the_two(client, world):
    w = world
    page = client.get(w["vucic"].get_absolute_url()).content.decode()
    link = f'href="/meetings/?person={w["vucic"].pk}&amp;person={w["guler"].pk}"'
    assert link in page
    assert ids(client, f"/meetings/?person={w['vucic'].pk}&person={w['guler'].pk}") == [
        w["rs_tr_2023"].pk,
        w["rs_tr_2021"].pk,
    ]


def test_it_filters_by_organisation_through_the_role_held_at_the_time(client, world):
    nato = make_organisation("Test Alliance Organisation", "TAO")
    general = make_person("Test General")
    give_role(general, "Deputy Commander", nato, start=day(2020), end=day(2022, 12, 31))
    during = make_meeting((general, None, "Deputy Commander"), (world["vucic"], "RS", "President"), date=day(2021, 6))
    after = make_meeting((general, None, "Adviser"), (world["vucic"], "RS", "President"), date=day(2024, 2))
    undated = make_meeting((general, None, ""))
    assert ids(client, "/meetings/?organisation=tao") == [during.pk, undated.pk]
    assert after.pk not in ids(client, "/meetings/?organisation=tao")


def test_it_keeps_the_year_page_as_the_list_for_that_year(client, world):
    assert ids(client, "/meetings/2023/") == [world["rs_tr_2023"].pk]


def test_it_draws_a_chart_whose_bars_open_the_filtered_list(client, world):
    page = client.get("/meetings/?country=TR").content.decode()
    assert "<svg" in page and "<script" not in page
    bars = re.findall(r'<a href="(/meetings/\?[^"]+)"><title>([^<]+)</title>', page)
    assert [title for _, title in bars] == ["2021: 1 meeting", "2023: 1 meeting", "undated: 1 meeting"]
    for href, title in bars:
        assert len(ids(client, href.replace("&amp;", "&"))) == 1, title
    assert ("/meetings/?country=TR&amp;undated=1", "undated: 1 meeting") in bars


def test_it_pages_by_fifty(client, db):
    person = make_person("Paged Person")
    made = [make_meeting((person, "RS", "Minister"), date=day(2000 + i // 12, i % 12 + 1)) for i in range(120)]
    newest_first = [m.pk for m in reversed(made)]
    assert ids(client, "/meetings/") == newest_first[:50]
    assert ids(client, "/meetings/?page=3") == newest_first[100:]
    assert ids(client, "/meetings/?page=99") == newest_first[100:]  # past the end: the last page
    page = client.get("/meetings/?country=RS&page=2").content.decode()
    assert "Page 2 of 3" in page
    assert 'href="?country=RS&amp;page=3"' in page and 'href="?country=RS&amp;page=1"' in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("page=²", "Ignored the page number: not a page."),
        ("year=²", "Ignored the year “²”: not a year."),
        ("year=99999", "Ignored the year “99999”: not a year."),
        ("country=Serbia", "Ignored the country “Serbia”: not a two-letter country code."),
        ("country=QQ", "Ignored the country “QQ”: no such country."),
        ("pair=RS-RS", "Ignored the country pair “RS-RS”: it takes two different codes"),
        ("pair=RS", "Ignored the country pair “RS”"),
        ("person=abc", "Ignored the person “abc”: no such person."),
        ("person=999999", "Ignored the person “999999”: no such person."),
        ("organisation=%00", "Ignored the organisation"),
        ("kind=summit", "Ignored the kind “summit”: not a kind of meeting."),
        ("status=%3Cb%3E", "Ignored the status “&lt;b&gt;”: not a status."),
        ("from=2023-02-30", "Ignored the “from” date “2023-02-30”: write it as YYYY-MM-DD."),
        ("to=yesterday", "Ignored the “to” date “yesterday”"),
        ("undated=1&year=2023", "Ignored “undated”"),
    ],
)
def test_it_answers_bad_parameters_with_a_message(client, world, query, message):
    response = client.get(f"/meetings/?{query}")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert world["rejected"].pk not in meeting_ids(response.content.decode())


def test_it_escapes_what_a_visitor_typed(client, world):
    page = client.get("/meetings/?country=%3Cscript%3E").content.decode()
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_it_links_the_exports_and_the_feed_with_their_media_types(client, world):
    page = client.get("/meetings/?pair=RS-TR").content.decode()
    assert '<a href="/meetings/export.csv?pair=RS-TR" type="text/csv"' in page
    assert '<a href="/meetings/export.json?pair=RS-TR" type="application/json"' in page
    assert '<link rel="alternate" type="application/atom+xml"' in page
    assert Meeting.objects.public().between("RS", "TR").count() == 3


def test_it_marks_proposed_meetings(client, world):
    page = client.get("/meetings/?country=US").content.decode()
    assert 'class="proposed"' in page
    assert 'class="proposed"' not in client.get("/meetings/?country=TR").content.decode()
    assert 'class="proposed"' in client.get(world["rs_us"].get_absolute_url()).content.decode()
