"""One article on the desk: its facts as a curator sees them, and what a decision about one of them does.

Every change goes through the model's save(): the audit trail (django-simple-history) records it with the
curator of the request and a reason, and the search signals re-index the articles it touches.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from archive.core.models import Meeting, Participation, PersonRole, ReviewStatus
from archive.extraction.language import support

from .marking import Stretch, mark_up
from .queue import KINDS, PENDING, pending

ACCEPTED = "Accepted on the review desk"
REJECTED = "Rejected on the review desk"
CORRECTED = "Corrected on the review desk"
ENTERED = "Entered on the review desk"


@dataclass
class Desk:
    stretches: list[Stretch]
    meetings: list[Meeting]
    people: list
    countries: list
    organisations: list
    extraction: str = "full"  # how much of the article's language extraction reads: full, partial or none

    def facts(self):
        for meeting in self.meetings:
            yield meeting
            yield from meeting.participations.all()
        yield from self.people
        yield from self.countries
        yield from self.organisations


def covers(role: PersonRole, day: datetime.date | None) -> bool:
    """Whether the person held the role on that day (an open start or end covers any day)."""
    if day is None:
        return False
    return (role.start is None or role.start <= day) and (role.end is None or day <= role.end)


def roles_at(roles, day: datetime.date | None) -> list[PersonRole]:
    """A person's known roles, the ones held on `day` first, then the latest first."""
    return sorted(roles, key=lambda r: (not covers(r, day), -(r.start or datetime.date.min).toordinal()))


def load(article) -> Desk:
    """The article's facts for the desk, in a fixed number of queries however many facts there are."""
    roles = PersonRole.objects.select_related("country", "organisation")
    participations = Participation.objects.select_related("person", "country").prefetch_related(
        Prefetch("person__roles", roles)
    )
    meetings = list(
        Meeting.objects.filter(articles=article)
        .select_related("country")
        .prefetch_related(Prefetch("participations", participations))
    )
    people = list(article.person_links.select_related("person", "country"))
    countries = list(article.country_links.select_related("country"))
    organisations = list(article.organisation_links.select_related("organisation"))
    desk = Desk([], meetings, people, countries, organisations, support(article.language))

    desk.stretches, marks = mark_up(article.body, [fact.evidence for fact in desk.facts()])
    for fact in desk.facts():
        fact.mark = marks.get(fact.evidence, "")
    for meeting in meetings:
        for participation in meeting.participations.all():
            participation.known_roles = roles_at(participation.person.roles.all(), meeting.date)
    # In the order of the text, so moving through the facts moves down the article too.
    for group in (meetings, people, countries, organisations):
        group.sort(key=_text_order)
    return desk


def _text_order(fact):
    return (int(fact.mark[1:]) if fact.mark else 10**9, fact.pk)


def fact_of(article, kind: str, pk: int):
    """A fact of the article, or a 404: the URL names both, and a fact of another article is not this desk's."""
    path, _waiting = PENDING[kind]
    return get_object_or_404(KINDS[kind].objects.filter(**{path: article}), pk=pk)


def label(kind: str, fact) -> str:
    """A few words naming a fact, for the desk's notices."""
    if kind == "meeting":
        where = f" in {fact.city}" if fact.city else ""
        return f"{fact.get_kind_display()}{where}, {fact.date_display or 'undated'}"
    if kind == "participation":
        return f"{fact.person.name} at the meeting{f' ({fact.role})' if fact.role else ''}"
    return str(getattr(fact, kind))  # a mention: the person, country or organisation it names


def decide(fact, status: str) -> None:
    fact.review_status = status
    fact._change_reason = ACCEPTED if status == ReviewStatus.VERIFIED else REJECTED
    fact.save()


def save_correction(fact) -> None:
    """A fact the curator corrected is verified: it is now the curator's statement, not extraction's."""
    fact.review_status = ReviewStatus.VERIFIED
    fact._change_reason = CORRECTED
    fact.save()


def save_entered(fact) -> None:
    """A fact the curator added from the text: verified, with no confidence (nobody guessed)."""
    fact.review_status = ReviewStatus.VERIFIED
    fact.confidence = None
    fact._change_reason = ENTERED
    fact.save()


@transaction.atomic
def accept_all(article) -> int:
    """Accept every fact of the article still waiting; one re-index of the article when it commits."""
    accepted = 0
    for kind in KINDS:
        path, _waiting = PENDING[kind]
        for fact in pending(kind).filter(**{path: article}):
            decide(fact, ReviewStatus.VERIFIED)
            accepted += 1
    return accepted
