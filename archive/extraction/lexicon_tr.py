"""Turkish word lists. Turkish writes titles before the name ("Milli Savunma Bakanı Yaşar Güler") and a
name's case suffix after an apostrophe ("Güler'in"). Read with the common wordings only."""

from __future__ import annotations

# Title phrases -> English role, matched case-insensitively; each word may take a suffix ("Bakanıyla").
TITLES_TR: dict[str, str] = {
    "milli savunma bakan": "Minister of National Defence",
    "millî savunma bakan": "Minister of National Defence",
    "savunma bakan": "Minister of Defence",
    "dışişleri bakan": "Minister of Foreign Affairs",
    "bakan yardımcı": "Deputy Minister",
    "cumhurbaşkan": "President",
    "devlet başkan": "President",
    "başbakan": "Prime Minister",
    "genelkurmay başkan": "Chief of General Staff",
    "genel sekreter": "Secretary General",
    "büyükelçi": "Ambassador",
    "orgeneral": "General",
    "korgeneral": "Lieutenant General",
    "tümgeneral": "Major General",
    "tuğgeneral": "Brigadier General",
    "oramiral": "Admiral",
    "koramiral": "Vice Admiral",
    "komutan": "Commander",
    "mevkidaş": "counterpart",
    "bakan": "Minister",
}
# Capitalised words of titles and institutions, never part of a name (folded).
NON_NAME_TR = {
    "milli",
    "savunma",
    "bakani",
    "bakan",
    "bakanligi",
    "disisleri",
    "cumhurbaskani",
    "cumhurbaskanligi",
    "devlet",
    "baskani",
    "baskan",
    "basbakan",
    "genelkurmay",
    "genel",
    "sekreteri",
    "sekreter",
    "buyukelcisi",
    "buyukelci",
    "orgeneral",
    "korgeneral",
    "tumgeneral",
    "tuggeneral",
    "oramiral",
    "koramiral",
    "komutani",
    "komutan",
    "kuvvetleri",
    "kara",
    "hava",
    "deniz",
    "yardimcisi",
    "mevkidasi",
    "turk",
}
GAP_STOP_TR = {"ile", "ve", "da", "de", "ise", "bir"}

MONTHS_TR = [
    "ocak", "şubat subat", "mart", "nisan", "mayıs mayis", "haziran", "temmuz", "ağustos agustos",
    "eylül eylul", "ekim", "kasım kasim", "aralık aralik",
]  # fmt: skip
WEEKDAYS_TR = {
    "pazartesi": 0, "salı": 1, "çarşamba": 2, "perşembe": 3, "cuma": 4, "cumartesi": 5, "pazar": 6,
}  # fmt: skip

PHONE_TR = r"telefonda | telefon görüşmesi | telefonla"
VISIT_TR = r"ziyaret"
MEETING_TR = r"görüştü | görüşm | görüşe | bir araya gel | kabul et | kabul edil | müzakere"
VERBS_TR = r"görüş\w* | bir araya | ziyaret\w* | kabul et\w* | kabul edil\w*"
PLANNED_TR = (
    r"görüşecek | ziyaret edecek | bir araya gelecek | kabul edecek | kabul edilece | yarın | planlan | bekleniyor"
)
CANCELLED_TR = r"iptal | ertelen"
SAME_DAY_TR = r"bugün\b"
YESTERDAY_TR = r"dün\b"
TOMORROW_TR = r"yarın\b"
PERSON_VERBS_TR = "dedi | açıkladı | belirtti | söyledi | vurguladı | görüştü"
