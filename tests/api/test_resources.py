"""Articles, meetings, people and countries: pages, filters, details, errors, and no rejected fact anywhere."""

import json

import pytest

pytestmark = pytest.mark.django_db


def get(api, url, status=200):
    response = api.get(url)
    assert response.status_code == status, (url, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


def ids(api, url):
    return [item["id"] for item in get(api, url)["results"]]


def test_it_lists_articles_newest_first_with_their_public_mentions(api, world):
    w = world
    page = get(api, "/api/articles/")
    assert page["count"] == 3 and page["next"] is None and page["previous"] is None
    assert [a["id"] for a in page["results"]] == [w["belgrade"].pk, w["ankara"].pk, w["undated"].pk]
    first = page["results"][0]
    assert first["title"] == "Vučić receives Güler in Belgrade"
    assert first["url"] == "https://news.example.org/belgrade"
    assert first["source"] == {"slug": "tanjug", "name": "Tanjug"}
    assert (first["published"], first["published_precision"], first["language"]) == ("2023-10-25", "day", "en")
    assert [c["code"] for c in first["countries"]] == ["RS", "TR"]
    assert {p["name"] for p in first["people"]} == {"Aleksandar Vučić", "Yaşar Güler"}
    assert first["organisations"][0]["acronym"] == "NATO"
    assert first["meetings"] == [w["held"].pk]
    assert first["archive_url"] == f"http://testserver/articles/{w['belgrade'].pk}/"


def test_it_never_returns_a_rejected_fact(api, world):
    w = world
    ankara = get(api, f"/api/articles/{w['ankara'].pk}/")
    assert [c["code"] for c in ankara["countries"]] == ["TR"]
    assert [p["name"] for p in ankara["people"]] == ["Yaşar Güler"]
    assert ankara["organisations"] == []
    assert ankara["meetings"] == [w["call"].pk]  # not the rejected meeting it also reports
    # A rejected mention matches no filter.
    assert ids(api, "/api/articles/?country=US") == []
    assert ids(api, f"/api/articles/?person={w['scott'].pk}") == []
    # A rejected meeting is in no list and has no page; a rejected participant is in no meeting.
    assert w["rejected"].pk not in ids(api, "/api/meetings/?page_size=200")
    get(api, f"/api/meetings/{w['rejected'].pk}/", status=404)
    held = get(api, f"/api/meetings/{w['held'].pk}/")
    assert "Kyle Scott" not in json.dumps(held)
    assert w["held"].pk not in ids(api, "/api/meetings/?country=US")


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("country=RS", ["belgrade", "undated"]),
        ("country=tr", ["belgrade", "ankara"]),
        ("source=anadolu", ["ankara"]),
        ("language=sr", ["undated"]),
        ("published_after=2022-01-01", ["belgrade"]),
        ("published_before=2023-10-24", ["ankara"]),
        ("published_after=2021-03-02&published_before=2023-10-25", ["belgrade", "ankara"]),
        ("country=RS&source=tanjug", ["belgrade"]),
        ("country=AU", []),
    ],
)
def test_it_filters_articles(api, world, query, names):
    assert ids(api, f"/api/articles/?{query}") == [world[n].pk for n in names]


def test_it_filters_articles_by_person(api, world):
    assert ids(api, f"/api/articles/?person={world['vucic'].pk}") == [world["belgrade"].pk]


def test_it_pages_every_list(api, world):
    first = get(api, "/api/articles/?page_size=2")
    assert first["count"] == 3 and len(first["results"]) == 2 and first["previous"] is None
    assert first["next"] == "http://testserver/api/articles/?page=2&page_size=2"
    second = get(api, first["next"])
    assert [a["id"] for a in second["results"]] == [world["undated"].pk] and second["next"] is None
    countries = get(api, "/api/countries/")
    assert len(countries["results"]) == 50 and countries["count"] > 200  # every country, 50 a page by default
    assert len(get(api, "/api/countries/?page_size=200")["results"]) == 200
    get(api, "/api/articles/?page=3&page_size=2", status=404)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/api/articles/?country=XX", "country: no such country"),
        ("/api/articles/?country=Serbia", "country:"),
        ("/api/articles/?person=0", "person: not an id"),
        ("/api/articles/?person=²", "person: not an id"),
        ("/api/articles/?person=99999999999999999999", "person: not an id"),
        ("/api/articles/?person=999999", "person: no such person"),
        ("/api/articles/?source=nobody", "source: no such source"),
        ("/api/articles/?source=%3Cscript%3E", "source:"),
        ("/api/articles/?published_after=2023-02-30", "published_after:"),
        ("/api/articles/?published_before=yesterday", "published_before:"),
        ("/api/articles/?language=xx", "language:"),
        ("/api/articles/?country=a%00b", "country:"),
        ("/api/articles/?page=0", "page:"),
        ("/api/articles/?page=abc", "page:"),
        ("/api/meetings/?page_size=201", "page_size:"),
        ("/api/meetings/?page_size=-1", "page_size:"),
        ("/api/meetings/?country=XX", "no such country"),
        ("/api/meetings/?pair=RS-RS", "two different codes"),
        ("/api/meetings/?person=abc", "no such person"),
        ("/api/meetings/?organisation=nobody", "no such organisation"),
        ("/api/meetings/?kind=duel", "not a kind of meeting"),
        ("/api/meetings/?status=maybe", "not a status"),
        ("/api/meetings/?year=²", "not a year"),
        ("/api/meetings/?from=2023-13-01", "YYYY-MM-DD"),
        ("/api/meetings/?undated=1&year=2023", "no known date"),
        ("/api/people/?country=XX", "country: no such country"),
        ("/api/people/?name=" + "x" * 101, "name:"),
    ],
)
def test_it_answers_400_with_a_message_for_a_bad_parameter(api, world, url, words):
    detail = get(api, url, status=400)["detail"]
    assert words in detail


