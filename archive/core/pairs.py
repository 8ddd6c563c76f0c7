"""Country pairs: which countries a meeting involves, and a country's partners.

The rule is `MeetingQuerySet.involves`: a country is involved when someone represented it at the
meeting or it hosted. `countries_of` applies the same rule to one loaded meeting, `engagement`
to every meeting of a country at once.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from django.db import connection
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear

from . import summaries
from .models import Country, Meeting, ReviewStatus
from .models.base import public_q


def countries_of(meeting) -> list[Country]:
    """The countries a meeting involves, from its (prefetched, public) participations and its host."""
    found = {p.country.code: p.country for p in meeting.participations.all() if p.country}
    if meeting.host_country:
        found.setdefault(meeting.host_country.code, meeting.host_country)
    return sorted(found.values(), key=lambda c: c.name)


def pairs_of(meeting) -> list[tuple[Country, Country]]:
    """Every pair of countries the meeting involves, for links to their pair pages."""
    return list(combinations(countries_of(meeting), 2))


@dataclass
class Partner:
    """A country met with `country`: meetings in all, per year (None: undated), and who hosted them."""

    country: Country
    n: int = 0
    per_year: Counter = field(default_factory=Counter)
    hosted_here: int = 0  # hosted by the page's country: the partner travelled
    hosted_there: int = 0  # hosted by the partner: the page's country travelled


def engagement(country, verified: bool = False) -> list[Partner]:
    """Every partner of a country, most meetings first, from one query over the meetings involving it.

    Reused until a meeting, participation or person changes (`summaries`).
    """
    return summaries.cached("engagement", f"{country.code}|{verified}", lambda: _engagement(country, verified))


def _engagement(country, verified: bool) -> list[Partner]:
    """`engagement` without the cache.

    The rule is `MeetingQuerySet.involves` (someone represented the partner, or it hosted); with
    `verified`, only verified meetings and verified participations count, as on "verified only" lists.
    """
    mine = Meeting.objects.public().involving(country, verified=verified)
    took_part = public_q("participations__")
    if verified:
        mine = mine.verified()
        took_part = Q(participations__review_status=ReviewStatus.VERIFIED)
    columns = ("m", "partner", "y", "host")  # the same names, in the same order, on both sides of the union
    # From the meetings, joined once to their participations: the filter and the annotations share that
    # join, and PostgreSQL hashes only this country's meetings (from participations, it joined them all).
    represented = (
        mine.filter(took_part)
        .order_by()
        .annotate(m=F("id"), partner=F("participations__country"), y=ExtractYear("date"), host=F("host_country"))
        .exclude(partner=country.code)
        .exclude(partner=None)
        .values_list(*columns)
    )
    hosted = (
        mine.exclude(host_country=country)
        .exclude(host_country=None)
        .order_by()
        .annotate(m=F("id"), partner=F("host_country_id"), y=ExtractYear("date"), host=F("host_country_id"))
        .values_list(*columns)
    )
    # union() drops duplicates: a partner counts once per meeting, whether it took part, hosted, or both.
    # The database counts the union's rows (a busy country has 20,000 at 40,000 meetings), which the ORM
    # cannot group: its SQL is wrapped.
    sql, params = represented.union(hosted).query.sql_with_params()
    with connection.cursor() as cursor:
        grouped = f"SELECT partner, y, host, COUNT(*) FROM ({sql}) AS u GROUP BY partner, y, host"  # noqa: S608
        cursor.execute(grouped, params)  # the ORM's SQL, its values as parameters
        rows = cursor.fetchall()
    found: dict[str, Partner] = {}
    for code, y, host, n in rows:
        year = None if y is None else int(y)  # PostgreSQL's EXTRACT is a numeric
        partner = found.setdefault(code, Partner(country=code))
        partner.n += n
        partner.per_year[year] += n
        if host == country.code:
            partner.hosted_here += n
        elif host == code:
            partner.hosted_there += n
    names = Country.objects.in_bulk(list(found))
    for partner in found.values():
        partner.country = names[partner.country]
    return sorted(found.values(), key=lambda p: (-p.n, p.country.name))


def tallies(meetings) -> tuple[dict[int | None, int], dict[str | None, int]]:
    """These meetings per year (None: undated) and per host country (None: no host), in one grouped query.

    Reused until a meeting, participation or person changes (`summaries`).
    """
    return summaries.cached("tallies", summaries.of_queryset(meetings), lambda: _tallies(meetings))


def _tallies(meetings) -> tuple[dict[int | None, int], dict[str | None, int]]:
    per_year, per_host = Counter(), Counter()
    grouped = meetings.order_by().annotate(y=ExtractYear("date")).values_list("y", "host_country")
    for year, host, n in grouped.annotate(n=Count("id")):
        per_year[year] += n
        per_host[host] += n
    return dict(per_year), dict(per_host)
