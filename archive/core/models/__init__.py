from .articles import Article, ArticleCountry, ArticleOrganisation, ArticlePerson, Source, language_code
from .base import DatePrecision, Extracted, ReviewStatus
from .meetings import Meeting, Participation
from .people import Person, PersonName, PersonRole
from .places import Country, CountryAlias, Organisation, OrganisationAlias

__all__ = [
    "Article",
    "ArticleCountry",
    "ArticleOrganisation",
    "ArticlePerson",
    "Country",
    "CountryAlias",
    "DatePrecision",
    "Extracted",
    "Meeting",
    "Organisation",
    "OrganisationAlias",
    "Participation",
    "Person",
    "PersonName",
    "PersonRole",
    "ReviewStatus",
    "Source",
    "language_code",
]
