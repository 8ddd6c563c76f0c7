"""Meetings: sentences where people from different sides meet, talk, visit or call.

A meeting needs at least two people of different countries in a sentence that
uses meeting vocabulary; sentences about the same pair are merged into one
meeting, and a lone "X visited Belgrade" only adds the place and the kind.
Articles that merely discuss relations produce nothing.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from archive.core.countrydata import country_records
from archive.core.text import fold

from .gazetteer import capital_of, cities
from .lexicon import (
    CANCELLED,
    HEAD_ROLES,
    HOSTING_VERBS,
    MEETING_KINDS,
    MEETING_PRIORITY,
    MONTHS,
    NOT_MEETING,
    OTHER_TIME,
    PLANNED,
    SAME_DAY,
    WEEKDAYS,
    YESTERDAY,
)
from .metadata import find_date
from .people import Person
from .sentences import Sentence
from .types import Evidence, MeetingFact, Participant

_KINDS = [(kind, re.compile(rx)) for kind, rx in MEETING_KINDS]
_NOT_MEETING = re.compile(NOT_MEETING)
_HEAD_ROLE = re.compile(HEAD_ROLES, re.I)
_PLANNED = re.compile(PLANNED)
_CANCELLED = re.compile(CANCELLED)
_HOSTING = re.compile(HOSTING_VERBS)
_SAME_DAY = re.compile(SAME_DAY)
_OTHER_TIME = re.compile(OTHER_TIME)
_VISIT_WORD = re.compile(r"\bvisit|\bposet|\bposjet|\btravel|\btrip to|\barriv|\bdoputova")
_YESTERDAY = re.compile(YESTERDAY)
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(?:(\d{{1,2}})\.?\s+(?:of\s+)?({_MONTH_ALT})\b|\b({_MONTH_ALT})\s+(\d{{1,2}})\b)", re.I)
_PLACE = re.compile(
    r"\b(?:in|to|at|visit(?:ing|ed)?|arrived in|u|na|posetu|poseti)\s+(?:the\s+)?"
    r"([A-ZČĆŠŽĐ][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
_SR_CITY_ENDINGS = ("u", "a", "om", "e", "i")


@dataclass
class _Draft:
    people: list[Person]
    kind: str
    status: str
    sentence: Sentence
    date: datetime.date | None = None
    precision: str = "unknown"
    location: str = ""
    location_country: str | None = None
    host: Person | None = None
    kinds: set[str] = field(default_factory=set)


def _kind(lower: str, n_people: int) -> str | None:
    lower = _NOT_MEETING.sub(" ", lower)
    for kind, rx in _KINDS:
        if rx.search(lower):
            if kind == "meeting" and n_people < 2:
                return None
            return kind
    return None


def _city(sentence: Sentence, language: str) -> tuple[str, str | None]:
    table = cities()
    for m in _PLACE.finditer(sentence.latin):
        for candidate in (m.group(1), m.group(1).split()[0]):
            key = fold(candidate)
            hit = table.get(key)
            if hit is None and language == "sr":
                stems = [key[: -len(e)] for e in _SR_CITY_ENDINGS if key.endswith(e)]
                forms = stems + [s + "a" for s in stems]  # locative of cities in -a: "Podgorici" -> "Podgorica"
                hit = next((table[f] for f in forms if f in table), None)
            if hit and hit[1] in country_records():
                return hit
    return "", None


def _date(sentence: Sentence, published: datetime.date | None, precision: str, held: bool):
    found = find_date(sentence.latin)
    if found:
        return found[0], found[1]
    m = _DAY_MONTH.search(sentence.latin)
    if m and published:
        day = int(m.group(1) or m.group(4))
        month = MONTHS[(m.group(2) or m.group(3)).lower()]
        try:
            return datetime.date(published.year, month, day), "day"
        except ValueError:
            pass
    if not published or precision != "day" or not held:
        return None, "unknown"  # "announced on Thursday" dates the announcement, not a planned visit
    lower = sentence.lower
    if _SAME_DAY.search(lower):
        return published, "day"
    if _YESTERDAY.search(lower):
        return published - datetime.timedelta(days=1), "day"
    w = _WEEKDAY.search(lower)
    if w:
        delta = (published.weekday() - WEEKDAYS[w.group(1)]) % 7
        return published - datetime.timedelta(days=delta), "day"
    return None, "unknown"


def _different_sides(group: list[Person]) -> bool:
    codes = {p.country for p in group if p.country}
    return len(codes) >= 2 or (len(codes) == 1 and any(p.country is None for p in group))


def _lead_date(sentences: list[Sentence], published, precision) -> tuple[datetime.date | None, str]:
    """An event-day marker in the first body sentences dates the reported event ("said Wednesday")."""
    body = [s for s in sentences if len(s.text.split()) > 8][:3]
    for s in body:
        d, p = _date(s, published, precision, True)
        if d and not find_date(s.latin):
            return d, p
    return None, "unknown"


def find_meetings(
    sentences: list[Sentence],
    mentions: dict[int, list[Person]],
    language: str,
    published: datetime.date | None,
    precision: str,
    dateline: tuple[str, str | None] = ("", None),
) -> list[MeetingFact]:
    drafts: list[_Draft] = []
    visits: dict[tuple[int, str], tuple[str, str]] = {}  # id(person) -> where they went
    for sent in sentences:
        group = mentions.get(sent.index, [])
        kind = _kind(sent.lower, len(group))
        if not kind:
            continue
        city, city_cc = _city(sent, language)
        status = "cancelled" if _CANCELLED.search(sent.lower) else "planned" if _PLANNED.search(sent.lower) else "held"
        if kind == "visit" and city:
            for p in group:
                if p.country != city_cc:
                    visits.setdefault((id(p), status), (city, city_cc))
        if len(group) < 2 or not _different_sides(group):
            continue
        date, prec = _date(sent, published, precision, status == "held")
        host = None
        hv = _HOSTING.search(sent.lower)
        if hv:
            before = [p for p in group if re.search(re.escape(fold(p.surname)), fold(sent.latin[: hv.start()]))]
            host = before[0] if before else None
        draft = _Draft(group, kind, status, sent, date, prec, city, city_cc, host, {kind})
        for d in drafts:
            # Same pair, same status: one meeting; a postponed visit and a held call are two.
            if len({id(p) for p in d.people} & {id(p) for p in group}) >= 2 and d.status == status:
                d.kinds.add(kind)
                d.people += [p for p in group if p not in d.people]
                d.location, d.location_country = d.location or city, d.location_country or city_cc
                d.host = d.host or host
                if d.date is None and date:
                    d.date, d.precision = date, prec
                break
        else:
            drafts.append(draft)
    lead_date = _lead_date(sentences, published, precision)
    return [_finish(d, visits, lead_date, dateline) for d in drafts]


def _country_name(code: str | None) -> str:
    rec = country_records().get(code or "")
    return rec.name if rec else "unknown"


def _abroad(d: _Draft, home: str | None) -> bool:
    """A visit whose sentence names another country ("will visit Cyprus"): not where the release was written."""
    if "visit" not in d.kinds:
        return False
    text = d.sentence.latin
    return any(
        h.key != home and _VISIT_WORD.search(text[max(0, h.start - 40) : h.start].lower())
        for h in d.sentence.countries or []
    )


def _finish(d: _Draft, visits, lead_date, dateline) -> MeetingFact:
    for p in d.people:
        # "X visited Tripoli" tells where X met Y then, not where a phone call or a later plan took place.
        trip = visits.get((id(p), d.status)) or visits.get((id(p), "held"))  # a held trip hosts later plans
        if trip and "phone_call" not in d.kinds:
            d.kinds.add("visit")
            if not d.location:
                d.location, d.location_country = trip
    kind = min(d.kinds, key=MEETING_PRIORITY.index)
    unknown = [p for p in d.people if not p.country]
    for p in unknown:
        # A president or king met at home, or the one official of a bilateral meeting the text gives no
        # country: the local side ("X welcomed Estonia's minister to London").
        local = _HEAD_ROLE.match(p.role or "") or (
            len(unknown) == 1 and p.role and kind in ("meeting", "visit", "consultations")
        )
        # With no place in the text, a wire or release datelined "Rawalpindi -" reports a meeting held there.
        place = d.location_country or (dateline[1] if local and not _HEAD_ROLE.match(p.role or "") else None)
        if local and place and all(o.country != place for o in d.people if o is not p):
            p.country = place
    codes = list(dict.fromkeys(p.country for p in d.people if p.country))
    if not d.location and dateline[1] in codes and kind != "phone_call" and not _abroad(d, dateline[1]):
        d.location, d.location_country = dateline  # a press release is datelined where its event happened
    if len(codes) > 2 and kind not in ("phone_call", "sidelines"):
        kind = "multilateral"
    host_cc = d.location_country if d.location_country in codes else (d.host.country if d.host else None)
    envoys = [p for p in d.people if re.search(r"ambassador|charg|envoy|attach", p.role, re.I)]
    if not host_cc and envoys and kind != "phone_call":
        # An ambassador meets officials of the country where they serve.
        others = [p.country for p in d.people if p not in envoys and p.country]
        host_cc = others[0] if others else None
    if not d.location and host_cc and kind in ("meeting", "visit", "consultations") and envoys:
        d.location, d.location_country = capital_of(host_cc), host_cc
    if d.date is None and d.status == "held" and lead_date[0] and not _OTHER_TIME.search(d.sentence.lower):
        d.date, d.precision = lead_date
    parts = []
    for p in d.people:
        side = "other" if not host_cc or not p.country else "host" if p.country == host_cc else "guest"
        parts.append(Participant(p.name, p.role, p.country, side))
    verb = {"phone_call": "spoke by phone with", "press_conference": "held a press conference with"}.get(kind, "met")
    if d.status == "planned":
        verb = {"phone_call": "is to speak by phone with"}.get(kind, "is to meet")
    elif d.status == "cancelled":
        verb = "cancelled a meeting with"
    label = [f"{p.name} ({_country_name(p.country)})" for p in d.people]
    summary = f"{label[0]} {verb} {', '.join(label[1:])}" + (f" in {d.location}" if d.location else "")
    conf = 0.75 if all(p.country for p in d.people) else 0.55
    return MeetingFact(
        kind,
        d.status,
        d.date,
        d.precision if d.date else "unknown",
        d.location,
        d.location_country,
        host_cc,
        codes,
        parts,
        summary,
        Evidence(d.sentence.text, conf),
    )
