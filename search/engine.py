"""Running one search: parse the query box, apply the facet filters, count the facets, order and page the hits.

Every request's work is bounded: ranges are not offered, wildcards need a prefix and expand to a
limited number of words, matching stops at a time budget (the page says the results are partial),
and the spelling suggestion has its own word and time limits.
"""

from __future__ import annotations

import re
import time
from array import array
from dataclasses import dataclass, field

import numpy as np
from whoosh import qparser
from whoosh.query import NullQuery, Or, Prefix, Term, Wildcard

from . import facets as facet_tables
from . import postings, spelling
from .backend import archive_analyzer
from .indexing import get_backend, schema_of
from .query import ALL, EXPANDED_VALUES, SearchParams
from .search_indexes import FACET_FIELDS
from .searchers import document_count, reset_searchers, searcher, with_retry

__all__ = ["Outcome", "document_count", "reset_searchers", "run", "searcher", "text_query"]

BROKEN = "Your query has unbalanced quotes or brackets or a dangling operator, so we searched for its words."
PARTIAL = "This search took too long to finish; these are the results found in the time allowed."
# A request's search work stops here and degrades (partial matches, no suggestion) instead of tying up a worker.
BUDGET_SECONDS = 2.0
CHECK_EVERY = 4096  # matches collected between looks at the clock
MIN_WILDCARD_PREFIX = 2  # letters before * or ?: a leading wildcard walks every term in the index
MAX_WILDCARD_TERMS = 200  # words one wildcard may stand for
FACET_VALUES_SHOWN = 12  # per facet block on the page; dates are shown whole (the histogram)
DATE_FACETS = ("year", "month")


@dataclass
class Outcome:
    total: int = 0
    article_ids: list[int] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str = ""
    messages: list[str] = field(default_factory=list)
    pages: int = 1
    page: int = 1
    took_ms: float = 0.0
    partial: bool = False
    facet_sizes: dict[str, int] = field(default_factory=dict)  # values with hits, of which `facets` has the top


def _parser(schema, plugins=True):
    parser = qparser.QueryParser("text", schema, group=qparser.AndGroup)
    # No field syntax (filters come only from the whitelisted facet parameters) and no ranges: an open
    # range such as [a TO] walks the whole term list, and a range over words means nothing to analysts.
    parser.remove_plugin_class(qparser.FieldsPlugin)
    parser.remove_plugin_class(qparser.RangePlugin)
    if not plugins:
        for plugin in (qparser.WildcardPlugin, qparser.PhrasePlugin, qparser.GroupPlugin):
            parser.remove_plugin_class(plugin)
    return parser


def looks_broken(q: str) -> bool:
    if q.count('"') % 2 or q.count("(") != q.count(")") or q.count("[") != q.count("]"):
        return True
    return bool(re.search(r"(^|\s)(AND|OR|NOT)\s*$|^\s*(AND|OR)\s", q))


def _bounded_wildcards(qobj, reader, messages: list[str]):
    """Replace each wildcard with the words it stands for, at most MAX_WILDCARD_TERMS of them."""

    def visit(node):
        if not isinstance(node, Wildcard | Prefix):
            return node
        pattern = node.text + ("*" if isinstance(node, Prefix) else "")
        literal = re.split(r"[*?]", pattern, maxsplit=1)[0]
        if len(literal) < MIN_WILDCARD_PREFIX:
            messages.append(
                f"“{pattern}” was left out: a wildcard needs at least {MIN_WILDCARD_PREFIX} letters before * or ?."
            )
            return NullQuery
        regex = re.compile(re.escape(pattern).replace(r"\*", ".*").replace(r"\?", "."))
        words = []
        for term in reader.expand_prefix(node.fieldname, literal):
            word = term.decode("utf-8") if isinstance(term, bytes) else term
            if regex.fullmatch(word):
                words.append(word)
                if len(words) > MAX_WILDCARD_TERMS:
                    break
        if len(words) > MAX_WILDCARD_TERMS:
            words = words[:MAX_WILDCARD_TERMS]
            messages.append(
                f"“{pattern}” matches more than {MAX_WILDCARD_TERMS} words; the first {MAX_WILDCARD_TERMS} "
                "were searched. Add letters to narrow it."
            )
        return Or([Term(node.fieldname, w) for w in words]) if words else NullQuery

    return qobj.accept(visit).normalize()


def text_query(q: str, reader=None) -> tuple:
    """(whoosh query, NullQuery for nothing, or None for everything; message or '')."""
    q = q.strip()
    if not q or q == "*":
        return None, ""
    schema = schema_of(get_backend())
    parsed = None
    if not looks_broken(q):
        try:
            parsed = _parser(schema).parse(q)
        except Exception:  # whoosh raises assorted errors on odd input; the words still make a query
            parsed = None
    messages = []
    if parsed is not None and reader is not None:
        parsed = _bounded_wildcards(parsed, reader, messages)
    if parsed is not None and parsed is not NullQuery:
        return parsed, " ".join(messages)
    if messages:
        return NullQuery, " ".join(messages)
    words = [w for w in re.findall(r"\w+", q) if w not in ("AND", "OR", "NOT")]
    if parsed is NullQuery and words and not any(t.text for w in words for t in archive_analyzer()(w)):
        return NullQuery, "Your query has only words too common to search for (like “the” or “of”)."
    fallback = _parser(schema, plugins=False).parse(" ".join(words)) if words else NullQuery
    return fallback, BROKEN


