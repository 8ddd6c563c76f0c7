"""Result types of the extraction pipeline: plain dataclasses, no Django."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from archive.core.dates import format_partial_date


@dataclass(frozen=True)
class KnownPerson:
    name: str
    variants: tuple[str, ...] = ()
    country: str | None = None
    role: str | None = None


@dataclass
class Evidence:
    sentence: str
    confidence: float


@dataclass
class CountryFact:
    code: str
    evidence: Evidence


@dataclass
class OrganisationFact:
    name: str
    evidence: Evidence


@dataclass
class PersonFact:
    name: str
    role: str
    country: str | None
    variants: list[str]
    evidence: Evidence


@dataclass
class Participant:
    name: str
    role: str
    country: str | None
    side: str  # "host" | "guest" | "other"


@dataclass
class MeetingFact:
    kind: str
    status: str
    date: datetime.date | None
    date_precision: str
    location: str
    location_country: str | None
    host_country: str | None
    countries: list[str]
    participants: list[Participant]
    summary: str
    evidence: Evidence


@dataclass
class ArticleExtraction:
    title: str
    source: str | None
    published: datetime.date | None
    published_precision: str
    language: str
    countries: list[CountryFact] = field(default_factory=list)
    organisations: list[OrganisationFact] = field(default_factory=list)
    people: list[PersonFact] = field(default_factory=list)
    meetings: list[MeetingFact] = field(default_factory=list)

    def as_record(self, source_file: str) -> dict:
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
                    "location": m.location,
                    "countries": list(m.countries),
                    "participants": [p.name for p in m.participants],
                }
                for m in self.meetings
            ],
        }
