"""Snippets with the query's words marked: the text is escaped first, then <mark> is wrapped around matches.

Matching uses the index's own analyzer, so "Vucic" marks "Vučić" and "Вучић", and "talks" marks "talk".
Never haystack's {% highlight %} tag: it returns the article's markup unescaped.
"""

from __future__ import annotations

import functools
import itertools
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .backend import archive_analyzer, term_spans

# Snippets look for the query's words in this much of the body: analysing a whole long article for
# every result made every search slow (a 50 MB article slowed common searches 70×).
SCAN_CHARS = 20_000
NEGATED = re.compile(r"(?:\bNOT\s+|-)(\"[^\"]*\"|\S+)")


@functools.lru_cache(maxsize=256)
def query_terms(q: str) -> tuple[frozenset[str], frozenset[str]]:
    """(analysed terms, analysed prefixes) the query asks for, leaving out negated words.

    Kept per query: every title and snippet of a page asks again."""
    q = NEGATED.sub(" ", q or "")
    terms, prefixes = set(), set()
    for word in re.findall(r"\w+\*?", q):
        if word in ("AND", "OR", "NOT"):
            continue
        target = prefixes if word.endswith("*") else terms
        target.update(t.text for t in archive_analyzer()(word.rstrip("*")))
    return frozenset(terms), frozenset(prefixes)


def _iter_spans(text: str, terms: set[str], prefixes: set[str]):
    for term, start, end in term_spans(text):
        if term in terms or (prefixes and any(term.startswith(p) for p in prefixes)):
            yield start, end


def _spans(text: str, terms: set[str], prefixes: set[str]) -> list[tuple[int, int]]:
    return list(_iter_spans(text, terms, prefixes))


def mark(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> SafeString:
    end = len(text) if end is None else end
    pieces, pos = [], start
    for s, e in spans:
        if s < start or e > end:
            continue
        pieces.append(escape(text[pos:s]))
        pieces.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    pieces.append(escape(text[pos:end]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text above went through escape()


def snippet(text: str, q: str, width: int = 260) -> SafeString:
    whole = text or ""
    text = whole[:SCAN_CHARS]
    terms, prefixes = query_terms(q)
    found = _iter_spans(text, terms, prefixes) if (terms or prefixes) else iter(())
    first_span = next(found, None)
    if first_span is None:
        cut = text[:width]
        return mark_safe(mark(cut, []) + ("…" if len(whole) > width else ""))  # noqa: S308
    first = first_span[0]
    start = max(0, first - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first_span[1] else end
    # Analyse only as far as the window reaches: the rest of the body cannot show.
    spans = [first_span, *itertools.takewhile(lambda span: span[1] <= end, found)]
    body = mark(text, spans, start, end)
    return mark_safe(("…" if start else "") + body + ("…" if end < len(whole) else ""))  # noqa: S308


def title(text: str, q: str) -> SafeString:
    text = (text or "")[:SCAN_CHARS]
    terms, prefixes = query_terms(q)
    return mark(text or "", _spans(text or "", terms, prefixes) if (terms or prefixes) else [])
