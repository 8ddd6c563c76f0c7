"""Word lists the extractor reads. Data only: extending coverage means editing here, not the code.

Long lists are written as "|"- or space-separated text so they stay compact. Serbian entries
live in lexicon_sr.py, written in Latin script (Cyrillic text is transliterated before matching); what a
news page carries besides its article, in lexicon_page.py.
"""

from __future__ import annotations

from archive.core.text import strip_accents

from . import lexicon_ru as ru
from . import lexicon_tr as tr
from .lexicon_page import (
    BOILERPLATE_LINES,
    FURNITURE_HEADERS,
    GOVERNMENT_PUBLISHER,
    KNOWN_PUBLISHERS,
    PUBLISHER_WORDS,
    TAG_LINE,
    items,
)
from .lexicon_sr import (
    NON_NAME_WORDS_SR,
    SR_A_NAMES,
    SR_CAPITAL_STEMS,
    SR_CASE_ENDINGS,
    SR_COUNTRY_STEMS,
    SR_NON_NAME_STEMS,
    SR_O_NAMES,
    SR_STEM_ENDINGS,
    TITLES_SR,
)

_items = items


def _words(text: str) -> list[str]:
    return text.split()


# How an organisation is shown to readers, keyed by orgdata `name`: "acronym" where the press
# writes the acronym far more often than the long name; every other organisation shows its name.
ORG_DISPLAY: dict[str, str] = dict.fromkeys(
    _items(
        """
        North Atlantic Treaty Organization | Kosovo Force | Organization for Security and Co-operation in
        Europe | Collective Security Treaty Organization | European Union Rule of Law Mission in Kosovo |
        United Nations Interim Administration Mission in Kosovo | Association of Southeast Asian Nations
        """
    ),
    "acronym",
)
# Aliases too generic to stand alone: accepted only when not part of a longer capitalised name
# ("National Security Council" is not the UN body); ORG_SKIP aliases are never matched.
ORG_GENERIC_ALIASES = {"Security Council", "Savet bezbednosti"}
ORG_SKIP_ALIASES = {"Alliance"}
# Acronyms too short or too ambiguous to trust without the long name.
ORG_WEAK_ACRONYMS = {"SCO", "EDA", "CIS", "AU", "A5"}

_MONTH_FORMS = [
    "january jan januar januara siječanj",
    "february feb februar februara",
    "march mar mart marta",
    "april apr aprila",
    "may maj maja",
    "june jun juni juna",
    "july jul juli jula",
    "august aug avgust avgusta avg",
    "september sep sept septembar septembra",
    "october oct oktobar oktobra okt",
    "november nov novembar novembra",
    "december dec decembar decembra",
]
_MONTH_FORMS = [" ".join(forms) for forms in zip(_MONTH_FORMS, ru.MONTHS_RU, tr.MONTHS_TR, strict=True)]
MONTHS: dict[str, int] = {form: n for n, forms in enumerate(_MONTH_FORMS, start=1) for form in forms.split()}
# Other languages' month names, as CLDR writes them (Greek "Ιανουαρίου", Hungarian "szeptember", French "mars"),
# so that articles in languages extraction does not read still get their publication date.
CLDR_MONTH_LOCALES = "el hu fr de it es pt pl cs sk sl hr bs mk bg ro sq uk nl sv da nb fi et lv lt"


def _cldr_months() -> dict[str, int]:
    from babel.dates import get_month_names

    found: dict[str, int] = {}
    for locale in CLDR_MONTH_LOCALES.split():
        for context in ("format", "stand-alone"):
            for n, name in get_month_names("wide", context, locale).items():
                found.setdefault(name.lower().rstrip("."), n)
    return found


