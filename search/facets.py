"""Facet counts computed from the Whoosh index with numpy, instead of haystack's per-term faceting.

For each segment we read the stored facet values once (segments never change, only their deletion
sets do) into flat arrays: (document number, value number) pairs per facet. A count is then one
`bincount` over the pairs whose document is in the current match mask, which costs milliseconds at
100,000 articles whatever the number of values.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher

from .backend import ARTICLE_COLUMN, PUBLISHED_COLUMN
from .indexing import stored_values
from .search_indexes import INDEXED_FACETS

POSTINGS_READ_DOCS = 20_000  # segments this large read their facets from postings (see _read_segment)
_lock = threading.Lock()
_segments: dict[str, SegmentValues] = {}
_tables: dict[tuple, FacetTable] = {}
# Value numbers are process-wide so that arrays from different segments can be concatenated.
_vocab: dict[str, dict[str, int]] = {name: {} for name in INDEXED_FACETS}
_labels: dict[str, list[str]] = {name: [] for name in INDEXED_FACETS}


def _value_id(facet: str, value: str) -> int:
    ids = _vocab[facet]
    if value not in ids:
        ids[value] = len(ids)
        _labels[facet].append(value)
    return ids[value]


@dataclass
class SegmentValues:
    size: int
    article_ids: np.ndarray
    published: np.ndarray
    pairs: dict[str, tuple[np.ndarray, np.ndarray]]


def _read_segment(reader) -> SegmentValues:
    """A segment's facet arrays: from its columns and facet postings, or from every document's
    stored fields.

    Postings cost per facet value (~15 µs each, and a segment of any size holds most of the archive's
    few thousand people), stored fields per document (~16 µs): postings win only in large segments
    (one of 20,000 articles: 82 ms instead of 339 ms) and lose in the rebuild's 4,000-document ones
    (25 of them at 100k: 2.3 s instead of 1.6 s). A segment without the columns (written before
    them, or merged with such) is read from stored fields.
    """
    size = reader.doc_count_all()
    if size < POSTINGS_READ_DOCS:
        return _read_stored(reader)
    article_ids = _column(reader, ARTICLE_COLUMN, size)
    published = _column(reader, PUBLISHED_COLUMN, size)
    if article_ids is None or published is None or not article_ids.all():
        return _read_stored(reader)
    pairs = {}
    for name in INDEXED_FACETS:
        docs, values = [], []
        if name in reader.schema:
            for value, ids in _facet_postings(reader, name):
                docs.append(ids)
                values.append(np.full(len(ids), _value_id(name, value), dtype=np.int32))
        pairs[name] = (
            np.concatenate(docs) if docs else np.zeros(0, dtype=np.int32),
            np.concatenate(values) if values else np.zeros(0, dtype=np.int32),
        )
    return SegmentValues(size, article_ids.astype(np.int64), published.astype(np.int32), pairs)


def _facet_postings(reader, name: str):
    """(value, document numbers) for each value of a facet field in one segment, deleted ones included.

    One walk over the field's term infos: most facet values have a few postings, which Whoosh keeps
    inline in the term info, and opening a matcher per value cost more than reading stored fields.
    """
    terms = getattr(reader, "_terms", None)
    if terms is None or not hasattr(terms, "items_from") or not hasattr(terms, "_postfile"):
        for term in reader.lexicon(name):
            value = term.decode("utf-8")
            yield value, decode_postings(reader, name, value)[0]
        return
    fmt = reader.schema[name].format
    for (fieldname, tbytes), info in terms.items_from(name, b""):
        if fieldname != name:
            break
        if info.is_inlined():
            ids = np.asarray(info.inlined_postings()[0], dtype=np.int32)
        else:
            offset, length = info.extent()
            ids = _matcher_arrays(W3LeafMatcher(terms._postfile, offset, length, fmt))[0]
        yield tbytes.decode("utf-8"), ids


def _column(reader, name: str, size: int) -> np.ndarray | None:
    """A numeric column's values as one array (a segment without the column: None)."""
    if name not in reader.schema or not reader.has_column(name):
        return None
    column = reader.column_reader(name, translate=False)
    fixed = getattr(column, "_fixedlen", None)
    if fixed is None:  # not Whoosh 2.7's fixed-width column: read it value by value
        return np.fromiter(column, dtype=np.int64, count=size)
    count = min(column._count, size)
    raw = np.frombuffer(column._dbfile.get(column._basepos, count * fixed), dtype=">" + column._typecode)
    out = np.zeros(size, dtype=np.int64)  # documents past the column's end hold its default, 0
    out[:count] = raw
    return out


def _read_stored(reader) -> SegmentValues:
    size = reader.doc_count_all()
    article_ids = np.zeros(size, dtype=np.int64)
    published = np.zeros(size, dtype=np.int32)
    docs = {name: [] for name in INDEXED_FACETS}
    values = {name: [] for name in INDEXED_FACETS}
    for docnum in range(size):
        stored = reader.stored_fields(docnum)
        article_ids[docnum] = int(stored.get("django_id") or 0)
        published[docnum] = int(stored.get("published") or 0)
        for name in INDEXED_FACETS:
            for value in stored_values(stored.get(name)):
                docs[name].append(docnum)
                values[name].append(_value_id(name, value))
    pairs = {n: (np.array(docs[n], dtype=np.int32), np.array(values[n], dtype=np.int32)) for n in INDEXED_FACETS}
    return SegmentValues(size, article_ids, published, pairs)


