"""Which capitalised words can be part of a person's name, and how a run of them becomes a name.

Token rules only: no sentence context. people.py decides whether a run is introduced as a person.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from archive.core.orgdata import ORGANISATIONS
from archive.core.text import fold

from .gazetteer import cities, country_at, find_countries
from .lexicon import (
    AMBIGUOUS_GIVEN_NAMES,
    HONORIFICS,
    NAME_SUFFIXES,
    NON_NAME_WORDS,
    SR_A_NAMES,
    SR_CASE_ENDINGS,
    SR_NON_NAME_STEMS,
    SR_O_NAMES,
    SR_STEM_ENDINGS,
    TITLES_EN,
    TITLES_SR,
)
from .lexicon_ru import TITLES_RU
from .lexicon_tr import NON_NAME_TR, TITLES_TR

_NAME_PART = (
    r"(?:\p{Lu}[\p{L}\p{M}.-]*(?:['’]\p{L}+)?|\(\p{Lu}[\p{L} ]*\)"
    r"|(?:al|el|ad|as|ash|at|ar|az|d|l)[-'’]\p{Lu}[\p{L}\p{M}-]*)"  # "al-Ruwaili", "d'Alema"
)
_PARTICLES = r"al|el|bin|ibn|van|von|de|der|den|da|di|du|dos|del|la|le|ter"
SEQ = regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{_NAME_PART})(?:\s+(?:(?:{_PARTICLES})\s+)*{_NAME_PART})*")
TITLE_NAME_PARTS = {w for t in TITLES_EN for w in fold(t).split()} | {"navy", "army", "ret"}


def _title_table(titles: dict[str, str]) -> tuple[re.Pattern, list[str], dict[str, str]]:
    """One pattern for a language's title stems, longest first; the group that matched names the title."""
    keys = sorted(titles, key=len, reverse=True)
    rx = re.compile(
        "|".join(rf"(?P<t{i}>\b" + r"\w*\s+".join(map(re.escape, k.split())) + r"\w*\b)" for i, k in enumerate(keys)),
        re.I,
    )
    return rx, keys, titles


# Languages whose titles are stems written before the name, in lower case or declined: "ministrom odbrane X".
TITLE_TABLES = {"sr": _title_table(TITLES_SR), "ru": _title_table(TITLES_RU), "tr": _title_table(TITLES_TR)}
SR_TITLE, SR_KEYS, _ = TITLE_TABLES["sr"]
_INITIAL = re.compile(r"^\p{Lu}\.$".replace(r"\p{Lu}", "[A-ZА-ЯČĆŠŽĐ]"))
_SUFFIX_FOLDED = {fold(s) for s in NAME_SUFFIXES}
_SUFFIXES = {s.rstrip(".") for s in NAME_SUFFIXES}
_HONORIFIC_FOLDED = {fold(h) for h in HONORIFICS}
PARTICLES = frozenset(_PARTICLES.split("|"))
_SR_INSTITUTION_LINKS = {"za", "pri", "od"}
_SR_NON_NAME = re.compile(rf"^(?:{'|'.join(SR_NON_NAME_STEMS)})(?:{'|'.join(SR_STEM_ENDINGS)})?$")


@lru_cache(maxsize=65536)
def is_name_token(tok: str, language: str) -> bool:
    bare = tok.rstrip(".")
    if regex.match(r"\p{Lu}{2,}", bare) and fold(bare) not in _SUFFIX_FOLDED:
        return False  # acronyms, also with a case ending ("KFOR-a")
    if _is_acronym_word(fold(bare), language):
        return False  # "Kfor", "Kfora", "Nato": an organisation written like a name
    if bare in AMBIGUOUS_GIVEN_NAMES:
        return True  # "Jordan Miller"; a lone "Jordan" still needs a surname or a title to be a person
    if not bare or any(ch.isdigit() for ch in bare) or bare.startswith("("):
        return False
    f = fold(bare)
    if f in NON_NAME_WORDS or f in TITLE_NAME_PARTS or f in _HONORIFIC_FOLDED or len(f) < 2:
        return False
    if language == "sr":
        if SR_TITLE.fullmatch(bare) or _SR_NON_NAME.match(f):
            return False
        if any(
            f[: -len(e)] + end in NON_NAME_WORDS
            for e in SR_CASE_ENDINGS
            if f.endswith(e) and len(f) - len(e) >= 3  # "Anom" is Ana, not the English article "an"
            for end in ("", "a", "o")
        ):
            return False
    if language in ("ru", "tr") and (TITLE_TABLES[language][0].fullmatch(bare) or f in NON_NAME_TR):
        return False  # "Bakanı", "Ministr" opening a sentence
    if language == "sr" and country_at(bare.lower(), language):
        return False  # adjectives of official names: "Sjedinjenih Američkih Država", "Ruske Federacije"
    return country_at(bare, language) is None


