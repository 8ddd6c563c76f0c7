"""Organisations seeded into the archive, with the aliases the press uses."""

ORGANISATIONS: list[dict] = [
    {
        "name": "North Atlantic Treaty Organization",
        "acronym": "NATO",
        "aliases": ["North Atlantic Alliance", "Alliance", "НАТО"],
    },
    {"name": "Kosovo Force", "acronym": "KFOR", "aliases": ["NATO-led Kosovo Force", "КФОР"]},
    {"name": "European Union", "acronym": "EU", "aliases": ["EU", "Европска унија", "ЕУ"]},
    {"name": "United Nations", "acronym": "UN", "aliases": ["U.N.", "UN", "Уједињене нације", "УН"]},
    {
        "name": "UN Security Council",
        "acronym": "UNSC",
        "aliases": ["United Nations Security Council", "Security Council", "Савет безбедности"],
    },
    {
        "name": "Organization for Security and Co-operation in Europe",
        "acronym": "OSCE",
        "aliases": ["Organisation for Security and Co-operation in Europe", "ОЕБС"],
    },
    {"name": "Partnership for Peace", "acronym": "PfP", "aliases": ["Партнерство за мир"]},
    {"name": "Collective Security Treaty Organization", "acronym": "CSTO", "aliases": ["ОДКБ"]},
    {"name": "European Union Rule of Law Mission in Kosovo", "acronym": "EULEX", "aliases": ["ЕУЛЕКС"]},
    {"name": "United Nations Interim Administration Mission in Kosovo", "acronym": "UNMIK", "aliases": ["УНМИК"]},
    {"name": "African Union", "acronym": "AU", "aliases": []},
    {"name": "Association of Southeast Asian Nations", "acronym": "ASEAN", "aliases": []},
    {"name": "Shanghai Cooperation Organisation", "acronym": "SCO", "aliases": ["Shanghai Cooperation Organization"]},
    {"name": "Commonwealth of Independent States", "acronym": "CIS", "aliases": []},
    {"name": "European Defence Agency", "acronym": "EDA", "aliases": []},
    {"name": "Ohio National Guard", "acronym": "", "aliases": ["Ohio Guard"]},
    {
        "name": "Organisation of Islamic Cooperation",
        "acronym": "OIC",
        "aliases": ["Organization of Islamic Cooperation"],
    },
    {"name": "Black Sea Economic Cooperation", "acronym": "BSEC", "aliases": []},
    {"name": "Non-Aligned Movement", "acronym": "NAM", "aliases": ["Покрет несврстаних"]},
    {"name": "Southeast European Defence Ministerial", "acronym": "SEDM", "aliases": []},
    {"name": "U.S.-Adriatic Charter", "acronym": "A5", "aliases": ["Adriatic Charter"]},
]
