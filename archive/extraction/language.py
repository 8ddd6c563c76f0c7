"""The language an article is written in: one detector for the import and for extraction.

py3langid (a maintained fork of langid.py) decides, loaded on first use: the model takes a moment.
Two script rules settle what it cannot. Serbian, Croatian and Bosnian share most of their words, and in
news-length Latin text it picks among them almost at random; the archive reads them with one set of rules,
as "sr". Letters only Serbian and its neighbours write (ђ ћ in Cyrillic, đ ć beside č š ž in Latin) make a
text read as Macedonian, Bulgarian, Slovenian or Czech Serbian after all.
"""

from __future__ import annotations

import math
import re
from functools import cache

# The first characters decide; classifying a long text letter by letter is slow and changes nothing.
SAMPLE_CHARS = 2_000
# Languages extraction reads fully, and those where it finds people and meetings with common wordings only.
SUPPORTED = {"en": "full", "sr": "full", "ru": "partial", "tr": "partial"}
# py3langid tells regional varieties apart where the archive wants the language itself; its historical and
# creole varieties are read as the language the press writes them in (short English dense with names scores
# as Nigerian Pidgin, modern Greek headlines as Ancient Greek).
_MACROLANGUAGE = {
    "ary": "ar", "arz": "ar", "yue": "zh", "wuu": "zh", "uzs": "uz", "zxx": "und",
    "pcm": "en", "gcf": "fr", "gcr": "fr", "hbo": "he", "grc": "el",
}  # fmt: skip
_SERBO_CROATIAN = {"bs", "hr", "sr"}
# A language extraction reads wins a close call: at least this share of the likelihood of the top few.
_CLOSE_CALL = 0.2
_CYRILLIC_NEIGHBOURS = {"mk", "bg", "ru", "uk"}
_LATIN_NEIGHBOURS = {"sl", "cs", "sk", "pl"}
_SERBIAN_CYRILLIC = re.compile(r"[ђћЂЋ]")
_SERBIAN_LATIN = re.compile(r"[đćĐĆ]")
_SOUTH_SLAVIC_LATIN = re.compile(r"[čšžČŠŽ]")
_LETTER = re.compile(r"[^\W\d_]")
# Serbian writes ć and đ in everyday words ("će", "već", "među"); a Slovenian article quoting "Vučić" does not.
_SERBIAN_LATIN_SHARE = 0.004


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language of text ("en", "sr", "ar", ...); "und" when it has no words."""
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return "und"
    code = _best(sample)
    if code in _CYRILLIC_NEIGHBOURS and _SERBIAN_CYRILLIC.search(sample):
        return "sr"
    if code in _LATIN_NEIGHBOURS and _SOUTH_SLAVIC_LATIN.search(sample):
        share = len(_SERBIAN_LATIN.findall(sample)) / (len(_LETTER.findall(sample)) or 1)
        return "sr" if share >= _SERBIAN_LATIN_SHARE else code
    return code


def _best(sample: str) -> str:
    """py3langid's choice among its top few, varieties counted with their language; a language extraction
    reads wins a close call."""
    ranked = _identifier().rank(sample)
    top = ranked[0][1]
    weights = {}
    for code, score in ranked[:8]:
        code = "sr" if code in _SERBO_CROATIAN else _MACROLANGUAGE.get(code, code)
        weights[code] = weights.get(code, 0.0) + math.exp(max(score - top, -50.0))
    total = sum(weights.values())
    best = max(weights, key=weights.get)
    read = [c for c in weights if c in SUPPORTED and weights[c] / total >= _CLOSE_CALL]
    return best if best in SUPPORTED or not read else max(read, key=weights.get)


def support(language: str) -> str:
    """ "full", "partial" or "none": how much extraction reads in this language."""
    return SUPPORTED.get(language, "none")
