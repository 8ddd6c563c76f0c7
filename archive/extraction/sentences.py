"""Splitting raw article text into lines and sentences, and guessing the language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import regex  # variable-width look-behind for the abbreviation guard; installed with dateparser

from archive.core.text import has_cyrillic, strip_accents, to_latin

# Abbreviations whose full stop does not end a sentence.
_ABBREV = (
    r"(?:Mr|Mrs|Ms|Dr|Gen|Adm|Col|Lt|Maj|Capt|Brig|Sen|Rep|Gov|St|No|Jr|Sr|Prof|U\.S|U\.K|U\.N|e\.g|i\.e|vs"
    r"|br|tzv|gen|mr|dr|[A-Z])"
)
_SPLIT = regex.compile(r"(?<!\b" + _ABBREV + r"\.)(?<=[.!?…])[\"”’»]?\s+(?=[\"“„«(\-–—]?\s*[A-ZА-ЯЂЈЉЊЋЏČĆŠŽĐ0-9])")
_LETTER = re.compile(r"[^\W\d_]")
_SR_FUNCTION = re.compile(r"\b(?:je|su|i|u|sa|da|se|od|za|na|koji|koja|kao|sto|što)\b")
_EN_FUNCTION = re.compile(r"\b(?:the|and|of|to|in|is|was|with|for|on|at)\b", re.I)
_CYR_ANY = re.compile(r"[\u0400-\u04ff]")
_CYR_SERBIAN = re.compile(r"[ђјљњћџЂЈЉЊЋЏ]")
_CYR_RUSSIAN = re.compile(r"[ыэъйщЫЭЪЙЩ]")


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
                latin = to_latin(piece)
                out.append(
                    Sentence(len(out), p_index, piece, latin, latin.lower(), strip_accents(latin).replace("’", "'"))
                )
    return out


def detect_language(text: str) -> str:
    sample = text[:4000]
    letters = len(_LETTER.findall(sample)) or 1
    cyr = len(_CYR_ANY.findall(sample))
    if cyr / letters > 0.3:
        if _CYR_RUSSIAN.search(sample) and not _CYR_SERBIAN.search(sample):
            return "ru"
        return "sr"
    if not has_cyrillic(sample) and re.search(r"[čćšžđ]", sample) and re.search(r"\b(je|su|i|u|sa|da)\b", sample):
        return "sr"
    # Latin Serbian, Bosnian or Montenegrin written without diacritics: its function words outnumber English ones.
    head = sample[:1500]
    sr_words = len(_SR_FUNCTION.findall(head))
    if sr_words >= 3 and sr_words > len(_EN_FUNCTION.findall(head)):
        return "sr"
    return "en"