def _matching(s, qobj, size: int, deadline: float) -> tuple[np.ndarray, bool]:
    """Mask of documents matching the query, and whether the time budget cut the walk short."""
    mask = postings.match(s, qobj, size)
    if mask is not None:
        return mask, False
    # Phrases and the like: Whoosh checks positions, walking matches in Python, so watch the clock.
    found, partial = array("q"), False
    for n, docnum in enumerate(s.docs_for_query(qobj), 1):
        found.append(docnum)
        if n % CHECK_EVERY == 0 and time.monotonic() > deadline:
            partial = True
            break
    mask = np.zeros(size, dtype=bool)
    mask[np.frombuffer(found, dtype=np.int64)] = True
    return mask, partial


def run(params: SearchParams, per_page: int = 20, budget: float = BUDGET_SECONDS) -> Outcome:
    """One search; if it raced a commit or a rebuild swap it runs again on a fresh searcher."""
    started = time.perf_counter()
    out = with_retry(lambda s: _run(s, params, per_page, time.monotonic() + budget))
    out.took_ms = (time.perf_counter() - started) * 1000
    return out


def _run(s, params: SearchParams, per_page: int, deadline: float) -> Outcome:
    out = Outcome(page=params.page)
    qobj, message = text_query(params.q, s.reader())
    if message:
        out.messages.append(message)
    table = facet_tables.table_for(s)
    base = table.live.copy()
    if qobj is NullQuery:
        base[:] = False
    elif qobj is not None:
        text_mask, out.partial = _matching(s, qobj, table.size, deadline)
        base &= text_mask
        if out.partial:
            out.messages.append(PARTIAL)
    filters = params.index_filters()
    masks = {name: _filter_mask(table, params, name, values) for name, values in filters.items()}
    everything = base.copy()
    for mask in masks.values():
        everything &= mask
    for name in FACET_FIELDS:
        if name == "month" and not params.year:
            continue
        skip = params.filters_ignored_by(name)
        m = base.copy()
        for other, mask in masks.items():
            if other not in skip:
                m &= mask
        if name in DATE_FACETS:
            out.facets[name] = table.counts(name, m)
            out.facet_sizes[name] = len(out.facets[name])
        else:
            shown = EXPANDED_VALUES if params.expand == name else FACET_VALUES_SHOWN
            chosen = filters.get(name, ())
            out.facets[name], out.facet_sizes[name] = table.top(params.facet_field(name), m, shown, chosen)
    out.total = int(everything.sum())
    out.pages = max(1, -(-out.total // per_page))
    if params.page > out.pages:
        if out.total:
            out.messages.append(f"There is no page {params.page}; showing the last page.")
        out.page = out.pages
    sort = params.sort if not out.partial else "newest"  # ranking a partial walk would mislead
    docnums = _order(s, table, everything, qobj, sort, out.page, per_page)
    out.article_ids = [int(table.article_ids[d]) for d in docnums]
    if out.total == 0 and params.q and qobj is not NullQuery and time.monotonic() < deadline:
        remaining = max(0.0, min(spelling.BUDGET_SECONDS, deadline - time.monotonic()))
        out.suggestion = spelling.suggest(params.q, s, lambda text: _has_hits(s, text), budget=remaining)
    return out


def _filter_mask(table, params: SearchParams, facet: str, values: list[str]) -> np.ndarray:
    name = params.facet_field(facet)
    if params.mode(facet) == ALL and len(values) > 1:
        mask = table.mask_for(name, values[:1])
        for value in values[1:]:
            mask &= table.mask_for(name, [value])
        return mask
    return table.mask_for(name, values)


def _has_hits(s, text: str) -> bool:
    qobj, _ = text_query(text, s.reader())
    return qobj not in (None, NullQuery) and any(True for _ in s.docs_for_query(qobj))


def _order(s, table, everything, qobj, sort, page, per_page) -> list[int]:
    start = (page - 1) * per_page
    if not everything.any():
        return []  # and an empty filter set would mean "no filter" to Whoosh
    if sort == "relevance" and qobj is not None and qobj is not NullQuery:
        return postings.top(s, qobj, everything, start, per_page)
    candidates = np.flatnonzero(everything)
    keys = table.published[candidates].astype(np.int64)
    # Undated articles (key 0) come last in either direction.
    keys = np.where(keys == 0, 99_999_999, keys) if sort == "oldest" else -keys
    # Ties (same day) broken by article id, newest id first, so pages are stable.
    order = np.lexsort((-table.article_ids[candidates], keys))
    return candidates[order[start : start + per_page]].tolist()
