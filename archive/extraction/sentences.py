"""Splitting raw article text into lines and sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex  # variable-width look-behind for the abbreviation guard; installed with dateparser

from archive.core.text import strip_accents

from .script import latin as latin_of

# Abbreviations whose full stop does not end a sentence.
_ABBREV = (
    r"(?:Mr|Mrs|Ms|Dr|Gen|Adm|Col|Lt|Maj|Capt|Brig|Sen|Rep|Gov|St|No|Jr|Sr|Prof|U\.S|U\.K|U\.N|e\.g|i\.e|vs"
    r"|br|tzv|gen|mr|dr|[A-Z])"
)
_SPLIT = regex.compile(r"(?<!\b" + _ABBREV + r"\.)(?<=[.!?…])[\"”’»]?\s+(?=[\"“„«(\-–—]?\s*[\p{Lu}0-9])")


@dataclass
class Sentence:
    index: int
    paragraph: int
    text: str  # as written
    latin: str  # Serbian Cyrillic transliterated, everything else unchanged
    lower: str  # latin, lower-cased: what keyword rules look at
    plain: str  # latin without diacritics, case kept: what name matching looks at
    countries: list | None = None  # country hits, filled in once by the pipeline
    positions: dict[int, int] = field(default_factory=dict)  # id(person) -> offset of its first mention in `plain`


def paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.replace("\r", "").split("\n") if line.strip()]


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for p_index, para in enumerate(paragraphs(text)):
        for piece in _SPLIT.split(para):
            piece = piece.strip(" -–—")
            if piece:
                latin = latin_of(piece)
                out.append(
                    Sentence(len(out), p_index, piece, latin, latin.lower(), strip_accents(latin).replace("’", "'"))
                )
    return out
