"""Serbian word lists, in Latin script: Cyrillic text is transliterated before matching."""

from __future__ import annotations


def _split(text: str) -> list[str]:
    return text.split()


# Role stems -> English role. Each word is a stem that takes any case ending ("ministra odbrane").
TITLES_SR: dict[str, str] = {
    "minist odbran": "Minister of Defence",
    "minist spoljn poslov": "Minister of Foreign Affairs",
    "pomoćni minist": "Assistant Minister",
    "minist": "Minister",
    "državn sekretar": "State Secretary",
    "predsedni vlad": "Prime Minister",
    "premijer": "Prime Minister",
    "predsedni": "President",
    "ambasador": "Ambassador",
    "otpravni poslov": "Chargé d'Affaires",
    "načelni generalštab": "Chief of General Staff",
    "načelni": "Head",
    "komandant": "Commander",
    "vojn izaslani": "Defence Attaché",
    "izaslani odbran": "Defence Attaché",
    "general-potpukovni": "Lieutenant General",
    "general-major": "Major General",
    "general-pukovni": "Colonel General",
    "brigadn general": "Brigadier General",
    "general": "General",
    "admiral": "Admiral",
    "potpukovni": "Lieutenant Colonel",
    "pukovni": "Colonel",
    "kapetan bojn brod": "Captain (Navy)",
    "kapetan": "Captain",
    "direktor": "Director",
    "visok predstavni": "High Representative",
    "specijaln predstavni": "Special Representative",
    "predstavni": "Representative",
    "šef misij": "Head of Mission",
    "šef delegacij": "Head of Delegation",
    "šef": "Head",
    "generaln sekretar": "Secretary General",
    "sekretar": "Secretary",
    "koleg": "counterpart",
}

# Men's first names ending in -a: their instrumental is "-om" ("Lukom"), so the nominative keeps the -a.
SR_A_NAMES = frozenset(
    _split(
        """
        luka nikola ilija andrija sava kosta toma jovica mustafa hamza musa isa jahja zakarija atila joshua
        mika pera žika sima nemanja mitja miha
        """
    )
)
# Men's first names ending in -o: "Markom", "Darkom" are "Marko", "Darko", not "Mark", "Dark".
SR_O_NAMES = frozenset(
    _split(
        """
        marko darko janko branko zdravko mirko slavko ranko žarko vlatko boško ratko stanko živko petko
        milenko dragoljubo radojko miljenko slobo đoko jovo vaso rajko sinišo ivo pero đuro
        """
    )
)

SR_CASE_ENDINGS = ("ovima", "ima", "oga", "om", "em", "u", "a", "e", "i", "og", "ov", "ovog", "ovom")

# Capitalised Serbian words that never belong to a person's name.
NON_NAME_WORDS_SR = {"vlada", "generalštab", "odbrane", "vojska", "ministarstvo", "srbije", "republike", "beograd"}

# Stems (folded: accent-free, lower case) of capitalised Serbian words that are never names, in any
# case form (stem + a case ending): words of official state names ("Narodne Republike Kine"), regions
# ("Zapadnog Balkana") and institutions ("Odeljenja za međunarodnu saradnju").
SR_NON_NAME_STEMS = tuple(
    _split(
        """
    narodn republik republic savezn kraljevin federacij federativn demokratsk socijalistick islamsk ujedinjen
    sjedinjen arapsk americk drzav kraljevstv emirat knezevin velik drzavn zapadn istocn severn sjevern juzn
    centraln balkan evrop
    evropsk odeljenj odjeljenj uprav sektor komand brigad bataljon divizij centar centr akademij ministarstv
    generalstab vojsk vojn savet savjet skupstin vlad agencij sluzb direkcij kabinet oruzan snag nacionaln
    medunarodn zajednic organizacij alijans misij operacij univerzitet institut fakultet skol
    """
    )
)
SR_STEM_ENDINGS = tuple(_split("a e i o u om em og oj im ih ima ama oga ome omu ega emu"))

