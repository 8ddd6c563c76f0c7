"""A short list of well-known leaders, used only as a fallback source of known people.

The importer passes the people already in the database; these fill in when it
has none, so a bare surname ("Erdogan said") still resolves. Keep it to heads of
state/government, defence ministers and alliance heads widely reported in the
region, and keep variants to spellings the press actually uses.
"""

from __future__ import annotations

from functools import cache

from .types import KnownPerson

_LEADERS = [
    ("Recep Tayyip Erdoğan", ("Erdogan", "Erdoğan", "Ердоган"), "TR", "President"),
    ("Aleksandar Vučić", ("Vucic", "Vučić", "Вучић"), "RS", "President"),
    ("Vladimir Putin", ("Putin", "Путин"), "RU", "President"),
    ("Volodymyr Zelensky", ("Zelensky", "Zelenskyy", "Zelenski", "Зеленски"), "UA", "President"),
    ("Joe Biden", ("Biden", "Бајден"), "US", "President"),
    ("Donald Trump", ("Trump", "Трамп"), "US", "President"),
    ("Xi Jinping", ("Xi", "Си Ђинпинг"), "CN", "President"),
    ("Emmanuel Macron", ("Macron", "Макрон"), "FR", "President"),
    ("Olaf Scholz", ("Scholz", "Шолц"), "DE", "Chancellor"),
    ("Viktor Orbán", ("Orban", "Orbán", "Орбан"), "HU", "Prime Minister"),
    ("Kyriakos Mitsotakis", ("Mitsotakis", "Мицотакис"), "GR", "Prime Minister"),
    ("Abdel Fattah el-Sisi", ("Sisi", "el-Sisi", "al-Sisi", "Сиси"), "EG", "President"),
    ("Giorgia Meloni", ("Meloni", "Мелони"), "IT", "Prime Minister"),
    ("Narendra Modi", ("Modi", "Моди"), "IN", "Prime Minister"),
    ("Ilham Aliyev", ("Aliyev", "Алијев"), "AZ", "President"),
    ("Jens Stoltenberg", ("Stoltenberg", "Столтенберг"), None, "NATO Secretary General"),
    ("Mark Rutte", ("Rutte", "Руте"), None, "NATO Secretary General"),
    ("Milorad Dodik", ("Dodik", "Додик"), "BA", "President of Republika Srpska"),
    ("Hulusi Akar", ("Akar", "Акар"), "TR", "Minister of Defence"),
    ("Sergei Shoigu", ("Shoigu", "Шојгу"), "RU", "Minister of Defence"),
    ("Lloyd Austin", (), "US", "Secretary of Defense"),
    ("Hakan Fidan", ("Fidan", "Фидан"), "TR", "Minister of Foreign Affairs"),
    ("Sergey Lavrov", ("Lavrov", "Sergei Lavrov", "Лавров"), "RU", "Minister of Foreign Affairs"),
    ("Benjamin Netanyahu", ("Netanyahu", "Нетанјаху"), "IL", "Prime Minister"),
    ("Ursula von der Leyen", ("von der Leyen", "фон дер Лајен"), None, "President of the European Commission"),
    ("Antony Blinken", ("Blinken", "Блинкен"), "US", "Secretary of State"),
    ("Keir Starmer", ("Starmer", "Стармер"), "GB", "Prime Minister"),
    ("Rishi Sunak", ("Sunak", "Сунак"), "GB", "Prime Minister"),
    ("Yaşar Güler", ("Guler", "Güler", "Гулер"), "TR", "Minister of Defence"),
    ("Boris Pistorius", ("Pistorius", "Писторијус"), "DE", "Minister of Defence"),
    ("Andrei Belousov", ("Belousov", "Andrey Belousov", "Белоусов"), "RU", "Minister of Defence"),
    ("Pete Hegseth", ("Hegseth", "Хегсет"), "US", "Secretary of Defense"),
    ("Dmitry Medvedev", ("Medvedev", "Медведев"), "RU", "Deputy Chairman of the Security Council"),
]


@cache
def world_leaders() -> tuple[KnownPerson, ...]:
    return tuple(KnownPerson(name=n, variants=v, country=c, role=r) for n, v, c, r in _LEADERS)
