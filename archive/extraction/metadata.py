"""Title, publisher and publication date from the head of an article.

Only the header is trusted for the date: a year in the body ("declared
independence in 2008") says nothing about when the article appeared.
"""

from __future__ import annotations

import datetime
import re

from archive.core.text import fold

from .lexicon import BOILERPLATE_LINES, DATE_MONTHS, KNOWN_PUBLISHERS, MONTHS, PUBLISHER_WORDS
from .script import latin as to_latin
from .sentences import paragraphs

_HEADER_LINES = 12
_BOILER = re.compile(rf"^(?:{BOILERPLATE_LINES})\W*$", re.I)
_PUB_WORDS = re.compile(rf"\b(?:{PUBLISHER_WORDS})\b", re.I)
_KNOWN = sorted(KNOWN_PUBLISHERS, key=len, reverse=True)
_KNOWN_RE = re.compile(r"\b(" + "|".join(re.escape(p) for p in _KNOWN) + r")\b")
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "a", "an", "to"}


def _date_patterns(months: dict[str, int]) -> list[re.Pattern]:
    month = rf"(?P<mon>{'|'.join(sorted(months, key=len, reverse=True))})\.?"
    return [
        re.compile(r"(?P<d>\d{1,2})\s*[./-]\s*(?P<m>\d{1,2})\s*[./-]\s*(?P<y>(?:19|20)\d{2})\b\.?"),
        re.compile(r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
        re.compile(r"\b(?P<y>(?:19|20)\d{2})\.\s?(?P<m>\d{1,2})\.\s?(?P<d>\d{1,2})\b\.?"),  # Hungarian: 2024.03.08.
        re.compile(rf"\b{month}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y>(?:19|20)\d{{2}})\b", re.I),
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{month}\s*,?\s*(?P<y>(?:19|20)\d{{2}})\b", re.I
        ),
        re.compile(rf"\b{month}\s*,?\s+(?P<y>(?:19|20)\d{{2}})\b", re.I),
        re.compile(rf"\b(?P<y>(?:19|20)\d{{2}})\.\s+{month}\s+(?P<d>\d{{1,2}})\b\.?", re.I),  # "2024. szeptember 19."
    ]


# Sentences are read with the languages extraction reads; header lines with every language CLDR names months in.
_DATE_PATTERNS = _date_patterns(MONTHS)
_HEADER_DATE_PATTERNS = _date_patterns(DATE_MONTHS)
_HAS_YEAR = re.compile(r"(?:19|20)\d\d")
_WORDS = re.compile(r"[^\W\d_]+")
_OTHER_MONTHS = frozenset(DATE_MONTHS) - frozenset(MONTHS)
_YEAR_ONLY = re.compile(r"^(?:©\s*)?(?P<y>(?:19|20)\d{2})\.?$")
_DATE_LEAD = re.compile(r"^(?:published|updated|posted|date|datum|objavljeno|last updated)\b[:\s]*", re.I)
_DATELINE = re.compile(r"^[\w .()'’-]{0,40}?,?\s*$")


def find_date(text: str, header: bool = False) -> tuple[datetime.date, str, re.Match] | None:
    """The first calendar date written in `text`, with its precision; `header`: a header line, in any language."""
    if not _HAS_YEAR.search(text):
        return None
    found = _first_date(text, _DATE_PATTERNS)
    # Other languages' month names only when the common ones found nothing: the long pattern costs
    if found or not header or not _OTHER_MONTHS.intersection(_WORDS.findall(text.lower())):
        return found
    return _first_date(text, _HEADER_DATE_PATTERNS)


def _first_date(text: str, patterns: list[re.Pattern]) -> tuple[datetime.date, str, re.Match] | None:
    best = None
    for pattern in patterns:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[2].start()):
            parts = m.groupdict()
            try:
                year = int(parts["y"])
                month = int(parts["m"]) if parts.get("m") else DATE_MONTHS[parts["mon"].lower()]
                if parts.get("d"):
                    best = (datetime.date(year, month, int(parts["d"])), "day", m)
                else:
                    best = (datetime.date(year, month, 1), "month", m)
            except (KeyError, ValueError):
                continue
    return best


def _is_boilerplate(line: str) -> bool:
    return bool(_BOILER.match(to_latin(line).strip()))


