"""Which word pairs the index holds: pairs of two common terms ("common grams"), chosen per generation.

A phrase of common words is slow in Whoosh (most documents hold both words and only positions tell),
so the index holds such pairs as terms of their own (backend.WordPairs). Pairs of every two words
made the rebuild 2.8x slower and doubled its memory: each distinct pair is a term, and most pairs of
rarer words are distinct. So a rebuild picks the terms found in at least MIN_SHARE of a sample of
articles, stores them in the new generation (COMMON_FILE), and every writer to that generation pairs
only those. A phrase with a rarer word is matched by intersecting its words' postings and checking
positions in those documents, which are few. A generation without the file pairs nothing.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from django.db.models.functions import Substr

from .backend import PAIRS_MARKER, pair_term, term_spans

COMMON_FILE = "common-terms.txt"
SAMPLE_ARTICLES = 3000
SAMPLE_CHARS = 5000  # of each sampled body: enough to count a term's documents
MIN_SHARE = 0.05  # a term in at least 5 % of articles is common
MAX_TERMS = 2000


def choose(texts: Iterable[str]) -> list[str]:
    """The common terms of these texts, commonest first."""
    documents, seen = 0, Counter()
    for text in texts:
        documents += 1
        seen.update({term for term, _, _ in term_spans(text)})
    floor = max(2, MIN_SHARE * documents)
    return [term for term, n in seen.most_common(MAX_TERMS) if n >= floor]


def sample_texts(articles, seed: int = 0) -> Iterable[str]:
    """Titles and heads of bodies of up to SAMPLE_ARTICLES articles spread over the whole archive."""
    pks = list(articles.order_by("pk").values_list("pk", flat=True))
    chosen = random.Random(seed).sample(pks, min(len(pks), SAMPLE_ARTICLES))
    for start in range(0, len(chosen), 500):
        batch = articles.filter(pk__in=chosen[start : start + 500])
        rows = batch.annotate(head=Substr("body", 1, SAMPLE_CHARS)).values_list("title", "head")
        for title, head in rows:
            yield f"{title}\n{head}"


def save(folder, terms: list[str]) -> None:
    (Path(folder) / COMMON_FILE).write_text("\n".join(terms) + "\n", encoding="utf-8")


@lru_cache(maxsize=16)
def load(folder: str | None) -> frozenset[str]:
    """A generation's common terms (its folder never changes them once written)."""
    if not folder:
        return frozenset()
    try:
        text = (Path(folder) / COMMON_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return frozenset()
    return frozenset(line for line in text.splitlines() if line)


def pair_postings(sequence: list[str], common: frozenset[str]) -> list[tuple]:
    """The pairs field's postings for a document whose terms are `sequence`, in order."""
    pairs = {pair_term(a, b) for a, b in zip(sequence, sequence[1:], strict=False) if a in common and b in common}
    pairs.add(PAIRS_MARKER)  # written with this generation's pairs, even if it has none
    return [(p.encode(), 1, 1.0, b"") for p in pairs]
