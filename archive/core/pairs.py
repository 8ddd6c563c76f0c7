"""Country pairs: which countries a meeting involves, and a country's partners.

The rule is `MeetingQuerySet.involves`: a country is involved when someone represented it at the
meeting or it hosted. `countries_of` applies the same rule to one loaded meeting.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from django.db.models import Count
from django.db.models.functions import ExtractYear

from .models import Country, Meeting, Participation


def countries_of(meeting) -> list[Country]:
    """The countries a meeting involves, from its (prefetched, public) participations and its host."""
    found = {p.country.code: p.country for p in meeting.participations.all() if p.country}
    if meeting.host_country:
        found.setdefault(meeting.host_country.code, meeting.host_country)
    return sorted(found.values(), key=lambda c: c.name)


def pairs_of(meeting) -> list[tuple[Country, Country]]:
    """Every pair of countries the meeting involves, for links to their pair pages."""
    return list(combinations(countries_of(meeting), 2))


def partners(country, limit: int = 10) -> list[tuple[Country, int]]:
    """The countries met most often with this one: (country, number of public meetings), most first."""
    mine = Meeting.objects.public().involving(country)
    represented = (
        Participation.objects.not_rejected()  # of public meetings only: `mine`
        .filter(meeting__in=mine.values("pk"))
        .exclude(country=country)
        .exclude(country=None)
        .order_by()
        .values_list("meeting_id", "country_id")
    )
    hosted = (
        mine.exclude(host_country=country).exclude(host_country=None).order_by().values_list("pk", "host_country_id")
    )
    # union() drops duplicates: a partner that both hosted and took part counts once per meeting.
    counts = Counter(code for _, code in represented.union(hosted))
    top = counts.most_common(limit)
    names = Country.objects.in_bulk([code for code, _ in top])
    return [(names[code], n) for code, n in top]


def tallies(meetings) -> tuple[dict[int | None, int], dict[str | None, int]]:
    """These meetings per year (None: undated) and per host country (None: no host), in one grouped query."""
    per_year, per_host = Counter(), Counter()
    grouped = meetings.order_by().annotate(y=ExtractYear("date")).values_list("y", "host_country")
    for year, host, n in grouped.annotate(n=Count("id")):
        per_year[year] += n
        per_host[host] += n
    return dict(per_year), dict(per_host)