# Dates with a year (publication lines, "14 mars 2024") read these; relative dates in the text, only MONTHS.
DATE_MONTHS: dict[str, int] = MONTHS | {
    name: n for name, n in _cldr_months().items() if name not in MONTHS and len(name) >= 4
}
# Matched on accent-free text (Sentence.plain): "četverg" is written "cetverg" here.
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "ponedeljak": 0,
    "utorak": 1,
    "sreda": 2,
    "sredu": 2,
    "cetvrtak": 3,
    "petak": 4,
    "subota": 5,
    "subotu": 5,
    "nedelja": 6,
    "nedelju": 6,
    **{strip_accents(day): n for day, n in ru.WEEKDAYS_RU.items()},
    **{strip_accents(day): n for day, n in tr.WEEKDAYS_TR.items() if day != "pazar"},  # "Novi Pazar" is a town
}

# Titles, ranks and roles that introduce a person (English; Serbian in lexicon_sr.TITLES_SR).
TITLES_EN = _items(
    """
    Minister of Defence | Minister of Defense | Minister of Foreign Affairs | Defence Minister | Defense
    Minister | Foreign Minister | Prime Minister | Deputy Prime Minister | Deputy Minister | State Secretary |
    Secretary of State | Secretary of Defense | Defense Secretary | Defence Secretary | Secretary General |
    Secretary-General | Assistant Minister | Chief of General Staff | Chief of the General Staff | Chief of
    Staff | Chief of Defence | Chief of Defense | Chief of Defence Staff | Commander | Deputy Commander |
    Defence Attaché | Defense Attaché | Defence Attache | Defense Attache | Military Attaché | Military Attache
    | Ambassador | Chargé d'Affaires | Charge d'Affaires | Envoy | Special Envoy | President | Vice President |
    Vice-President | Speaker | Chancellor | King | Queen | Prince | Crown Prince | Emir | Sheikh | Sultan |
    Governor | Senator | Congressman | Mayor | Minister | Secretary | Director | Director General | Head |
    Chairman | Spokesperson | Spokesman | Lieutenant General | Major General | Brigadier General | Lieutenant
    Colonel | Lieutenant Commander | Rear Admiral | Vice Admiral | General | Admiral | Colonel | Major | Captain
    | Lieutenant | Brigadier | Commodore | Sergeant | Field Marshal | Marshal | Gen. | Adm. | Col. | Lt. | Maj.
    | Capt. | Brig. | Professor | Prof. | Mr. | Mrs. | Ms. | Dr. | Mr | Mrs | Ms | Dr | counterpart | Sen. |
    Rep. | Gov. | Raksha Mantri | Rajya Raksha Mantri | Press Secretary | Foreign Secretary | Home Secretary |
    Secretary of National Defense | Secretary of National Defence | Minister of National Defence | Minister
    of National Defense | Chief of Army Staff | Chief of the Army Staff | Chief of Naval Staff | Chief of the
    Air Staff | Chief of Defence Staff | Undersecretary | Under Secretary | Assistant Secretary | Lieut | Lieut. |
    Lt | Gen | Col | Maj | Brig | Capt | Cdr | Cdr. | Cmdr | Cmdr. | Sgt | Sgt. | Cpt | Cpt. | Senior Lieutenant
    General | Senior | Snr | Snr. | Chief of Defence Forces | Chief of Defense Forces | Commander-in-Chief |
    High Commissioner | Commissioner | High Representative | Vice Chairman | Vice-Chairman | Chairwoman |
    Chairperson | National Security Adviser | National Security Advisor
    """
)
# Capitalised words naming a ministry's field ("Minister of Agriculture and Fisheries Anna Kovacs"): the
# end of a title's complement, never the start of the name after it.
DEPARTMENT_WORDS = set(
    _words(
        """
        agriculture fisheries forestry tourism economy economic trade commerce finance finances treasury health
        justice interior education culture energy transport transportation labour labor industry planning
        development infrastructure environment science technology innovation logistics procurement intelligence
        personnel budget communications sport sports youth policy policies relations integration acquisition
        armaments armament veterans affairs diaspora construction mining digital telecommunications
        """
    )
)
# Courtesy words before a name that are neither title nor name ("Shri Rajnath Singh", "The Rt Hon").
HONORIFICS = _words(
    "Shri Sri Smt Shrimati Kumari Hon Honourable Honorable Rt Excellency Sayin Sayın Gospodin Mr Mrs Ms Sir Dame"
)
# Generational suffixes after a name, dropped from the name ("Gilberto Teodoro Jr.").
NAME_SUFFIXES = _words("Jr Jr. Sr Sr. II III IV")

