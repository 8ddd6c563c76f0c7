"""Result types of the extraction pipeline: plain dataclasses, no Django."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class KnownRole:
    """An office someone held, with its dates: "Minister of Defence" from 2012 to 2013."""

    title: str
    start: datetime.date | None = None
    end: datetime.date | None = None
    country: str | None = None  # the state served in this office, where it differs from the person's


@dataclass(frozen=True)
class KnownPerson:
    """Someone the archive already knows. `role` carries no dates and is never applied to an article: the
    article gives the role, or `roles` gives the one held on its date."""

    name: str
    variants: tuple[str, ...] = ()
    country: str | None = None
    role: str | None = None
    roles: tuple[KnownRole, ...] = ()

    def _held_on(self, day: datetime.date | None) -> KnownRole | None:
        if day is None:
            return None
        held = [r for r in self.roles if (r.start or day) <= day <= (r.end or day) and (r.start or r.end)]
        return max(held, key=lambda r: r.start or datetime.date.min, default=None)

    def role_on(self, day: datetime.date | None) -> str:
        """The title held on `day`; "" when no dated role covers it (or the article has no date)."""
        role = self._held_on(day)
        return role.title if role else ""

    def country_on(self, day: datetime.date | None) -> str | None:
        role = self._held_on(day)
        return role.country if role and role.country else self.country


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
