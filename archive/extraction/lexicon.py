"""Word lists the extractor reads. Data only: extending coverage means editing here, not the code.

Long lists are written as "|"- or space-separated text so they stay compact. Serbian entries
live in lexicon_sr.py, written in Latin script (Cyrillic text is transliterated before matching).
"""

from __future__ import annotations

from .lexicon_sr import (
    NON_NAME_WORDS_SR,
    SR_A_NAMES,
    SR_CASE_ENDINGS,
    SR_COUNTRY_STEMS,
    SR_NON_NAME_STEMS,
    SR_STEM_ENDINGS,
    TITLES_SR,
)


def _items(text: str) -> list[str]:
    """Entries separated by "|"; line breaks inside an entry are just spaces."""
    return [" ".join(t.split()) for t in text.split("|") if t.strip()]


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

KNOWN_PUBLISHERS = _items(
    """
    Anadolu Agency | Reuters | Associated Press | Agence France-Presse | AFP | BBC News | Al Jazeera | TASS |
    RIA Novosti | Xinhua | Tanjug | Beta | RTS | N1 | Politika | Daily Sabah | Hurriyet Daily News | Euronews |
    Defense News | Breaking Defense | Balkan Insight | Kathimerini | ekathimerini | Ahram Online | Hungary Today
    | Daily News Egypt | Sputnik | Radio Free Europe | Politico | Army Recognition | Janes | Naval News | TRT
    World | Deutsche Welle | DW | CNN | Kyiv Independent | Greek City Times | Egypt Independent | About Hungary
    | Serbian Monitor | Kosovo Online | Prishtina Insight | European Western Balkans | Balkan Defence Monitor
    """
)
# Header words that make a short line a publisher name.
PUBLISHER_WORDS = "|".join(
    _items(
        r"""
        Agency | Ministry | Ministarstvo | News | Times | Post | Herald | Gazette | Tribune | Daily | Press
        | Journal | Monitor | Insight | Television | Radio | Broadcasting | Telegraph | Observer | Chronicle
        | Review | Today | Online | Government | Embassy | Department of Defense | Department of Defence
        | Department of State | Bureau | General Staff | Armed Forces | Public Relations
        """
    )
)
# Publishers speaking for a state: their unnamed officials belong to that state.
GOVERNMENT_PUBLISHER = (
    "Ministry|Ministarstvo|Government|Vlada|Embassy|Ambasada|Armed Forces|Vojska|General Staff|"
    "Department of Defen[cs]e|Department of State|Pentagon|Press Information Bureau"
)
# Header lines that are site furniture, not a title.
BOILERPLATE_LINES = "|".join(
    _items(
        r"""
        contact( us)? | subscribe | sign (in|up) | log ?in | register | menu | home | search | share( this)?
        | print | email | follow us | keep reading | read more | related | related articles | related news
        | leave a reply |
        advertisement | cookies? | skip to (main )?content | newsletter | about us | privacy policy | terms
        of use | photo | video | gallery | news | world | politics | europe | defen[cs]e | latest | top
        stories | breaking news | opinion | analysis | press release | saopštenje | saopštenje za javnost
        | mp4.* | jpe?g.* | вести | vesti | naslovna | pretraga
        | kontakt | english | српски | srpski
        """
    )
)

