"""The meetings list's filters, read from a query string.

One parser for the list page, its exports and its feed, so the three always agree on what a URL
selects. A value that cannot be used is dropped with a message for the page, never an error.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.db.models import Count
from django.db.models.functions import ExtractYear

from .converters import COUNTRY_CODE, SLUG, parse_int
from .models import Country, Meeting, Organisation, Person

MAX_COUNTRIES = 20  # more than any analyst compares at once; bounds the query
MAX_PEOPLE = 20
_CODE = re.compile(COUNTRY_CODE)
_PAIR = re.compile(f"({COUNTRY_CODE})-({COUNTRY_CODE})")
_SLUG = re.compile(SLUG)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _shown(value: str) -> str:
    """A visitor's value, shortened, for a message (the template escapes it)."""
    value = "".join(ch for ch in value if ch.isprintable())
    return value if len(value) <= 40 else value[:39] + "…"


def _day(value: str) -> datetime.date | None:
    if not _ISO_DAY.fullmatch(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


@dataclass(frozen=True)
class MeetingFilters:
    countries: tuple[Country, ...] = ()
    pair: tuple[Country, Country] | None = None
    people: tuple[Person, ...] = ()  # meetings every one of them attended: "A met B" is people=(A, B)
    organisation: Organisation | None = None
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    year: int | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None
    undated: bool = False
    verified: bool = False
    messages: tuple[str, ...] = field(default=(), compare=False)

    @property
    def dated(self) -> bool:
        return bool(self.year or self.start or self.end)

    def apply(self, meetings, dates=True):
        """These filters on a queryset of meetings; without the date filters when `dates` is False."""
        # "Verified only" holds for the ties too: a verified meeting counts for a person or a country
        # only through a verified participation.
        verified = self.verified
        if self.countries:
            meetings = meetings.involving(*self.countries, verified=verified)
        if self.pair:
            meetings = meetings.between(*self.pair, verified=verified)
        for person in self.people:
            meetings = meetings.with_person(person, verified=verified)
        if self.organisation:
            meetings = meetings.with_organisation(self.organisation, verified=verified)
        if self.kinds:
            meetings = meetings.filter(kind__in=self.kinds)
        if self.statuses:
            meetings = meetings.filter(status__in=self.statuses)
        if self.verified:
            meetings = meetings.verified()
        if not dates:
            return meetings
        if self.undated:
            meetings = meetings.undated()
        if self.year:
            meetings = meetings.filter(date__year=self.year)
        if self.start:
            meetings = meetings.filter(date__gte=self.start)
        if self.end:
            meetings = meetings.filter(date__lte=self.end)
        return meetings

    def params(self) -> list[tuple[str, str]]:
        """The query string's pairs for these filters: only values that were understood."""
        pairs = [("country", c.code) for c in self.countries]
        if self.pair:
            pairs.append(("pair", f"{self.pair[0].code}-{self.pair[1].code}"))
        pairs += [("person", str(p.pk)) for p in self.people]
        if self.organisation:
            pairs.append(("organisation", self.organisation.slug))
        pairs += [("kind", k) for k in self.kinds] + [("status", s) for s in self.statuses]
        if self.year:
            pairs.append(("year", str(self.year)))
        if self.start:
            pairs.append(("from", self.start.isoformat()))
        if self.end:
            pairs.append(("to", self.end.isoformat()))
        if self.undated:
            pairs.append(("undated", "1"))
        if self.verified:
            pairs.append(("verified", "1"))
        return pairs

    def query(self, **changes) -> str:
        """The query string for these filters with some changed, e.g. `query(year=2023, undated=False)`."""
        return urlencode(replace(self, **changes).params())

    def without_dates(self) -> MeetingFilters:
        return replace(self, year=None, start=None, end=None, undated=False)

    def describe(self) -> list[str]:
        """Plain words for the page heading and the feed title."""
        words = []
        if self.countries:
            words.append("involving " + " or ".join(c.name for c in self.countries))
        if self.pair:
            words.append(f"between {self.pair[0].name} and {self.pair[1].name}")
        if self.people:
            words.append("with " + " and ".join(p.name for p in self.people))
        if self.organisation:
            words.append(f"with someone from {self.organisation}")
        if self.kinds:
            words.append("of kind " + " or ".join(Meeting.Kind(k).label for k in self.kinds))
        if self.statuses:
            words.append("with status " + " or ".join(Meeting.Status(s).label.lower() for s in self.statuses))
        if self.year:
            words.append(f"in {self.year}")
        if self.start:
            words.append(f"from {self.start.isoformat()}")
        if self.end:
            words.append(f"to {self.end.isoformat()}")
        if self.undated:
            words.append("with no known date")
        if self.verified:
            words.append("verified by a curator")
        return words


def verified_only(query) -> bool:
    """`?verified=1`: verified facts only, on the list and on every page that lists meetings."""
    return query.get("verified") == "1"


def parse(query) -> MeetingFilters:
    """Filters from a QueryDict (request.GET); unusable values become messages."""
    messages = []

    def ignored(what, value, why):
        messages.append(f"Ignored the {what} “{_shown(value)}”: {why}.")

    codes = []
    for value in query.getlist("country")[:MAX_COUNTRIES]:
        if _CODE.fullmatch(value.strip()):
            codes.append(value.strip().upper())
        else:
            ignored("country", value, "not a two-letter country code")
    countries = {c.code: c for c in Country.objects.filter(code__in=codes)}
    for code in codes:
        if code not in countries:
            ignored("country", code, "no such country")
    ordered = tuple(countries[code] for code in dict.fromkeys(codes) if code in countries)

    pair = None
    if value := query.get("pair", ""):
        match = _PAIR.fullmatch(value.strip())
        found = {}
        if match:
            found = Country.objects.in_bulk([match[1].upper(), match[2].upper()])
        if not match or match[1].upper() == match[2].upper():
            ignored("country pair", value, "it takes two different codes, e.g. RS-TR")
        elif len(found) != 2:
            ignored("country pair", value, "no such country")
        else:
            pair = (found[match[1].upper()], found[match[2].upper()])

    wanted = {}
    for value in query.getlist("person")[:MAX_PEOPLE]:
        pk = parse_int(value, 1, 2**63 - 1)
        if pk is None:
            ignored("person", value, "no such person")
        else:
            wanted.setdefault(pk, value)
    found_people = Person.objects.in_bulk(list(wanted))
    for pk, value in wanted.items():
        if pk not in found_people:
            ignored("person", value, "no such person")
    people = tuple(found_people[pk] for pk in wanted if pk in found_people)

    organisation = None
    if value := query.get("organisation", ""):
        if _SLUG.fullmatch(value):
            organisation = Organisation.objects.filter(slug=value).first()
        if organisation is None:
            ignored("organisation", value, "no such organisation")

    kinds = tuple(dict.fromkeys(k for k in query.getlist("kind") if k in Meeting.Kind.values))
    for value in set(query.getlist("kind")) - set(kinds):
        ignored("kind", value, "not a kind of meeting")
    statuses = tuple(dict.fromkeys(s for s in query.getlist("status") if s in Meeting.Status.values))
    for value in set(query.getlist("status")) - set(statuses):
        ignored("status", value, "not a status")

    year = None
    if value := query.get("year", ""):
        year = parse_int(value, 1, 9999)
        if year is None:
            ignored("year", value, "not a year")
    start, end = _day(query.get("from", "")), _day(query.get("to", ""))
    for name, value, parsed in (("from", query.get("from", ""), start), ("to", query.get("to", ""), end)):
        if value and parsed is None:
            ignored(f"“{name}” date", value, "write it as YYYY-MM-DD")

    undated = query.get("undated") == "1"
    if undated and (year or start or end):
        messages.append("Ignored “undated”: a meeting with no known date has no year and no date range.")
        undated = False
    return MeetingFilters(
        countries=ordered,
        pair=pair,
        people=people,
        organisation=organisation,
        kinds=kinds,
        statuses=statuses,
        year=year,
        start=start,
        end=end,
        undated=undated,
        verified=verified_only(query),
        messages=tuple(messages),
    )


def year_counts(meetings) -> dict[int | None, int]:
    """Meetings per year, None for undated: the data of every per-year chart."""
    rows = meetings.order_by().annotate(y=ExtractYear("date")).values("y").annotate(n=Count("id")).values_list("y", "n")
    return dict(rows)