# Capitalised words that are never part of a person's name.
NON_NAME_WORDS = (
    NON_NAME_WORDS_SR
    | DEPARTMENT_WORDS
    | set(
        _words(
            """
        a aa according admiral affairs afp african after agency air also ambassador american an and ap april
        arab armed army asian assembly at attache attaché august balkans before bilateral brigadier building
        but by captain catholic center centre charge chargé chief christian church cold college colonel
        commander comments commodore conference contact cooperation council counterpart day december defence
        defense department deputy director directorate dr drone drones during eastern egyptian embassy emir
        empire envoy european february federation for force forces foreign friday from general global
        government governor greek guard he head her his house however hungarian in independence
        institute international islamic it its january july june keep king kingdom leave lieutenant major
        march marshal may mayor military minister ministries ministry mission monday mosque mr mrs ms
        multilateral muslim national nations navy news northern november october of office on operation
        orthodox ottoman our palace parliament partnership peace photo posted president prime prince program
        programme province published queen reading region related reply republic resolution reuters saturday
        school secretary section security senator september serbian sergeant share she since source southern
        spokesman spokesperson staff state states subscribe sultan summit sunday that the their these they
        this those thursday times to tuesday turkish union united university updated video war we wednesday
        western while with world
                command headquarters brigade division battalion regiment corps fleet squadron base academy central
        joint special operations coast committee commission parliament senate congress office
        europe asia africa americas oceania pacific atlantic arctic mediterranean caucasus gulf supreme allied
"""
        )
    )
)
# Verbs after a capitalised pair that show it names someone acting ("Nemanja Starovic said").
PERSON_VERBS = "|".join(
    _items(
        r"""
        said | says | stated | states | added | told | noted | stressed | emphasi[sz]ed | underlined |
        highlighted | expressed | announced | confirmed | wrote | tweeted | met | meets | visited | visits |
        received | receives | hosted | welcomed | thanked | praised | congratulated | informed | called |
        spoke | held | discussed | signed | attended | arrived | rekao | rekla | izjavio | izjavila |
        naglasio | naglasila | istakao | istakla | dodao | dodala | sastao | sastala | razgovarao |
        razgovarala | primio | primila | posetio | posetila | ugostio | ugostila | zahvalio | zahvalila |
        razgovarali | sastali | posetili | potpisali | istakli | naglasili | složili | agreed | reviewed | exchanged
        """
        + " | ".join(["", ru.PERSON_VERBS_RU, tr.PERSON_VERBS_TR])
    )
)
# Territories a publisher's state counts as its own: a Serbian official speaking of Kosovo is still Serbia's.
HOME_TERRITORY: dict[str, set[str]] = {"RS": {"XK"}}
# First names that are also country names; only a country when no capitalised surname follows.
AMBIGUOUS_GIVEN_NAMES = {"Israel", "Chile", "Jamaica", "India", "Jordan", "Georgia", "Kenya", "Niger", "Chad"}
# Capitals that are everyday words or names in English.
CAPITAL_STOPLIST = {
    "Male",
    "Castries",
    "Thai",
    "Roseau",
    "Basseterre",
    "Jamestown",
    "Kingston",
    "Praia",
    "Viti",
    "Lima",
    "Georgetown",
    "Victoria",
    "Malé",
    "Avarua",
    "Hamilton",
    "Mann",
}
# Country forms countrydata lacks (too short, or demonyms it misses), and forms it gives to several
# codes that the press means for one state ("American" is also the Northern Mariana Islands' demonym).
EXTRA_COUNTRY_FORMS: dict[str, str] = {
    "US": "US", "UK": "GB", "SAD": "US", "BiH": "BA", "Slovenian": "SI", "Bosnian": "BA", "Saudi": "SA",
    "South Korean": "KR", "Kazakh": "KZ", "Uzbek": "UZ", "Emirati": "AE", "Kosovo Albanian": "XK",
    "American": "US", "French": "FR", "Philippine": "PH", "Filipino": "PH", "Argentine": "AR",
    "Nepali": "NP", "Icelandic": "IS", "Luxembourgish": "LU", "Chinese": "CN", "Indian": "IN", "Norwegian": "NO",
    "Congolese": "CD", "Hellenic": "GR", "GOV.UK": "GB",
}  # fmt: skip

