"""extract(): the whole pipeline from raw article text to proposed facts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from archive.core.text import fold

from .gazetteer import Gazetteer, capital_of, current, find_countries, find_organisations, using
from .language import detect_language, support
from .leaders import world_leaders
from .lexicon import GOVERNMENT_PUBLISHER
from .meetings import find_meetings
from .mentions import find_mentions
from .metadata import dateline_city, extract_metadata
from .people import Person, find_people
from .script import latin as to_latin
from .sentences import paragraphs, split_sentences
from .types import ArticleExtraction, CountryFact, Evidence, KnownPerson, OrganisationFact, PersonFact

_GOV = re.compile(GOVERNMENT_PUBLISHER, re.I)
_KIND_CONFIDENCE = {
    "name": 0.95,
    "official": 0.95,
    "alternative": 0.9,
    "former": 0.85,
    "native": 0.9,
    "demonym": 0.8,
    "capital": 0.75,
    "sr": 0.85,
}


def _institution_country(name: str) -> str | None:
    """The state an institution's name gives ("Ministarstvo odbrane Republike Srbije"): publishers recur."""
    return _institution_country_in(name, current())


@lru_cache(maxsize=1024)
def _institution_country_in(name: str, gazetteer: Gazetteer) -> str | None:
    hits = find_countries(name, "sr", gazetteer)
    return hits[0].key if hits else None


def _publisher_country(text: str, source: str | None, language: str, dateline) -> str | None:
    """A ministry or government speaks for its state: its officials default to that side."""
    gov = bool(source and _GOV.search(to_latin(source)))
    if gov and _institution_country(to_latin(source)):
        return _institution_country(to_latin(source))
    # "Press Information Bureau / Government of India / Ministry of Defence" above the headline, or
    # "DEPARTMENT OF NATIONAL DEFENSE" over "Republic of the Philippines"
    header = paragraphs("\n".join(text.split("\n", 12)[:12]))[:8]
    for i, line in enumerate(header):
        latin = to_latin(line)
        if len(latin.split()) > 10 or not _GOV.search(latin):
            continue
        state_line = [to_latin(n) for n in header[i + 1 : i + 2] if len(n.split()) <= 5]  # "Republic of Korea"
        for candidate in (latin, *state_line):
            if candidate.isupper():
                candidate = candidate.title()  # country names are found as they are usually written
            if _institution_country(candidate):
                return _institution_country(candidate)
    if gov and dateline[1] and fold(dateline[0]) == fold(capital_of(dateline[1])):
        return dateline[1]  # "Ministry of National Defence", datelined in Athens
    return "RS" if language == "sr" else None


def _merge_known(known_people: Iterable[KnownPerson]) -> tuple[KnownPerson, ...]:
    given = tuple(known_people)
    names = {k.name for k in given}
    return given + tuple(k for k in world_leaders() if k.name not in names)


def _fix_counterparts(people: list[Person], mentions: dict[int, list[Person]]) -> None:
    """ "his Serbian counterpart, X": X holds the same office as the person he met."""
    for p in people:
        if p.role.lower() != "counterpart":
            continue
        for group in mentions.values():
            if p in group:
                other = next((o for o in group if o is not p and o.role and o.role.lower() != "counterpart"), None)
                if other:
                    p.role = other.role
                    break


def extract(
    text: str, *, known_people: Iterable[KnownPerson] = (), filename: str = "", gazetteer: Gazetteer | None = None
) -> ArticleExtraction:
    """What `text` reports. `gazetteer`: the countries and organisations to look for (the import passes the
    database's); without one, the committed data."""
    with using(gazetteer):
        return _extract(text, known_people, filename)


def _extract(text: str, known_people: Iterable[KnownPerson], filename: str) -> ArticleExtraction:
    title, source, published, precision = extract_metadata(text)
    language = detect_language(text)
    sentences = split_sentences(text)
    known = _merge_known(known_people)
    dateline = dateline_city(text)
    default_country = _publisher_country(text, source, language, dateline)

    countries: dict[str, CountryFact] = {}
    organisations: dict[str, OrganisationFact] = {}
    for sent in sentences:
        sent.countries = find_countries(sent.latin, language)
        for hit in sent.countries:
            if hit.key not in countries:
                countries[hit.key] = CountryFact(hit.key, Evidence(sent.text, _KIND_CONFIDENCE.get(hit.kind, 0.7)))
        for hit in find_organisations(sent.latin, language):
            if hit.key not in organisations:
                organisations[hit.key] = OrganisationFact(hit.key, Evidence(sent.text, 0.9))

    if support(language) == "none":
        # No rules for this language: the countries its own names give, never people guessed from capitals.
        return ArticleExtraction(title, source, published, precision, language, list(countries.values()))

    people = find_people(sentences, language, default_country, known)
    mentions = find_mentions(sentences, people, known, language)
    for p in people:
        if p.known and not p.role:  # the article names no office: the one the person held on its date, if known
            p.role = p.known.role_on(published)
            p.country = p.country or p.known.country_on(published)
    _fix_counterparts(people, mentions)
    meetings = find_meetings(sentences, mentions, language, published, precision, dateline)

    person_facts = [
        PersonFact(p.name, p.role, p.country, sorted(p.surfaces - {p.name}), Evidence(p.sentence.text, p.confidence))
        for p in people
    ]
    for p in people:  # a person's side is a country the article refers to, even if only through them
        if p.country and p.country not in countries:
            countries[p.country] = CountryFact(p.country, Evidence(p.sentence.text, 0.6))
    return ArticleExtraction(
        title,
        source,
        published,
        precision,
        language,
        list(countries.values()),
        list(organisations.values()),
        person_facts,
        meetings,
    )
