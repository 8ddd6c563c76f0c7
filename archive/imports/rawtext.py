"""Raw article text to an ArticleRecord, through the extraction module."""

from __future__ import annotations

from archive.core.countrydata import CountryRecord
from archive.core.models import Country, CountryAlias, Organisation, Person
from archive.core.text import content_hash
from archive.extraction import ArticleExtraction, Gazetteer, KnownPerson, KnownRole, extract

from .records import ArticleRecord, CountryRef, MeetingRef, OrganisationRef, ParticipantRef, PersonRef

# Bump when extraction improves: re-importing raw text then refreshes its unreviewed facts.
EXTRACTION_VERSION = "3"  # 3: page furniture, listed people, publisher states, more wordings


def known_people() -> list[KnownPerson]:
    """Everyone the archive knows, with every spelling and the offices they held when, so extraction reuses them.

    Roles go with their dates: extraction gives a known person the office held on the article's date, never
    today's office in an older article.
    """
    people = Person.objects.select_related("country").prefetch_related("names", "roles")
    known = []
    for person in people:
        variants = tuple(n.name for n in person.names.all() if n.name != person.name)
        roles = tuple(KnownRole(r.title, r.start, r.end, r.country_id) for r in person.roles.all())
        known.append(KnownPerson(name=person.name, variants=variants, country=person.country_id, roles=roles))
    return known


def gazetteer_from_db() -> Gazetteer:
    """The countries and organisations as curated in the database, with every alias, for extraction.

    Seeded from the same committed data extraction falls back on, so on a fresh database the two agree; a
    curator's change is read by the next import run.
    """
    records = {c.code: CountryRecord(c.code, c.name, c.official_name) for c in Country.objects.all()}
    for code, name, kind in CountryAlias.objects.values_list("country_id", "name", "kind"):
        records[code].aliases.setdefault(kind, set()).add(name)
    organisations = [
        {"name": org.name, "acronym": org.acronym, "aliases": sorted(a.name for a in org.aliases.all())}
        for org in Organisation.objects.prefetch_related("aliases")
    ]
    return Gazetteer(records.values(), organisations)


def record_from_text(
    text: str, *, filename: str = "", people: list[KnownPerson] | None = None, gazetteer: Gazetteer | None = None
) -> ArticleRecord:
    """`gazetteer`: the one of an import run, read once for all its files; read here when not given."""
    found = extract(
        text,
        known_people=known_people() if people is None else people,
        filename=filename,
        gazetteer=gazetteer_from_db() if gazetteer is None else gazetteer,
    )
    return record_from_extraction(found, text)


def record_from_extraction(found: ArticleExtraction, text: str) -> ArticleRecord:
    def fact(evidence) -> dict:
        return {"evidence": evidence.sentence, "confidence": round(evidence.confidence, 3)}

    return ArticleRecord(
        title=found.title or text.strip().splitlines()[0][:200],
        body=text,
        source=found.source,
        published=found.published,
        published_precision=found.published_precision if found.published else "unknown",
        language=found.language,  # the one detector, already run by extraction
        derived_from=f"raw-text:{EXTRACTION_VERSION}:{content_hash(text)}",
        countries=[CountryRef(code=c.code, **fact(c.evidence)) for c in found.countries],
        organisations=[OrganisationRef(name=o.name, **fact(o.evidence)) for o in found.organisations],
        people=[
            PersonRef(name=p.name, variants=list(p.variants), country=p.country, role=p.role or "", **fact(p.evidence))
            for p in found.people
        ],
        meetings=[
            MeetingRef(
                kind=m.kind,
                status=m.status,
                date=m.date,
                date_precision=m.date_precision if m.date else "unknown",
                city=m.location,
                country=m.location_country,
                host_country=m.host_country,
                summary=m.summary,
                participants=[
                    ParticipantRef(name=p.name, role=p.role or "", country=p.country, side=p.side)
                    for p in m.participants
                ],
                **fact(m.evidence),
            )
            for m in found.meetings
        ],
    )