_MONTH_FORMS = [
    "january jan januar januara siječanj",
    "february feb februar februara",
    "march mar mart marta",
    "april apr aprila",
    "may maj maja",
    "june jun juni juna",
    "july jul juli jula",
    "august aug avgust avgusta",
    "september sep sept septembar septembra",
    "october oct oktobar oktobra",
    "november nov novembar novembra",
    "december dec decembar decembra",
]
MONTHS: dict[str, int] = {form: n for n, forms in enumerate(_MONTH_FORMS, start=1) for form in forms.split()}
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
    Air Staff | Chief of Defence Staff | Undersecretary | Under Secretary | Assistant Secretary
    """
)
# Courtesy words before a name that are neither title nor name ("Shri Rajnath Singh", "The Rt Hon").
HONORIFICS = _words(
    "Shri Sri Smt Shrimati Kumari Hon Honourable Honorable Rt Excellency Sayin Sayın Gospodin Mr Mrs Ms"
)
# Generational suffixes after a name, dropped from the name ("Gilberto Teodoro Jr.").
NAME_SUFFIXES = _words("Jr Jr. Sr Sr. II III IV")

# Capitalised words that are never part of a person's name.
NON_NAME_WORDS = NON_NAME_WORDS_SR | set(
    _words(
        """
        a aa according admiral affairs afp african after agency air also ambassador american an and ap april
        arab armed army asian assembly at attache attaché august balkans before bilateral brigadier building
        but by captain catholic center centre charge chargé chief christian church cold college colonel
        commander comments commodore conference contact cooperation council counterpart day december defence
        defense department deputy director directorate dr drone drones during eastern egyptian embassy emir
        empire envoy european february federation for force forces foreign friday from general global
        government governor greek guard hall he head her his house however hungarian in independence
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
# Verbs after a capitalised pair that show it names someone acting ("Nemanja Starovic said").
PERSON_VERBS = "|".join(
    _items(
        r"""
        said | says | stated | states | added | told | noted | stressed | emphasi[sz]ed | underlined |
        highlighted | expressed | announced | confirmed | wrote | tweeted | met | meets | visited | visits |
        received | receives | hosted | welcomed | thanked | praised | congratulated | informed | called |
        spoke | held | discussed | signed | attended | arrived | rekao | rekla | izjavio | izjavila |
        naglasio | naglasila | istakao | istakla | dodao | dodala | sastao | sastala | razgovarao |
        razgovarala | primio | primila | posetio | posetila | ugostio | ugostila | zahvalio | zahvalila
        """
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
    "Congolese": "CD", "Hellenic": "GR",
}  # fmt: skip

# "met" that is not a meeting: "the plan met strong resistance from X and Y".
NOT_MEETING = (
    r"\bmet (?:with )?(?:\w+ )?(?:resistance|criticism|opposition|skepticism|scepticism|approval|praise|concern|"
    r"protests?|condemnation|the (?:criteria|requirements|targets?|deadline|conditions))"
)
# Roles whose holder belongs to the country where a meeting takes place when nothing else says so.
HEAD_ROLES = r"^(?:President|Prime Minister|King|Queen|Emir|Sultan|Crown Prince|Chancellor|Premier)$"
# Meeting vocabulary, matched on lower-cased Latin text; the first kind that matches names the sentence.
MEETING_KINDS: list[tuple[str, str]] = [
    ("phone_call", "phone|telephone|call with|video ?call|videoconferenc|video link|telefon"),
    ("consultations", "consultations|konsultacij"),
    ("sidelines", "sidelines|on the margins|margin of|na marginama|u okviru samita"),
    ("visit", "\\bvisit|\\barriv|\\bposet|\\bposjet|\\bboravi|zvaničn\\w* posj?et"),
    ("press_conference", "press conference|news conference|konferencij\\w* za (medije|novinare)"),
    (
        "meeting",
        r"\bmet\b|\bmeet|\btalks?\b|discuss|\bcall(?:ed|s)? on\b|courtesy call"
        r"|receiv|\bhost|welcom|conversation|interlocutor|\bsign(?:ed|s)?\b"
        r"|sastao|sastala|sastali|sastan|razgovar|primio|primila|ugosti|dočeka|potpisa",
    ),
]
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
PLANNED = "|".join(
    _items(
        r"""
        \bwill (?:\w+ ){0,3}(?:visit|meet|hold|travel|host|receiv|talk|attend|pay|sign) | \b(?:is|are)
        (?:expected|scheduled|due|set|slated|planned) to | \b(?:is|are) to (?:visit|meet) | \bplans? to |
        \bupcoming | \bnext (?:week|month) | \btomorrow | \bforthcoming visit | posetiće | sastaće | \bće\b
        | \bćе\b | planiran | najavljen | predstojeć | sutra | naredn\w+ nedelj | sledeć\w+ nedelj | iduć\w+ nedelj
        """
    )
)
CANCELLED = "cancel|called off|postpon|otkaz|odložen"
HOSTING_VERBS = "\\breceiv|\\bhost|\\bwelcom|primio|primila|ugosti|dočeka"
# Markers that date an event on the publication day; a news lead in the present perfect ("has welcomed")
# reports that day's event too.
SAME_DAY = (
    "\\btoday\\b|\\bdanas\\b|\\bthis morning\\b|\\bthis afternoon\\b|\\btonight\\b|\\bjutros\\b|\\bvečeras\\b|"
    "\\b(?:has|have) (?:\\w+ )?(?:met|welcomed|received|hosted|held|visited|spoken|signed|talked)\\b"
)
# A sentence about another time than the article's news ("weeks after", "last year"): no lead date.
OTHER_TIME = (
    r"\b(?:weeks?|months?|years?|days?) (?:after|ago|earlier|before)\b|\blast (?:week|month|year)\b|"
    r"\bearlier this (?:week|month|year)\b|\bin (?:19|20)\d\d\b|\bpreviously\b|\bprošl\w+ (?:nedelj|godin|mesec)"
)
YESTERDAY = "\\byesterday\\b|\\bjuče\\b|\\bjuce\\b"

__all__ = ["SR_A_NAMES", "SR_CASE_ENDINGS", "SR_COUNTRY_STEMS", "SR_NON_NAME_STEMS", "SR_STEM_ENDINGS", "TITLES_SR"]
