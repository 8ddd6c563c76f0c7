"""extract(): the whole pipeline from raw article text to proposed facts."""

from __future__ import annotations

import re
from collections.abc import Iterable

from archive.core.text import to_latin

from .gazetteer import find_countries, find_organisations
from .leaders import world_leaders
from .lexicon import GOVERNMENT_PUBLISHER
from .meetings import find_meetings
from .mentions import find_mentions
from .metadata import dateline_city, extract_metadata
from .people import Person, find_people
from .sentences import detect_language, split_sentences
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


def _publisher_country(source: str | None, language: str) -> str | None:
    """A ministry or government speaks for its state: its officials default to that side."""
    if source and _GOV.search(to_latin(source)):
        hits = find_countries(to_latin(source), "sr")
        if hits:
            return hits[0].key
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


def extract(text: str, *, known_people: Iterable[KnownPerson] = (), filename: str = "") -> ArticleExtraction:
    title, source, published, precision = extract_metadata(text)
    language = detect_language(text)
    sentences = split_sentences(text)
    known = _merge_known(known_people)
    default_country = _publisher_country(source, language)

    countries: dict[str, CountryFact] = {}
    organisations: dict[str, OrganisationFact] = {}
    for sent in sentences:
        for hit in find_countries(sent.latin, language):
            if hit.key not in countries:
                countries[hit.key] = CountryFact(hit.key, Evidence(sent.text, _KIND_CONFIDENCE.get(hit.kind, 0.7)))
        for hit in find_organisations(sent.latin, language):
            if hit.key not in organisations:
                organisations[hit.key] = OrganisationFact(hit.key, Evidence(sent.text, 0.9))

    people = find_people(sentences, language, default_country, known)
    mentions = find_mentions(sentences, people, known, language)
    _fix_counterparts(people, mentions)
    meetings = find_meetings(sentences, mentions, language, published, precision, dateline_city(text))

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
