"""The search page's GET parameters, validated into a filter object, and the URLs that change one of them.

Every value from the URL is checked against a whitelist or the database before it reaches the index;
an unusable value is dropped with a message, never passed on and never a 500.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlencode

from archive.core.converters import COUNTRY_CODE, MAX_PK, SLUG, parse_int
from archive.core.models import Country, Meeting, Organisation, Person, Source

MAX_QUERY = 300
MAX_PAGE = 100_000
MAX_VALUES = 20  # per facet: more is not a search, it is a crawl
SORTS = {"relevance": "Relevance", "newest": "Newest first", "oldest": "Oldest first"}
MULTI = ("country", "person", "source", "kind", "org")
# How several values of one facet combine: "any" (OR, the default) or "all" (AND: articles naming both
# Vučić and Erdoğan). `?all=person` switches a facet to "all of"; the page says which is in force.
ANY, ALL = "any", "all"
EXPANDED_VALUES = 300  # values a facet shows after "show all"; past this, narrow the search
_SLUG = re.compile(SLUG)
_COUNTRY = re.compile(COUNTRY_CODE)


@dataclass
class SearchParams:
    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)  # facet -> values, as indexed
    year: int | None = None
    month: int | None = None
    sort: str = "newest"
    page: int = 1
    messages: list[str] = field(default_factory=list)
    all_of: set[str] = field(default_factory=set)  # facets whose values combine with AND
    expand: str = ""  # the facet whose values are all shown
    verified: bool = False  # facets of extracted facts count and filter verified facts only

    def facet_field(self, facet: str) -> str:
        """The index field a facet reads: its verified twin when only verified facts count."""
        from .search_indexes import VERIFIED_FACETS, VERIFIED_PREFIX

        return VERIFIED_PREFIX + facet if self.verified and facet in VERIFIED_FACETS else facet

    def mode(self, facet: str) -> str:
        return ALL if facet in self.all_of else ANY

    def filters_ignored_by(self, facet: str) -> set[str]:
        """The filters a facet's counts leave out (both implementations count this way).

        With "any of", its own: the counts say what picking one more value adds (OR). With "all of", none:
        they say what is left after also requiring that value (AND). Years leave out their months too.
        """
        if self.mode(facet) == ALL:
            return set()
        return {facet, "month"} if facet == "year" else {facet}

    def index_filters(self) -> dict[str, list[str]]:
        out = {k: v for k, v in self.filters.items() if v}
        if self.year:
            out["year"] = [f"{self.year:04d}"]
            if self.month:
                out["month"] = [f"{self.year:04d}-{self.month:02d}"]
        return out

    def as_pairs(self, **override) -> list[tuple[str, str]]:
        state = {
            "q": self.q,
            **{k: list(v) for k, v in self.filters.items()},
            "year": self.year,
            "month": self.month,
            "all": sorted(self.all_of),
            "expand": self.expand or None,
            "verified": 1 if self.verified else None,
            "sort": self.sort if self.sort != default_sort(self.q) else None,
            "page": self.page if self.page > 1 else None,
        }
        state.update(override)
        pairs = []
        for key in ("q", *MULTI, "all", "year", "month", "verified", "expand", "sort", "page"):
            value = state.get(key)
            for item in value if isinstance(value, list) else [value]:
                if item not in (None, ""):
                    pairs.append((key, str(item)))
        return pairs

    def url(self, **override) -> str:
        """This state with some parameters changed; any change but `page` goes back to page 1."""
        override.setdefault("page", None)
        # What urlencode() writes, each pair encoded once per process: a search page links a hundred
        # variations of the same few parameters.
        return "?" + "&".join(_encoded(key, value) for key, value in self.as_pairs(**override))

    def toggle_url(self, facet: str, value: str) -> str:
        if facet == "year":
            return self.url(year=None if self.year == int(value) else int(value), month=None)
        if facet == "month":
            month = int(value[-2:])
            return self.url(month=None if self.month == month else month)
        current = list(self.filters.get(facet, []))
        current = [v for v in current if v != value] if value in current else [*current, value]
        return self.url(**{facet: current})

    def mode_url(self, facet: str, mode: str) -> str:
        """This search with the facet's values combined by `mode` (ANY or ALL)."""
        chosen = self.all_of | {facet} if mode == ALL else self.all_of - {facet}
        return self.url(all=sorted(chosen))

    def expand_url(self, facet: str | None) -> str:
        return self.url(expand=facet, page=self.page if self.page > 1 else None)

    def without_url(self, facet: str, value: str | None = None) -> str:
        if facet == "year":
            return self.url(year=None, month=None)
        if facet == "month":
            return self.url(month=None)
        if facet == "q":
            return self.url(q=None)
        return self.url(**{facet: [v for v in self.filters.get(facet, []) if v != value]})

    def page_url(self, page: int) -> str:
        return self.url(page=page if page > 1 else None)


