"""The language an article is written in, for texts that do not say.

py3langid (a maintained fork of langid.py) is loaded on first use
only: the model takes a moment and most imports are curated JSON that states
its language.
"""

from __future__ import annotations

from functools import cache

# The first characters decide; classifying a long text letter by letter is slow and changes nothing.
SAMPLE_CHARS = 20_000
# py3langid tells regional varieties apart where the archive wants the language itself.
_MACROLANGUAGE = {"ary": "ar", "arz": "ar", "yue": "zh", "wuu": "zh", "uzs": "uz", "zxx": "und"}
# Serbian, Croatian and Bosnian share most of their words: in news-length Latin text py3langid
# picks among them almost at random (our own Serbian test sentence scores "bs"). The archive's
# extraction reads them with one set of rules, and its one choice for them is "sr".
_SERBO_CROATIAN = {"bs", "hr", "sr"}


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language of text ("en", "sr", "ar", ...); "und" when it has no words."""
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return "und"
    code, _ = _identifier().classify(sample)
    code = _MACROLANGUAGE.get(code, code)
    return "sr" if code in _SERBO_CROATIAN else code
