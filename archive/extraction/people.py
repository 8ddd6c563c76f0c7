"""People: names introduced by a title, an apposition or a speech verb, then their later mentions.

A capitalised run such as "Serbian President Aleksandar Vucic" is split into a
prefix (country words and titles, which give role and side) and the name. A
run with no such context ("Western Balkans", "Security Council") is not a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from archive.core.text import fold, strip_accents

from .gazetteer import country_at, find_countries, find_organisations
from .inflection import INFLECTING, bare, derives, nominative, ru_denominative, same_name, skeleton
from .lexicon import HOME_TERRITORY, HONORIFICS, PERSON_VERBS
from .names import PARTICLES, SEQ, clean_tokens, institution_word, is_place, name_runs, sr_denominative
from .roles import (
    CLAUSE,
    FINITE,
    LOWER_TITLES,
    TITLE_BEFORE,
    clean_role,
    country_in,
    crosses,
    lower_title,
    title_in,
    trim_role,
)
from .script import latin
from .sentences import Sentence
from .types import KnownPerson

_APPOSITION = re.compile(
    r"^\s*,\s+((?:the\s+|his\s+|her\s+)?[^,.;:!?\"“”()]{2,90}?)(?=[,.;:!?\"“”(]|\s+(?:said|says|"
    r"told|noted|added|believes|stated|is|was|has|had)\b|$)"
)
_VERB_AFTER = re.compile(
    rf"^\s*(?:['’]s\s+\w+\s+)?(?:(?:and|i|и)\s+(?:[A-ZČĆŠŽĐ][\w-]+\s*){{1,3}})?(?:,\s*)?(?:{PERSON_VERBS})\b", re.I
)
_ROLE_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(t) for t in LOWER_TITLES) + r"|chief|head|director|commander|general|admiral|"
    r"colonel|officer|official|diplomat|"
    r"advis[eo]r|analyst|researcher|expert|professor|representative|member|leader|spokes\w+|envoy|"
    r"president|premier|attach[eé]|adjutant|ambassador|chairman|chair|deputy)\b",
    re.I,
)
_LED_BY = re.compile(
    r"\b(\w+)\s+(?:(?:military|defen[cs]e|army|naval|government|official|high-level)\s+)?"
    r"(?:delegation|counterpart|colleague|side|team|officials?|officers?)"
    r"(?:\s+(?:led|headed)\s+by)?,?\s*$"
)
_ACCOMPANIED = re.compile(r"\baccompanied by\b|\bu pratnji\b|\bpraćen\w* (?:od|sa)\b", re.I)
_DELEGATION = re.compile(
    r"\b(?:delegation|delegacij\w*)\b([^.;]{0,120}?)(?:\b(?:led|headed) by\b|\bkoj\w+ (?:je )?predvod\w*|"
    r"\bpredvođen\w*|\bna čelu sa\b|\bpod vođstvom\b)",
    re.I,
)
_INITIAL = re.compile(r"^[^\W\d_]\.$")
_TITLE_OF = re.compile(r"((?:[A-Z][\w'’-]*\s+)+)(?:of|for)\s+(?:the\s+)?$")
# "Australian Deputy Prime Minister and (Minister for Defence X)": one person's two offices.
_TITLE_AND = re.compile(r"((?:[A-Z][\w.'’-]*\s+)+)and\s+(?:[A-Z][\w'’-]*\s+|(?:of|for|the)\s+)*$")
# Academic and courtesy titles: "Dr. X" says nothing of office or side ("Ambassador to Y Dr. X").
_COURTESY = {"dr", "prof", "professor"}
_OF_COUNTRY_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)(?![\w’'-]|\s+[A-Z])")
_DESTINATION = re.compile(r"\b(?:to|in|u)\s+(?:the\s+)?$")
_RESPECTIVELY = re.compile(
    r"\b(?:[Mm]inist(?:ri|ers)|[Cc]hiefs|[Ll]eaders|[Pp]residents|[Nn]acelnici|[Pp]redsednici|[Cc]ommanders|"
    r"[Kk]omandanti|[Aa]mbasadori|[Aa]mbassadors|[Ss]ecretaries|[Gg]enerals|[Gg]enerali|[Hh]eads)\b([^,;.]{3,80}?),\s+"
    r"([^,;.]{3,60}?)\s+(?:i|and)\s+([^,;.]{3,60}?)(?:,|\s+(?:razgovaral|sastal|potpisal|met\b|held\b|discussed|signed))"
)
# "his Latvian and Lithuanian counterparts, A and B"; "the defence ministers of Bulgaria, Greece and Romania –
# A, B and C": the listed people take the listed countries in order.
_NAME = r"(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]*"
_LISTED = re.compile(
    r"(?P<before>(?:[A-Z][\w'’-]+,?\s+(?:and\s+)?){2,5})?(?:\w+\s+)?(?:ministers|counterparts|colleagues|chiefs|"
    r"commanders|heads|leaders|presidents|ambassadors|secretaries)\b(?P<after>[^;:–—]{0,80}?)\s*[,:–—-]\s*"
    rf"(?P<names>{_NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+){_NAME})+)"
)
_LIST_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_NEXT_CAPITAL = re.compile(r"\s+([A-ZČĆŠŽĐ][\w'’-]+)")
_AFTER_AND = re.compile(r"(\S+)\s+(?:i|and|и)\s+$")
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]?$")  # a headline ends without one
_NEXT_WORD = re.compile(r"\s+([a-zčćšžđ]\w*)")
_POSSESSOR = re.compile(r"((?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*)['’]s\s*$")


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
def _fold(name: str) -> str:
    return fold(name)


class KnownIndex:
    """Known people by accent-free surface form, so "Vucic", "Vučić" and "Вучић" find the same person."""

    def __init__(self, people) -> None:
        self.by_form: dict[str, KnownPerson] = {}
        self.by_skeleton: dict[str, KnownPerson | None] = {}
        for kp in people:
            for form in (kp.name, *kp.variants):
                key = fold(latin(form))  # a Russian variant ("Гюлер") folds only once in Latin letters
                if key and key not in self.by_form:
                    self.by_form[key] = kp
                sk = skeleton(form)
                if len(sk.split()) > 1 and len(sk.split()[-1]) >= 3:
                    self.by_skeleton[sk] = kp if self.by_skeleton.get(sk, kp) is kp else None  # two: neither

    def get(self, surface: str) -> KnownPerson | None:
        return self.by_form.get(_fold(surface))

    def transcribed(self, tokens: list[str]) -> KnownPerson | None:
        """The known person a name written the Serbian or Russian way stands for: "Lojd Ostin" -> Lloyd Austin."""
        return self.by_skeleton.get(skeleton(" ".join(tokens))) if len(tokens) > 1 else None


def _joined_roles(*roles: str) -> str:
    """ "Deputy Secretary General" and "Ms": one role; a courtesy title or a repeat adds nothing."""
    parts = []
    for part in (p.strip() for role in roles for p in role.split(",")):
        if part and part.rstrip(".") not in HONORIFICS and fold(part) not in {fold(p) for p in parts}:
            parts.append(part)
    # "Secretary General" inside "Deputy Secretary General" is the same office, said shorter
    return ", ".join(p for p in parts if not any(q != p and fold(p) in fold(q) for q in parts))


def _segments(text: str):
    """Capitalised runs, split after a possessive: "North Macedonia's Defence Minister Slavjanka Petrovska"
    gives "North Macedonia" (possessive) and "Defence Minister Slavjanka Petrovska"."""
    for m in SEQ.finditer(text):
        words, offset = m.group(0).split(" "), m.start()
        if "'" not in m.group(0) and "’" not in m.group(0):
            yield words, offset, False
            continue
        while words:
            cut = next((i for i, w in enumerate(words) if re.search(r"['’]s$", w)), None)
            if cut is None:
                yield words, offset, False
                break
            head = words[: cut + 1]
            head[-1] = re.sub(r"['’]s$", "", head[-1])
            yield head, offset, True
            offset += len(" ".join(words[: cut + 1])) + 1
            words = words[cut + 1 :]


def _candidates(sent: Sentence, language: str, known: KnownIndex):
    """Yield (name tokens, role, country, confidence, known) for each person introduced in the sentence."""
    text = sent.latin
    for words, seg_start, possessive in _segments(text):
        # Each run of name words is a candidate, with everything before it in the run as its prefix:
        # "Pentagon Press Secretary Pat Ryder" -> "Pat Ryder" titled "Press Secretary".
        for i, j in name_runs(words, language):
            prefix = words[:i]
            tokens = [w.rstrip(",") for w in words[i:j]]
            tokens = [w if _INITIAL.match(w) else w.rstrip(".") for w in tokens]
            start = seg_start + len(" ".join(words[:i])) + (1 if i else 0)
            end = start + len(" ".join(words[i:j]))
            last = j == len(words)
            before, after = text[:start], text[end:] if last and not possessive else ""
            if is_place(tokens) or country_at(" ".join(tokens), language):
                continue  # "New Delhi", "Crne Gore"
            follow = _NEXT_CAPITAL.match(text, end) if len(tokens) == 1 else None
            if follow and country_at(f"{tokens[0]} {follow.group(1)}", language):
                continue  # "Helenske (Republike)": the first word of a country's name
            if follow and language == "sr" and known.get(tokens[0]) is None and tokens[0][-1:] in "eoiu":
                continue  # "Jugoistočne (Evrope)": a declined adjective opening a region's or a body's name
            joined = _AFTER_AND.search(before) if len(tokens) > 2 else None
            if joined and country_at(joined.group(1), language):
                tokens = tokens[1:]  # "(Kosovo i) Metohiju Petar Petković": the second half of a country's name
            role, country, conf = title_in(prefix), country_in(" ".join(prefix), language), 0.0
            if country and _DESTINATION.search(text[:seg_start]):
                country = None  # "Ambassador to India Martin Weiss": India receives him, it is not his side
            title_ending, affiliated = "", bool(find_organisations(" ".join(prefix), language))
            kp_single = len(tokens) == 1 and known.get(tokens[0]) is not None
            courtesy = bool(role) and all(fold(w) in _COURTESY for w in role.split())
            if role and not courtesy:
                conf = 0.9
            else:
                if courtesy:  # "Dr. X" is a person; the office, if any, stands before the courtesy title
                    role, conf = "", 0.9
                    found = lower_title(text[:seg_start], False, language)
                else:
                    found = lower_title(before, len(tokens) == 1, language)
                if found:
                    role, found_country, title_ending, affiliated = found
                    country, conf = found_country or country, 0.85
            if not country and role:  # "North Macedonia's Defence Minister X"
                owner = _POSSESSOR.search(text[max(0, seg_start - 40) : seg_start])
                country = country_in(owner.group(1), language) if owner else None
            if not country and role:
                both = _TITLE_AND.search(text[max(0, seg_start - 80) : seg_start])
                country = country_in(both.group(1), language) if both and title_in(both.group(1).split()) else None
            if not country and role:  # "Hungarian Chief of (Defence Lieutenant General X)": the title's start
                chain = _TITLE_OF.search(text[max(0, seg_start - 60) : seg_start])
                country = country_in(chain.group(1), language) if chain else None
            led = _LED_BY.search(text[:seg_start])
            if led and conf:
                country = country or country_at(led.group(1), language)
            clause = CLAUSE.search(text[:seg_start]) if language != "sr" else None
            # "the Parliamentary State Secretary at the Ministry of Defence, Katrin Albers": the title before the
            # comma introduces a full name too
            courtesy_only = all(w.rstrip(".") in HONORIFICS for w in prefix)  # "…, the Hon Jone Vula"
            if clause and (conf or (len(tokens) > 1 and courtesy_only)):
                extra, extra_country = trim_role(clause.group(1), language)
                conf = conf or (0.8 if extra else 0.0)
                # "the Commander of the NATO-led Kosovo Force (KFOR), Major General X": KFOR's, not a state's
                affiliated = affiliated or bool(extra and find_organisations(clause.group(1), language))
                if extra:
                    role = _joined_roles(role, extra)
                    whole = None if crosses(clause.group(1), language) else country_in(clause.group(1), language)
                    country = country or extra_country or whole or country_in(extra, language)  # "Fiji's Minister"
            app = _APPOSITION.match(after) if len(tokens) > 1 or kp_single else None
            if app and _ROLE_WORD.search(app.group(1)) and not crosses(app.group(1), language):
                if not role or role == "counterpart":
                    role = app.group(1)
                conf = max(conf, 0.8)
                country = country or country_in(app.group(1), language)
            of = _OF_COUNTRY_AFTER.match(text[end:]) if conf and not country else None
            if of and country_at(of.group(1), language):
                country = country_at(of.group(1), language)  # "General Somchai Rattana of Thailand"
            if not conf and _VERB_AFTER.match(after) and len(tokens) >= 2:
                conf = 0.6
            if language == "sr":
                tokens = sr_denominative(tokens, title_ending)
            elif language == "ru":
                tokens = ru_denominative(tokens, title_ending)
            elif language == "tr":
                tokens = [bare(t) for t in tokens]  # "Güler'in" -> "Güler"
            tokens = clean_tokens(tokens)
            kp = known.get(" ".join(tokens))
            if kp is None and len(tokens) > 1:  # "Emanuel Makron" is the known "Emmanuel Macron" ("Makron")
                kp = known.get(tokens[-1])
                kp = kp if kp and fold(kp.name)[:1] == fold(tokens[0])[:1] else None
            if kp is None and language in INFLECTING:
                kp = known.transcribed(tokens)
            if kp is None and len(tokens) == 1 and not conf:
                # A bare surname is a person only if the database knows it.
                continue
            nxt = _NEXT_WORD.match(text, end)
            if kp is None and len(tokens) == 1 and nxt and institution_word(tokens[0], nxt.group(1), language):
                continue  # "komandanta Kopnene vojske": Serbian capitalises only an institution's first word
            if kp is not None:
                conf = max(conf, 0.95)
            elif len(tokens) == 1:
                conf = min(conf, 0.5)
            if not conf:
                continue
            if not country and not role:
                m2 = re.search(r"([A-Z][\w]+)['’]s\s+([a-z][\w ]{2,40}?),\s*$", before)  # "Serbia's president, Vucic"
                if m2 and TITLE_BEFORE.search(m2.group(2)):
                    country, role = country_in(m2.group(1), language), m2.group(2)
            yield tokens, clean_role(role), country, conf, kp, affiliated


@lru_cache(maxsize=8)
def known_index(known_people: tuple[KnownPerson, ...]) -> KnownIndex:
    return KnownIndex(known_people)  # the importer passes the same list for every article of a batch


def body_start(sentences: list[Sentence]) -> int:
    """Index of the first body sentence: the lines above it (publisher, headline, dateline) tell no roles."""
    return next((s.index for s in sentences if len(s.text.split()) > 8 and _SENTENCE_END.search(s.text)), 0)


def find_people(
    sentences: list[Sentence],
    language: str,
    default_country: str | None,
    known_people,
) -> list[Person]:
    known = known_index(tuple(known_people))
    people: list[Person] = []
    by_key: dict[str, Person] = {}
    in_body: set[int] = set()
    body = body_start(sentences)

    def same(a: str, b: str) -> bool:
        return same_name(a, b, language)

    def lookup(tokens: list[str]) -> Person | None:
        key = fold(" ".join(tokens))
        if key in by_key:
            return by_key[key]
        if len(tokens) == 2 and tokens[0].lower() in PARTICLES:  # "Al Mazrouei" is a surname, said again
            tokens = tokens[1:]
        if len(tokens) == 1:
            return next((p for p in people if same(p.surname, tokens[0])), None)
        found = [p for p in people if same(p.surname, tokens[-1])]
        # "Minister Vucevic" seen first, "Milos Vucevic" later: one person, now with a first name.
        return next(
            (
                p
                for p in found
                if (fold(p.name)[0] == key[0] and same_given(p.name, tokens))
                or len(p.name.split()) == 1
                or key.endswith(fold(p.name))
            ),
            None,
        )

    def same_given(name: str, tokens: list[str]) -> bool:
        """ "Rajnath Singh" and "Rajesh Kumar Singh" share an initial, not a name; an initial or a declined
        form ("Aleksandrom") still matches."""
        a, b = fold(name.split()[0]), fold(tokens[0])
        return language in INFLECTING or min(len(a), len(b)) <= 2 or a.startswith(b) or b.startswith(a)

    for sent in sentences:
        header = sent.index < body
        for tokens, role, country, conf, kp, affiliated in _candidates(sent, language, known):
            person = lookup(tokens) or (lookup([kp.name.split()[-1]]) if kp else None)
            surface = " ".join(tokens)
            role = "" if header else role  # a headline's words are not a title: "Chief Welcomes Visiting ..."
            if person is None:
                name = kp.name if kp else surface
                person = Person(name, role, country or (kp.country if kp else None), sent, conf, kp)
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
            if not header:
                in_body.add(id(person))
            person.surfaces.add(surface)
            by_key[fold(surface)] = person
    # Named in the headline only, a capitalised run is a fragment of it ("Welcomes Visiting"), not a person.
    people[:] = [p for p in people if id(p) in in_body or p.known]
    if language in INFLECTING:
        _nominatives(people, sentences, language)
    for sent in sentences:
        _respective_countries(sent, people, language)
    for p in people:
        if not p.country:
            p.country = _companion_country(p, people) or _delegation_country(p, language)
    for p in people:
        untagged = not p.country and p.role and p.role != "counterpart" and default_country and not p.affiliated
        if untagged and not _foreign_context(p, people, default_country, language, sentences):
            p.country, p.confidence = default_country, p.confidence * 0.9
    return people


def _listed_countries(sent: Sentence, people: list[Person], language: str) -> None:
    """People listed after a plural title take the countries listed with it, in order (see _LISTED)."""
    for m in _LISTED.finditer(sent.plain):
        names = _LIST_SEP.split(m.group("names"))
        for part in ("after", "before"):
            codes = [h.key for h in find_countries(m.group(part) or "", language) if h.kind != "capital"]
            if len(codes) == len(names):
                for name, code in zip(names, codes, strict=True):
                    for p in people:
                        if strip_accents(p.surname) in name:
                            p.country = code
                break


def _respective_countries(sent: Sentence, people: list[Person], language: str) -> None:
    """ "The defence ministers of Serbia and the UK, A and B, ...": A is Serbia's and B the UK's."""
    if language == "en":
        _listed_countries(sent, people, language)
    m = _RESPECTIVELY.search(sent.plain)
    if not m:
        return
    codes = list(dict.fromkeys(h.key for h in find_countries(m.group(1), language) if h.kind != "capital"))
    if len(codes) != 2:
        return
    for names, code in ((m.group(2), codes[0]), (m.group(3), codes[1])):
        for p in people:
            if not p.country and strip_accents(p.surname) in names:
                p.country = code


def _companion_country(p: Person, people: list[Person]) -> str | None:
    """ "X was accompanied by [title] Y": Y is on X's side."""
    text = strip_accents(p.sentence.latin)
    m = _ACCOMPANIED.search(text)
    if not m:
        return None
    company = text[m.end() :]
    verb = FINITE.search(company)  # "accompanied by Y, called on Z": Z is whom they met, not a companion
    if strip_accents(p.surname) not in company[: verb.start() if verb else len(company)]:
        return None
    lead = next((q for q in people if q.country and strip_accents(q.surname) in text[: m.start()]), None)
    return lead.country if lead else None


