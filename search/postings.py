"""Posting lists as numpy arrays: matching word queries and ranking them by BM25 without Whoosh's Python loops.

Whoosh walks every posting through a chain of Python calls, to match and again to score (a common
word at 10k articles: most of a search's time). Here each query word's postings are decoded block by
block into arrays, cached by segment id (a segment's postings never change), so matching a query of
words, AND, OR and NOT is array arithmetic, and relevance is one vectorised BM25 expression per
word. The formula, parameters and statistics are Whoosh's BM25F defaults, so the order is the one
`searcher.search()` gives; a phrase scores as the sum of its words. Phrases match through the word
pairs the index holds (backend.WordPairs); queries with other parts, and segments written before
pairs existed, are matched by Whoosh, which checks word positions.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from math import log

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.query import And, AndMaybe, AndNot, Every, Not, NullQuery, Or, Phrase, Term
from whoosh.util.numeric import byte_to_length

from . import phrases
from .backend import PAIRS_FIELD, PAIRS_MARKER, pair_term
from .facets import decode_postings, leaf_readers

B, K1 = 0.75, 1.2  # whoosh.scoring.BM25F defaults
FIELD = "text"
MAX_CACHED_POSTINGS = 20_000_000  # decoded (docnum, frequency) pairs kept per process, ~160 MB at most
MAX_CACHED_LISTS = 50_000  # and lists: saves make many small segments, each with its own short lists

_LENGTHS = np.array([byte_to_length(i) for i in range(256)], dtype=np.float32)
_lock = threading.Lock()
_postings: OrderedDict[tuple, tuple[np.ndarray, np.ndarray]] = OrderedDict()
_cached_size = [0]
_lengths: dict[str, np.ndarray] = {}
_pair_segments: dict[str, bool] = {}


def positive_terms(qobj) -> list[str]:
    """The words a query asks for (not the ones it excludes), each once."""
    found: list[str] = []

    def walk(node):
        if isinstance(node, Not):
            return
        if isinstance(node, AndNot | AndMaybe):
            walk(node.a)
            if isinstance(node, AndMaybe):
                walk(node.b)
            return
        if isinstance(node, Term):
            if node.fieldname == FIELD and node.text not in found:
                found.append(node.text)
            return
        if isinstance(node, Phrase):
            for word in node.words:
                if node.fieldname == FIELD and word not in found:
                    found.append(word)
            return
        for child in node.children():
            walk(child)

    walk(qobj)
    return found


def _postings_for(leaf, term: str, field: str = FIELD) -> tuple[np.ndarray, np.ndarray]:
    key = (leaf.segment().segment_id(), field, term)
    with _lock:
        hit = _postings.get(key)
        if hit is not None:
            _postings.move_to_end(key)
            return hit
    decoded = decode_postings(leaf, field, term)
    with _lock:
        _postings[key] = decoded
        _cached_size[0] += len(decoded[0])
        while (_cached_size[0] > MAX_CACHED_POSTINGS or len(_postings) > MAX_CACHED_LISTS) and len(_postings) > 1:
            _, (old_ids, _) = _postings.popitem(last=False)
            _cached_size[0] -= len(old_ids)
    return decoded


def _field_lengths(leaf) -> np.ndarray:
    seg_id = leaf.segment().segment_id()
    lengths = _lengths.get(seg_id)
    if lengths is None:
        column = leaf._perdoc._cached_reader(_lenfield(FIELD), LENGTHS_COLUMN)
        size = leaf.doc_count_all()
        codes = np.fromiter(column, dtype=np.uint8, count=size) if column is not None else np.zeros(size, np.uint8)
        lengths = _LENGTHS[codes]
        with _lock:
            if len(_lengths) > 256:  # segments of old generations are not coming back
                _lengths.clear()
            _lengths[seg_id] = lengths
    return lengths


def scores(searcher, qobj, size: int) -> np.ndarray:
    """BM25 score of every document for the query's words (0 where a word is absent)."""
    total = np.zeros(size, dtype=np.float32)
    terms = positive_terms(qobj)
    if not terms:
        return total
    reader = searcher.reader()
    doc_count = reader.doc_count_all()
    avg_length = (reader.field_length(FIELD) / (doc_count or 1)) or 1.0
    for term in terms:
        idf = log(doc_count / (reader.doc_frequency(FIELD, term) + 1)) + 1
        for leaf, offset in leaf_readers(reader):
            if leaf.segment() is None:
                continue
            ids, tf = _postings_for(leaf, term)
            if not len(ids):
                continue
            lengths = _field_lengths(leaf)[ids]
            total[ids + offset] += idf * (tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * lengths / avg_length))
    return total