_RU_ADJECTIVE = re.compile(r"(?:yh|ih|oj|ogo|ego|yj|ij|aja|oe|ye|ie|ym|im|ymi|imi)$")


def institution_word(word: str, following: str, language: str) -> bool:
    """Whether a capitalised word before a lower-case one opens an institution's name, which Serbian and Russian
    capitalise only at its first word: "Kopnene vojske", "Vooružennyh sil"."""
    if language == "sr":  # "Kancelarije za Kosovo": a name is not followed by a preposition's complement
        return bool(_SR_NON_NAME.match(fold(following))) or fold(following) in _SR_INSTITUTION_LINKS
    return language == "ru" and len(following) > 2 and bool(_RU_ADJECTIVE.search(fold(word)))


@lru_cache(maxsize=1)
def _org_acronyms() -> frozenset[str]:
    return frozenset(fold(o["acronym"]) for o in ORGANISATIONS if o.get("acronym") and len(o["acronym"]) >= 3)


def _is_acronym_word(f: str, language: str) -> bool:
    acronyms = _org_acronyms()
    if f in acronyms:
        return True
    return language == "sr" and any(f.endswith(e) and f[: -len(e)] in acronyms for e in SR_CASE_ENDINGS)


def _is_initial(tok: str) -> bool:
    return bool(_INITIAL.match(tok))


def name_runs(words: list[str], language: str) -> list[tuple[int, int]]:
    """Spans of name words; a middle initial ("Lloyd J. Austin") and a suffix ("Jr.", "III") stay inside."""
    runs, i = [], 0
    while i < len(words):
        if is_name_token(words[i], language) and fold(words[i]) not in _SUFFIX_FOLDED:
            j = i + 1
            # up to six words, particles not counted: "Mohammed bin Mubarak bin Fadhel Al Mazrouei"
            while j < len(words) and sum(w.lower() not in PARTICLES for w in words[i:j]) < 6:
                w = words[j]
                if (
                    _is_initial(w)
                    and j + 1 < len(words)
                    and is_name_token(words[j + 1], language)
                    or is_name_token(w, language)
                ):
                    j += 1
                else:
                    break
            runs.append((_after_country(words, i, j, language), j))
            i = j
        else:
            i += 1
    return runs


def _after_country(words: list[str], i: int, j: int, language: str) -> int:
    """Skip a country name of several words that opens a run: "(ministarkom odbrane) Crne Gore Anom Vuković"."""
    for k in (3, 2, 1):  # also "(Ambassador to) India Martin Weiss", where "India" could be a given name
        if j - i - k >= 2 and country_at(" ".join(words[i : i + k]), language):
            return i + k
        # "Velike Britanije Džejms Mekgregor": the country's first word is not a name word, its last one is
        if j - i - k >= 2 and i and whole_country(" ".join(words[i - 1 : i + k]), language):
            return i + k
    return i


def whole_country(text: str, language: str) -> bool:
    hits = find_countries(text, language)
    return bool(hits) and hits[0].start == 0 and hits[0].end == len(text)


