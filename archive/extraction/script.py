"""Cyrillic to Latin for Serbian and Russian text: extraction's rules and names are written in Latin.

Serbian Cyrillic maps letter for letter onto Serbian Latin (Вучић -> Vučić). Russian letters Serbian does not
have follow the same convention (й -> j, я -> ja, щ -> šč), so one table serves both and a Russian "Шойгу"
meets a Serbian "Шојгу" as "Šojgu".
"""

from __future__ import annotations

import re

_LOWER = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z", "и": "i", "ј": "j",
    "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
    "й": "j", "ы": "y", "э": "e", "ю": "ju", "я": "ja", "щ": "šč", "ъ": "", "ь": "", "ё": "e",
    "і": "i", "ї": "ji", "є": "je", "ґ": "g", "ѓ": "ǵ", "ќ": "ḱ", "ѕ": "dz",
}  # fmt: skip
_TABLE = str.maketrans(
    {**_LOWER, **{k.upper(): v[:1].upper() + v[1:] for k, v in _LOWER.items() if v}, "Ъ": "", "Ь": ""}
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def latin(text: str) -> str:
    """Serbian or Russian Cyrillic in Latin letters; Latin text unchanged."""
    return text.translate(_TABLE) if _CYRILLIC.search(text) else text
