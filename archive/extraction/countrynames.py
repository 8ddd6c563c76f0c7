"""Country names in the language an article is written in, from CLDR (through babel).

English has its own table (gazetteer.py), and Serbian its adjectives and city stems; every other language, and
Serbian's country names, come from CLDR's names for it, plus
ISO 3166's official names (pycountry's translations), written in Latin letters as the article is. Names decline
("России", "Rusya'nın", "Szerbiával"), so each word is compared by its stem: the Snowball stemmer where the
language has one, the case endings for Russian, whose Snowball stemmer reads only Cyrillic.
"""

from __future__ import annotations

import gettext
from functools import cache, lru_cache
from itertools import islice

import pycountry
import regex

from archive.core.countrydata import country_records

from .gazetteer import Hit
from .inflection import bare, stem
from .lexicon_ru import ADJECTIVE_STEMS_RU
from .script import latin

_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}]+)?")
_ADJECTIVE = regex.compile(r"(?<![\p{L}\p{M}])\p{Ll}[\p{L}]*[sc]k[\p{L}]*")  # Latin letters: "serbskim"
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*(?:['’][\p{L}]+)?")
# Russian adjective and noun endings of country names, in Latin letters, longest first.
_RU_ENDINGS = sorted(
    [
        "ogo",
        "ego",
        "omu",
        "emu",
        "ymi",
        "imi",
        "yh",
        "ih",
        "ym",
        "im",
        "oj",
        "ej",
        "om",
        "em",
        "uju",
        "aja",
        "oe",
        "ee",
        "ye",
        "ie",
        "yj",
        "ij",
        "ah",
        "jah",
        "ami",
        "jami",
        "ov",
        "ev",
        "ja",
        "ju",
        "u",
        "a",
        "e",
        "y",
        "i",
        "o",
    ],
    key=len,
    reverse=True,
)
_LOCALES = {"sr": ("sr", "sr_Latn")}  # Serbian in both scripts
_SHORT = 3  # a one-word name with a shorter stem must be written whole ("Чад", "Того")


@lru_cache(maxsize=65536)
def word_keys(word: str, language: str) -> frozenset[str]:
    """The stems a word may have: Russian "Китая" is "Китай" less "-а" or "Кит-" less "-ая", so both."""
    w = bare(word)
    if language != "ru":
        return frozenset({stem(w, language), w.lower()})
    f = w.lower()
    keys = {f}
    for e in _RU_ENDINGS:
        if f.endswith(e) and len(f) - len(e) >= 3:
            keys.add(f[: -len(e)])
    return frozenset(k[:-1] if k.endswith("j") else k for k in keys)


def _names(language: str) -> set[tuple[str, str]]:
    """(country code, name) pairs for a language: CLDR territory names and ISO official names."""
    from babel import Locale, UnknownLocaleError

    out: set[tuple[str, str]] = set()
    codes = country_records()
    if language == "sr":  # the supplement's Cyrillic names are the Serbian press's ("Хеленска Република")
        out |= {(code, n) for code, rec in codes.items() for n in rec.aliases.get("native", ()) if _CYRILLIC.search(n)}
    for locale in _LOCALES.get(language, (language,)):
        try:
            territories = Locale.parse(locale).territories
        except (UnknownLocaleError, ValueError):
            continue
        out |= {(code, territories[code]) for code in codes if code in territories}
    try:
        iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return out
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value and c.alpha_2 in codes:
                out.add((c.alpha_2, iso.gettext(value)))
    return out


@cache
def _table(language: str) -> tuple[dict[str, list[tuple[tuple[frozenset[str], ...], str]]], int]:
    """Names by every stem their first word may have: each with the stems of every word, and its country."""
    table: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] = {}
    for code, name in sorted(_names(language)):
        words = _WORD.findall(latin(name))
        if not words or "," in name:
            continue  # "Korea, Republic of": the inverted form is an index heading, not prose
        keys = tuple(word_keys(w, language) for w in words)
        if len(words) == 1 and min(map(len, keys[0])) < _SHORT:
            keys = (frozenset({words[0]}),)  # written whole, case kept
        for first in keys[0]:
            table.setdefault(first, []).append((keys, code))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))  # the longer name first: "Северная Македония", not "Македония"
    return table, max((len(k) for entries in table.values() for k, _ in entries), default=0)


@cache
def _adjective_roots(language: str) -> dict[str, str]:
    """Stems of one-word country names ("serbi", "kitaj"), and the irregular adjectives' stems, to country codes."""
    roots: dict[str, str] = {}
    for code, name in sorted(_names(language)):
        words = _WORD.findall(latin(name))
        if len(words) == 1:
            for key in word_keys(words[0], language):
                roots.setdefault(key, code)
    if language == "ru":
        roots.update(ADJECTIVE_STEMS_RU)
    return roots


def _adjective_country(word: str, language: str) -> str | None:
    """ "serbskim" -> RS: the stem less "-sk" is the country's ("serb-" of "Serbija"), or a known irregular one."""
    roots = _adjective_roots(language)
    for key in word_keys(word, language):
        if key in roots and len(key) > 4 and key.endswith(("sk", "ck")):
            return roots[key]
        if len(key) > 5 and key.endswith(("sk", "ck")):
            root = key[:-2]
            for candidate in (root, root + "i", root[:-1] if root.endswith("j") else ""):
                if len(candidate) > 3 and candidate in roots:
                    return roots[candidate]
    return None


def find_local_countries(text: str, language: str) -> list[Hit]:
    """Countries named in `text` (Latin letters) the way its language names them; in Russian, also by their
    adjectives, which are written in lower case ("с сербским коллегой")."""
    table, _ = _table(language)
    hits: list[Hit] = []
    if not table:
        return hits
    if language == "ru":
        for m in _ADJECTIVE.finditer(text):
            code = _adjective_country(m.group(), language)
            if code:
                hits.append(Hit(code, m.start(), m.end(), m.group(), "demonym"))
    after = 0
    for cap in _CAPITALISED.finditer(text):  # a name starts with a capital: the other words cost nothing
        first = cap.group()
        if cap.start() < after:
            continue
        candidates = [e for k in word_keys(first, language) | {first} for e in table.get(k, ())]
        if not candidates:
            continue
        words = list(islice(_WORD.finditer(text, cap.start()), max(len(keys) for keys, _ in candidates)))
        for keys, code in sorted(candidates, key=lambda e: -len(e[0])):
            group = words[: len(keys)]
            if len(group) == len(keys) and all(
                (word_keys(w.group(), language) | {w.group()}) & k for w, k in zip(group, keys, strict=True)
            ):
                end = group[-1].start() + len(bare(group[-1].group()))
                hits.append(Hit(code, group[0].start(), end, text[group[0].start() : end], "native"))
                after = end
                break
    return hits
