"""Turning an Outcome into what the templates show: labelled facet blocks, chips, histogram bars, results."""

from __future__ import annotations

import calendar
import functools
import time
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import quote

from django.db.models.functions import Substr
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import get_script_prefix, reverse

from archive.core.converters import MAX_PK, parse_int
from archive.core.dates import format_partial_date
from archive.core.models import Article, ArticleCountry, ArticlePerson, Country, Meeting, Organisation, Person, Source

from . import highlight
from .engine import FACET_VALUES_SHOWN
from .query import ALL, ANY, EXPANDED_VALUES, MULTI, SORTS, SearchParams
from .search_indexes import FACET_FIELDS

TITLES = {
    "country": "Country",
    "person": "Person",
    "year": "Year",
    "month": "Month",
    "source": "Source",
    "kind": "Meeting kind",
    "org": "Organisation",
}
SHOWN = FACET_VALUES_SHOWN  # values per facet block; the selected ones are always shown


@dataclass
class FacetItem:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class FacetBlock:
    name: str
    title: str
    items: list[FacetItem] = field(default_factory=list)
    more: int = 0  # values with hits not shown
    expand_url: str = ""  # "show all", or back to the top values when expanded
    expanded: bool = False
    # With two or more values chosen: how they combine, and the links that switch it.
    mode: str = ""
    modes: list[dict] = field(default_factory=list)


LABELS_TTL = 60  # seconds a process reuses a facet value's name
_labels: dict[tuple[str, str], tuple[str, float]] = {}


def labels_for(name: str, values) -> dict[str, str]:
    """Facet values are codes and keys in the index; their names come from the database, and are
    kept a minute per process (every search page names some 60 values in four queries otherwise)."""
    now = time.monotonic()
    out, missing = {}, []
    for v in values:
        hit = _labels.get((name, v))
        if hit is not None and hit[1] > now:
            out[v] = hit[0]
        else:
            missing.append(v)
    if missing:
        found = _labels_from_db(name, missing)
        if len(_labels) > 50_000:
            _labels.clear()
        for v, label in found.items():
            _labels[(name, v)] = (label, now + LABELS_TTL)
        out.update(found)
    return out


@receiver([post_save, post_delete], sender=Country)
@receiver([post_save, post_delete], sender=Person)
@receiver([post_save, post_delete], sender=Source)
@receiver([post_save, post_delete], sender=Organisation)
def _forget_labels(**kwargs):
    # A change made in this process shows at once; other processes see it within LABELS_TTL.
    _labels.clear()


def _labels_from_db(name: str, values: list[str]) -> dict[str, str]:
    if not values:
        return {}
    if name == "country":
        return dict(Country.objects.filter(code__in=values).values_list("code", "name"))
    if name == "person":
        ids = [n for n in (parse_int(v, 1, MAX_PK) for v in values) if n is not None]
        return {str(pk): n for pk, n in Person.objects.filter(pk__in=ids).values_list("pk", "name")}
    if name == "source":
        return dict(Source.objects.filter(slug__in=values).values_list("slug", "name"))
    if name == "org":
        return {o.slug: str(o) for o in Organisation.objects.filter(slug__in=values)}
    if name == "kind":
        return {v: label for v, label in Meeting.Kind.choices if v in values}
    if name == "month":
        months = {v: parse_int(v[-2:], 1, 12) for v in values}
        return {v: calendar.month_name[m] for v, m in months.items() if m}
    return {v: v for v in values}


def selected_values(params: SearchParams, name: str) -> list[str]:
    return params.index_filters().get(name, [])


def facet_blocks(
    params: SearchParams, counts: dict[str, dict[str, int]], sizes: dict[str, int] | None = None
) -> list[FacetBlock]:
    """`counts` may hold only each facet's top values; `sizes` says how many values had hits in all."""
    blocks = []
    for name in FACET_FIELDS:
        if name not in counts:
            continue
        chosen = selected_values(params, name)
        values = counts[name]
        if name in ("year", "month"):
            ordered = sorted(values, reverse=True)
        else:
            ordered = sorted(values, key=lambda v: (-values[v], v))
        expanded = params.expand == name
        shown = EXPANDED_VALUES if expanded else SHOWN
        top = ordered[:shown] + [v for v in chosen if v not in ordered[:shown]]
        labels = labels_for(name, top)
        total = (sizes or {}).get(name, len([v for v in ordered if values[v]]))
        block = FacetBlock(name, TITLES[name], more=max(0, total - shown), expanded=expanded)
        if expanded or (total > SHOWN and name in MULTI):
            block.expand_url = params.expand_url(None if expanded else name)
        if name in MULTI and len(chosen) > 1:
            block.mode = params.mode(name)
            block.modes = [
                {"label": label, "url": params.mode_url(name, mode), "selected": mode == block.mode}
                for mode, label in ((ANY, "any of these"), (ALL, "all of these"))
            ]
        for v in top:
            url = params.toggle_url(name, v)
            block.items.append(FacetItem(v, labels.get(v, v), values.get(v, 0), v in chosen, url))
        if block.items:  # an empty block is noise
            blocks.append(block)
    return blocks


