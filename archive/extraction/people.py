"""People: names introduced by a title, an apposition or a speech verb, then their later mentions.

A capitalised run such as "Serbian President Aleksandar Vucic" is split into a
prefix (country words and titles, which give role and side) and the name. A
run with no such context ("Western Balkans", "Security Council") is not a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from archive.core.text import fold

from .gazetteer import country_at, find_countries, find_organisations
from .lexicon import AMBIGUOUS_GIVEN_NAMES, NON_NAME_WORDS, PERSON_VERBS, SR_CASE_ENDINGS, TITLES_EN, TITLES_SR
from .sentences import Sentence
from .types import KnownPerson

_NAME_PART = r"(?:\p{Lu}[\p{L}\p{M}.-]*(?:['’]\p{L}+)?|\(\p{Lu}[\p{L} ]*\))"
_SEQ = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}])(?:{_NAME_PART})(?:\s+(?:(?:al|el|bin|ibn|van|von|de|der|da|di|du|dos|del)\s+)?{_NAME_PART})*"
)
_AMBIGUOUS_LOWER = {
    "major",
    "general",
    "head",
    "king",
    "queen",
    "prince",
    "marshal",
    "mr",
    "ms",
    "mrs",
    "dr",
    "speaker",
    "governor",
    "emir",
    "sheikh",
    "sultan",
    "lieutenant",
    "captain",
    "colonel",
    "secretary",
    "director",
    "commander",
    "sergeant",
    "brigadier",
    "commodore",
    "admiral",
}
_TITLE_NAME_PARTS = {w for t in TITLES_EN for w in fold(t).split()} | {"navy", "army", "ret"}
# A prefix is a title only if it ends like one: "Defense Minister" is, "Turkiye Defense" is not.
_TITLE_HEADS = {fold(t).split()[-1] for t in TITLES_EN if " of " not in t and "'" not in t}
_LOWER_TITLES = sorted(
    {t.lower() for t in TITLES_EN if fold(t) not in _AMBIGUOUS_LOWER and "." not in t}, key=len, reverse=True
)
_LOWER_TITLES += ["head of", "director of", "chief of", "secretary of", "commander of", "minister of"]
_TITLE_BEFORE = re.compile(r"\b(" + "|".join(re.escape(t) for t in _LOWER_TITLES) + r")\b[^.;:!?()\"“”]{0,60}$", re.I)
_TITLE_ANY = re.compile(r"\b(" + "|".join(re.escape(t) for t in _LOWER_TITLES) + r")\b", re.I)
# Serbian words that end a title's genitive complement: auxiliaries, "with", conjunctions.
_SR_GAP_STOP = {"je", "su", "se", "sa", "s", "da", "koji", "koja", "koje", "sastao", "sastala", "razgovarao", "i"}
_SR_KEYS = sorted(TITLES_SR, key=len, reverse=True)
_SR_TITLE = re.compile(
    "|".join(rf"(?P<t{i}>\b" + r"\w*\s+".join(map(re.escape, k.split())) + r"\w*\b)" for i, k in enumerate(_SR_KEYS)),
    re.I,
)
_APPOSITION = re.compile(
    r"^\s*,\s+((?:the\s+|his\s+|her\s+)?[^,.;:!?\"“”()]{2,90}?)(?=[,.;:!?\"“”(]|\s+(?:said|says|"
    r"told|noted|added|believes|stated|is|was|has|had)\b|$)"
)
_VERB_AFTER = re.compile(rf"^\s*(?:['’]s\s+\w+\s+)?(?:,\s*)?(?:{PERSON_VERBS})\b", re.I)
_ROLE_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(t) for t in _LOWER_TITLES) + r"|officer|official|diplomat|"
    r"advis[eo]r|analyst|researcher|expert|professor|representative|member|leader|spokes\w+|"
    r"president|premier|attach[eé]|adjutant|ambassador)\b",
    re.I,
)
# A second full name inside an apposition means it is another person's, not this one's.
_SEQ_NAME = regex.compile(r"\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+\s+(?:said|says|stated)")
_LED_BY = re.compile(
    r"\b(\w+)\s+(?:delegation|counterpart|colleague|side|team|officials?|officers?)"
    r"(?:\s+(?:led|headed)\s+by)?,?\s*$"
)
_GAP_WORDS = {"of", "the", "for", "and", "his", "her", "their", "its", "to", "in", "u", "i", "iz", "na", "za"}
_SR_ENDING = re.compile(r"(?:" + "|".join(sorted(SR_CASE_ENDINGS, key=len, reverse=True)) + r")$")


@dataclass
class Person:
    name: str
    role: str
    country: str | None
    sentence: Sentence
    confidence: float
    known: KnownPerson | None = None
    surfaces: set[str] = field(default_factory=set)
    affiliated: bool = False  # titled within an international body (KFOR, NATO): not the publisher's official

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@lru_cache(maxsize=65536)
def _is_name_token(tok: str, language: str) -> bool:
    bare = tok.rstrip(".")
    if regex.match(r"\p{Lu}{2,}", bare):
        return False  # acronyms, also with a case ending ("KFOR-a")
    if bare in AMBIGUOUS_GIVEN_NAMES:
        return True  # "Jordan Miller"; a lone "Jordan" still needs a surname or a title to be a person
    if not bare or bare.isupper() or any(ch.isdigit() for ch in bare) or bare.startswith("("):
        return False
    f = fold(bare)
    if f in NON_NAME_WORDS or f in _TITLE_NAME_PARTS or len(f) < 2:
        return False
    if language == "sr" and _SR_TITLE.fullmatch(bare):
        return False
    if language == "sr" and any(
        f[: -len(e)] + end in NON_NAME_WORDS for e in SR_CASE_ENDINGS if f.endswith(e) for end in ("", "a", "o")
    ):
        return False
    return country_at(bare, language) is None


def _plain_gap(gap: str, adjacent_only: bool) -> bool:
    """Between a lower-case title and a name only names, country words and small words may stand."""
    words = re.findall(r"[\w’'()-]+", gap)
    if adjacent_only:
        return not words
    return len(words) <= 6 and all(w[0].isupper() or w[0] == "(" or w.lower() in _GAP_WORDS for w in words)


def _name_runs(words: list[str], language: str) -> list[tuple[int, int]]:
    runs, i = [], 0
    while i < len(words):
        if _is_name_token(words[i], language):
            j = i
            while j < len(words) and j - i < 4 and _is_name_token(words[j], language):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _lower_title(before: str, single: bool, language: str):
    """The lower-case title just before a name: "his Serbian counterpart", "ministrom odbrane Grčke"."""
    window = before[-120:]
    if language == "sr":
        st = next(reversed(list(_SR_TITLE.finditer(window))), None)  # the title nearest the name
        if not st:
            return None
        gap = window[st.end() :]
        words = re.findall(r"[\w’'-]+", gap)
        if re.search(r"[.,;:!?\"“”]", gap) or len(words) > 6 or any(w.lower() in _SR_GAP_STOP for w in words):
            return None
        if single and words:
            return None
        head = st.group(0).split()[0].lower()
        ending = next((e for e in ("om", "em", "a", "u", "e") if head.endswith(e)), "")
        phrase = window[st.start() :]
        country = _country_in(phrase, language) or _country_in(window[max(0, st.start() - 30) : st.start()], language)
        # "komandantom KFOR-a general-majorom X": the title chain before the nearest title counts too.
        affiliated = bool(find_organisations(window[max(0, st.start() - 40) :], language))
        return TITLES_SR[_SR_KEYS[int(st.lastgroup[1:])]], country, ending, affiliated
    lt = next(reversed(list(_TITLE_ANY.finditer(window))), None)
    if not lt or not _plain_gap(window[lt.end() :], single):
        return None  # "the minister said that John Smith ..." does not make Smith a minister
    phrase = window[lt.start() :]
    country = _country_in(phrase, language) or _last_country(window[max(0, lt.start() - 25) : lt.start()], language)
    return phrase.strip(" ,"), country, "", bool(find_organisations(phrase, language))


def _title_in(words: list[str]) -> str:
    """The title words of a capitalised prefix: "Turkish Defense Minister" -> "Defense Minister"."""
    kept = [w for w in words if fold(w.strip("()")) in _TITLE_NAME_PARTS or w.startswith("(")]
    heads = [w for w in kept if not w.startswith("(")]
    return " ".join(kept) if heads and fold(heads[-1]) in _TITLE_HEADS else ""


def _last_country(text: str, language: str) -> str | None:
    """The country word nearest the end: "Lithuania — U.S. Secretary" belongs to the U.S."""
    hits = [h for h in find_countries(text, language) if h.kind != "capital"]
    return hits[-1].key if hits else None


@lru_cache(maxsize=16384)
def _country_in(text: str, language: str) -> str | None:
    hits = [h for h in find_countries(text, language) if h.kind != "capital"]
    if hits:
        return hits[0].key
    # A US state's National Guard serves the United States, though no country is named.
    return "US" if any(h.key.endswith("National Guard") for h in find_organisations(text)) else None


def _clean_role(role: str) -> str:
    role = re.sub(r"^(?:(?:the|his|her|their|and|a|an)\s+|[A-Z][\w-]+['’]s\s+)+", "", role.strip(" ,"))
    return role[:1].upper() + role[1:] if role else ""


def _sr_denominative(tokens: list[str], title_ending: str) -> list[str]:
    """Undo the case ending Serbian puts on a name after an inflected title ("ambasadora Petrovića")."""
    if not title_ending:
        return tokens
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
        elif title_ending in ("om", "em") and tok.endswith(("om", "em")):
            tok = tok[:-2]
        elif title_ending == "a" and tok.endswith("ija") and len(tok) > 5:
            tok = tok[:-2]  # "Goretija" -> "Goreti": foreign names in -i take -ja
        elif title_ending == "a" and tok.endswith("u") and len(tok) > 3:
            tok = tok[:-1] + "a"  # accusative of names in -a: "Luku" -> "Luka"
        elif title_ending in ("a", "u", "e") and tok.endswith(title_ending) and len(tok) > 3 and tok[-2] not in "aeiou":
            tok = tok[:-1]
        out.append(tok)
    return out


class KnownIndex:
    """Known people by accent-free surface form, so "Vucic", "Vučić" and "Вучић" find the same person."""

    def __init__(self, people) -> None:
        self.by_form: dict[str, KnownPerson] = {}
        for kp in people:
            for form in (kp.name, *kp.variants):
                key = fold(form)
                if key and key not in self.by_form:
                    self.by_form[key] = kp

    def get(self, surface: str) -> KnownPerson | None:
        return self.by_form.get(fold(surface))


def _candidates(sent: Sentence, language: str, known: KnownIndex):
    """Yield (name tokens, role, country, confidence, known) for each person introduced in the sentence."""
    text = sent.latin
    for m in _SEQ.finditer(text):
        words = m.group(0).split()
        possessive = False
        for i, w in enumerate(words):
            if re.search(r"['’]s$", w):
                words, possessive = words[: i + 1], True
                words[i] = re.sub(r"['’]s$", "", w)
                break
        # Each run of name words is a candidate, with everything before it in the run as its prefix:
        # "Pentagon Press Secretary Pat Ryder" -> "Pat Ryder" titled "Press Secretary".
        for i, j in _name_runs(words, language):
            prefix = words[:i]
            tokens = [w.rstrip(".,") for w in words[i:j]]
            start = m.start() + len(" ".join(words[:i])) + (1 if i else 0)
            end = start + len(" ".join(words[i:j]))
            last = j == len(words)
            before, after = text[:start], text[end:] if last and not possessive else ""
            role, country, conf = _title_in(prefix), _country_in(" ".join(prefix), language), 0.0
            title_ending, affiliated = "", bool(find_organisations(" ".join(prefix), language))
            kp_single = len(tokens) == 1 and known.get(tokens[0]) is not None
            if role:
                conf = 0.9
            else:
                found = _lower_title(before, len(tokens) == 1, language)
                if found:
                    role, found_country, title_ending, affiliated = found
                    country, conf = found_country or country, 0.85
            led = _LED_BY.search(text[: m.start()])
            if led and conf:
                country = country or country_at(led.group(1), language)
            clause = re.search(
                r"\b((?:[A-Z]\w+['’]s\s+)?(?:Head|Chief|Director|Commander|Deputy|Minister|Secretary|"
                r"Spokesperson|Ambassador)\b[^,;:]{3,120}),\s*$",
                text[: m.start()],
            )
            if clause and conf:
                role = f"{role}, {_clean_role(clause.group(1))}" if role else _clean_role(clause.group(1))
                country = country or _country_in(clause.group(1), language)
            app = _APPOSITION.match(after) if len(tokens) > 1 or kp_single else None
            if app and _ROLE_WORD.search(app.group(1)) and not _SEQ_NAME.search(app.group(1)):
                if not role or role == "counterpart":
                    role = app.group(1)
                conf = max(conf, 0.8)
                country = country or _country_in(app.group(1), language)
            if not conf and _VERB_AFTER.match(after) and len(tokens) >= 2:
                conf = 0.6
            if language == "sr":
                tokens = _sr_denominative(tokens, title_ending)
            kp = known.get(" ".join(tokens))
            if kp is None and len(tokens) == 1 and not conf:
                # A bare surname is a person only if the database knows it.
                continue
            if kp is not None:
                conf = max(conf, 0.95)
            elif len(tokens) == 1:
                conf = min(conf, 0.5)
            if not conf:
                continue
            if not country and not role:
                m2 = re.search(r"([A-Z][\w]+)['’]s\s+([a-z][\w ]{2,40}?),\s*$", before)  # "Serbia's president, Vucic"
                if m2 and _TITLE_BEFORE.search(m2.group(2)):
                    country, role = _country_in(m2.group(1), language), m2.group(2)
            yield tokens, _clean_role(role), country, conf, kp, affiliated


@lru_cache(maxsize=8)
def known_index(known_people: tuple[KnownPerson, ...]) -> KnownIndex:
    return KnownIndex(known_people)  # the importer passes the same list for every article of a batch


def find_people(sentences: list[Sentence], language: str, default_country: str | None, known_people) -> list[Person]:
    known = known_index(tuple(known_people))
    people: list[Person] = []
    by_key: dict[str, Person] = {}

    def lookup(tokens: list[str]) -> Person | None:
        key = fold(" ".join(tokens))
        if key in by_key:
            return by_key[key]
        if len(tokens) == 1:
            return next((p for p in people if fold(p.surname) == key), None)
        same = [p for p in people if fold(p.surname) == fold(tokens[-1])]
        # "Minister Vucevic" seen first, "Milos Vucevic" later: one person, now with a first name.
        return next((p for p in same if fold(p.name)[0] == key[0] or len(p.name.split()) == 1), None)

    for sent in sentences:
        for tokens, role, country, conf, kp, affiliated in _candidates(sent, language, known):
            person = lookup(tokens) or (lookup([kp.name.split()[-1]]) if kp else None)
            surface = " ".join(tokens)
            if person is None:
                name = kp.name if kp else surface
                person = Person(
                    name, role or (kp.role if kp else "") or "", country or (kp.country if kp else None), sent, conf, kp
                )
                person.affiliated = affiliated
                people.append(person)
            else:
                person.affiliated = person.affiliated or affiliated
                if len(tokens) > len(person.name.split()) and not person.known:
                    person.name = surface
                if role and (
                    not person.role
                    or person.role == "counterpart"
                    or (len(role) > len(person.role) and fold(person.role) in fold(role))
                ):
                    person.role = role  # the fuller title: "Minister" -> "Minister of Defence"
                person.confidence = max(person.confidence, conf)
                person.country = person.country or country
            person.surfaces.add(surface)
            by_key[fold(surface)] = person
    for p in people:
        if not p.country and p.role and p.role != "counterpart" and default_country and not p.affiliated:
            p.country, p.confidence = default_country, p.confidence * 0.9
    return people