def test_it_escapes_markup_quoted_back_in_a_message(api, world):
    response = api.get("/api/meetings/?organisation=%3Csvg%20onload%3Dalert(1)%3E")
    assert response.status_code == 400
    assert b"<svg" not in response.content and b"\\u003csvg" in response.content
    assert "<svg onload=alert(1)>" in response.json()["detail"]  # the same text to a JSON parser


@pytest.mark.parametrize(
    "url",
    [
        "/api/articles/0/",
        "/api/articles/9223372036854775808/",
        "/api/articles/999999/",
        "/api/articles/abc/",
        "/api/meetings/999999/",
        "/api/people/999999/",
        "/api/countries/XX/",
        "/api/countries/SRB/",
    ],
)
def test_it_answers_404_for_what_does_not_exist(api, world, url):
    assert api.get(url).status_code == 404


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("", ["held", "call", "proposed"]),  # newest first, undated last
        ("country=RS", ["held", "call", "proposed"]),
        ("country=US", ["proposed"]),
        ("pair=TR-RS", ["held", "call"]),
        ("kind=phone_call", ["call"]),
        ("kind=visit&kind=phone_call", ["held", "call"]),
        ("status=planned", []),
        ("year=2023", ["held"]),
        ("from=2021-01-01&to=2022-12-31", ["call"]),
        ("undated=1", ["proposed"]),
        ("verified=1", ["held", "call"]),
        ("organisation=nato", ["held", "call"]),  # Güler's role there has no dates: any time
    ],
)
def test_it_filters_meetings_as_the_meetings_list_does(api, world, query, names):
    assert ids(api, f"/api/meetings/?{query}") == [world[n].pk for n in names]
    # The HTML list, read by the same parser, selects the same meetings.
    page = api.get(f"/meetings/?{query}").content.decode()
    for name in ("held", "call", "proposed"):
        assert (f'href="/meetings/m/{world[name].pk}/"' in page) == (name in names), (query, name)


def test_it_filters_meetings_by_person(api, world):
    assert ids(api, f"/api/meetings/?person={world['scott'].pk}") == [world["proposed"].pk]


def test_it_gives_a_meeting_with_participants_roles_countries_and_sources(api, world):
    meeting = get(api, f"/api/meetings/{world['held'].pk}/")
    assert (meeting["date"], meeting["date_precision"], meeting["kind"], meeting["status"]) == (
        "2023-10-25",
        "day",
        "visit",
        "held",
    )
    assert meeting["verified"] is True and meeting["review_status"] == "verified"
    assert meeting["host_country"] == {"code": "RS", "name": "Serbia"}
    assert meeting["country"]["code"] == "RS" and meeting["city"] == "Belgrade"
    people = {p["person"]["name"]: p for p in meeting["participants"]}
    assert set(people) == {"Aleksandar Vučić", "Yaşar Güler"}
    guler = people["Yaşar Güler"]
    assert (guler["role"], guler["country"]["code"], guler["side"]) == ("Minister of National Defence", "TR", "guest")
    assert meeting["sources"] == [
        {
            "id": world["belgrade"].pk,
            "title": "Vučić receives Güler in Belgrade",
            "url": "https://news.example.org/belgrade",
            "archive_url": f"http://testserver/articles/{world['belgrade'].pk}/",
        }
    ]
    proposed = get(api, f"/api/meetings/{world['proposed'].pk}/")
    assert proposed["verified"] is False and proposed["date"] is None and proposed["date_precision"] == "unknown"


def test_it_lists_people_and_gives_their_roles_over_time(api, world):
    w = world
    assert [p["name"] for p in get(api, "/api/people/")["results"]] == ["Aleksandar Vučić", "Kyle Scott", "Yaşar Güler"]
    assert ids(api, "/api/people/?country=tr") == [w["guler"].pk]
    assert ids(api, "/api/people/?name=vucic") == [w["vucic"].pk]  # any spelling
    person = get(api, f"/api/people/{w['vucic'].pk}/")
    assert person["country"] == {"code": "RS", "name": "Serbia"}
    assert [(r["title"], r["start"], r["end"]) for r in person["roles"]] == [
        ("Prime Minister", "2014-01-01", "2017-01-01"),
        ("President", "2017-05-31", None),
    ]
    assert person["archive_url"] == f"http://testserver/people/{w['vucic'].slug}/"


def test_it_gives_a_country_by_its_code_in_either_case(api, world):
    country = get(api, "/api/countries/tr/")
    assert (country["code"], country["name"]) == ("TR", "Türkiye")
    assert "Turkey" in {alias["name"] for alias in country["aliases"]}
    assert country["archive_url"] == "http://testserver/countries/TR/"


def test_it_lists_where_everything_is(api, world):
    root = get(api, "/api/")
    assert root["articles"] == "http://testserver/api/articles/"
    assert root["schema"] == "http://testserver/api/schema/"
    assert root["docs"] == "http://testserver/api/docs/"


def test_it_answers_head_and_refuses_writes(api, world):
    assert api.head("/api/articles/").status_code == 200
    for method in ("post", "put", "patch", "delete"):
        assert getattr(api, method)("/api/articles/").status_code == 405
    assert api.post(f"/api/meetings/{world['held'].pk}/").status_code == 405


@pytest.mark.parametrize("url", ["/api/articles/", "/api/meetings/", "/api/people/", "/api/countries/"])
def test_it_reads_a_page_in_a_fixed_number_of_queries(api, world, url, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert api.get(url + "?page_size=1").status_code == 200
    with django_assert_max_num_queries(len(one)):
        assert api.get(url + "?page_size=200").status_code == 200
    assert len(one) <= 7