def clean_tokens(tokens: list[str]) -> list[str]:
    """Drop middle initials and generational suffixes: "Lloyd J. Austin III" -> "Lloyd Austin"; capitals as names."""
    out = [t for t in tokens if not _is_initial(t)]
    while len(out) > 1 and out[-1].rstrip(".") in _SUFFIXES:
        out.pop()
    while out and out[0] in PARTICLES:
        out.pop(0)
    while out and out[-1] in PARTICLES:
        out.pop()
    # "Petar PETKOVIĆ", "NAKATANI Gen": a family name in capitals is written as the others are
    out = [t.title() if t.isupper() and len(t) > 2 and len(out) > 1 else t for t in out]
    return out or tokens


def is_place(tokens: list[str]) -> bool:
    """A multi-word run that is a city ("New Delhi", "Sao Paulo") is not a person."""
    return len(tokens) > 1 and _is_city(" ".join(tokens))


@lru_cache(maxsize=4096)
def _is_city(text: str) -> bool:
    return fold(text) in cities()


def _woman_named(tokens: list[str], title_ending: str) -> bool:
    """ "predsednikom Anom Brnabić": the given name declines, the surname does not; so the name is a woman's."""
    ending = "om" if title_ending != "u" else "u"
    surname = tokens[-1]
    return (
        len(tokens[0]) > len(ending) + 1
        and tokens[0].endswith(ending)
        and not surname.endswith(("om", "em", "im", "u", "a", "e"))
    )


def sr_denominative(tokens: list[str], title_ending: str) -> list[str]:
    """Undo the case ending Serbian puts on a name after an inflected title ("ambasadora Petrovića")."""
    if not title_ending:
        return tokens
    if title_ending.startswith("f"):
        first = tokens[0]
        if title_ending != "fa" and len(first) > 3 and first.endswith(title_ending[1:]):
            first = first[: -len(title_ending) + 1] + "a"  # "Anom", "Anu", "Ane" -> "Ana"
        return [first, *tokens[1:]]
    if title_ending in ("om", "em", "u") and len(tokens) > 1 and _woman_named(tokens, title_ending):
        return [tokens[0][: -len("om" if title_ending != "u" else "u")] + "a", *tokens[1:]]
    out = []
    for tok in tokens:
        if tok.endswith(("skog", "čkog", "ckog", "škog")) or (
            title_ending in ("om", "u") and tok.endswith(("skom", "čkom", "ckom", "škom"))
        ):
            tok = tok[:-2] + "i" if tok.endswith("om") else tok[:-3] + "i"  # adjectival surnames: -ski
        elif title_ending in ("om", "em") and tok.endswith(("skim", "čkim", "ckim", "škim")):
            tok = tok[:-1]
        elif title_ending in ("om", "em") and tok.endswith("ijem") and len(tok) > 6:
            tok = tok[:-3]  # "Lekornijem" -> "Lekorni": foreign names in -i
        elif title_ending in ("om", "em") and tok.endswith("om") and (tok[:-2] + "a").lower() in SR_A_NAMES:
            tok = tok[:-2] + "a"  # "Lukom" -> "Luka"
        elif title_ending in ("om", "em") and tok.endswith("om") and (tok[:-2] + "o").lower() in SR_O_NAMES:
            tok = tok[:-2] + "o"  # "Markom" -> "Marko"
        elif title_ending in ("om", "em") and tok.endswith(("om", "em")):
            tok = tok[:-2]
        elif title_ending == "a" and tok.endswith("ija") and len(tok) > 5:
            tok = tok[:-2]  # "Goretija" -> "Goreti": foreign names in -i take -ja
        elif title_ending in ("a", "u") and len(tok) > 4 and tok[-2] in "oeu" and tok.endswith(title_ending):
            tok = tok[:-1]  # foreign names in a vowel take the ending whole: "Satoa" -> "Sato"
        elif title_ending == "a" and tok.endswith("u") and len(tok) > 3:
            tok = tok[:-1] + "a"  # accusative of names in -a: "Luku" -> "Luka"
        elif title_ending in ("a", "u", "e") and tok.endswith(title_ending) and len(tok) > 3 and tok[-2] not in "aeiou":
            tok = tok[:-1]
        out.append(tok)
    return out
