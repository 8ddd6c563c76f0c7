"""Which people each sentence mentions, by full name, surname or a known variant.

Later mentions are usually surname only ("Vucic said", "Güler's visit"); Serbian
adds case endings ("Vučićem"). Matching is accent-free and case-sensitive, so
"Vucic" finds "Vučić" but the word "trump" never finds a president.
"""

from __future__ import annotations

import re
from functools import lru_cache

from archive.core.text import strip_accents

from .gazetteer import alternation
from .inflection import ENDINGS, INFLECTING
from .lexicon import SR_CASE_ENDINGS
from .people import Person
from .script import latin
from .sentences import Sentence
from .types import KnownPerson

_ENDINGS = {
    "sr": "|".join(sorted(SR_CASE_ENDINGS, key=len, reverse=True)),
    "ru": "|".join(ENDINGS["ru"]),
}


def _form(surface: str) -> str:
    return strip_accents(latin(surface)).replace("’", "'")


def _sr_stem(form: str) -> str:
    """Serbian names decline on the last vowel ("Bobrovnički" -> "Bobrovničkim"): match from the stem."""
    return form[:-1] if len(form) > 4 and form[-1] in "aeiou" else form


@lru_cache(maxsize=8)
def _known_regex(known: tuple[KnownPerson, ...], language: str) -> tuple[re.Pattern | None, dict[str, KnownPerson]]:
    """One alternation over every known variant; cached because the importer passes the same list each time."""
    forms: dict[str, KnownPerson] = {}
    for kp in known:
        for v in (kp.name, *kp.variants):
            f = _form(v)
            if len(f) >= 3 and f[:1].isupper():
                forms.setdefault(f, kp)
    if not forms:
        return None, forms
    alt = alternation(forms)
    suffix = rf"(?:{_ENDINGS[language]})?" if language in INFLECTING else ""
    return re.compile(rf"(?<![\w-])({alt}){suffix}(?![\w])"), forms


def _other_bearer(m: re.Match, kp: KnownPerson, people: list[Person]) -> bool:
    """ "Rashad Aliyev" is not the known "Ilham Aliyev": a surname matched inside another person's full name."""
    surface = m.group(1)
    return any(
        len(p.name.split()) > 1 and _form(p.surname) == surface and _form(p.name)[:1] != _form(kp.name)[:1]
        for p in people
    )


def find_mentions(
    sentences: list[Sentence], people: list[Person], known: tuple[KnownPerson, ...], language: str
) -> dict[int, list[Person]]:
    """Sentence index -> people mentioned there, in order. Adds known people mentioned only by name."""
    pattern, forms = _known_regex(known, language)
    by_known = {p.known: p for p in people if p.known}
    if pattern is not None:
        for sent in sentences:
            for m in pattern.finditer(sent.plain):
                kp = forms[m.group(1)]
                if (
                    kp not in by_known
                    and not any(p.name == kp.name for p in people)
                    and not _other_bearer(m, kp, people)
                ):
                    person = Person(kp.name, "", kp.country, sent, 0.7, kp, {m.group(1)})
                    people.append(person)
                    by_known[kp] = person
    table: dict[str, Person | None] = {}
    surnames: dict[str, set[int]] = {}
    for p in people:  # "Lloyd Austin", written "Lojd Ostin": both surnames find him
        for surname in {p.surname, *(s.split()[-1] for s in p.surfaces)}:
            surnames.setdefault(_form(surname), set()).add(id(p))
    for p in people:
        forms_p = {_form(p.name), *(_form(s) for s in p.surfaces)}
        if p.known:
            forms_p |= {_form(v) for v in (p.known.name, *p.known.variants)}
        forms_p |= {f for f in map(_form, {p.surname, *(s.split()[-1] for s in p.surfaces)}) if surnames[f] == {id(p)}}
        if language in INFLECTING:
            forms_p = {_sr_stem(f) for f in forms_p}
        for f in forms_p:
            if len(f) >= 3:
                table[f] = p if table.get(f, p) is p else None  # two people share it: ambiguous
    table = {k: v for k, v in table.items() if v is not None}
    out: dict[int, list[Person]] = {}
    if not table:
        return out
    alt = "|".join(re.escape(f) for f in sorted(table, key=len, reverse=True))  # small: a trie costs more
    suffix = r"\w{0,4}" if language in INFLECTING else ""
    rx = re.compile(rf"(?<![\w-])({alt}){suffix}(?![\w])")
    for sent in sentences:
        found: list[Person] = []
        for m in rx.finditer(sent.plain):
            p = table[m.group(1)]
            if p not in found:
                found.append(p)
                sent.positions[id(p)] = m.start()
        if found:
            out[sent.index] = found
    return out