def _delegation_country(p: Person, language: str) -> str | None:
    """ "the delegation of the UAE Armed Forces, led by General Y" / "delegaciju ... koju predvodi Y": Y's side."""
    text = p.sentence.latin
    m = _DELEGATION.search(text)
    if not m or strip_accents(p.surname) not in strip_accents(text[m.end() :]):
        return None
    hits = [h for h in find_countries(m.group(1), language) if h.kind != "capital"]
    return hits[-1].key if hits else None


def _foreign_context(p: Person, people: list[Person], home: str, language: str, sentences) -> bool:
    """Whether every sentence naming `p` also names a foreign country that none of its other people holds.

    A ministry's untagged official belongs to its state only without such a hint: in "the ambassador of
    Serbia to Egypt met the Assistant Minister of Defence", the minister is Egypt's, not Serbia's.
    """
    key = strip_accents(p.surname).lower()  # "Minister of Defense NAKATANI Gen": family names in capitals
    for sent in sentences:
        plain = sent.plain
        if key not in plain.lower():
            continue
        hits = sent.countries if sent.countries is not None else find_countries(sent.latin, language)
        named = {h.key for h in hits if h.kind != "capital"} - {home} - HOME_TERRITORY.get(home, set())
        claimed = {q.country for q in people if q is not p and q.country and strip_accents(q.surname) in plain}
        if not named - claimed:
            return False
    return True


_CAPITALISED = re.compile(r"(?<![\w-])[A-ZČĆŠŽĐ][\w'’-]+")


def _nominatives(people: list[Person], sentences: list[Sentence], language: str) -> None:
    """Each name word in the form every other form in the article derives from: "Kovalenkom", "Kovalenku" and
    "Kovalenko" make "Kovalenko"; a name the article only declines keeps the form its title's case gave."""
    words = {w for s in sentences for w in _CAPITALISED.findall(s.latin)}
    for p in people:
        if p.known:
            continue
        tokens = p.name.split()
        for i, tok in enumerate(tokens):
            forms = sorted(w for w in words if same_name(w, tok, language))
            base = nominative(forms, language)
            if base and base != tok and not (tok in words and derives(fold(tok), fold(base), language)):
                p.surfaces.add(p.name)
                tokens[i] = base
        p.name = " ".join(tokens)
