"""Query-string values of the API: the fields that read them and the one error for those that cannot be used.

Integers go through the archive's `parse_int` (ASCII digits, bounded), as on the HTML pages. A value
that cannot be used is a 400 whose message names it, never a 500 and never silently dropped: a
program asking for something the archive cannot answer should learn so.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import APIException

from archive.core.converters import COUNTRY_CODE, MAX_PK, SLUG, parse_int
from archive.core.models import Country, Meeting, Person, Source
from archive.core.models.articles import language_choices
from search import query as search_query


class BadParameters(APIException):
    status_code = 400
    default_code = "bad_parameters"

    def __init__(self, messages):
        super().__init__(" ".join(messages))


def validated(filters_class, query) -> dict:
    """The query string read by a serializer of filters, or BadParameters naming each unusable value."""
    filters = filters_class(data=query)
    if not filters.is_valid():
        raise BadParameters(f"{name}: {' '.join(map(str, errors))}" for name, errors in filters.errors.items())
    return filters.validated_data


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_PK})
class PkField(serializers.Field):
    """An id: ASCII digits, 1 to the largest key."""

    default_error_messages = {"invalid": "not an id (a whole number from 1)."}

    def to_internal_value(self, data):
        number = parse_int(str(data), 1, MAX_PK)
        if number is None:
            self.fail("invalid")
        return number

    def to_representation(self, value):
        return value


def country_field(help_text):
    return serializers.RegexField(f"^{COUNTRY_CODE}$", required=False, help_text=help_text)


def slug_field(help_text):
    return serializers.RegexField(f"^{SLUG}$", required=False, help_text=help_text)


def existing_country(code: str) -> Country:
    country = Country.objects.filter(code=code.upper()).first()
    if country is None:
        raise serializers.ValidationError("no such country.")
    return country


class ArticleFilters(serializers.Serializer):
    country = country_field("ISO 3166-1 alpha-2 code, e.g. RS: articles mentioning that country.")
    person = PkField(required=False, help_text="A person's id: articles mentioning them.")
    source = slug_field("A source's slug, e.g. tanjug: articles it published.")
    published_after = serializers.DateField(
        required=False, help_text="Articles published on or after this day (YYYY-MM-DD); undated ones are left out."
    )
    published_before = serializers.DateField(
        required=False, help_text="Articles published on or before this day (YYYY-MM-DD); undated ones are left out."
    )
    language = serializers.ChoiceField(
        choices=[code for code, _ in language_choices()],
        required=False,
        help_text="ISO 639-1 code of the article's language, e.g. sr; und for undetermined.",
    )

    def validate_country(self, value):
        return existing_country(value)

    def validate_person(self, value):
        person = Person.objects.filter(pk=value).first()
        if person is None:
            raise serializers.ValidationError("no such person.")
        return person

    def validate_source(self, value):
        source = Source.objects.filter(slug=value).first()
        if source is None:
            raise serializers.ValidationError("no such source.")
        return source


class PersonFilters(serializers.Serializer):
    country = country_field("ISO 3166-1 alpha-2 code: people serving or from that country.")
    name = serializers.CharField(
        required=False, max_length=100, help_text="Part of a name in any spelling or script: Vucic finds Vučić."
    )

    def validate_country(self, value):
        return existing_country(value)


def page_size(request, default: int, maximum: int) -> int:
    value = request.query_params.get("page_size", "")
    if not value:
        return default
    size = parse_int(value, 1, maximum)
    if size is None:
        raise BadParameters([f"page_size: a whole number from 1 to {maximum}."])
    return size


def _query(name, schema, description, many=False):
    if many:
        schema = {"type": "array", "items": schema, "maxItems": 20}
    explode = True if many else None  # repeated: country=RS&country=TR
    return OpenApiParameter(
        name, type=schema, location=OpenApiParameter.QUERY, description=description, explode=explode
    )


MAX_SEARCH_PAGE_SIZE = 100
_CODE = {"type": "string", "pattern": f"^{COUNTRY_CODE}$"}
_PK = {"type": "integer", "minimum": 1, "maximum": MAX_PK}
_SLUG = {"type": "string", "pattern": f"^{SLUG}$"}
_DAY = {"type": "string", "format": "date"}
_SWITCH = {"type": "string", "enum": ["1"]}

# What `archive.core.meeting_filters.parse` reads (the meetings list page's parser), described for the schema.
MEETING_FILTERS = [
    _query("country", _CODE, "ISO code; meetings involving any of these countries (a participant or the host).", True),
    _query("pair", {"type": "string", "pattern": f"^{COUNTRY_CODE}-{COUNTRY_CODE}$"}, "Two codes, e.g. RS-TR."),
    _query("person", _PK, "A person's id; meetings every one of these people attended (two: the pair's).", True),
    _query("organisation", _SLUG, "An organisation's slug: a participant held a role there at the time."),
    _query("kind", {"type": "string", "enum": Meeting.Kind.values}, "Kinds of meeting (any of them).", True),
    _query("status", {"type": "string", "enum": Meeting.Status.values}, "Statuses (any of them).", True),
    _query("year", {"type": "integer", "minimum": 1, "maximum": 9999}, "Meetings in this year."),
    _query("from", _DAY, "Meetings on or after this day (YYYY-MM-DD)."),
    _query("to", _DAY, "Meetings on or before this day (YYYY-MM-DD)."),
    _query("undated", _SWITCH, "1: only meetings with no known date (not with year, from or to)."),
    _query("verified", _SWITCH, "1: only meetings and participants a curator verified."),
]

# What `search.query.parse` reads (the search page's parser), described for the schema.
SEARCH_PARAMETERS = [
    _query("q", {"type": "string", "maxLength": search_query.MAX_QUERY}, 'Words, "phrases", AND, OR, NOT, pref*.'),
    _query("country", _CODE, "ISO code; articles mentioning any of these countries.", True),
    _query("person", _PK, "A person's id; articles mentioning any of these people.", True),
    _query("source", _SLUG, "A source's slug; articles from any of these sources.", True),
    _query(
        "kind", {"type": "string", "enum": Meeting.Kind.values}, "Articles reporting a meeting of these kinds.", True
    ),
    _query("org", _SLUG, "An organisation's slug; articles mentioning any of these.", True),
    _query(
        "all",
        {"type": "string", "enum": list(search_query.MULTI)},
        "Facets whose values must all be named (AND), e.g. all=person with two people; otherwise any of them.",
        True,
    ),
    _query("expand", {"type": "string", "enum": [*search_query.MULTI, "year"]}, "A facet to list all values of."),
    _query("verified", _SWITCH, "1: countries, people, kinds and organisations count and filter verified facts only."),
    _query("year", {"type": "integer", "minimum": 1000, "maximum": 2999}, "Year of publication."),
    _query("month", {"type": "integer", "minimum": 1, "maximum": 12}, "Month of publication; needs a year."),
    _query("sort", {"type": "string", "enum": list(search_query.SORTS)}, "relevance (with q), newest or oldest."),
    _query("page", {"type": "integer", "minimum": 1, "maximum": search_query.MAX_PAGE}, "Page number."),
    _query("page_size", {"type": "integer", "minimum": 1, "maximum": MAX_SEARCH_PAGE_SIZE}, "Articles per page (20)."),
]
