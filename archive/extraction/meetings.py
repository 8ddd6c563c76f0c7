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
    ACTOR_ANAPHORA,
    ATTENDED,
    BACKGROUND_MEETING,
    CANCELLED,
    CLAUSE_BREAK,
    HEAD_ROLES,
    HOSTING_VERBS,
    LEADING_CLAUSE,
    MEETING_KINDS,
    MEETING_PRIORITY,
    MEETING_VERBS,
    MONTHS,
    NOT_MEETING,
    OTHER_TIME,
    PAIR_ANAPHORA,
    PAST_FINITE,
    PLANNED,
    PLANNED_PAST,
    POSSESSIVE_MEETING,
    REPORTING_VERB_BEFORE,
    SAME_DAY,
    SEPARATE_MEETINGS,
    TO_INFINITIVE,
    TOMORROW,
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
_PLANNED_PAST = re.compile(PLANNED_PAST)
_TO_INFINITIVE = re.compile(TO_INFINITIVE)
_PAST_FINITE = re.compile(PAST_FINITE)
_CANCELLED = re.compile(CANCELLED)
_HOSTING = re.compile(HOSTING_VERBS)
_SAME_DAY = re.compile(SAME_DAY)
_OTHER_TIME = re.compile(OTHER_TIME)
_BACKGROUND = re.compile(BACKGROUND_MEETING)
# A title right after a country word: "(Hungarian) minister", "(mađarskog) ministra", "(турецкий) коллега".
_TITLE_AFTER = re.compile(
    r"^\s*(?:\w+\s+)?(?:minist|counterpart|colleague|kolleg|koleg|general|admiral|ambassador|ambasador|chief|"
    r"načelnik|komandant|commander|president|predsedni|delegation|delegacij|mevkida|bakan)"
)
# "He", "the visiting minister": the actor of the story so far, not the article's first host.
_PRONOUN = re.compile(r"^(?:(?:[\w'’-]+ ){0,4}[\w'’-]+, )?(?:he|she|on|ona|the visiting)\b")
_VISIT_WORD = re.compile(r"\bvisit|\bposet|\bposjet|\btravel|\btrip to|\barriv|\bdoputova")
_YESTERDAY = re.compile(YESTERDAY)
_TOMORROW = re.compile(TOMORROW)
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
# "from 3 to 5 June", "3-5 June", "od 3. do 5. juna": a span is dated by its first day.
_DAY_MONTH = re.compile(
    rf"\b(?:(\d{{1,2}})\.?(?:\s*(?:-|–|to|until|and|do|i)\s*\d{{1,2}}\.?)?\s+(?:of\s+)?({_MONTH_ALT})\b"
    rf"|\b({_MONTH_ALT})\.?\s+(\d{{1,2}})\b)",
    re.I,
)
_VERB = re.compile(MEETING_VERBS)
_ATTENDED = re.compile(ATTENDED)
_SEPARATE = re.compile(SEPARATE_MEETINGS)
_PAIR = re.compile(PAIR_ANAPHORA)
_ACTOR = re.compile(ACTOR_ANAPHORA)
_POSSESSIVE = re.compile(POSSESSIVE_MEETING)
_LEADING = re.compile(LEADING_CLAUSE)
_CLAUSE_BREAK = re.compile(CLAUSE_BREAK)
_REPORTED = re.compile(REPORTING_VERB_BEFORE)
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


def _shift_year(date: datetime.date, published: datetime.date, status: str) -> datetime.date:
    """ "12 January" in a December article announcing a visit is next year's; in a report, last year's."""
    try:
        if status == "planned" and date < published - datetime.timedelta(days=60):
            return date.replace(year=date.year + 1)
        if status == "held" and date > published + datetime.timedelta(days=60):
            return date.replace(year=date.year - 1)
    except ValueError:
        pass
    return date


def _date(sentence: Sentence, published: datetime.date | None, precision: str, status: str):
    found = find_date(sentence.latin)
    if found:
        return found[0], found[1]
    m = _DAY_MONTH.search(sentence.latin)
    if m and published:
        day = int(m.group(1) or m.group(4))
        month = MONTHS[(m.group(2) or m.group(3)).lower()]
        try:
            return _shift_year(datetime.date(published.year, month, day), published, status), "day"
        except ValueError:
            pass
    if not published or precision != "day" or status == "cancelled":
        return None, "unknown"
    lower = sentence.lower
    if status == "planned":
        if _TOMORROW.search(lower):
            return published + datetime.timedelta(days=1), "day"
        w = _weekday(sentence.plain.lower())
        if w is not None:  # "will visit Athens on Thursday": the next Thursday
            return published + datetime.timedelta(days=(w - published.weekday()) % 7), "day"
        return None, "unknown"
    if _SAME_DAY.search(lower):
        return published, "day"
    if _YESTERDAY.search(lower):
        return published - datetime.timedelta(days=1), "day"
    w = _weekday(sentence.plain.lower(), reported_too=True)
    if w is not None:
        return published - datetime.timedelta(days=(published.weekday() - w) % 7), "day"
    return None, "unknown"


