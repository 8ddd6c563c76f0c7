"""Declined names: one person however a sentence declines their name, and spellings across scripts.

Serbian and Russian put case endings on names ("Лаврову", "Šolcom", "Makrona", "Белоусовым"); Turkish writes
them after an apostrophe ("Erdoğan'ın"). Two forms are one name when one is the other plus a case ending
(after the nominative's final vowel: "Ana" -> "Anom"), when both drop an ending to the same stem ("Kovalenku",
"Kovalenkom"), or when the Snowball stemmer for the language gives them one stem. The nominative is the form
the article writes that every other form derives from; grammar gives it back only when the article never
writes it.

A foreign name written the Serbian way ("Лојд Остин") is linked to a known person's usual spelling ("Lloyd
Austin") by its consonant skeleton: what is left of a name once vowels, doubled letters and the letters
the two spellings render differently are set aside.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import snowballstemmer

from archive.core.text import fold as _fold

from .script import latin

# Case endings of names, in Latin letters (Russian transliterated: я -> ja, ю -> ju, й -> j), longest first.
_ENDINGS = {
    "sr": "ovima evima ijem ima ama oga ome omu ega emu om em im oj og ja ju je ji u a e i o",
    "ru": "ogo ego omu emu ym im oj ej om em uju ja ju u a e y i",
}
ENDINGS = {lang: tuple(sorted(text.split(), key=len, reverse=True)) for lang, text in _ENDINGS.items()}
INFLECTING = frozenset(ENDINGS)
_CONSONANT_ENDINGS = {lang: [e for e in endings if e[-1] not in "aeiouy"] for lang, endings in ENDINGS.items()}
_STEMMERS = {"sr": "serbian", "ru": "russian", "tr": "turkish"}
_VOWELS = "aeiouy"
_MIN_STEM = 2


def fold(text: str) -> str:
    return _fold(latin(text))  # Russian letters too: "Белоусовым" -> "belousovym"


@cache
def _stemmer(language: str):
    name = _STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=65536)
def stem(word: str, language: str) -> str:
    """Snowball's stem of a common word (titles, country names), lower case; the word itself without one."""
    stemmer = _stemmer(language)
    lower = word.replace("İ", "i").replace("I", "ı").lower() if language == "tr" else word.lower()
    return stemmer.stemWord(lower) if stemmer else lower


def bare(token: str) -> str:
    """A Turkish name without the suffix after its apostrophe: "Güler'in" -> "Güler"."""
    return re.split(r"['’]", token, maxsplit=1)[0] if re.search(r"\w['’]\w", token) else token


@lru_cache(maxsize=65536)
def key(token: str, language: str) -> str:
    """The folded form without its case ending: "Kovalenkom" and "Kovalenku" share "kovalenk"."""
    f = fold(bare(token)).replace(" ", "")
    for e in ENDINGS.get(language, ()):
        if f.endswith(e) and len(f) - len(e) >= _MIN_STEM:
            return f[: -len(e)]
    return f


def derives(base: str, form: str, language: str) -> bool:
    """Whether `form` is `base` with a case ending, after the final vowel of `base` if it has one."""
    for e in ENDINGS.get(language, ()):
        if form == base + e or (base[-1:] in _VOWELS and form == base[:-1] + e):
            return True
    return base[-1:] == "j" and form == base[:-1] + "em"  # Russian "Сергей" -> "Сергеем"


@lru_cache(maxsize=65536)
def same_name(a: str, b: str, language: str) -> bool:
    """Whether two written forms are one name declined: "Lavrov" / "Лаврову", "Ana" / "Anom"."""
    fa, fb = fold(bare(a)), fold(bare(b))
    if fa == fb:
        return True
    if language not in INFLECTING or fa[:1] != fb[:1]:
        return False
    if key(a, language) == key(b, language) or derives(fa, fb, language) or derives(fb, fa, language):
        return True
    stemmer = _stemmer(language)
    return bool(stemmer) and min(len(fa), len(fb)) > 4 and stem(fa, language) == stem(fb, language)


def nominative(forms: list[str], language: str) -> str | None:
    """The form every other written form derives from ("Lavrov" of "Lavrovu", "Lavrovom"), when the article
    shows it is the nominative: it ends in a consonant or in -o, or the other forms keep its final vowel
    ("Papandreu", "Papandreuom"), or decline it as only a woman's name declines ("Ana", "Ani"). Otherwise None:
    "Maji" and "Majom" could be Maja's or Maj's, and the title before the name decides."""
    folded = {f: fold(bare(f)) for f in forms}
    values = set(folded.values())

    def shown(base: str) -> bool:
        last, others = base[-1:], values - {base}
        if last not in _VOWELS:  # but not an instrumental or genitive ending: "Lavrovom", "Dimovskog"
            return not any(base.endswith(e) and len(base) - len(e) >= _MIN_STEM for e in _CONSONANT_ENDINGS[language])
        if last == "o":
            return True
        if last == "a":
            return any(o in (base[:-1] + "e", base[:-1] + "i", base[:-1] + "oj") for o in others)
        return any(o.startswith(base) and o != base for o in others)

    bases = [f for f in forms if all(v == folded[f] or derives(folded[f], v, language) for v in values)]
    bases = [f for f in bases if shown(folded[f])]
    return min(bases, key=len) if bases else None


# Letters two spellings of one foreign name write differently ("Macron" / "Makron", "Scholz" / "Šolc",
# "Austin" / "Ostin"): folded to one class, vowels and glides dropped, doubles collapsed.
_DIGRAPHS = [("sch", "s"), ("ch", "c"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("ts", "c"), ("dz", "j")]
_CLASSES = str.maketrans({"c": "k", "q": "k", "s": "k", "z": "k", "x": "k", "w": "v", "y": "j"})


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """ "Lloyd Austin" and "Lojd Ostin" both give "ld ktn"."""
    words = []
    for word in fold(name).split():
        for a, b in _DIGRAPHS:
            word = word.replace(a, b)
        word = re.sub(r"[aeiouhj]", "", word.translate(_CLASSES))
        words.append(re.sub(r"(.)\1+", r"\1", word))
    return " ".join(words)


# Russian names after a declined title: instrumental ("ministrom ... Jašarom Gjulerom") and genitive
# ("ministra ... Sergeja Šojgu"). Endings that could be a nominative's own are left: "Šojgu" does not decline.
_RU_CASES = {
    "om": (("ovym", "ov"), ("evym", "ev"), ("inym", "in"), ("skim", "skij"), ("iem", "ij"), ("eem", "ej"),
           ("aem", "aj"), ("om", ""), ("em", "")),
    "a": (("skogo", "skij"), ("ova", "ov"), ("eva", "ev"), ("ina", "in"), ("eja", "ej"), ("aja", "aj"), ("a", "")),
}  # fmt: skip
_RU_CASES["em"] = _RU_CASES["oj"] = _RU_CASES["om"]  # "kollegoj" (a colleague, instrumental) takes a man's "-om" name


def ru_denominative(tokens: list[str], title_ending: str) -> list[str]:
    """Undo the case a Russian title puts on the name after it: "Jašarom Gjulerom" -> "Jašar Gjuler"."""
    out = []
    for tok in tokens:
        for ending, nominative_ending in _RU_CASES.get(title_ending, ()):
            stem_ = tok[: -len(ending)]
            if tok.endswith(ending) and len(stem_) >= 3 and (nominative_ending or stem_[-1] not in _VOWELS + "j"):
                tok = stem_ + nominative_ending
                break
        out.append(tok)
    return out
