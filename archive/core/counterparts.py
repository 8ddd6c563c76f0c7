"""Who a person met: the other side of their meetings, counted.

A counterpart is another participant of one of the person's public meetings who did not represent
the same country there: someone beside them from their own country is a colleague. When either
country is not recorded, the other participant counts as a counterpart (nothing says otherwise).
"""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef

from .models import Country, Participation, Person, ReviewStatus


def _attended(verified: bool):
    """Public participations; with `verified`, only verified ones at verified meetings ("verified only")."""
    participations = Participation.objects.public()
    if verified:
        participations = participations.verified().filter(meeting__review_status=ReviewStatus.VERIFIED)
    return participations


def counterparts(person, verified: bool = False):
    """Rows {"person", "country", "n"}: each counterpart and the country they represented, most meetings first.

    One grouped query, to be paged; `resolve` turns a page of rows into people and countries.
    """
    attended = _attended(verified)
    mine = attended.filter(person=person)
    colleague = mine.filter(meeting=OuterRef("meeting"), country=OuterRef("country"))
    return (
        attended.filter(meeting__in=mine.values("meeting"))
        .exclude(person=person)
        .exclude(Exists(colleague))
        .values("person", "country")
        .annotate(n=Count("id"))
        .order_by("-n", "person__name", "country")
    )


def resolve(rows) -> list[dict]:
    """A page of `counterparts` rows with their Person (and the person's country) and Country: two queries."""
    rows = list(rows)
    people = Person.objects.select_related("country").in_bulk([r["person"] for r in rows])
    countries = Country.objects.in_bulk([r["country"] for r in rows if r["country"]])
    return [{**r, "person": people[r["person"]], "country": countries.get(r["country"])} for r in rows]


def home_country(person, verified: bool = False):
    """The country a person serves (`Person.country`), else the one they represented most often, else None."""
    if person.country_id:
        return person.country
    most = (
        _attended(verified)
        .filter(person=person)
        .exclude(country=None)
        .values("country")
        .annotate(n=Count("id"))
        .order_by("-n", "country")
        .first()
    )
    return Country.objects.get(pk=most["country"]) if most else None
