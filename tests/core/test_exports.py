"""Exports of the meetings list: CSV (Excel-ready), JSON and JSON Lines, streamed, public facts only."""

import csv
import io
import json
import time
import tracemalloc

import pytest

from archive.core.models import Meeting, Participation, Person

from .meeting_data import day, make_article, make_meeting, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings():
    vucic, guler = make_person("Aleksandar Vučić"), make_person("Yaşar Güler")
    report = make_article("Talks in Belgrade", url="https://news.example.org/talks")
    other = make_article("Second report on the talks")
    held = make_meeting(
        (vucic, "RS", "President of Serbia", "host"),
        (guler, "TR", "Minister of National Defence", "guest"),
        date=day(2023, 10, 25),
        host="RS",
        city="Belgrade",
        country_id="RS",
        kind="visit",
        summary='=HYPERLINK("https://evil.example") they met',
        article=report,
    )
    held.articles.add(other)
    proposed = make_meeting(
        (vucic, "RS", "Prime Minister"),
        date=day(2016, 5),
        date_precision="month",
        review="unreviewed",
        status="planned",
    )
    undated = make_meeting((guler, "TR", "Chief of the General Staff"), host="TR")
    rejected = make_meeting((vucic, "RS", "President"), (guler, "TR", "Minister"), date=day(2024), review="rejected")
    Participation.objects.filter(meeting=proposed, person=vucic).update(review_status="unreviewed")
    ghost = make_person("Rejected Participant")
    Participation.objects.create(meeting=held, person=ghost, country_id="US", review_status="rejected")
    return locals()


def body(response) -> str:
    assert response.streaming, "exports are streamed, never built in memory"
    return b"".join(response.streaming_content).decode("utf-8")


def test_it_exports_csv_that_excel_opens_and_that_matches_the_database(client, meetings):
    response = client.get("/meetings/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="meetings.csv"'
    text = body(response)
    assert text.startswith("\ufeff")  # the BOM: Excel reads the file as UTF-8
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    public = Meeting.objects.public().newest_first()
    assert [int(r["id"]) for r in rows] == list(public.values_list("pk", flat=True))
    for row in rows:  # every row against its meeting as stored
        meeting = Meeting.objects.get(pk=row["id"])
        assert row["date"] == (meeting.date.isoformat() if meeting.date else "")
        assert (row["kind"], row["status"], row["city"]) == (meeting.kind, meeting.status, meeting.city)
        assert row["host_country"] == (meeting.host_country_id or "")
        names = [p.person.name for p in Participation.objects.public().filter(meeting=meeting)]
        assert sorted(part.split(" (")[0] for part in row["participants"].split("; ") if part) == sorted(names)
        assert row["archive_url"] == f"http://testserver{meeting.get_absolute_url()}"
    held = rows[0]
    assert held["date"] == "2023-10-25" and held["date_precision"] == "day"
    assert held["city"] == "Belgrade" and held["host_country"] == "RS" and held["kind"] == "visit"
    assert held["status"] == "held" and held["review"] == "verified"
    assert held["participants"] == (
        "Yaşar Güler (Minister of National Defence, TR); Aleksandar Vučić (President of Serbia, RS)"
    )
    assert held["countries_represented"] == "TR RS"
    assert held["source_urls"].split() == [
        "https://news.example.org/talks",
        f"http://testserver{meetings['other'].get_absolute_url()}",
    ]
    # A cell Excel would run as a formula is quoted.
    assert held["summary"].startswith("'=HYPERLINK")
    proposed = rows[1]
    assert proposed["review"] == "proposed" and proposed["date"] == "2016-05-01"
    assert proposed["date_precision"] == "month" and proposed["status"] == "planned"
    assert rows[2]["date"] == "" and rows[2]["date_precision"] == "unknown"


def test_it_never_exports_rejected_facts(client, meetings):
    for fmt in ("csv", "json", "jsonl"):
        text = body(client.get(f"/meetings/export.{fmt}"))
        assert f"/meetings/m/{meetings['rejected'].pk}/" not in text
        assert "Rejected Participant" not in text


def test_it_exports_json_and_json_lines_with_the_same_records(client, meetings):
    response = client.get("/meetings/export.json?country=TR")
    assert response["Content-Type"] == "application/json"
    records = json.loads(body(response))
    lines = body(client.get("/meetings/export.jsonl?country=TR")).splitlines()
    assert [json.loads(line) for line in lines] == records
    assert [r["id"] for r in records] == [meetings["held"].pk, meetings["undated"].pk]
    first = records[0]
    assert first["participants"][0] == {
        "name": "Yaşar Güler",
        "person_url": f"http://testserver{meetings['guler'].get_absolute_url()}",
        "role": "Minister of National Defence",
        "country": "TR",
        "side": "guest",
        "review": "verified",
    }
    assert first["sources"][0]["url"] == "https://news.example.org/talks"
    assert first["date"] == "2023-10-25" and first["review"] == "verified"
    assert records[1]["date"] is None


def test_it_applies_the_list_filters_and_drops_bad_values(client, meetings):
    rows = list(csv.DictReader(io.StringIO(body(client.get("/meetings/export.csv?verified=1&year=abc"))[1:])))
    assert {int(r["id"]) for r in rows} == {meetings["held"].pk, meetings["undated"].pk}
    assert body(client.get("/meetings/export.jsonl?pair=RS-US")) == ""


def _stream_rows(client, url):
    """Rows parsed back from a streamed CSV, reading one chunk at a time; the peak memory of the whole export."""
    tracemalloc.start()
    response = client.get(url)
    assert response.streaming
    chunks = (chunk.decode("utf-8") for chunk in response.streaming_content)
    count = sum(1 for _ in csv.reader(chunks)) - 1  # less the header
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return count, peak


def test_it_streams_twenty_thousand_meetings_in_flat_memory(client, db):
    people = [Person.objects.create(name=f"Person {i}", slug=f"person-{i}") for i in range(40)]
    report = make_article("One report for many meetings")
    # 18,000 meetings in 2020 and 2,000 in 2021: the year filter exports a tenth of the same table.
    Meeting.objects.bulk_create(
        Meeting(
            date=day(2020 if i < 18_000 else 2021, 1 + i % 12, 1 + i % 28),
            date_precision="day",
            city="Belgrade",
            summary=f"Meeting number {i} on defence cooperation and training.",
            review_status="verified",
        )
        for i in range(20_000)
    )
    ids = list(Meeting.objects.values_list("pk", flat=True))
    Participation.objects.bulk_create(
        Participation(meeting_id=pk, person=people[(i + k) % 40], country_id=("RS", "TR")[k], role="Minister")
        for i, pk in enumerate(ids)
        for k in (0, 1)
    )
    Meeting.articles.through.objects.bulk_create(
        Meeting.articles.through(meeting_id=pk, article_id=report.pk) for pk in ids
    )
    _stream_rows(client, "/meetings/export.csv?year=1999")  # first request: imports and caches, not the export
    started = time.monotonic()
    small, small_peak = _stream_rows(client, "/meetings/export.csv?year=2021")
    large, large_peak = _stream_rows(client, "/meetings/export.csv")
    assert (small, large) == (2_000, 20_000)
    # Materialised, ten times the rows would take about ten times the memory; streamed, it stays flat.
    print(f"export peak memory: {small_peak / 1e6:.1f} MB for 2,000 rows, {large_peak / 1e6:.1f} MB for 20,000")
    print(f"both exports, traced: {time.monotonic() - started:.1f} s")
    assert large_peak < 2 * small_peak, (small_peak, large_peak)
