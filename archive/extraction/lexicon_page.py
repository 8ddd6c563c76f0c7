"""What a news page carries besides its article: publishers' names, site furniture, lists of other stories.

Data only, like lexicon.py (which re-exports these): matched on the page's lines in Latin letters.
"""

from __future__ import annotations


def items(text: str) -> list[str]:
    """Entries separated by "|"; line breaks inside an entry are just spaces."""
    return [" ".join(t.split()) for t in text.split("|") if t.strip()]


KNOWN_PUBLISHERS = items(
    """
    Anadolu Agency | Reuters | Associated Press | Agence France-Presse | AFP | BBC News | Al Jazeera | TASS |
    RIA Novosti | Xinhua | Tanjug | Beta | RTS | N1 | Politika | Daily Sabah | Hurriyet Daily News | Euronews |
    Defense News | Breaking Defense | Balkan Insight | Kathimerini | ekathimerini | Ahram Online | Hungary Today
    | Daily News Egypt | Sputnik | Radio Free Europe | Politico | Army Recognition | Janes | Naval News | TRT
    World | Deutsche Welle | DW | CNN | Kyiv Independent | Greek City Times | Egypt Independent | About Hungary
    | Serbian Monitor | Kosovo Online | Prishtina Insight | European Western Balkans | Balkan Defence Monitor
    """
)
# Header words that make a short line a publisher name.
PUBLISHER_WORDS = "|".join(
    items(
        r"""
        Agency | Ministry | Ministarstvo | News | Times | Post | Herald | Gazette | Tribune | Daily | Press
        | Journal | Monitor | Insight | Television | Radio | Broadcasting | Telegraph | Observer | Chronicle
        | Review | Today | Online | Government | Embassy | Department of Defense | Department of Defence
        | Department of State | Bureau | General Staff | Armed Forces | Public Relations
        """
    )
)
# Publishers speaking for a state: their unnamed officials belong to that state.
GOVERNMENT_PUBLISHER = (
    "Ministry|Ministarstvo|Government|Vlada|Embassy|Ambasada|Armed Forces|Vojska|General Staff|"
    "Department of Defen[cs]e|Department of National Defen[cs]e|Department of State|Pentagon|Press Information Bureau|"
    r"GOV\.UK"
)
# Header lines that are site furniture, not a title.
BOILERPLATE_LINES = "|".join(
    items(
        r"""
        contact( us)? | subscribe | sign (in|up) | log ?in | register | menu | home | search | share( this)?
        | print | email | follow us | keep reading | read more | related | related articles | related news
        | leave a reply |
        advertisement | cookies? | skip to (main )?content | newsletter | about us | privacy policy | terms
        of use | photo | video | gallery | news | world | politics | europe | defen[cs]e | latest | top
        stories | breaking news | opinion | analysis | press release | saopštenje | saopštenje za javnost
        | mp4.* | jpe?g.* | вести | vesti | naslovna | pretraga
        | kontakt | english | српски | srpski
        """
    )
)

# Headers of the lists a news page puts around its article (other stories, tags): the lines under them
# name people and countries the article does not report on. Matched on the whole line, lower-cased Latin.
FURNITURE_HEADERS = "|".join(
    items(
        r"""
        related(?: news| articles?| stories| content| posts| reading)? | related topics | most read | most
        popular | most viewed | popular | trending(?: now)? | read next | read also | also read | read more |
        see also | you (?:may|might) also like | recommended(?: for you)? | more (?:in|from)\b.* | more news |
        more stories | other news | in other news | latest(?: news| stories)? | top stories | editor'?s picks
        | povezane vesti | povezano | vezane vesti | najčitanije | najnovije(?: vesti)? | preporučujemo |
        pročitajte (?:još|i ovo|takođe) | ostale vesti | još vesti | još iz rubrike | izdvajamo | ne propustite
        | čitajte (?:takže|tože) | populjarnoe | drugie novosti | poslednie novosti | smotrite takže |
        ilgili haberler | benzer haberler | çok okunanlar | diğer haberler | son haberler
        | à lire aussi | lire aussi | sur le même sujet | kapcsolódó cikkek
        """
    )
)
# A line of tags or topics ("Tags: KFOR, Kosovo"): keywords, not prose.
TAG_LINE = r"^(?:tags?|tagovi|teme|oznake|topics|keywords|etiketler|tegi)\s*:"
