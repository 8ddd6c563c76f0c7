"""Reference data for countries: ISO codes, names and the aliases people write.

pycountry supplies the ISO 3166-1 list, countryinfo the capitals, demonyms and
alternative spellings. What neither knows (Kosovo, former names, the ways the
Balkan press writes names) is added in SUPPLEMENT. Extraction and search both
read from here, so a name added once is found everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import pycountry
from countryinfo import CountryInfo

ALIAS_KINDS = ("name", "official", "former", "alternative", "demonym", "capital", "native")


@dataclass
class CountryRecord:
    code: str
    name: str
    official_name: str = ""
    aliases: dict[str, set[str]] = field(default_factory=dict)

    def add(self, kind: str, value: str | None) -> None:
        value = (value or "").strip()
        if value and value != self.name and len(value) > 2:
            self.aliases.setdefault(kind, set()).add(value)

    def all_names(self) -> list[tuple[str, str]]:
        return [(kind, v) for kind in sorted(self.aliases) for v in sorted(self.aliases[kind])]


# Things the libraries do not carry, or carry in a form the press no longer uses.
SUPPLEMENT: dict[str, dict] = {
    "XK": {
        "name": "Kosovo",
        "official": "Republic of Kosovo",
        "demonym": ["Kosovar", "Kosovan"],
        "capital": ["Pristina", "Prishtina", "Priština", "Prishtinë"],
        "alternative": ["Kosovo and Metohija", "Kosovo i Metohija", "Kosova"],
        "native": ["Косово", "Kosova"],
    },
    "TR": {
        "alternative": ["Turkey", "Turkiye", "Türkiye", "Republic of Türkiye", "Republic of Turkey"],
        "former": ["Turkey"],
        "native": ["Турска"],
    },
    "MK": {
        "former": ["FYROM", "Former Yugoslav Republic of Macedonia", "Macedonia", "Republic of Macedonia"],
        "native": ["Северна Македонија"],
    },
    "CZ": {"alternative": ["Czechia", "Czech Republic"]},
    "RS": {"native": ["Србија", "Република Србија"], "capital": ["Београд"]},
    "US": {
        "alternative": ["United States", "USA", "U.S.", "U.S.A.", "America"],
        "capital": ["Washington"],
    },
    "GB": {"alternative": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"], "demonym": ["British"]},
    "RU": {"alternative": ["Russia"], "native": ["Русија", "Россия"]},
    "KR": {"alternative": ["South Korea"], "demonym": ["South Korean"]},
    "KP": {"alternative": ["North Korea"], "demonym": ["North Korean"]},
    "CN": {"alternative": ["China"], "demonym": ["Chinese"]},
    "IR": {"alternative": ["Iran"]},
    "SY": {"alternative": ["Syria"]},
    "VN": {"alternative": ["Vietnam"]},
    "BO": {"alternative": ["Bolivia"]},
    "VE": {"alternative": ["Venezuela"]},
    "TZ": {"alternative": ["Tanzania"]},
    "MD": {"alternative": ["Moldova"], "native": ["Молдавија"]},
    "BA": {"alternative": ["Bosnia and Herzegovina", "Bosnia", "BiH"], "native": ["Босна и Херцеговина"]},
    "ME": {"native": ["Црна Гора"]},
    "HR": {"native": ["Хрватска"]},
    "HU": {"native": ["Мађарска"]},
    "GR": {"native": ["Грчка", "Хеленска Република"]},
    "CY": {"native": ["Кипар"]},
    "DE": {"native": ["Немачка"]},
    "FR": {"native": ["Француска"]},
    "IT": {"native": ["Италија"]},
    "BG": {"native": ["Бугарска"]},
    "RO": {"native": ["Румунија"]},
    "AL": {"native": ["Албанија"]},
    "SI": {"native": ["Словенија"]},
    "AT": {"native": ["Аустрија"]},
    "SK": {"native": ["Словачка"]},
    "UA": {"native": ["Украјина"]},
    "PL": {"native": ["Пољска"]},
    "AZ": {"native": ["Азербејџан"]},
    "EG": {"native": ["Египат"]},
    "AE": {"alternative": ["UAE", "Emirates"], "native": ["Уједињени Арапски Емирати"]},
    "IN": {"native": ["Индија"]},
    "JP": {"native": ["Јапан"]},
}


def _countryinfo(code: str) -> dict:
    try:
        return CountryInfo(code).info() or {}
    except Exception:  # countryinfo lacks a few codes; the supplement covers what matters
        return {}


@cache
def country_records() -> dict[str, CountryRecord]:
    """Every ISO 3166-1 country plus Kosovo, keyed by alpha-2 code."""
    records: dict[str, CountryRecord] = {}
    for c in pycountry.countries:
        rec = CountryRecord(code=c.alpha_2, name=c.name, official_name=getattr(c, "official_name", ""))
        rec.add("official", rec.official_name)
        rec.add("alternative", getattr(c, "common_name", ""))
        info = _countryinfo(c.alpha_2)
        rec.add("name", info.get("name"))
        rec.add("demonym", info.get("demonym"))
        capital = info.get("capital")
        rec.add("capital", capital)
        if capital and capital.endswith(" D.C."):
            rec.add("capital", capital.removesuffix(" D.C."))
        rec.add("native", info.get("nativeName"))
        for spelling in info.get("altSpellings") or []:
            if spelling.upper() not in (c.alpha_2, c.alpha_3):
                rec.add("alternative", spelling)
        records[rec.code] = rec
    for code, extra in SUPPLEMENT.items():
        rec = records.get(code)
        if rec is None:
            rec = records[code] = CountryRecord(code=code, name=extra["name"], official_name=extra.get("official", ""))
            rec.add("official", rec.official_name)
        for kind in ALIAS_KINDS:
            for value in extra.get(kind, []):
                rec.add(kind, value)
    # A short common name reads better than "Türkiye" vs "Turkey" debates or "Korea, Republic of".
    for code, rec in records.items():
        common = getattr(pycountry.countries.get(alpha_2=code), "common_name", None)
        if common and "," in rec.name:
            rec.add("official", rec.name)
            rec.name = common
    return records
