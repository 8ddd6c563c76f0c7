"""A person's role and side from the words around their name.

A role span never crosses another person's name or a finite verb: in "Minister X received
the Chief of the Army Staff of India, General Y", Y's role starts after "received".
"""

from __future__ import annotations

import re
from functools import lru_cache

from archive.core.text import fold

from .gazetteer import country_at, find_countries, find_organisations
from .lexicon import HONORIFICS, PERSON_VERBS, TITLES_EN
from .lexicon_ru import GAP_STOP_RU
from .lexicon_tr import GAP_STOP_TR
from .names import SEQ, TITLE_NAME_PARTS, TITLE_TABLES, name_runs

_AMBIGUOUS_LOWER = set(
    str.split(
        """major general head king queen prince marshal mr ms mrs dr speaker governor emir sheikh sultan lieutenant
    captain colonel secretary director commander sergeant brigadier commodore admiral"""
    )
)
# A prefix is a title only if it ends like one: "Defense Minister" is, "Turkiye Defense" is not.
_TITLE_HEADS = {fold(t).split()[-1] for t in TITLES_EN if " of " not in t and "'" not in t}
LOWER_TITLES = sorted(
    {t.lower() for t in TITLES_EN if fold(t) not in _AMBIGUOUS_LOWER and "." not in t}, key=len, reverse=True
)
LOWER_TITLES += ["head of", "director of", "chief of", "secretary of", "commander of", "minister of"]
LOWER_TITLES += ["secretary for", "minister for", "commissioner for"]  # "Cabinet Secretary for Defence Ms X"
TITLE_BEFORE = re.compile(r"\b(" + "|".join(re.escape(t) for t in LOWER_TITLES) + r")\b[^.;:!?()\"“”]{0,60}$", re.I)
_TITLE_ANY = re.compile(r"\b(" + "|".join(re.escape(t) for t in LOWER_TITLES) + r")(s?)\b", re.I)
# The names listed after a plural title, up to the one being read: "counterparts, A and (B)", "ministers – A, (B)".
_NAME_LIST_GAP = re.compile(
    r"^(?:\s*,|[^–—:;.]{0,80}[–—:])\s*(?:(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*\s*(?:,\s*(?:and\s+)?|\s+and\s+))*$"
)
# Serbian words that end a title's genitive complement: auxiliaries, "with", conjunctions.
_SR_GAP_STOP = {"je", "su", "se", "sa", "s", "da", "koji", "koja", "koje", "sastao", "sastala", "razgovarao", "i"}
_GAP_STOPS = {"sr": _SR_GAP_STOP, "ru": GAP_STOP_RU, "tr": GAP_STOP_TR}
_GAP_WORDS = {"of", "the", "for", "and", "his", "her", "their", "its", "to", "in", "u", "i", "iz", "na", "za"}
_ENVOY = re.compile(r"ambassador|envoy|attach|charg|high commissioner", re.I)
_POSTED_TO = re.compile(r"\b(?:to|in|at)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*")
# Feminine forms of Serbian titles ("ministarka", "ambasadorkom", "predsednice"), by their stem.
_SR_FEMININE = re.compile(r"(?:ark|ork|nic|kinj)(?:a|e|i|u|om)$")
# Finite verbs and auxiliaries: a role phrase ends before them.
FINITE = re.compile(
    rf"\b(?:{PERSON_VERBS}|is|was|are|were|has|have|had|will|would|can|could|did|does|paid|hold|holds|"
    r"reviewed|agreed|led|leads|heads|headed|chaired|accompanied|joined|sat|travel(?:l)?ed|"
    r"je|su|će|bi|sastao|primio|posetio)\b",
    re.I,
)
_ROLE_START = re.compile(
    r"\b(?:Deputy|Assistant|Vice|Under|Permanent|First|Acting|State|Head|Chief|Director|Commander|Minister|"
    r"Secretary|Spokesperson|Spokesman|Ambassador|Envoy|Chairman|Chair|Undersecretary|President|Prime)\b"
)
CLAUSE = re.compile(
    r"\b((?:[A-Z]\w+['’]s\s+)?(?:Head|Chief|Director|Commander|Deputy|Assistant|Minister|Secretary|"
    r"Spokesperson|Ambassador)\b[^,;:]{3,160}),\s*(?:the\s+)?$"
)
_OF_COUNTRY = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)\s*$")


def _name_end(text: str, language: str) -> int:
    """End offset of the last run of two or more name words in `text` (another person), or -1."""
    end = -1
    for m in SEQ.finditer(text):
        words = m.group(0).split()
        for i, j in name_runs(words, language):
            if j - i >= 2 and not country_at(" ".join(words[i:j]), language):  # "of New Zealand Judith Collins"
                end = m.start() + len(" ".join(words[:j]))
    return end


def crosses(text: str, language: str) -> bool:
    """Whether a would-be role phrase contains a finite verb or another person's name."""
    return bool(FINITE.search(text)) or _name_end(text, language) >= 0


