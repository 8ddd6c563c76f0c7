"""Text folding shared by import, extraction and search.

One function decides when two spellings are "the same name": Vučić, Vucic,
VUČIĆ and Вучић all fold to "vucic". Search folds at index and query time with
the same function, so what matches in extraction matches in the search box.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import cyrtranslit

# Letters that NFKD does not decompose into base + combining mark.
_EXTRA = str.maketrans({"đ": "d", "Đ": "D", "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "ß": "ss"})
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_NON_WORD = re.compile(r"[^\w]+")


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text or ""))


def to_latin(text: str) -> str:
    """Serbian Cyrillic to Serbian Latin (Вучић -> Vučić); other text unchanged."""
    if not has_cyrillic(text):
        return text
    return cyrtranslit.to_latin(text, "sr")


def strip_accents(text: str) -> str:
    text = unicodedata.normalize("NFKD", to_latin(text).translate(_EXTRA))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_EXTRA)


def fold(text: str) -> str:
    """Lower-case, accent-free, Latin, single-spaced: the key two spellings share."""
    return " ".join(_NON_WORD.sub(" ", strip_accents(text or "").lower()).replace("_", " ").split())


def content_hash(text: str) -> str:
    """Hash of the folded text, so whitespace, case and accent noise do not make a new article."""
    return hashlib.sha256(fold(text).encode("utf-8")).hexdigest()
