"""The fixture format: parsing and validating it into plain records.

A record is what one article contributes to the archive, whether it came from a
curated JSON fixture or was read out of raw article text. Validation happens
here, before anything touches the database, so a bad file is reported with the
field that is wrong and imports nothing.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from archive.core.dates import format_partial_date
from archive.core.models import Article, Meeting, Participation, ReviewStatus

from . import checks
from .errors import FixtureError, shown
from .files import read_text
from .language import detect_language

FORMAT = "archive-articles/1"
# The models' choices are the one list of kinds, statuses and sides; fixtures are checked against them.
MEETING_KINDS = set(Meeting.Kind.values)
MEETING_STATUSES = set(Meeting.Status.values)
SIDES = set(Participation.Side.values)
# A fixture cannot import a rejection: rejecting is a curator's act, recorded with who and when.
REVIEW_STATUSES = {ReviewStatus.UNREVIEWED.value, ReviewStatus.VERIFIED.value}
# A curated fixture is the curator's own work: its facts arrive verified unless the fixture says otherwise.
# Only extraction from raw text proposes unreviewed facts (the dataclasses' default, see rawtext.py).
CURATED_FACT_STATUS = "verified"
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass
class Fact:
    evidence: str = ""
    confidence: float | None = None
    review_status: str = "unreviewed"


@dataclass
class PersonRef(Fact):
    name: str = ""
    variants: list[str] = field(default_factory=list)
    country: str | None = None
    role: str = ""


@dataclass
class ParticipantRef:
    name: str
    role: str = ""
    country: str | None = None
    side: str = "other"


@dataclass
class MeetingRef(Fact):
    kind: str = "meeting"
    status: str = "held"
    date: datetime.date | None = None
    date_precision: str = "unknown"
    city: str = ""
    country: str | None = None
    host_country: str | None = None
    summary: str = ""
    participants: list[ParticipantRef] = field(default_factory=list)


@dataclass
class CountryRef(Fact):
    code: str = ""


@dataclass
class OrganisationRef(Fact):
    name: str = ""


@dataclass
class ArticleRecord:
    title: str
    body: str
    source: str | None = None
    url: str = ""
    published: datetime.date | None = None
    published_precision: str = "unknown"
    language: str = "en"
    review_status: str = "unreviewed"
    countries: list[CountryRef] = field(default_factory=list)
    organisations: list[OrganisationRef] = field(default_factory=list)
    people: list[PersonRef] = field(default_factory=list)
    meetings: list[MeetingRef] = field(default_factory=list)
    # For records derived from raw text: what they were derived from. Extraction
    # output also depends on who is in the database, so it cannot be the key.
    derived_from: str = ""

    def fingerprint(self) -> str:
        """Changes whenever the record would write something different."""
        if self.derived_from:
            return hashlib.sha256(self.derived_from.encode("utf-8")).hexdigest()
        payload = json.dumps(asdict(self), sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def as_evaluation(self, source_file: str) -> dict:
        """The flat shape `import_articles --dry-run --format json` prints."""
        return {
            "source_file": source_file,
            "title": self.title,
            "source": self.source,
            "published": format_partial_date(self.published, self.published_precision),
            "countries": [c.code for c in self.countries],
            "people": [{"name": p.name, "role": p.role, "country": p.country} for p in self.people],
            "organisations": [o.name for o in self.organisations],
            "meetings": [
                {
                    "kind": m.kind,
                    "status": m.status,
                    "date": format_partial_date(m.date, m.date_precision),
                    "location": m.city,
                    "countries": sorted({p.country for p in m.participants if p.country}),
                    "participants": [p.name for p in m.participants],
                }
                for m in self.meetings
            ],
        }


def parse_partial_date(value: str, where: str) -> tuple[datetime.date, str]:
    """'2023-10-25', '2023-10' or '2023' -> (first day, precision)."""
    match = _PARTIAL_DATE.match(value.strip())
    if not match:
        raise FixtureError(f"date {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY", where=where)
    year, month, day = match.groups()
    try:
        parsed = datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise FixtureError(f"date {value!r} does not exist ({exc})", where=where) from None
    return parsed, "day" if day else "month" if month else "year"


class _Reader:
    """Typed access to one JSON object with error messages that name the field."""

    def __init__(self, data, where: str):
        if not isinstance(data, dict):
            raise FixtureError(f"expected an object, got {type(data).__name__}", where=where)
        self.data, self.where = data, where

    def at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def str(self, key: str, *, required: bool = False, default: str = "") -> str:
        value = self.data.get(key)
        if value is None or value == "":
            if required:
                raise FixtureError("is required", where=self.at(key))
            return default
        if not isinstance(value, str):
            raise FixtureError(f"must be a string, got {type(value).__name__}", where=self.at(key))
        return value.strip()

    def strings(self, key: str) -> list[str]:
        values = self.list(key)
        for i, value in enumerate(values):
            if not isinstance(value, str):
                raise FixtureError(f"must be a string, got {type(value).__name__}", where=self.at(f"{key}[{i}]"))
        return values

    def choice(self, key: str, allowed: set[str], default: str) -> str:
        value = self.str(key, default=default)
        if value not in allowed:
            raise FixtureError(f"{value!r} is not one of {', '.join(sorted(allowed))}", where=self.at(key))
        return value

    def list(self, key: str) -> list:
        value = self.data.get(key) or []
        if not isinstance(value, list):
            raise FixtureError(f"must be a list, got {type(value).__name__}", where=self.at(key))
        return value

    def country(self, key: str, known: set[str]) -> str | None:
        code = self.str(key).upper() or None
        if code and code not in known:
            raise FixtureError(f"unknown country code {code!r} (ISO 3166-1 alpha-2, XK for Kosovo)", where=self.at(key))
        return code

    def date(self, key: str) -> tuple[datetime.date | None, str]:
        value = self.str(key)
        return parse_partial_date(value, self.at(key)) if value else (None, "unknown")

    def fact(self) -> dict:
        confidence = self.data.get("confidence")
        if confidence is not None and not (isinstance(confidence, int | float) and 0 <= confidence <= 1):
            raise FixtureError("must be a number from 0 to 1", where=self.at("confidence"))
        return {
            "evidence": self.str("evidence"),
            "confidence": confidence,
            "review_status": self.choice("review_status", REVIEW_STATUSES, CURATED_FACT_STATUS),
        }


def parse_fixture(path: Path, text: str, known_countries: set[str]) -> list[ArticleRecord]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FixtureError(
            f"not valid JSON: {exc.msg}", path=path, where=f"line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise FixtureError(f"is nested more than {checks.MAX_DEPTH} levels deep", path=path) from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise FixtureError(f"not valid JSON: {exc}", path=path) from None
    try:
        checks.check_json(data)
        top = _Reader(data, "")
        fmt = top.str("format", required=True)
        if fmt != FORMAT:
            raise FixtureError(f"unsupported format {fmt!r}; expected {FORMAT!r}", where="format")
        items = top.list("articles")
        if not items:
            raise FixtureError("holds no articles", where="articles")
        records = []
        for i, item in enumerate(items):
            r = _Reader(item, f"articles[{i}]")
            record = _parse_article(r, path, known_countries)
            checks.check_record(record, r.where)
            records.append(record)
        return records
    except FixtureError as exc:
        exc.path = str(path)
        raise


def _parse_article(r: _Reader, path: Path, known: set[str]) -> ArticleRecord:
    body = r.str("body")
    body_file = r.str("body_file")
    if body_file:
        body = _read_body_file(path, body_file, r.at("body_file"))
    if not body:
        raise FixtureError("is required (or body_file)", where=r.at("body"))
    published, precision = r.date("published")
    record = ArticleRecord(
        title=r.str("title", required=True),
        body=body,
        source=r.str("source") or None,
        url=r.str("url"),
        published=published,
        published_precision=precision,
        # A stated language is the curator's; otherwise the text says which it is.
        language=r.str("language") or detect_language(body),
        review_status=r.choice("review_status", REVIEW_STATUSES, "unreviewed"),
    )
    for i, item in enumerate(r.list("countries")):
        if isinstance(item, str):
            item = {"code": item}
        c = _Reader(item, r.at(f"countries[{i}]"))
        record.countries.append(CountryRef(code=c.country("code", known) or "", **c.fact()))
    for i, item in enumerate(r.list("organisations")):
        if isinstance(item, str):
            item = {"name": item}
        o = _Reader(item, r.at(f"organisations[{i}]"))
        record.organisations.append(OrganisationRef(name=o.str("name", required=True), **o.fact()))
    for i, item in enumerate(r.list("people")):
        p = _Reader(item, r.at(f"people[{i}]"))
        record.people.append(
            PersonRef(
                name=p.str("name", required=True),
                variants=p.strings("variants"),
                country=p.country("country", known),
                role=p.str("role"),
                **p.fact(),
            )
        )
    for i, item in enumerate(r.list("meetings")):
        record.meetings.append(_parse_meeting(_Reader(item, r.at(f"meetings[{i}]")), known))
    return record


def _read_body_file(fixture: Path, name: str, where: str) -> str:
    """The body file named by a fixture: only a regular file inside the fixture's own folder."""
    try:
        return read_text(fixture.parent / name, inside=fixture.parent, max_chars=Article.MAX_BODY_CHARS, where=where)
    except FixtureError as exc:
        joint = " " if exc.message.startswith(("is ", "contains ")) else ": "
        exc.message = f"{shown(name)}{joint}{exc.message}"
        raise


def _parse_meeting(m: _Reader, known: set[str]) -> MeetingRef:
    date, precision = m.date("date")
    meeting = MeetingRef(
        kind=m.choice("kind", MEETING_KINDS, "meeting"),
        status=m.choice("status", MEETING_STATUSES, "held"),
        date=date,
        date_precision=precision,
        city=m.str("city"),
        country=m.country("country", known),
        host_country=m.country("host", known),
        summary=m.str("summary"),
        **m.fact(),
    )
    for i, item in enumerate(m.list("participants")):
        p = _Reader(item, m.at(f"participants[{i}]"))
        meeting.participants.append(
            ParticipantRef(
                name=p.str("name", required=True),
                role=p.str("role"),
                country=p.country("country", known),
                side=p.choice("side", SIDES, "other"),
            )
        )
    if not meeting.participants:
        raise FixtureError("a meeting needs at least one participant", where=m.at("participants"))
    return meeting