def trim_role(text: str, language: str) -> tuple[str, str | None]:
    """The role phrase nearest the name, and the country it ends with: "... received the Chief of the Army
    Staff of India" -> ("Chief of the Army Staff", "IN")."""
    cut = max([m.end() for m in FINITE.finditer(text)] + [_name_end(text, language)])
    if cut > 0:
        text = text[cut:]
        start = _ROLE_START.search(text)
        if not start:
            return "", None
        country = country_in(text, language)  # "with Egypt's Minister of Defence"
        text = text[start.start() :]
    else:
        country = None
    text = text.strip(" ,")
    m = _OF_COUNTRY.search(text)
    hits = find_countries(m.group(1), language) if m else []
    if hits and hits[0].start == 0 and hits[0].end == len(m.group(1)):
        country, text = hits[0].key, text[: m.start()]
    return clean_role(text), country


def plain_gap(gap: str, adjacent_only: bool) -> bool:
    """Between a lower-case title and a name only names, country words and small words may stand."""
    words = re.findall(r"[\w’'()-]+", gap)
    if adjacent_only:
        return not words
    return len(words) <= 6 and all(w[0].isupper() or w[0] == "(" or w.lower() in _GAP_WORDS for w in words)


def lower_title(before: str, single: bool, language: str):
    """The lower-case title just before a name: "his Serbian counterpart", "ministrom odbrane Grčke"."""
    window = before[-120:]
    if language in TITLE_TABLES:
        title_rx, keys, titles = TITLE_TABLES[language]
        st = next(reversed(list(title_rx.finditer(window))), None)  # the title nearest the name
        if not st:
            return None
        gap = window[st.end() :]
        words = re.findall(r"[\w’'-]+", gap)
        stops = _GAP_STOPS[language]
        if re.search(r"[.,;:!?\"“”]", gap) or len(words) > 6 or any(w.lower() in stops for w in words):
            return None
        if single and words:
            return None
        words = st.group(0).lower().split()
        # The declined head is the first word ("ministrom odbrane") or, after an adjective, the last
        # ("brigadnog generala", "visokom predstavnicom")
        endings = ("om", "em", "oj", "a", "u", "e") if language == "ru" else ("om", "em", "a", "u", "e")
        ending = next((e for w in (words[0], words[-1]) for e in endings if w.endswith(e)), "")
        if ending and any(_SR_FEMININE.search(w) for w in words):
            ending = "f" + ending  # "ministarkom Anom Vuković": a woman's given name declines, her surname not
        phrase = window[st.start() :]
        # "sa ukrajinskim kolegom": the country word nearest the title, not "u Beogradu" before it
        country = country_in(phrase, language) or last_country(window[max(0, st.start() - 30) : st.start()], language)
        # "komandantom KFOR-a general-majorom X": the title chain before the nearest title counts too.
        affiliated = bool(find_organisations(window[max(0, st.start() - 40) :], language))
        return titles[keys[int(st.lastgroup[1:])]], country, ending, affiliated
    lt = next(reversed(list(_TITLE_ANY.finditer(window))), None)
    if lt and lt.group(2) and _NAME_LIST_GAP.match(window[lt.end() :]):
        # Each person listed after a plural title holds it; their sides come in the order of the list
        # (people._respective_countries), not from the nearest country word.
        return lt.group(1), None, "", bool(find_organisations(window[lt.start() :], language))
    if not lt or not plain_gap(window[lt.end() :], single) or _name_end(window[lt.end() :], language) >= 0:
        return None  # "the minister said that John Smith ..." does not make Smith a minister
    phrase = window[lt.start() :]
    scan = _POSTED_TO.sub(" ", phrase) if _ENVOY.search(phrase) else phrase  # "Ambassador to India": not India's
    country = country_in(scan, language) or last_country(window[max(0, lt.start() - 25) : lt.start()], language)
    # "NATO Deputy Assistant Secretary General for ... X": the body named just before the title employs X
    lead = " ".join(window[: lt.start()].split()[-2:])
    return phrase.strip(" ,"), country, "", bool(find_organisations(f"{lead} {phrase}", language))


def title_in(words: list[str]) -> str:
    """The title words of a capitalised prefix: "Turkish Defense Minister" -> "Defense Minister"."""
    kept = [w for w in words if fold(w.strip("()")) in TITLE_NAME_PARTS or w.startswith("(")]
    kept = [w for w in kept if w.rstrip(".") not in HONORIFICS]  # "Mr Richard Marles": no title
    heads = [w for w in kept if not w.startswith("(")]
    return " ".join(kept) if heads and fold(heads[-1]) in _TITLE_HEADS else ""


def last_country(text: str, language: str) -> str | None:
    """The country word nearest the end: "Lithuania — U.S. Secretary" belongs to the U.S."""
    hits = [h for h in find_countries(text, language) if h.kind != "capital"]
    return hits[-1].key if hits else None


@lru_cache(maxsize=16384)
def country_in(text: str, language: str) -> str | None:
    hits = [h for h in find_countries(text, language) if h.kind != "capital"]
    if hits:
        return hits[0].key
    # A US state's National Guard serves the United States, though no country is named.
    return "US" if any(h.key.endswith("National Guard") for h in find_organisations(text)) else None


def clean_role(role: str) -> str:
    role = re.sub(r"^(?:(?:the|his|her|their|and|a|an|with|then)\s+|[A-Z][\w-]+['’]s\s+)+", "", role.strip(" ,"))
    role = re.sub(r"(?:,?\s+(?:the\s+)?(?:Mr|Mrs|Ms|Shri|Sri|Smt|Hon|Dr|Prof)\.?)+$", "", role)  # "Minister, the Hon"
    return role[:1].upper() + role[1:] if role else ""