# "met" that is not a meeting: "the plan met strong resistance from X and Y".
NOT_MEETING = (
    r"\bmet (?:with )?(?:\w+ )?(?:resistance|criticism|opposition|skepticism|scepticism|approval|praise|concern|"
    r"protests?|condemnation|the (?:criteria|requirements|targets?|deadline|conditions))"
)
# Roles whose holder belongs to the country where a meeting takes place when nothing else says so.
HEAD_ROLES = r"^(?:President|Prime Minister|King|Queen|Emir|Sultan|Crown Prince|Chancellor|Premier)$"


def _word_starts(text: str) -> str:
    """One alternation anchored at a word start: far faster than a "\b" on each entry."""
    return r"\b(?:" + "|".join(_items(text)) + ")"


# Meeting vocabulary, matched on lower-cased Latin text; the first kind that matches names the sentence.
MEETING_KINDS: list[tuple[str, str]] = [
    (
        "phone_call",
        _word_starts(
            rf"phone | telephone | call with | video ?call | video ?-?conferenc | video link | telefon | {ru.PHONE_RU}"
        ),
    ),
    ("consultations", _word_starts("consultations | konsultacij")),
    ("sidelines", _word_starts("sidelines | on the margins | margin of | na marginama | u okviru samita")),
    (
        "visit",
        _word_starts(rf"visit | arriv | poset | posjet | boravi | zvaničn\w* posj?et | {ru.VISIT_RU} | {tr.VISIT_TR}"),
    ),
    ("press_conference", _word_starts(r"press conference | news conference | konferencij\w* za (?:medije|novinare)")),
    (
        "meeting",
        _word_starts(
            r"""
            met\b | meet | talks?\b | talked\b | discuss | deliberat | call(?:ed|s)? on\b | courtesy call |
            s[ai]t down (?:\w+ ){0,3}with\b | sitting down (?:\w+ ){0,3}with\b | spoke (?:\w+ ){0,2}(?:with|to)\b |
            exchanged?
            (?:views|opinions) | receiv | host | welcom | conversation | interlocutor | interaction | sign(?:ed|s)?\b |
            sasta[a-zćčšž]* | razgovar | razgovor | susret | primi(?:o|la|li|ti|će)\b | prima\b | ugosti |
            dočeka | potpisa |
            razmen\w* mišljenj |
            """
            + ru.MEETING_RU
            + " | "
            + tr.MEETING_TR
        ),
    ),
]
# Where in a sentence the meeting is told: the verb or noun that separates who met from whom they met
# ("X met today in Belgrade with Y", "X held bilateral talks with A, B and C").
MEETING_VERBS = _word_starts(
    r"""
    met\b | meets?\b | meetings?\b | deliberat | interaction | talks?\b | talked\b | discuss | call(?:ed|s)? on\b |
    s[ai]t down (?:\w+ ){0,3}with\b | sitting down (?:\w+ ){0,3}with\b | video ?conferenc |
    courtesy call | called\b | exchanged?\b | receiv | host | welcom | conversation | consultations | spoke\b |
    phone | telephone | visit | sign | sasta[a-zćčšž]* | razgovar | razgovor | susret | primi[ol] | ugosti |
    dočeka | poseti | poset[ai]\b | posjeti | primi(?:ti|će)\b | prima\b |
    """
    + ru.VERBS_RU
    + " | "
    + tr.VERBS_TR
)
# Cues that one actor held separate meetings with each person listed after the verb.
SEPARATE_MEETINGS = _word_starts(
    r"""
    bilateral | separate | in succession\b | successively\b | one after (?:the )?another\b | series of\b | in turn\b
    | and with\b | as well as with\b
    | odvojen | pojedinačn | redom\b | jedan za drugim\b
    """
)
# A sentence that names no one but refers to the people of the meeting just reported.
PAIR_ANAPHORA = _word_starts(
    r"""
    (?:the two|both) (?:ministers|leaders|generals|commanders|chiefs|officials|officers|sides|secretaries|men|women|
    counterparts|envoys|delegations|presidents|premiers)\b | dvojica\b | sagovornici\b | ministri su\b | obojica\b
    | generali su\b
    """
)
# Someone who joined a meeting just told, rather than met its people again.
ATTENDED = _word_starts(
    r"""
    attended (?:the|that|this) (?:meeting|talks) | (?:meeting|talks) (?:was|were) also attended | also present\b |
    (?:sastanku|razgovoru|susretu|sastanak|razgovor) (?:je |su )?(?:\w+ )?prisustvova |
    prisustvova\w* (?:i )?(?:je |su )?(?:sastanku|razgovoru|susretu)
    """
)
# "His meeting with Y", "during her talks with Y": the actor of the story so far met Y.
POSSESSIVE_MEETING = (
    r"\b(?:his|her|(?:during|in) the)\s+(?:\w+\s+){0,2}(?:meetings?|talks|conversation|call|visit|deliberations|"
    r"interaction)\s+with\b"
)
# A participle clause opening a sentence tells an earlier meeting of the main clause's subject:
# "Having earlier met X, Y also met Z", "Nakon sastanka sa X, ministar Y je primio Z".
LEADING_CLAUSE = (
    r"^(?:having|after|before|following|prior to|upon|apart from|besides|aside from|in addition to|nakon|posle|pre|"
    r"pošto|osim)\b"
)
# A sentence opening on a pronoun or a bare title continues with the last named actor ("He then met Y").
ACTOR_ANAPHORA = (
    r"^(?:(?:[\w'’-]+ ){0,4}[\w'’-]+, )?(?:he|she|raksha mantri|"
    r"the (?:(?:deputy|vice|first|acting) )?(?:minister|secretary|general|"
    r"admiral|president|chief|commander|ambassador|prime minister|defen[cs]e (?:minister|secretary)|foreign minister|"
    r"secretary general|"
    r"visiting \w+)|(?:on|ona|ministar|ministarka|predsednik|predsednica|general|načelnik|komandant)"
    r"(?: [a-zčćšžđ]+){0,2}? (?:je|se|će|bi|trebal\w*|mogao|potom|zatim|takođe|nakon|kasnije))\b"
)
# Where the clause that tells a meeting ends: what follows "that" / "da" is reported speech, not its tense.
CLAUSE_BREAK = (
    r"[;:—–]|"
    + _word_starts(
        r"""
        that | which | who | whom | while | because | da | koji | koja | koje | kojoj | kojem | jer | pošto | said |
        says | stressed | noted | added | told | rekao | rekla | istakao | istakla | naglasio | naglasila | izjavio |
        izjavila
        """
    )
    + r"\b"
)
# "the ministry said Wednesday": the weekday dates the statement, not a planned meeting.
REPORTING_VERB_BEFORE = r"\b(?:said|says|announced|stated|told \w+|reported|confirmed|added)\s+(?:on\s+)?$"
# When sentences about one meeting disagree, the more specific kind wins.
MEETING_PRIORITY = [
    "phone_call",
    "consultations",
    "sidelines",
    "multilateral",
    "visit",
    "press_conference",
    "meeting",
    "other",
]
PLANNED = _word_starts(
    r"""
    (?:will|shall|would) (?:\w+ ){0,3}(?:visit|meet|hold|travel|host|receiv|talk|attend|pay|sign|call|arrive|
    discuss|co-chair|lead|head) | (?:is|are) (?:expected|scheduled|due|set|slated|planned|likely) to |
    (?:is|are) to (?:visit|meet|hold|travel|sign) | plans? to | upcoming | next (?:week|month|year) | tomorrow |
    forthcoming visit | could (?:meet|visit|hold) | may (?:meet|visit) | posetiće | sastaće | će\b | ćе\b |
    planiran | najavljen | predstojeć | sutra | naredn\w+ (?:nedelj|mesec|godin) | sledeć\w+ (?:nedelj|mesec) |
    iduć\w+ (?:nedelj|mesec) | mogl?\w* bi\b | trebal\w* bi\b | bi trebal | bi mogl?\w* |
    """
    + ru.PLANNED_RU
    + " | "
    + tr.PLANNED_TR
)
# A headline's infinitive announces ("Gasic to meet Dendias in Athens"), unless a past verb reports the event.
TO_INFINITIVE = r"\bto (?:visit|meet|hold talks|host|receive|travel|sign|call on|attend)\b"
PAST_FINITE = (
    _word_starts(
        r"met | held | arrived | visited | received | hosted | welcomed | signed | was | were | had | has | have | did"
    )
    + r"\b"
)
# A plan told in the past ("was expected to hold talks"): cancelled when its people's trip is called off.
PLANNED_PAST = _word_starts(
    r"""
    (?:was|were|had been) (?:expected|due|scheduled|set|slated|planned|supposed|meant) to\b | (?:was|were) to
    (?:visit|meet|hold|travel|sign|call)\b | would have (?:met|visited|held)\b | trebal[oia]? (?:je )?da\b |
    bil[aoi]? (?:je )?(?:planiran|predviđen)
    """
)
CANCELLED = _word_starts(
    r"cancel | called off | postpon | deferred\b | scrapped\b | otkaz | odložen | odgođen | odgoden"
    rf" | {ru.CANCELLED_RU} | {tr.CANCELLED_TR}"
)
HOSTING_VERBS = _word_starts(r"receiv | host | welcom | primi(?:o|la|li|ti|će)\b | prima\b | ugosti | dočeka")
# Markers that date an event on the publication day; a news lead in the present perfect ("has welcomed")
# reports that day's event too.
SAME_DAY = _word_starts(
    r"""
    today\b | danas\b | this morning\b | this afternoon\b | tonight\b | jutros\b | večeras\b | (?:has|have)
    (?:\w+ )?(?:met|welcomed|received|hosted|held|visited|spoken|signed|talked)\b |
    """
    + ru.SAME_DAY_RU
    + " | "
    + tr.SAME_DAY_TR
)
# A sentence about another time than the article's news ("weeks after", "last year"): no lead date.
OTHER_TIME = _word_starts(
    r"""
    (?:weeks?|months?|years?|days?) (?:after|ago|earlier|before)\b | last (?:week|month|year)\b | earlier this
    (?:week|month|year)\b | in (?:19|20)\d\d\b | previously\b | prošl\w+ (?:nedelj|godin|mesec) | last
    (?:met|time|spoke|talked)\b | (?:19|20)\d\d\. godin | poslednji put\b | prošli put\b
    """
)
# A meeting recalled as background ("the two last met in 2019"), not an event the article reports.
BACKGROUND_MEETING = _word_starts(
    r"""
    last (?:met|time|spoke|talked)\b | previously met\b | (?:had|have) (?:last |previously )?met\b | first met\b |
    poslednji put\b | prošli put\b | upoznali su se\b
    """
)
TOMORROW = _word_starts(rf"tomorrow\b | sutra\b | sutradan | {ru.TOMORROW_RU} | {tr.TOMORROW_TR}")
YESTERDAY = _word_starts(rf"yesterday | juče\b | juce\b | jučeraš | juceras | {ru.YESTERDAY_RU} | {tr.YESTERDAY_TR}")

__all__ = [
    "BOILERPLATE_LINES",
    "FURNITURE_HEADERS",
    "GOVERNMENT_PUBLISHER",
    "KNOWN_PUBLISHERS",
    "PUBLISHER_WORDS",
    "TAG_LINE",
    "SR_CAPITAL_STEMS",
    "SR_A_NAMES",
    "SR_O_NAMES",
    "SR_CASE_ENDINGS",
    "SR_COUNTRY_STEMS",
    "SR_NON_NAME_STEMS",
    "SR_STEM_ENDINGS",
    "TITLES_SR",
]
