"""What the API returns: public facts only, each mention and participation with its review status."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from archive.core.models import Article, Country, Meeting, Person, PersonRole, ReviewStatus
from archive.core.templatetags.safe_links import http_url


@extend_schema_field(OpenApiTypes.URI)
class ArchiveUrl(serializers.Field):
    """The object's page on the site, as an absolute URL."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, help_text="Its page on the archive's site.", **kwargs)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(value.get_absolute_url())


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class WebUrl(serializers.CharField):
    """A link to the outside world, given only when it is a web link (as on the pages): else null."""

    def to_representation(self, value):
        return http_url(value) or None


class CountryRef(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["code", "name"]


class SourceRef(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class PersonRef(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class CountryMention(serializers.Serializer):
    code = serializers.CharField(source="country.code")
    name = serializers.CharField(source="country.name")
    review_status = serializers.CharField()


class PersonMention(serializers.Serializer):
    id = serializers.IntegerField(source="person.id")
    name = serializers.CharField(source="person.name")
    role = serializers.CharField(help_text="The role the article gives this person.")
    country = CountryRef(allow_null=True, help_text="The country the person represents in this article.")
    review_status = serializers.CharField()


class OrganisationMention(serializers.Serializer):
    slug = serializers.CharField(source="organisation.slug")
    name = serializers.CharField(source="organisation.name")
    acronym = serializers.CharField(source="organisation.acronym")
    review_status = serializers.CharField()


class ArticleSerializer(serializers.ModelSerializer):
    url = WebUrl(help_text="Where the article was published, when known.")
    source = SourceRef(allow_null=True)
    countries = CountryMention(many=True, source="public_country_links")
    people = PersonMention(many=True, source="public_person_links")
    organisations = OrganisationMention(many=True, source="public_organisation_links")
    meetings = serializers.SerializerMethodField(help_text="Ids of the public meetings it reports.")
    archive_url = ArchiveUrl()

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "url",
            "source",
            "published",
            "published_precision",
            "language",
            "review_status",
            "countries",
            "people",
            "organisations",
            "meetings",
            "archive_url",
        ]

    def get_meetings(self, article) -> list[int]:
        return [meeting.pk for meeting in article.api_meetings]


class Participant(serializers.Serializer):
    person = PersonRef()
    role = serializers.CharField(help_text="The role held at the time of the meeting.")
    country = CountryRef(allow_null=True, help_text="The country represented at the meeting.")
    side = serializers.CharField()
    review_status = serializers.CharField()


class SourceArticle(serializers.ModelSerializer):
    url = WebUrl(help_text="Where the article was published, when known.")
    archive_url = ArchiveUrl()

    class Meta:
        model = Article
        fields = ["id", "title", "url", "archive_url"]


class MeetingSerializer(serializers.ModelSerializer):
    country = CountryRef(allow_null=True, help_text="Where it took place.")
    host_country = CountryRef(allow_null=True)
    verified = serializers.SerializerMethodField(help_text="Checked by a curator; otherwise proposed by extraction.")
    participants = Participant(many=True, source="participations.all")
    sources = SourceArticle(many=True, source="articles.all", help_text="The articles reporting it.")
    archive_url = ArchiveUrl()

    class Meta:
        model = Meeting
        fields = [
            "id",
            "date",
            "date_precision",
            "city",
            "country",
            "host_country",
            "kind",
            "status",
            "review_status",
            "verified",
            "summary",
            "participants",
            "sources",
            "archive_url",
        ]

    def get_verified(self, meeting) -> bool:
        return meeting.review_status == ReviewStatus.VERIFIED


class PersonSerializer(serializers.ModelSerializer):
    country = CountryRef(allow_null=True)
    archive_url = ArchiveUrl()

    class Meta:
        model = Person
        fields = ["id", "name", "slug", "country", "archive_url"]


class OrganisationRef(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    acronym = serializers.CharField()


class Role(serializers.ModelSerializer):
    country = CountryRef(allow_null=True)
    organisation = OrganisationRef(allow_null=True)

    class Meta:
        model = PersonRole
        fields = ["title", "country", "organisation", "start", "end"]


class PersonDetailSerializer(PersonSerializer):
    names = serializers.ListField(child=serializers.CharField(), source="variants", help_text="Other spellings.")
    roles = Role(many=True, source="roles.all", help_text="Roles held, oldest first; undated ones first.")

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "names", "roles"]


class CountrySerializer(serializers.ModelSerializer):
    archive_url = ArchiveUrl()

    class Meta:
        model = Country
        fields = ["code", "name", "official_name", "archive_url"]


class Alias(serializers.Serializer):
    name = serializers.CharField()
    kind = serializers.CharField()


class CountryDetailSerializer(CountrySerializer):
    aliases = Alias(many=True, source="aliases.all", help_text="Other names the press uses.")

    class Meta(CountrySerializer.Meta):
        fields = [*CountrySerializer.Meta.fields, "aliases"]


class FacetValue(serializers.Serializer):
    value = serializers.CharField(help_text="As the filter parameter takes it: ISO code, id, slug, year…")
    label = serializers.CharField()
    count = serializers.IntegerField()


class Facet(serializers.Serializer):
    name = serializers.CharField(help_text="The filter parameter: country, person, year, month, source, kind, org.")
    values = FacetValue(many=True, help_text="The values with most articles (all of them for year and month).")
    distinct = serializers.IntegerField(help_text="How many values have articles in all.")


class SearchResponse(serializers.Serializer):
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    page_size = serializers.IntegerField()
    partial = serializers.BooleanField(help_text="The search ran out of time; these are the results found by then.")
    messages = serializers.ListField(child=serializers.CharField(), help_text="What the search changed or left out.")
    suggestion = serializers.CharField(help_text="A spelling that finds something, after no hits; else empty.")
    facets = Facet(many=True)
    results = ArticleSerializer(many=True)


class Error(serializers.Serializer):
    detail = serializers.CharField()
