"""Splitting raw article text into lines and sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex  # variable-width look-behind for the abbreviation guard; installed with dateparser

from archive.core.text import strip_accents

from .lexicon import FURNITURE_HEADERS, TAG_LINE
from .script import latin as latin_of

# Abbreviations whose full stop does not end a sentence.
_ABBREV = (
    r"(?:Mr|Mrs|Ms|Dr|Gen|Adm|Col|Lt|Maj|Capt|Brig|Sen|Rep|Gov|St|No|Jr|Sr|Prof|U\.S|U\.K|U\.N|e\.g|i\.e|vs"
    r"|br|tzv|gen|mr|dr|[A-Z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"  # "on Nov. 2 received"
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


_FURNITURE = regex.compile(rf"^(?:{FURNITURE_HEADERS})\W*$", regex.I)
_TAG_LINE = regex.compile(TAG_LINE, regex.I)
_MENU_BAR = regex.compile(r"\s[|•·]\s")
_PROSE_END = regex.compile(r"[.!?…:][\"”’»)]?$")


def _is_menu(line: str) -> bool:
    """ "Türkiye | World | Politics | Economy": a row of short links."""
    cells = _MENU_BAR.split(line)
    return len(cells) >= 3 and sum(len(c.split()) for c in cells) <= 3 * len(cells)


def _is_prose(line: str) -> bool:
    return bool(_PROSE_END.search(line)) and len(line.split()) >= 8


def body_lines(text: str) -> list[str]:
    """The article's own lines: without menu rows, tag lines, and the lists of other stories under a
    "Related news" or "Most read" header (they run until the next paragraph of prose)."""
    out: list[str] = []
    in_list = False
    for line in paragraphs(text):
        lower = latin_of(line).replace("İ", "I").lower()  # Turkish dotted capital: "i̇" once lower-cased
        if _FURNITURE.match(lower):
            in_list = True
            continue
        if in_list and not _is_prose(line):
            continue
        in_list = False
        if _TAG_LINE.match(lower) or _is_menu(line):
            continue
        out.append(line)
    return out


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for p_index, para in enumerate(body_lines(text)):
        for piece in _SPLIT.split(para):
            piece = piece.strip(" -–—")
            if piece:
                latin = latin_of(piece)
                out.append(
                    Sentence(len(out), p_index, piece, latin, latin.lower(), strip_accents(latin).replace("’", "'"))
                )
    return out