def _weekday(lower: str, reported_too: bool = False) -> int | None:
    """The weekday an event is said to happen on; "the ministry said Wednesday" dates only a report."""
    for w in _WEEKDAY.finditer(lower):
        if reported_too or not _REPORTED.search(lower[max(0, w.start() - 30) : w.start()]):
            return WEEKDAYS[w.group(1)]
    return None


def _different_sides(group: list[Person]) -> bool:
    """Two countries, or one and someone of none (an international official); with no country known at
    all, two titled officials ("Zhang Youxia, vice chairman of ..., met with Tea Seiha")."""
    codes = {p.country for p in group if p.country}
    if not codes:
        return sum(bool(p.role) for p in group) >= 2
    return len(codes) >= 2 or (len(codes) == 1 and any(p.country is None for p in group))


def _lead_date(sentences: list[Sentence], published, precision) -> tuple[datetime.date | None, str]:
    """An event-day marker in the first body sentences dates the reported event ("said Wednesday")."""
    body = [s for s in sentences if len(s.text.split()) > 8][:3]
    for s in body:
        if _PLANNED.search(s.lower) and not _CANCELLED.search(s.lower):
            continue  # "will travel on Thursday" dates a plan, not the event reported
        d, p = _date(s, published, precision, "held")
        if d and not find_date(s.latin):
            return d, p
    return None, "unknown"


def _actors(sent: Sentence, group: list[Person], start: int = 0) -> tuple[list[Person], list[Person], re.Match | None]:
    """Who met (named before the meeting verb) and whom (named after it): "X met today in Belgrade with Y"."""
    at = sent.positions
    ordered = sorted((p for p in group if at.get(id(p), 0) >= start), key=lambda p: at.get(id(p), 0))
    first = None
    for v in _VERB.finditer(sent.lower, start):
        first = first or v
        before = [p for p in ordered if at.get(id(p), 0) < v.start()]
        after = [p for p in ordered if at.get(id(p), 0) >= v.end()]
        if before and after:
            return before, after, v
    return [], ordered, first


def _distinct_hosts(subjects: list[Person], objects: list[Person]) -> bool:
    """A guest "calls on the Army Chief and the Defence Secretary": officials of one state in different offices,
    each met in turn."""
    countries = {p.country for p in objects if p.country}  # "the Prime Minister of X, and the Minister of Defence"
    roles = [fold(p.role) for p in objects]
    return (
        len(countries) == 1
        and not countries & {p.country for p in subjects}
        and all(roles)
        and len(set(roles)) == len(roles)
    )


def _status(sent: Sentence, verb: re.Match | None, people: list[Person], cancelled: set[int]) -> str:
    """Tense and modality of the clause that tells the meeting, not of a reported plan after "that"."""
    lower = sent.lower
    if _CANCELLED.search(lower):
        return "cancelled"
    cut = _CLAUSE_BREAK.search(lower, verb.end()) if verb else None
    clause = lower[: cut.start() if cut else len(lower)]
    if _PLANNED_PAST.search(clause):  # "was expected to hold talks" during a visit that was called off
        return "cancelled" if any(id(p) in cancelled for p in people) else "planned"
    if _PLANNED.search(clause) or (_TO_INFINITIVE.search(clause) and not _PAST_FINITE.search(lower)):
        return "planned"
    return "held"


def _lead_clause_end(lower: str) -> int:
    """End of an opening participle clause ("Having earlier met X, Y also met Z"): the comma before the last
    meeting verb, or 0 when the sentence does not open on one."""
    opener = _LEADING.match(lower)
    if not opener:
        return 0
    verbs = list(_VERB.finditer(lower))
    comma = lower.rfind(", ", 0, verbs[-1].start()) if verbs else -1
    return comma + 1 if comma > opener.end() else 0


