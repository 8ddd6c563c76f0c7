""" "Did you mean": a corrected query, offered only after zero hits and bounded in words and time.

Whoosh's term corrector is pure Python (0.3–0.75 s per unknown word on a 7k-article index), so only
the first few unknown words are corrected, within a time budget; past it, no suggestion.
"""

from __future__ import annotations

import difflib
import re
import time

from django.db.models import Count, Max

from archive.core.models import CountryAlias, OrganisationAlias, PersonName

from .backend import archive_analyzer, fold_token

MAX_WORDS = 4  # unknown words corrected per query; the rest are kept as typed
BUDGET_SECONDS = 0.4
_vocab_cache: dict = {}


def _name_vocabulary() -> dict[str, str]:
    """Folded word -> how it is written, from the names analysts search for most."""
    models = (PersonName, CountryAlias, OrganisationAlias)
    # Rebuilt when a name is added or removed; asked only on zero hits, so three cheap queries are fine.
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


def _terms(word: str) -> list[str]:
    return [t.text for t in archive_analyzer()(word)]


def _correct(word: str, searcher, vocabulary: dict[str, str]) -> str:
    close = difflib.get_close_matches(fold_token(word), vocabulary.keys(), n=1, cutoff=0.75)
    if close:
        return vocabulary[close[0]]
    terms = _terms(word)
    # prefix=1: candidates share the first letter, which cuts the corrector's walk over the term list ~20×.
    found = searcher.corrector("text").suggest(terms[0], limit=1, maxdist=2, prefix=1) if terms else []
    return found[0] if found else ""


def suggest(q: str, searcher, has_hits, budget: float = BUDGET_SECONDS) -> str:
    """A corrected query that finds something (`has_hits(query_text)`), or ''."""
    deadline = time.monotonic() + budget
    reader = searcher.reader()
    vocabulary = None
    changed, tried, out = False, 0, []
    for word in re.findall(r"[\w*]+|\S", q):
        plain = re.fullmatch(r"\w+", word) and word not in ("AND", "OR", "NOT")
        if not plain or tried >= MAX_WORDS or time.monotonic() > deadline:
            out.append(word)
            continue
        if all(reader.doc_frequency("text", t) > 0 for t in _terms(word)):
            out.append(word)
            continue
        tried += 1
        vocabulary = vocabulary if vocabulary is not None else _name_vocabulary()
        replacement = _correct(word, searcher, vocabulary)
        if replacement and replacement.lower() != word.lower():
            out.append(replacement)
            changed = True
        else:
            out.append(word)
    if not changed or time.monotonic() > deadline:
        return ""
    suggestion = " ".join(out)
    return suggestion if has_hits(suggestion) else ""