@functools.lru_cache(maxsize=4096)
def _encoded(key: str, value: str) -> str:
    return urlencode([(key, value)])


def default_sort(q: str) -> str:
    return "relevance" if q else "newest"


def clean_text(value: str | None, limit: int) -> str:
    """Free text from the URL: control characters (NUL among them) and lone surrogates become spaces,
    runs of spaces one, cut to `limit`. PostgreSQL rejects NUL in a string, and none of them is text."""
    value = "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in value or "")
    return " ".join(value.split())[:limit]


def _known(name: str, raw: list[str], clean, lookup) -> tuple[list[str], list[str]]:
    """Keep the values that are well-formed and exist; name the others in a message."""
    cleaned = []
    for value in raw[:MAX_VALUES]:
        c = clean(value)
        if c is not None and c not in cleaned:
            cleaned.append(c)
    known = set(lookup(cleaned)) if cleaned else set()
    kept = [c for c in cleaned if c in known]
    dropped = [v for v in raw[:MAX_VALUES] if clean(v) not in known]
    shown = ", ".join(clean_text(v, 40) for v in dropped[:5])
    messages = [f"Ignored unknown {name}: {shown}"] if dropped else []
    if len(raw) > MAX_VALUES:
        messages.append(f"Only the first {MAX_VALUES} {name} values are used.")
    return kept, messages


def _code(value):
    value = (value or "").strip()
    return value.upper() if _COUNTRY.fullmatch(value) else None


def _pk(value):
    n = parse_int(value, 1, MAX_PK)
    return str(n) if n else None


def _slug(value):
    value = (value or "").strip()
    return value if _SLUG.fullmatch(value) else None


VALIDATORS = {
    "country": ("country", _code, lambda v: Country.objects.filter(code__in=v).values_list("code", flat=True)),
    "person": (
        "person",
        _pk,
        lambda v: (str(pk) for pk in Person.objects.filter(pk__in=[int(x) for x in v]).values_list("pk", flat=True)),
    ),
    "source": ("source", _slug, lambda v: Source.objects.filter(slug__in=v).values_list("slug", flat=True)),
    "kind": ("meeting kind", _slug, lambda v: [k for k in v if k in Meeting.Kind.values]),
    "org": ("organisation", _slug, lambda v: Organisation.objects.filter(slug__in=v).values_list("slug", flat=True)),
}


def parse(get) -> SearchParams:
    params = SearchParams(q=clean_text(get.get("q"), MAX_QUERY))
    for key, (label, clean, lookup) in VALIDATORS.items():
        kept, messages = _known(label, get.getlist(key), clean, lookup)
        if kept:
            params.filters[key] = kept
        params.messages += messages
    if get.get("year"):
        params.year = parse_int(get["year"], 1000, 2999)
        if params.year is None:
            params.messages.append(f"Ignored the year “{clean_text(get['year'], 20)}”: not a year.")
    if get.get("month"):
        params.month = parse_int(get["month"], 1, 12)
        if params.month is None or params.year is None:
            params.messages.append("Ignored the month: it needs a year and a number from 1 to 12.")
            params.month = None
    params.all_of = {name for name in get.getlist("all")[: len(MULTI)] if name in MULTI}
    params.verified = get.get("verified") == "1"
    if get.get("expand") in (*MULTI, "year"):
        params.expand = get["expand"]
    sort = get.get("sort") or default_sort(params.q)
    params.sort = sort if sort in SORTS else default_sort(params.q)
    if sort not in SORTS:
        params.messages.append("Unknown sort order; using the default.")
    if get.get("page"):
        page = parse_int(get["page"], 1, MAX_PAGE)
        if page is None:
            params.messages.append("Ignored the page number: not a page.")
        params.page = page or 1
    return params
