"""The search page through haystack's public API only, so any haystack engine can serve it.

`run(params, per_page) -> engine.Outcome` is the same interface as the fast path (`search.engine.run`,
Whoosh read directly, numpy facets), built only on `SearchQuerySet`: `auto_query`, `filter`, `facet`,
`order_by` and slicing. What the fast path gets from its analyzer, the generic path gets from the
document: the indexed text is folded when it is prepared (`search_indexes.ArticleIndex.prepare`) and the
query box is folded the same way here, so Vucic/Vučić/Вучић and Turkey/Türkiye meet on any engine.

Facet counts ignore their own filter (so an analyst can pick a second value): with nothing better in
haystack's API, that is one faceted query per facet, each with the other facets' filters.

`connection_from_url()` turns SEARCH_URL into a HAYSTACK_CONNECTIONS entry; it imports nothing from
Django apps, so settings can call it.
"""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

FAST = "fast"
GENERIC = "generic"
_OPERATORS = ("AND", "OR", "NOT")


class SearchURLError(ValueError):
    """SEARCH_URL cannot be used; the message names the variable and what is wrong."""


def connection_from_url(url: str) -> tuple[dict, str]:
    """(HAYSTACK_CONNECTIONS entry, FAST or GENERIC) for a SEARCH_URL.

    whoosh:///abs/path                      the archive's Whoosh backend, fast path
    elasticsearch7://host:9200/index        haystack's Elasticsearch 7 backend, generic path
    elasticsearch5://host:9200/index        haystack's Elasticsearch 5 backend, generic path
    solr://host:8983/solr/core              haystack's Solr backend, generic path
    (https: elasticsearch7+https://…, solr+https://…)
    """
    parts = urlsplit(url or "")
    scheme, _, secure = parts.scheme.partition("+")
    if secure not in ("", "https"):
        raise SearchURLError(f"SEARCH_URL: unknown transport “+{secure}” in {url!r}; use +https or nothing.")
    http = "https" if secure else "http"
    if scheme == "whoosh":
        if parts.netloc or not parts.path.startswith("/"):
            raise SearchURLError(f"SEARCH_URL: a Whoosh URL needs an absolute path, whoosh:///path (got {url!r}).")
        return {"ENGINE": "search.backend.ArchiveWhooshEngine", "PATH": parts.path}, FAST
    engines = {
        "elasticsearch7": "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine",
        "elasticsearch5": "haystack.backends.elasticsearch5_backend.Elasticsearch5SearchEngine",
        "solr": "haystack.backends.solr_backend.SolrEngine",
    }
    if scheme not in engines:
        known = ", ".join(["whoosh", *engines])
        raise SearchURLError(f"SEARCH_URL: unknown engine “{scheme}” in {url!r}; expected one of {known}.")
    if not parts.hostname:
        raise SearchURLError(f"SEARCH_URL: {scheme} needs a host, e.g. {scheme}://host:port/… (got {url!r}).")
    path = parts.path.strip("/")
    if not path:
        what = "an index name" if scheme.startswith("elasticsearch") else "a core path (solr/<core>)"
        raise SearchURLError(f"SEARCH_URL: {scheme} needs {what} after the host (got {url!r}).")
    netloc = parts.netloc
    # haystack's default swallows a cluster's errors and answers "no results": an outage would look like
    # an empty archive. Raised, they become a 503 page (search.service) and a failing /health/.
    common = {"ENGINE": engines[scheme], "SILENTLY_FAIL": False}
    if scheme.startswith("elasticsearch"):
        return {**common, "URL": f"{http}://{netloc}/", "INDEX_NAME": path}, GENERIC
    return {**common, "URL": f"{http}://{netloc}/{path}"}, GENERIC


_WORD = re.compile(r"\w+")


def fold_query(q: str) -> str:
    """The query box folded word by word like the document text; operators and quotes kept."""
    from .backend import fold_token

    return _WORD.sub(lambda m: m.group(0) if m.group(0) in _OPERATORS else fold_token(m.group(0)), q)


