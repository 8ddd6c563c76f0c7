"""Meetings out of the archive as CSV, JSON and JSON Lines, streamed in constant memory.

Meetings are read as plain rows with `.iterator(chunk_size=...)`, and each chunk's participants
and articles with one query each, then written as they come: an export of 40,000 meetings holds
one chunk in memory, never the list. Plain rows rather than model instances, because prefetched
instances hold reference cycles that only the cyclic garbage collector frees, so memory would
climb between its runs. Only public facts leave: meetings come from `Meeting.objects.public()`,
participants from `Participation.objects.public()`.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from itertools import islice

from django.http import StreamingHttpResponse
from django.urls import reverse

from .models import Meeting, Participation, ReviewStatus
from .templatetags.safe_links import http_url

CHUNK = 500  # meetings per round of three queries: what an export holds in memory at once
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "jsonl": "application/x-ndjson",
}
CSV_COLUMNS = [
    "id",
    "archive_url",
    "date",
    "date_precision",
    "city",
    "country",
    "host_country",
    "kind",
    "status",
    "review",
    "summary",
    "participants",
    "countries_represented",
    "source_urls",
]
MEETING_FIELDS = ["id", "date", "date_precision", "city", "country_id", "host_country_id", "kind", "status"]
# Excel runs a cell that starts with one of these as a formula; such text cells get a leading quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def review_label(status: str) -> str:
    """What an export says about a public fact: verified by a curator, or proposed by extraction."""
    return "verified" if status == ReviewStatus.VERIFIED else "proposed"


def _participants(ids):
    found = defaultdict(list)
    rows = (
        Participation.objects.public()
        .filter(meeting_id__in=ids)
        .order_by("meeting_id", "side", "person__name")
        .values_list("meeting_id", "person__name", "person__slug", "role", "country_id", "side", "review_status")
    )
    for meeting_id, *row in rows:
        found[meeting_id].append(row)
    return found


def _sources(ids):
    found = defaultdict(list)
    links = Meeting.articles.through.objects.filter(meeting_id__in=ids).order_by("meeting_id", "article_id")
    for meeting_id, *row in links.values_list("meeting_id", "article_id", "article__title", "article__url"):
        found[meeting_id].append(row)
    return found


def records(meetings, absolute):
    """Each meeting as plain data, chunk by chunk; `absolute` turns a path into a full URL."""
    rows = meetings.values(*MEETING_FIELDS, "summary", "review_status").iterator(chunk_size=CHUNK)
    while chunk := list(islice(rows, CHUNK)):
        ids = [row["id"] for row in chunk]
        people, sources = _participants(ids), _sources(ids)
        for row in chunk:
            yield record(row, people[row["id"]], sources[row["id"]], absolute)


def record(row, people, sources, absolute) -> dict:
    return {
        "id": row["id"],
        "archive_url": absolute(reverse("meeting-detail", args=[row["id"]])),
        "date": row["date"].isoformat() if row["date"] else None,
        "date_precision": row["date_precision"],
        "city": row["city"],
        "country": row["country_id"],
        "host_country": row["host_country_id"],
        "kind": row["kind"],
        "status": row["status"],
        "review": review_label(row["review_status"]),
        "summary": row["summary"],
        "participants": [
            {
                "name": name,
                "person_url": absolute(reverse("person-detail", args=[slug])),
                "role": role,
                "country": country,
                "side": side,
                "review": review_label(status),
            }
            for name, slug, role, country, side, status in people
        ],
        "sources": [
            {"title": title, "url": http_url(url), "archive_url": absolute(reverse("article-detail", args=[pk]))}
            for pk, title, url in sources
        ],
    }


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_row(rec: dict) -> list[str]:
    people = [
        f"{p['name']} ({', '.join(x for x in (p['role'], p['country']) if x) or 'participant'})"
        for p in rec["participants"]
    ]
    represented = dict.fromkeys(p["country"] for p in rec["participants"] if p["country"])
    values = {
        **rec,
        "participants": "; ".join(people),
        "countries_represented": " ".join(represented),
        "source_urls": " ".join(s["url"] or s["archive_url"] for s in rec["sources"]),
    }
    return [values[column] for column in CSV_COLUMNS]


class _Echo:
    """A file whose write returns the line, so csv.writer can feed a generator."""

    def write(self, value):
        return value


def _csv_lines(records, columns, to_row):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(columns)  # the byte order mark makes Excel read UTF-8
    for rec in records:
        yield writer.writerow([_cell(value) for value in to_row(rec)])


def _json_array(records):
    yield "[\n"
    first = True
    for rec in records:
        yield ("" if first else ",\n") + json.dumps(rec, ensure_ascii=False)
        first = False
    yield "\n]\n"


def _json_lines(records):
    for rec in records:
        yield json.dumps(rec, ensure_ascii=False) + "\n"


def streamed(records, fmt: str, filename: str, columns=CSV_COLUMNS, to_row=csv_row) -> StreamingHttpResponse:
    """A download of `records` (dicts, produced lazily) in `fmt`; CSV through `columns` and `to_row(record)`."""
    if fmt == "csv":
        lines = _csv_lines(records, columns, to_row)
    else:
        lines = _json_array(records) if fmt == "json" else _json_lines(records)
    response = StreamingHttpResponse(lines, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def export_response(meetings, fmt: str, absolute, filename: str = "meetings") -> StreamingHttpResponse:
    """A streamed download of these (public, filtered, ordered) meetings in `fmt`."""
    return streamed(records(meetings, absolute), fmt, filename)
