"""Running one search: parse the query box, apply the facet filters, count the facets, order and page the hits."""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import threading
import time
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count, Max
from whoosh import qparser
from whoosh.query import NullQuery

from archive.core.models import CountryAlias, OrganisationAlias, PersonName

from . import facets as facet_tables
from .backend import archive_analyzer, fold_token
from .indexing import get_backend, open_index, schema_of
from .query import SearchParams
from .search_indexes import FACET_FIELDS

_local = threading.local()
_vocab_cache: dict = {}
BROKEN = "Your query has unbalanced quotes or brackets or a dangling operator, so we searched for its words."


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


def searcher():
    """A per-thread searcher, refreshed when a writer committed or a rebuild swapped generations."""
    backend = get_backend()
    # Keyed by the generation directory: after a rebuild swapped the symlink, open the new generation.
    key = os.path.realpath(backend.path)
    cached = getattr(_local, "searchers", {}).get(key)
    # Not closing the old searcher on refresh: it shares its unchanged segment readers with the new one.
    s = cached.refresh() if cached is not None else open_index(backend).searcher()
    _local.searchers = {key: s}
    return s


def reset_searchers():
    for s in getattr(_local, "searchers", {}).values():
        with contextlib.suppress(Exception):
            s.close()
    _local.searchers = {}


def _parser(schema, plugins=True):
    parser = qparser.QueryParser("text", schema, group=qparser.AndGroup)
    # No field syntax: filters come only from the whitelisted facet parameters.
    parser.remove_plugin_class(qparser.FieldsPlugin)
    if not plugins:
        for plugin in (qparser.WildcardPlugin, qparser.RangePlugin, qparser.PhrasePlugin, qparser.GroupPlugin):
            parser.remove_plugin_class(plugin)
    return parser


def looks_broken(q: str) -> bool:
    if q.count('"') % 2 or q.count("(") != q.count(")") or q.count("[") != q.count("]"):
        return True
    return bool(re.search(r"(^|\s)(AND|OR|NOT)\s*$|^\s*(AND|OR)\s", q))


def text_query(q: str):
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
    if parsed is not None and parsed is not NullQuery:
        return parsed, ""
    words = [w for w in re.findall(r"\w+", q) if w not in ("AND", "OR", "NOT")]
    if parsed is NullQuery and words and not any(t.text for w in words for t in archive_analyzer()(w)):
        return NullQuery, "Your query has only words too common to search for (like “the” or “of”)."
    fallback = _parser(schema, plugins=False).parse(" ".join(words)) if words else NullQuery
    return fallback, BROKEN


def run(params: SearchParams, per_page: int = 20) -> Outcome:
    started = time.perf_counter()
    out = Outcome(page=params.page)
    qobj, message = text_query(params.q)
    if message:
        out.messages.append(message)
    s = searcher()
    table = facet_tables.table_for(s)
    base = table.live.copy()
    if qobj is NullQuery:
        base[:] = False
    elif qobj is not None:
        matched = np.fromiter(s.docs_for_query(qobj), dtype=np.int64)
        text_mask = np.zeros(table.size, dtype=bool)
        text_mask[matched] = True
        base &= text_mask
    filters = params.index_filters()
    masks = {name: table.mask_for(name, values) for name, values in filters.items()}
    everything = base.copy()
    for mask in masks.values():
        everything &= mask
    for name in FACET_FIELDS:
        if name == "month" and not params.year:
            continue
        # Counts for a facet ignore its own filter, so picking a second value (OR) stays possible.
        skip = {name, "month"} if name == "year" else {name}
        m = base.copy()
        for other, mask in masks.items():
            if other not in skip:
                m &= mask
        out.facets[name] = table.counts(name, m)
    out.total = int(everything.sum())
    out.pages = max(1, -(-out.total // per_page))
    if params.page > out.pages:
        if out.total:
            out.messages.append(f"There is no page {params.page}; showing the last page.")
        out.page = out.pages
    docnums = _order(s, table, everything, masks, qobj, params.sort, out.page, per_page)
    out.article_ids = [int(table.article_ids[d]) for d in docnums]
    if out.total == 0 and params.q:
        out.suggestion = suggest(params.q, s)
    out.took_ms = (time.perf_counter() - started) * 1000
    return out


def _order(s, table, everything, masks, qobj, sort, page, per_page) -> list[int]:
    start = (page - 1) * per_page
    if not everything.any():
        return []  # and an empty filter set would mean "no filter" to Whoosh
    if sort == "relevance" and qobj is not None and qobj is not NullQuery:
        allowed = None
        if masks:
            allowed = set(np.flatnonzero(everything).tolist())
        hits = s.search(qobj, limit=start + per_page, filter=allowed)
        return [hit.docnum for hit in hits[start : start + per_page]]
    candidates = np.flatnonzero(everything)
    keys = table.published[candidates].astype(np.int64)
    # Undated articles (key 0) come last in either direction.
    keys = np.where(keys == 0, 99_999_999, keys) if sort == "oldest" else -keys
    # Ties (same day) broken by article id, newest id first, so pages are stable.
    order = np.lexsort((-table.article_ids[candidates], keys))
    return candidates[order[start : start + per_page]].tolist()


def _name_vocabulary() -> dict[str, str]:
    """Folded word -> how it is written, from the names analysts search for most."""
    models = (PersonName, CountryAlias, OrganisationAlias)
    # Rebuilt when a name is added or removed; asked only on zero hits, so two cheap queries are fine.
    signature = tuple(tuple(m.objects.aggregate(n=Count("pk"), top=Max("pk")).values()) for m in models)
    if _vocab_cache.get("signature") == signature:
        return _vocab_cache["words"]
    words: dict[str, str] = {}
    for model in models:
        for name in model.objects.values_list("name", flat=True).iterator(chunk_size=5000):
            for word in re.findall(r"\w+", name):
                if len(word) > 2:
                    words.setdefault(fold_token(word), word)
    _vocab_cache.update(signature=signature, words=words)
    return words


def _known_term(reader, word: str) -> bool:
    terms = [t.text for t in archive_analyzer()(word)]
    return all(reader.doc_frequency("text", t) > 0 for t in terms)


def suggest(q: str, s) -> str:
    """A corrected query, offered only after zero hits (spelling on every query is slow, haystack #159)."""
    reader = s.reader()
    vocabulary = _name_vocabulary()
    changed, out = False, []
    for word in re.findall(r"[\w*]+|\S", q):
        if not re.fullmatch(r"\w+", word) or word in ("AND", "OR", "NOT") or _known_term(reader, word):
            out.append(word)
            continue
        close = difflib.get_close_matches(fold_token(word), vocabulary.keys(), n=1, cutoff=0.75)
        replacement = vocabulary[close[0]] if close else ""
        if not replacement:
            terms = [t.text for t in archive_analyzer()(word)]
            found = s.corrector("text").suggest(terms[0], limit=1, maxdist=2) if terms else []
            replacement = found[0] if found else ""
        if replacement and replacement.lower() != word.lower():
            out.append(replacement)
            changed = True
        else:
            out.append(word)
    if not changed:
        return ""
    suggestion = " ".join(out)
    qobj, _ = text_query(suggestion)
    return suggestion if qobj not in (None, NullQuery) and any(True for _ in s.docs_for_query(qobj)) else ""
