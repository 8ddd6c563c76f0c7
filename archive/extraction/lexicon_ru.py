"""Russian word lists, in Latin letters: Russian text is transliterated before matching (script.py:
й -> j, я -> ja, ы -> y, ш -> š). Read with the common wordings only: titles, meeting verbs, dates."""

from __future__ import annotations

# Title stems -> English role; each word takes any case ending ("ministra oborony", "ministrom oborony").
TITLES_RU: dict[str, str] = {
    "ministr oboron": "Minister of Defence",
    "ministr nacionaln oboron": "Minister of National Defence",
    "ministr inostrann del": "Minister of Foreign Affairs",
    "zamestitel ministr": "Deputy Minister",
    "ministr": "Minister",
    "prezident": "President",
    "premer-ministr": "Prime Minister",
    "predsedatel pravitelstv": "Prime Minister",
    "kancler": "Chancellor",
    "gossekretar": "Secretary of State",
    "sekretar sovet bezopasnost": "Secretary of the Security Council",
    "generaln sekretar": "Secretary General",
    "načalnik generaln štab": "Chief of General Staff",
    "glavnokomandujušč": "Commander-in-Chief",
    "komandujušč": "Commander",
    "komandir": "Commander",
    "posol": "Ambassador",
    "posl": "Ambassador",
    "general-polkovnik": "Colonel General",
    "general-lejtenant": "Lieutenant General",
    "general-major": "Major General",
    "general armi": "General of the Army",
    "general": "General",
    "admiral": "Admiral",
    "polkovnik": "Colonel",
    "kolleg": "counterpart",
    "glav": "Head",
}
# Words that end a title's genitive complement: prepositions, conjunctions.
GAP_STOP_RU = {"i", "s", "so", "v", "vo", "na", "po", "k", "o", "ob", "za", "čto", "kak", "kotoryj", "kotoraja"}

MONTHS_RU = [
    "janvar janvarja", "fevral fevralja", "mart marta", "aprel aprelja", "maj maja", "ijun ijunja",
    "ijul ijulja", "avgust avgusta", "sentjabr sentjabrja", "oktjabr oktjabrja", "nojabr nojabrja",
    "dekabr dekabrja",
]  # fmt: skip
WEEKDAYS_RU = {
    "ponedelnik": 0, "vtornik": 1, "sredu": 2, "sreda": 2, "četverg": 3, "pjatnicu": 4, "pjatnica": 4,
    "subbotu": 5, "subbota": 5, "voskresene": 6,
}  # fmt: skip

PHONE_RU = r"telefonn\w* razgovor | telefonn\w* peregovor | po telefonu | razgovor\w* po telefonu"
VISIT_RU = r"posetil | posešč | vizit | pribyl"
MEETING_RU = r"vstreti | vstretil | vstreč | peregovor | obsudil | obsudili | prinjal\w* | besed | konsultaci"
VERBS_RU = r"vstreti\w* | vstretil\w* | vstreč\w* | provel\w* | posetil\w* | prinjal\w* | peregovor\w* | obsudil\w*"
PLANNED_RU = (
    r"vstretitsja | vstretjatsja | posetit | provedet | provedut | primet | planiru | ožidaetsja | sostoitsja |"
    r" zavtra | predstojašč"
)
CANCELLED_RU = r"otmen | otložen | otložil | perenesen"
SAME_DAY_RU = r"segodnja\b"
YESTERDAY_RU = r"včera\b | nakanune\b"
TOMORROW_RU = r"zavtra\b"
PERSON_VERBS_RU = "zajavil | zajavila | soobščil | soobščila | skazal | skazala | otmetil | otmetila | podčerknul"

# Country adjectives ("с сербским коллегой") mostly add -sk- to the country's stem, which countrynames.py derives
# from CLDR's names; these are the ones formed otherwise, by their stem (the word less its case ending).
ADJECTIVE_STEMS_RU: dict[str, str] = {
    "tureck": "TR",
    "grečesk": "GR",
    "amerikansk": "US",
    "britansk": "GB",
    "vengersk": "HU",
    "francuzsk": "FR",
    "nemeck": "DE",
    "italjansk": "IT",
    "armjansk": "AM",
    "belorussk": "BY",
    "polsk": "PL",
    "češsk": "CZ",
    "kubinsk": "CU",
    "švedsk": "SE",
    "finsk": "FI",
    "datsk": "DK",
    "niderlandsk": "NL",
    "gollandsk": "NL",
    "južnokorejsk": "KR",
    "severokorejsk": "KP",
    "saudovsk": "SA",
    "emiratsk": "AE",
    "norvežsk": "NO",
    "kiprsk": "CY",
    "bolgarsk": "BG",
    "rumynsk": "RO",
    "slovacksk": "SK",
    "horvatsk": "HR",
    "makedonsk": "MK",
    "albansk": "AL",
    "kosovsk": "XK",
}