def chips(params: SearchParams) -> list[dict]:
    out = []
    if params.q:
        out.append({"kind": "Query", "label": params.q, "url": params.without_url("q")})
    for name, values in params.index_filters().items():
        labels = labels_for(name, values)
        joiner = "and" if params.mode(name) == ALL else "or"
        for n, v in enumerate(values):
            chip = {"kind": TITLES[name], "label": labels.get(v, v), "url": params.without_url(name, v)}
            if n:
                chip["joiner"] = joiner  # how this value combines with the one before it
            out.append(chip)
    return out


def histogram(params: SearchParams, counts: dict[str, dict[str, int]]) -> dict:
    """Bars per year, or per month of the selected year; heights in percent of the tallest bar."""
    if params.year:
        data = counts.get("month", {})
        bars = [(f"{params.year:04d}-{m:02d}", calendar.month_abbr[m]) for m in range(1, 13)]
        title = f"Articles per month, {params.year}"
    else:
        years = sorted(int(y) for y in counts.get("year", {}))
        data = counts.get("year", {})
        bars = [(f"{y:04d}", f"{y:04d}") for y in range(years[0], years[-1] + 1)] if years else []
        title = "Articles per year"
    peak = max(data.values(), default=0) or 1
    facet = "month" if params.year else "year"
    chosen = selected_values(params, facet)
    items = [
        {
            "label": label,
            "count": data.get(value, 0),
            "height": round(100 * data.get(value, 0) / peak),
            "url": params.toggle_url(facet, value),
            "selected": value in chosen,
        }
        for value, label in bars
    ]
    return {"title": title, "bars": items, "up_url": params.url(year=None, month=None) if params.year else ""}


@dataclass
class Link:
    label: str
    url: str


@dataclass
class Result:
    url: str
    title: str
    published: str
    source: str
    snippet: str
    people: list[Link]
    countries: list[Link]


@functools.lru_cache(maxsize=64)
def _route(name: str, placeholder: str, script_prefix: str) -> tuple[str, str]:
    head, _, tail = reverse(name, args=[placeholder]).rpartition(placeholder)
    return head, tail


def _path(name: str, placeholder: str, arg) -> str:
    """reverse() for a route of one argument, resolved once per process: a page of results links
    a hundred people and countries, and reverse() was a tenth of a loaded search's time."""
    head, tail = _route(name, placeholder, get_script_prefix())
    return f"{head}{quote(str(arg), safe='')}{tail}"


def results(article_ids: list[int], q: str) -> list[Result]:
    """The page's rows from three flat queries: plain values, not model instances (a loaded web
    worker spent a third of a search building and prefetching those)."""
    # Snippets read only the head of the body: a long article costs the database no more than a short one.
    rows = (
        Article.objects.filter(pk__in=article_ids)
        .order_by()
        .values(
            "pk",
            "title",
            "published",
            "published_precision",
            "source__name",
            body_head=Substr("body", 1, highlight.SCAN_CHARS),
        )
    )
    by_id = {row["pk"]: row for row in rows}
    people, countries = defaultdict(list), defaultdict(list)
    # Ordered by name only: the models' default order joins every link to its article to sort by date.
    person_links = ArticlePerson.objects.public().filter(article_id__in=by_id).order_by("person__name")
    for article_id, name, slug in person_links.values_list("article_id", "person__name", "person__slug"):
        people[article_id].append(Link(name, _path("person-detail", "slug", slug)))
    country_links = ArticleCountry.objects.public().filter(article_id__in=by_id).order_by("country__name")
    for article_id, name, code in country_links.values_list("article_id", "country__name", "country__code"):
        countries[article_id].append(Link(name, _path("country-detail", "XX", code)))
    out = []
    for pk in article_ids:
        row = by_id.get(pk)
        if row is None:  # deleted since the index was written; the queue will remove it
            continue
        out.append(
            Result(
                url=_path("article-detail", "1", pk),
                title=highlight.title(row["title"], q),
                published=format_partial_date(row["published"], row["published_precision"]) or "",
                source=row["source__name"] or "",
                snippet=highlight.snippet(row["body_head"], q),
                people=people[pk],
                countries=countries[pk],
            )
        )
    return out


def sort_links(params: SearchParams) -> list[dict]:
    return [
        {"value": key, "label": label, "url": params.url(sort=key), "selected": params.sort == key}
        for key, label in SORTS.items()
        if key != "relevance" or params.q
    ]


def page_links(params: SearchParams, page: int, pages: int) -> dict:
    window = range(max(1, page - 3), min(pages, page + 3) + 1)
    return {
        "previous": params.page_url(page - 1) if page > 1 else "",
        "next": params.page_url(page + 1) if page < pages else "",
        "numbers": [{"n": n, "url": params.page_url(n), "current": n == page} for n in window],
    }