# Stems taking case endings; lower-case adjectives included ("srpskog", "turski").
SR_COUNTRY_STEMS: dict[str, str] = {
    "Srbij": "RS",
    "srpsk": "RS",
    "Srpsk": "RS",
    "Beograd": "RS",
    "Tursk": "TR",
    "tursk": "TR",
    "Ankar": "TR",
    "Grčk": "GR",
    "grčk": "GR",
    "Atin": "GR",
    "Mađarsk": "HU",
    "mađarsk": "HU",
    "Budimpešt": "HU",
    "Egipt": "EG",
    "Egipat": "EG",
    "egipatsk": "EG",
    "Kair": "EG",
    "Sjedinjen Američk Držav": "US",
    "američk": "US",
    "Americ": "US",
    "Vašington": "US",
    "Rusij": "RU",
    "rusk": "RU",
    "Ruska Federacij": "RU",
    "Moskv": "RU",
    "Kin": "CN",
    "kinesk": "CN",
    "Peking": "CN",
    "Nemačk": "DE",
    "nemačk": "DE",
    "Berlin": "DE",
    "Francusk": "FR",
    "francusk": "FR",
    "Pariz": "FR",
    "Italij": "IT",
    "italijansk": "IT",
    "Rim": "IT",
    "Velik Britanij": "GB",
    "britansk": "GB",
    "London": "GB",
    "Hrvatsk": "HR",
    "hrvatsk": "HR",
    "Zagreb": "HR",
    "Crn Gor": "ME",
    "crnogorsk": "ME",
    "Podgoric": "ME",
    "Bosn i Hercegovin": "BA",
    "Bosn": "BA",
    "Hercegovin": "BA",
    "Sarajev": "BA",
    "Slovenij": "SI",
    "slovenačk": "SI",
    "Ljubljan": "SI",
    "Bugarsk": "BG",
    "bugarsk": "BG",
    "Sofij": "BG",
    "Rumunij": "RO",
    "rumunsk": "RO",
    "Bukurešt": "RO",
    "Albanij": "AL",
    "albansk": "AL",
    "Tiran": "AL",
    "Austrij": "AT",
    "austrijsk": "AT",
    "Beč": "AT",
    "Slovačk": "SK",
    "slovačk": "SK",
    "Ukrajin": "UA",
    "ukrajinsk": "UA",
    "Kijev": "UA",
    "Poljsk": "PL",
    "poljsk": "PL",
    "Varšav": "PL",
    "Azerbejdžan": "AZ",
    "azerbejdžansk": "AZ",
    "Indij": "IN",
    "indijsk": "IN",
    "Japan": "JP",
    "japansk": "JP",
    "Kipr": "CY",
    "Kipar": "CY",
    "kiparsk": "CY",
    "Izrael": "IL",
    "izraelsk": "IL",
    "Kosov": "XK",
    "Prištin": "XK",
    "Severn Makedonij": "MK",
    "makedonsk": "MK",
    "Makedonij": "MK",
    "Skopj": "MK",
    "Belorusij": "BY",
    "belorusk": "BY",
    "Kazahstan": "KZ",
    "Češk": "CZ",
    "češk": "CZ",
    "Španij": "ES",
    "špansk": "ES",
    "Ujedinjen Arapsk Emirat": "AE",
    "Norveşk": "NO",
    "Norvešk": "NO",
    "Švedsk": "SE",
    "Finsk": "FI",
    "Holandij": "NL",
    "Belgij": "BE",
    "Kanad": "CA",
    "Brazil": "BR",
    "Indonezij": "ID",
}
# Which of those stems are capitals: "u Beogradu" says where, not whose.
SR_CAPITAL_STEMS = frozenset(
    _split(
        """
        Beograd Ankar Atin Budimpešt Kair Vašington Moskv Peking Berlin Pariz Rim London Zagreb Podgoric Sarajev
        Ljubljan Sofij Bukurešt Tiran Beč Kijev Varšav Prištin Skopj
        """
    )
)