def top(searcher, qobj, mask: np.ndarray, start: int, count: int) -> list[int]:
    """Document numbers of the best `count` matches after `start`, best first, ties in index order."""
    candidates = np.flatnonzero(mask)
    if not len(candidates):
        return []
    values = scores(searcher, qobj, len(mask))[candidates]
    wanted = min(len(candidates), start + count)
    if wanted < len(candidates):
        # Only the top `wanted` need sorting: keep the scores at or above the wanted-th best (ties
        # included, so every page cuts the same order), found in linear time.
        cut = np.partition(values, len(values) - wanted)[len(values) - wanted]
        keep = values >= cut
        candidates, values = candidates[keep], values[keep]
    order = np.lexsort((candidates, -values))
    return candidates[order][start : start + count].tolist()


def _term_mask(reader, term: str, size: int, field: str = FIELD) -> np.ndarray:
    mask = np.zeros(size, dtype=bool)
    for leaf, offset in leaf_readers(reader):
        if leaf.segment() is not None:
            mask[_postings_for(leaf, term, field)[0] + offset] = True
    return mask


def _has_pairs(leaf) -> bool:
    """Whether every document of this segment was written with word pairs (see backend.PAIR_JOINER)."""
    seg_id = leaf.segment().segment_id()
    known = _pair_segments.get(seg_id)
    if known is None:
        known = leaf.doc_frequency(PAIRS_FIELD, PAIRS_MARKER) == leaf.doc_count_all()
        if len(_pair_segments) > 4096:  # saves make many small segments; merged ones are not coming back
            _pair_segments.clear()
        _pair_segments[seg_id] = known
    return known


def _phrase_mask(searcher, node: Phrase, size: int) -> np.ndarray | None:
    """A phrase from the postings of its pairs of common words (search/phrases.py) and of its other
    words; None if a segment predates pairs.

    Only a two-word phrase of common words is exactly its pair. Otherwise the pairs can occur apart
    ("a b ... b c") or a rarer word has no pairs, so Whoosh checks positions, but only in the
    documents that hold every pair and word.
    """
    reader = searcher.reader()
    words = node.words
    if not words or node.slop != 1 or node.fieldname != FIELD:
        return None
    if len(words) == 1:
        return _term_mask(reader, words[0], size)
    leaves = [(leaf, offset) for leaf, offset in leaf_readers(reader) if leaf.segment() is not None]
    if not all(_has_pairs(leaf) for leaf, _ in leaves):
        return None
    ix = getattr(searcher, "_ix", None)
    common = phrases.load(getattr(getattr(ix, "storage", None), "folder", None))
    masks, exact, word_masks = [], len(words) == 2, {}

    def word_mask(word):  # a word between two pairs is in both
        if word not in word_masks:
            word_masks[word] = _term_mask(reader, word, size)
        return word_masks[word]

    for a, b in zip(words, words[1:], strict=False):
        if a in common and b in common:
            masks.append(_term_mask(reader, pair_term(a, b), size, PAIRS_FIELD))
        else:
            masks.append(word_mask(a) & word_mask(b))
            exact = False
    mask = np.logical_and.reduce(masks)
    if not exact and mask.any():
        mask = _positions_checked(searcher, node, mask)
    return mask


def _positions_checked(searcher, node: Phrase, candidates: np.ndarray) -> np.ndarray:
    checked = np.zeros_like(candidates)
    for sub, offset in searcher.leaf_searchers():
        local = np.flatnonzero(candidates[offset : offset + sub.doc_count_all()])
        if not len(local):
            continue
        matcher = node.matcher(sub)
        for docnum in local.tolist():
            if matcher.is_active() and matcher.id() < docnum:
                matcher.skip_to(docnum)
            if not matcher.is_active():
                break
            if matcher.id() == docnum:
                checked[offset + docnum] = True
    return checked


def match(searcher, qobj, size: int) -> np.ndarray | None:
    """Documents matching a query made only of words, phrases, AND, OR and NOT; None for anything else.

    Deleted documents are not removed here: the caller intersects with the live mask.
    """
    reader = searcher.reader()

    def visit(node):
        if node is NullQuery:
            return np.zeros(size, dtype=bool)
        if isinstance(node, Every):
            return np.ones(size, dtype=bool)
        if isinstance(node, Term):
            return _term_mask(reader, node.text, size) if node.fieldname == FIELD else None
        if isinstance(node, Phrase):
            return _phrase_mask(searcher, node, size)
        if isinstance(node, Not):
            inner = visit(node.query)
            return None if inner is None else ~inner
        if isinstance(node, AndNot):
            a, b = visit(node.a), visit(node.b)
            return None if a is None or b is None else a & ~b
        if type(node) in (And, Or) and not getattr(node, "minmatch", 0):
            parts = [visit(child) for child in node.children()]
            if not parts or any(p is None for p in parts):
                return None
            return np.logical_and.reduce(parts) if type(node) is And else np.logical_or.reduce(parts)
        return None

    return visit(qobj)