def _groups(sent: Sentence, group: list[Person], topic: Person | None, last: _Draft | None, main: Person | None):
    """The participant lists a sentence reports, each one meeting: a host with each guest in turn.

    `topic`: whom "he" or "she" refers to (the actor of the story so far); `main`: whom a bare title refers to
    ("Načelnik Generalštaba je ...", "the Deputy Prime Minister"), the first meeting's first participant.
    """
    lower = sent.lower
    if not group and last is not None and _PAIR.search(lower) and not _OTHER_TIME.search(lower):
        return [list(last.people)], _VERB.search(lower)  # "The two commanders spoke by phone instead"
    lead = _lead_clause_end(lower)
    if main is not None and not _PRONOUN.match(lower[lead:].lstrip()):
        topic = main
    subjects, objects, verb = _actors(sent, group, lead)
    first = _VERB.search(lower, lead)
    if (
        topic is not None
        and topic not in group
        and first
        and _ACTOR.match(lower[lead:].lstrip())
        and not any(lead <= sent.positions.get(id(p), 0) < first.start() for p in group)
    ):
        # "The Deputy Prime Minister called on A, and held talks with B": the actor met both
        subjects, objects, verb = [], [p for p in group if sent.positions.get(id(p), 0) >= lead], first
    earlier = [p for p in group if sent.positions.get(id(p), 0) < lead]
    if not subjects and topic is not None and topic not in group:
        first_at = min((sent.positions.get(id(p), 0) for p in objects), default=len(lower))
        if _ACTOR.match(lower[lead:].lstrip()) or _POSSESSIVE.search(lower[:first_at]):
            subjects = [topic]  # "He then met Y", "In his meeting with Y": the actor of the story so far
    separate = bool(_SEPARATE.search(lower))
    out = []
    for guests in (earlier, [o for o in objects if o not in subjects]):  # "Having earlier met X, Y also met Z"
        if subjects and len(guests) >= 2 and (separate or _distinct_hosts(subjects, guests)):
            out += [subjects + [g] for g in guests]
        elif len(subjects) >= 2 and len(guests) == 1 and separate:  # "A and B separately called on C"
            out += [[s, guests[0]] for s in subjects]
        elif guests:
            out.append(subjects + guests)
    if not subjects:
        return [group], verb
    return out or [subjects], verb


def _described(sent: Sentence, group: list[Person], seen: list[Person]) -> list[Person]:
    """People the sentence names by country and title only ("Mađarskog ministra sutra će primiti Vučić", "the
    Hungarian minister"): the one of that country named earlier, when no one of it is named here."""
    found = []
    named = {p.country for p in group}
    for hit in sent.countries or []:
        if hit.kind == "capital" or hit.key in named or not _TITLE_AFTER.match(sent.lower[hit.end : hit.end + 40]):
            continue
        person = next((p for p in reversed(seen) if p.country == hit.key and p not in group), None)
        if person is not None and person not in found:
            sent.positions[id(person)] = hit.start
            found.append(person)
    return found


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
    topic: Person | None = None
    cancelled = {id(p) for s in sentences if _CANCELLED.search(s.lower) for p in mentions.get(s.index, [])}
    seen: list[Person] = []
    for sent in sentences:
        group = mentions.get(sent.index, [])
        if group and _kind(sent.lower, 2):
            group = group + _described(sent, group, seen)
        seen += [p for p in group if p not in seen]
        if (not group and not drafts) or not _kind(sent.lower, 2):
            # someone who only attended ("Sastanku je prisustvovao i ...") does not become the story's actor
            topic = group[0] if group and not _ATTENDED.search(sent.lower) else topic
            continue
        if _BACKGROUND.search(sent.lower):
            continue  # "Vucic and Xi last met in May": recalled, not reported
        main = drafts[0].people[0] if drafts else None
        groups, verb = _groups(sent, group, topic, drafts[-1] if drafts else None, main)
        if group and not _ATTENDED.search(sent.lower):
            topic = groups[0][0] if groups and groups[0] else group[0]
        kind = _kind(sent.lower, max(len(g) for g in groups) if groups else 0)
        if not kind:
            continue
        city, city_cc = _city(sent, language)
        status = _status(sent, verb, [p for g in groups for p in g], cancelled)
        if kind == "visit" and city:
            for p in group:
                if p.country != city_cc:
                    visits.setdefault((id(p), status), (city, city_cc))
        for people in groups:
            if len(people) < 2 or not _different_sides(people):
                continue
            _add(drafts, sent, people, kind, status, city, city_cc, published, precision)
    lead_date = _lead_date(sentences, published, precision)
    return [_finish(d, visits, lead_date, dateline) for d in drafts]


def _add(drafts, sent, group, kind, status, city, city_cc, published, precision) -> None:
    date, prec = _date(sent, published, precision, status)
    host = None
    hv = _HOSTING.search(sent.lower)
    if hv:
        before = [p for p in group if re.search(re.escape(fold(p.surname)), fold(sent.latin[: hv.start()]))]
        host = before[0] if before else None
    joined = bool(_ATTENDED.search(sent.lower)) and drafts and drafts[-1].status == status
    for d in drafts:
        shared = len({id(p) for p in d.people} & {id(p) for p in group})
        # Same pair, same status: one meeting; a postponed visit and a held call are two. Someone who
        # "attended the meeting" joins the one just told.
        if (shared >= 2 or (joined and d is drafts[-1] and shared)) and d.status == status:
            d.kinds.add(kind)
            d.people += [p for p in group if p not in d.people]
            d.location, d.location_country = d.location or city, d.location_country or city_cc
            d.host = d.host or host
            if d.date is None and date:
                d.date, d.precision = date, prec
            return
    drafts.append(_Draft(list(group), kind, status, sent, date, prec, city, city_cc, host, {kind}))


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
        sent_by = {p.country for p in envoys}  # an ambassador escorting their own minister hosts nothing
        others = [p.country for p in d.people if p not in envoys and p.country and p.country not in sent_by]
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