def _clean_publisher(line: str) -> str:
    line = re.sub(r"\s+\b[A-Z]{3,}$", "", line.strip())  # trailing section label: "Anadolu Agency WORLD"
    words = line.split()
    if words and all(w[:1].islower() or w.lower() in _SMALL_WORDS for w in words[1:]) or "inistry" in line:
        words = [
            w if (i and w.lower() in _SMALL_WORDS) or w.isupper() else w[:1].upper() + w[1:]
            for i, w in enumerate(words)
        ]
        words = [w.lower() if i and w.lower() in _SMALL_WORDS else w for i, w in enumerate(words)]
    return " ".join(words)


def _publisher(lines: list[str]) -> tuple[str | None, int]:
    for i, line in enumerate(lines[:_HEADER_LINES]):
        latin = to_latin(line)
        m = _KNOWN_RE.search(latin)
        if m and len(latin.split()) <= 6:
            return m.group(1), i
    for i, line in enumerate(lines[:_HEADER_LINES]):
        latin = to_latin(line)
        words = latin.split()
        header_like = 1 < len(words) <= 9 and _PUB_WORDS.search(latin) and not re.search(r"[.!?:;\"“”]$|\d", latin)
        if header_like and (
            sum(w[:1].isupper() for w in words) >= 2 or fold(latin).startswith(("ministry", "ministarstvo"))
        ):
            return _clean_publisher(latin), i
    return None, -1


def _published(lines: list[str]) -> tuple[datetime.date | None, str]:
    for i, line in enumerate(lines[: 2 * _HEADER_LINES]):
        latin = to_latin(line)
        if i >= _HEADER_LINES and not _DATE_LEAD.match(latin):
            continue  # below a long cookie banner or menu, only a "Published 9 April 2025" line still counts
        found = find_date(latin, header=True)
        if found:
            date, precision, m = found
            before = _DATE_LEAD.sub("", latin[: m.start()]).strip()
            short = len(latin.split()) <= 10 or " | " in latin  # "Autor: X | Izvor: RTS | četvrtak, 02. okt 2025"
            # Header lines and datelines ("Belgrade, 14.12.2023.") carry it; a sentence mentioning a date does not.
            if short or _DATELINE.match(before) or _DATE_LEAD.match(latin):
                return date, precision
        ym = _YEAR_ONLY.match(latin.strip())
        if ym:
            return datetime.date(int(ym.group("y")), 1, 1), "year"
    return None, "unknown"


def _title(lines: list[str], skip: set[int]) -> str:
    for i, line in enumerate(lines[:_HEADER_LINES]):
        if i in skip or _is_boilerplate(line):
            continue
        words = line.split()
        if len(words) < 3 or find_date(to_latin(line)) and len(words) <= 8:
            continue
        if line.upper() == line and len(words) < 3:
            continue
        if len(words) > 25:  # no headline line; fall back to the first sentence, shortened
            first = re.split(r"(?<=[.!?])\s", line)[0]
            return first if len(first) <= 160 else first[:157].rsplit(" ", 1)[0] + "..."
        return line.rstrip()
    return ""


def extract_metadata(text: str) -> tuple[str, str | None, datetime.date | None, str]:
    """Title, publisher, publication date and its precision ("day", "month", "year", "unknown")."""
    lines = paragraphs(text)
    source, source_line = _publisher(lines)
    published, precision = _published(lines)
    skip = {source_line}
    for i, line in enumerate(lines[:_HEADER_LINES]):
        if _DATE_LEAD.match(to_latin(line)):
            skip.add(i)
    return _title(lines, skip), source, published, precision


_DATELINE_CITY = re.compile(r"^([A-ZА-Я][\w’'-]+(?:\s[A-ZА-Я][\w’'-]+)?)\s*(?:,|\(|—|–|-|:)")


def dateline_city(text: str) -> tuple[str, str | None]:
    """The city of a dateline ("Athens, 5 June 2024", "VILNIUS, Lithuania —"), if it is a known city."""
    from .gazetteer import cities  # late: the city table is only needed once a dateline is seen

    for line in paragraphs(text)[: _HEADER_LINES + 2]:
        latin = to_latin(line)
        m = _DATELINE_CITY.match(latin)
        if m and (find_date(latin) or re.match(r"^[A-Z]{3,}", latin)):
            hit = cities().get(fold(m.group(1)))
            if hit:
                return hit
    return "", None