def _base(params, using: str):
    from haystack.query import SearchQuerySet

    from archive.core.models import Article

    q = params.q.strip()
    if q and q != "*":
        return SearchQuerySet(using=using).models(Article).auto_query(fold_query(q))
    # Everything: a range on an integer field every document has, not haystack's `*`, which stock
    # Whoosh runs as a walk over every word of the text field (haystack #1575; 84 s a page at 2,000).
    return everything(using)


def everything(using: str = "default"):
    """Every article document (see `_base` for why not haystack's `*`)."""
    from haystack.query import SearchQuerySet

    from archive.core.models import Article

    return SearchQuerySet(using=using).models(Article).filter(published__gte=0)


def document_count(using: str = "default") -> int:
    return everything(using).count()


def _filtered(sqs, params, filters: dict[str, list[str]], skip=()):
    # Values are whitelisted codes, primary keys and slugs (query.parse); haystack quotes them.
    for name, values in filters.items():
        if name in skip:
            continue
        field = params.facet_field(name)
        if name in params.all_of:  # every value required (AND)
            for value in values:
                sqs = sqs.filter(**{field: value})
        else:
            sqs = sqs.filter(**{f"{field}__in": values})
    return sqs


def _counts(sqs, params, names: list[str]) -> dict[str, dict[str, int]]:
    """Counts of these facets' values over `sqs`, in one query."""
    for name in names:
        sqs = sqs.facet(params.facet_field(name), limit=-1)
    # Run it as a count (one hit asked for): facet_counts() alone asks for every hit, and stock Whoosh
    # then builds a result for each (11.9 s to browse 10,000 articles).
    sqs.count()
    fields = sqs.facet_counts().get("fields", {})
    return {
        name: {v: n for v, n in fields.get(params.facet_field(name), []) if v not in (None, "") and n} for name in names
    }


def run(params, per_page: int = 20, using: str = "default"):
    """One search through haystack's API; same Outcome as search.engine.run."""
    from .engine import Outcome
    from .search_indexes import FACET_FIELDS

    started = time.perf_counter()
    out = Outcome(page=params.page)
    base = _base(params, using)
    filters = params.index_filters()
    # Facets whose counts leave out the same filters share one faceted query: with nothing chosen, one
    # query counts them all; each facet with a value chosen ("any of") needs its own.
    groups: dict[frozenset, list[str]] = {}
    for name in FACET_FIELDS:
        if name != "month" or params.year:
            ignored = frozenset(params.filters_ignored_by(name) & set(filters))
            groups.setdefault(ignored, []).append(name)
    for ignored, names in groups.items():
        out.facets.update(_counts(_filtered(base, params, filters, ignored), params, names))
    for name in out.facets:
        out.facet_sizes[name] = len(out.facets[name])
    everything = _filtered(base, params, filters)
    out.total = everything.count()
    out.pages = max(1, -(-out.total // per_page))
    if params.page > out.pages:
        if out.total:
            out.messages.append(f"There is no page {params.page}; showing the last page.")
        out.page = out.pages
    start = (out.page - 1) * per_page
    out.article_ids = _page(everything, params, start, per_page, bool(params.q.strip("* ")))
    out.took_ms = (time.perf_counter() - started) * 1000
    return out


def _page(sqs, params, start: int, per_page: int, has_query: bool) -> list[int]:
    if params.sort == "relevance" and has_query:
        return [int(r.pk) for r in sqs[start : start + per_page]]
    # Undated articles (published 0) come last in either direction, as on the fast path.
    dated = sqs.exclude(published=0).order_by("published" if params.sort == "oldest" else "-published")
    n_dated = dated.count()
    ids = [int(r.pk) for r in dated[start : min(start + per_page, n_dated)]] if start < n_dated else []
    if len(ids) < per_page:
        undated = sqs.filter(published=0)
        begin = max(0, start - n_dated)
        ids += [int(r.pk) for r in undated[begin : begin + per_page - len(ids)]]
    return ids
