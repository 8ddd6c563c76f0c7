"""Finding the records a name refers to, creating them only when none exists.

Import and extraction both go through here, so "Vucic", "Vučić" and "Вучић"
land on one Person, and one real-world meeting reported twice stays one Meeting.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.utils.text import slugify

from archive.core.models import Meeting, Organisation, OrganisationAlias, Person, PersonName, Source
from archive.core.text import fold


def unique_slug(model, text: str, field: str = "slug") -> str:
    base = slugify(fold(text))[:180] or "item"
    slug, n = base, 1
    while model.objects.filter(**{field: slug}).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def source_named(name: str | None) -> Source | None:
    if not name:
        return None
    existing = Source.objects.filter(name__iexact=name).first()
    return existing or Source.objects.create(name=name, slug=unique_slug(Source, name))


def organisation_named(name: str) -> Organisation:
    key = fold(name)
    for org in Organisation.objects.all():
        if key in (fold(org.name), fold(org.acronym)):
            return org
    alias = OrganisationAlias.objects.filter(name__iexact=name).select_related("organisation").first()
    if alias:
        return alias.organisation
    return Organisation.objects.create(name=name, slug=unique_slug(Organisation, name))


def person_named(name: str, *, variants=(), country: str | None = None) -> Person:
    """The person known under this name (or a variant); a new record only when nobody matches."""
    keys = {fold(n) for n in (name, *variants) if n}
    candidates = list(Person.objects.filter(names__folded__in=keys).distinct())
    if country:
        # Two people may share a surname; the one from the same country is the likelier match.
        candidates.sort(key=lambda p: p.country_id != country)
    person = candidates[0] if candidates else None
    if person is None:
        person = Person.objects.create(name=name, slug=unique_slug(Person, name), country_id=country)
    elif person.country_id is None and country:
        person.country_id = country
        person.save(update_fields=["country"])
    known = set(person.names.values_list("name", flat=True))
    for variant in (name, *variants):
        if variant and variant not in known:
            PersonName.objects.create(person=person, name=variant)
            known.add(variant)
    return person


def matching_meeting(
    date: datetime.date | None, person_ids: set[int], countries: set[str], exclude_article=None
) -> Meeting | None:
    """A meeting already recorded with the same people (or countries) within a day of `date`.

    Undated meetings never match: without a date two reports of talks between the
    same ministers are as likely to be two meetings as one.
    """
    if date is None or not person_ids:
        return None
    window = (date - datetime.timedelta(days=1), date + datetime.timedelta(days=1))
    candidates = (
        Meeting.objects.filter(date__range=window)
        .annotate(shared=Count("participations", filter=Q(participations__person__in=person_ids), distinct=True))
        .filter(shared__gte=1)
        .prefetch_related("participations")
    )
    if exclude_article is not None:
        candidates = candidates.exclude(articles=exclude_article)
    for meeting in candidates.order_by("-shared"):
        theirs = {p.country_id for p in meeting.participations.all() if p.country_id}
        if meeting.shared >= min(2, len(person_ids)) or (countries and countries <= theirs):
            return meeting
    return None
