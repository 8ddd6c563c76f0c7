"""The person page: counterparts met with counts, roles over time, meetings attended; in a bounded number of queries."""

import re

import pytest
from django.test import Client

from archive.core.models import Participation

from .meeting_data import day, give_role, make_meeting, make_organisation, make_person, meeting_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def person(name, code):
    someone = make_person(name)
    someone.country_id = code
    someone.save()
    return someone


@pytest.fixture
def world():
    vucic, vucevic = person("Aleksandar Vučić", "RS"), person("Miloš Vučević", "RS")
    guler, scott, nobody = person("Yaşar Güler", "TR"), person("Kyle Scott", "US"), make_person("Unplaced Person")
    belgrade = make_meeting(
        (vucic, "RS", "President", "host"),
        (vucevic, "RS", "Minister of Defence", "host"),  # beside him, for Serbia: a colleague
        (guler, "TR", "Minister of National Defence", "guest"),
        date=day(2023, 10, 25),
        host="RS",
    )
    ankara = make_meeting(
        (vucic, "RS", "President", "guest"), (guler, "TR", "Minister"), date=day(2021, 4, 1), host="TR"
    )
    embassy = make_meeting((vucic, "RS", "President"), (scott, "US", "Ambassador"), date=day(2022, 6, 1))
    # Nobody's country is not recorded: they count as a counterpart, with no pair to link.
    unplaced = make_meeting((vucic, "RS", "President"), (nobody, None, ""), review="unreviewed")
    rejected = make_meeting((vucic, "RS", "President"), (scott, "US", "Ambassador"), date=day(2024), review="rejected")
    return locals()


def counterpart_rows(page):
    table = page[page.index('class="counterparts"') : page.index("</table>", page.index('class="counterparts"'))]
    return re.findall(
        r'<tr><td><a href="/people/([^/]+)/">[^<]+</a></td>.*?<td class="num"><a [^>]+>(\d+)</a></td></tr>', table, re.S
    )


def test_it_lists_the_counterparts_met_with_counts_most_first(client, world):
    page = client.get(world["vucic"].get_absolute_url()).content.decode()
    rows = counterpart_rows(page)
    # Güler twice; Scott once (the rejected meeting does not count); Vučević, on Serbia's side, not at all.
    assert rows[0] == (world["guler"].slug, "2")
    assert sorted(rows[1:]) == sorted([(world["scott"].slug, "1"), (world["nobody"].slug, "1")])
    assert "3 counterparts" in page


def test_it_links_each_counterpart_to_their_page_and_to_the_pair_of_countries(client, world):
    page = client.get(world["vucic"].get_absolute_url()).content.decode()
    table = page[page.index('class="counterparts"') :]
    assert f'href="{world["guler"].get_absolute_url()}"' in table
    assert 'href="/countries/RS/TR/"' in table and 'href="/countries/RS/US/"' in table
    assert "not recorded" in table  # the unplaced counterpart: no pair to link
    # The pair page it opens lists both meetings with Güler.
    pair = client.get("/countries/RS/TR/").content.decode()
    assert set(meeting_ids(pair)) == {world["belgrade"].pk, world["ankara"].pk}


def test_it_counts_counterparts_from_the_other_side_for_them_too(client, world):
    page = client.get(world["guler"].get_absolute_url()).content.decode()
    rows = dict(counterpart_rows(page))
    assert rows == {world["vucic"].slug: "2", world["vucevic"].slug: "1"}
    assert 'href="/countries/TR/RS/"' in page


def test_it_never_counts_a_rejected_participation(client, world):
    Participation.objects.filter(meeting=world["ankara"], person=world["guler"]).update(review_status="rejected")
    rows = dict(counterpart_rows(client.get(world["vucic"].get_absolute_url()).content.decode()))
    assert rows[world["guler"].slug] == "1"


def test_it_counts_verified_facts_only_when_asked(client, world):
    page = client.get(world["vucic"].get_absolute_url() + "?verified=1").content.decode()
    rows = dict(counterpart_rows(page))
    assert world["nobody"].slug not in rows and rows[world["guler"].slug] == "2"


def test_it_pages_a_long_list_of_counterparts(client, world):
    for i in range(30):
        make_meeting(
            (world["vucic"], "RS", "President"), (make_person(f"Envoy {i:02d}"), "FR", "Envoy"), date=day(2020)
        )
    first = counterpart_rows(client.get(world["vucic"].get_absolute_url()).content.decode())
    page = client.get(world["vucic"].get_absolute_url() + "?met=2").content.decode()
    second = counterpart_rows(page)
    assert len(first) == 25 and len(second) == 8 and not set(first) & set(second)
    assert "33 counterparts" in page and "Page 2 of 2" in page
    # The pager keeps "verified only".
    verified = client.get(world["vucic"].get_absolute_url() + "?verified=1").content.decode()
    assert 'href="?verified=1&amp;met=2"' in verified
    assert "Ignored the page number" in client.get(world["vucic"].get_absolute_url() + "?met=x").content.decode()


def test_it_draws_roles_over_time_each_bar_a_link_to_the_meetings_in_that_role(client, world):
    vucic = world["vucic"]
    sns = make_organisation("Serbian Progressive Party", "SNS")
    give_role(vucic, "Prime Minister", start=day(2014, 4, 27), end=day(2017, 5, 31))
    give_role(vucic, "President", start=day(2017, 5, 31))
    give_role(vucic, "Party leader", organisation=sns)
    page = client.get(vucic.get_absolute_url()).content.decode()
    chart = page[page.index('class="role-chart"') : page.index("</svg>", page.index('class="role-chart"'))]
    bars = dict(re.findall(r'<a href="([^"]+)"><title>([^:]+):', chart))
    assert list(bars.values()) == ["Prime Minister", "President"]  # oldest first
    links = {title: href.replace("&amp;", "&") for href, title in bars.items()}
    assert links["Prime Minister"] == f"/meetings/?person={vucic.pk}&from=2014-04-27&to=2017-05-31"
    assert links["President"] == f"/meetings/?person={vucic.pk}&from=2017-05-31"
    in_office = meeting_ids(client.get(links["President"]).content.decode())
    assert in_office == [world["belgrade"].pk, world["embassy"].pk, world["ankara"].pk]
    assert "27 Apr 2014 – 31 May 2017" in page and "31 May 2017 – today" in page
    undated = page[page.index("Dates unknown") :]
    assert "Party leader" in undated and 'href="/organisations/sns/"' in undated


def test_it_still_shows_the_meetings_attended(client, world):
    page = client.get(world["vucic"].get_absolute_url()).content.decode()
    assert 'class="timeline"' in page and "Minister of National Defence" in page
    assert world["rejected"].get_absolute_url() not in page


def test_it_reads_a_page_in_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    vucic = world["vucic"]
    with django_assert_max_num_queries(16) as few:
        assert client.get(vucic.get_absolute_url()).status_code == 200
    for i in range(40):
        envoy = make_person(f"Envoy {i:02d}")
        give_role(envoy, "Envoy", start=day(2010 + i % 10))
        give_role(vucic, f"Role {i}", start=day(1990 + i % 30), end=day(2020))
        make_meeting((vucic, "RS", "President"), (envoy, "FR", "Envoy"), date=day(2000 + i % 20))
    with django_assert_max_num_queries(len(few)):
        assert client.get(vucic.get_absolute_url()).status_code == 200
