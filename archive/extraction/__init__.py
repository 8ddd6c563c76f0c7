"""Proposes what an imported article reports: metadata, countries, organisations, people, meetings.

Plain Python (no Django), so it runs in tests and benchmarks without a database.
"""

from .gazetteer import Gazetteer
from .metadata import extract_metadata
from .pipeline import extract
from .types import (
    ArticleExtraction,
    CountryFact,
    Evidence,
    KnownPerson,
    KnownRole,
    MeetingFact,
    OrganisationFact,
    Participant,
    PersonFact,
)

__all__ = [
    "ArticleExtraction",
    "CountryFact",
    "Evidence",
    "Gazetteer",
    "KnownPerson",
    "KnownRole",
    "MeetingFact",
    "OrganisationFact",
    "Participant",
    "PersonFact",
    "extract",
    "extract_metadata",
]