def decode_postings(leaf, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
    """A term's (document numbers, weights) in one segment, read block by block into arrays.

    Deleted documents are included (every caller intersects with the live mask): Whoosh's own
    `postings()` filters them one posting at a time, in Python, in any segment with a deletion.
    """
    if (field, term) not in leaf:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
    terms = getattr(leaf, "_terms", None)
    if terms is not None and hasattr(leaf, "_text_to_bytes"):
        m = terms.matcher(field, leaf._text_to_bytes(field, term), leaf.schema[field].format)
    else:
        m = leaf.postings(field, term)
    return _matcher_arrays(m)


def _matcher_arrays(m) -> tuple[np.ndarray, np.ndarray]:
    ids, weights = [], []
    if hasattr(m, "_read_ids"):
        # Whoosh 3 block postings: read whole blocks instead of stepping posting by posting.
        while m.is_active():
            m._read_ids()
            m._read_weights()
            ids.append(np.asarray(m._ids, dtype=np.int32))
            weights.append(np.asarray(m._weights, dtype=np.float32))
            m._next_block()
    else:  # short posting lists stored inline in the term info
        one_ids, one_weights = [], []
        while m.is_active():
            one_ids.append(m.id())
            one_weights.append(m.weight())
            m.next()
        ids.append(np.asarray(one_ids, dtype=np.int32))
        weights.append(np.asarray(one_weights, dtype=np.float32))
    if not ids:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
    return np.concatenate(ids), np.concatenate(weights)


def leaf_readers(reader):
    """(segment reader, document offset) pairs of a reader, whether it spans one segment or several."""
    if hasattr(reader, "leaf_readers"):
        return reader.leaf_readers()
    return [(reader, 0)]


@dataclass
class FacetTable:
    size: int
    live: np.ndarray
    article_ids: np.ndarray
    published: np.ndarray
    pairs: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)

    def mask_for(self, facet: str, values) -> np.ndarray:
        """Documents having any of these values (values in one facet combine with OR)."""
        wanted = [_vocab[facet][v] for v in values if v in _vocab[facet]]
        docs, vals = self.pairs[facet]
        mask = np.zeros(self.size, dtype=bool)
        if wanted:
            mask[docs[np.isin(vals, wanted)]] = True
        return mask

    def counts(self, facet: str, base: np.ndarray) -> dict[str, int]:
        docs, vals = self.pairs[facet]
        hits = np.bincount(vals[base[docs]]) if len(docs) else np.zeros(0, dtype=np.int64)
        labels = _labels[facet]
        return {labels[i]: int(hits[i]) for i in np.flatnonzero(hits)}

    def top(self, facet: str, base: np.ndarray, limit: int, keep=()) -> tuple[dict[str, int], int]:
        """The `limit` most frequent values (and those in `keep`) with their counts, and how many values have hits.

        A person facet has thousands of values; a page shows a dozen, so only those leave numpy.
        """
        docs, vals = self.pairs[facet]
        hits = np.bincount(vals[base[docs]]) if len(docs) else np.zeros(0, dtype=np.int64)
        present = np.flatnonzero(hits)
        if len(present) > limit:
            cut = np.partition(hits[present], len(present) - limit)[len(present) - limit]
            chosen = present[hits[present] >= cut]  # ties at the cut stay, so the order below is stable
        else:
            chosen = present
        labels, ids = _labels[facet], _vocab[facet]
        out = {labels[i]: int(hits[i]) for i in chosen}
        for value in keep:
            i = ids.get(value)
            out.setdefault(value, int(hits[i]) if i is not None and i < len(hits) else 0)
        return out, len(present)


def table_for(searcher) -> FacetTable:
    """The facet arrays for this searcher's generation, built from cached per-segment arrays."""
    # An empty index has a reader without segments.
    leaves = [(r, off) for r, off in leaf_readers(searcher.reader()) if r.segment() is not None]
    key = tuple((r.segment().segment_id(), off, r.doc_count()) for r, off in leaves)
    with _lock:
        table = _tables.get(key)
        if table is not None:
            return table
        parts = []
        for reader, offset in leaves:
            seg_id = reader.segment().segment_id()
            if seg_id not in _segments:
                _segments[seg_id] = _read_segment(reader)
            parts.append((reader, offset, _segments[seg_id]))
        table = _combine(parts)
        if len(_tables) > 8:  # old generations are not coming back
            _tables.clear()
        _tables[key] = table
        live_ids = {reader.segment().segment_id() for reader, _ in leaves}
        for seg_id in [s for s in _segments if s not in live_ids and len(_segments) > 64]:
            del _segments[seg_id]
        return table


def _combine(parts) -> FacetTable:
    size = max((offset + seg.size for _, offset, seg in parts), default=0)
    live = np.zeros(size, dtype=bool)
    article_ids = np.zeros(size, dtype=np.int64)
    published = np.zeros(size, dtype=np.int32)
    pairs = {}
    for reader, offset, seg in parts:
        article_ids[offset : offset + seg.size] = seg.article_ids
        published[offset : offset + seg.size] = seg.published
        if reader.has_deletions():
            live[np.fromiter(reader.all_doc_ids(), dtype=np.int64) + offset] = True
        else:
            live[offset : offset + seg.size] = True
    for name in INDEXED_FACETS:
        docs = [seg.pairs[name][0] + offset for _, offset, seg in parts]
        vals = [seg.pairs[name][1] for _, _, seg in parts]
        docs = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int32)
        vals = np.concatenate(vals) if vals else np.zeros(0, dtype=np.int32)
        keep = live[docs] if len(docs) else np.zeros(0, dtype=bool)
        pairs[name] = (docs[keep], vals[keep])
    return FacetTable(size, live, article_ids, published, pairs)
