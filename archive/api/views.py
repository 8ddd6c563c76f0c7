"""The JSON API: read-only lists and details of the archive's public facts, and its search.

Each list answers from the same querysets and filter definitions as the HTML pages: meetings from
`Meeting.objects.public()` filtered by `meeting_filters` (the meetings list's own parser), participants
from `Participation.objects.public()`, mentions from their `.public()` querysets, the search from
`search.service`. A parameter that cannot be used is a 400 naming it (see `params`).
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import F, Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import viewsets
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.reverse import reverse

from archive.core import meeting_filters
from archive.core.models import Article, Country, Meeting, Person, PersonRole
from search import presenting, query, service

from .params import (
    MAX_SEARCH_PAGE_SIZE,
    MEETING_FILTERS,
    SEARCH_PARAMETERS,
    ArticleFilters,
    BadParameters,
    PersonFilters,
    page_size,
    validated,
)
from .serializers import (
    ArticleSerializer,
    CountryDetailSerializer,
    CountrySerializer,
    Error,
    MeetingSerializer,
    PersonDetailSerializer,
    PersonSerializer,
    SearchResponse,
)


def listing(serializer):
    """A list's responses: a page, a 400 for an unusable parameter, a 404 for a page past the last."""
    return {200: serializer, 400: Error, 404: Error}


def detail(serializer):
    return {200: serializer, 404: Error}


def articles():
    """Articles as the API gives them (public mentions and meetings, no body), newest first, undated last."""
    return (
        Article.objects.defer("body")
        .select_related("source")
        .with_public_mentions()
        .prefetch_related(Prefetch("meetings", Meeting.objects.public().only("id"), to_attr="api_meetings"))
        .order_by(F("published").desc(nulls_last=True), "-id")
    )


def meetings(verified=False):
    """Public meetings with their public participants and reports; with `verified`, verified participants only."""
    reports = Article.objects.only("id", "title", "url")
    return Meeting.objects.public().for_display(verified).prefetch_related(Prefetch("articles", reports))


@extend_schema_view(
    list=extend_schema(
        summary="Articles, newest first", parameters=[ArticleFilters], responses=listing(ArticleSerializer)
    ),
    retrieve=extend_schema(summary="One article", responses=detail(ArticleSerializer)),
)
class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    """Articles with their public mentions of countries, people and organisations, and the meetings they report."""

    serializer_class = ArticleSerializer

    def get_queryset(self):
        found = articles()
        if self.action != "list":
            return found
        filters = validated(ArticleFilters, self.request.query_params)
        for entity in ("country", "person"):
            if entity in filters:
                found = found.mentioning(**{entity: filters[entity]})
        if "source" in filters:
            found = found.filter(source=filters["source"])
        if "language" in filters:
            found = found.filter(language=filters["language"])
        if "published_after" in filters:
            found = found.filter(published__gte=filters["published_after"])
        if "published_before" in filters:
            found = found.filter(published__lte=filters["published_before"])
        return found


@extend_schema_view(
    list=extend_schema(
        summary="Meetings, newest first, undated last",
        parameters=MEETING_FILTERS,
        responses=listing(MeetingSerializer),
    ),
    retrieve=extend_schema(summary="One meeting", responses=detail(MeetingSerializer)),
)
class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    """Meetings with who took part (role at the time, country represented) and the articles reporting them."""

    serializer_class = MeetingSerializer

    def get_queryset(self):
        if self.action != "list":
            return meetings()
        # The meetings list page's parser: the page and the API select the same meetings for one query string.
        filters = meeting_filters.parse(self.request.query_params)
        if filters.messages:
            raise BadParameters(filters.messages)
        return filters.apply(meetings(verified=filters.verified))


@extend_schema_view(
    list=extend_schema(summary="People, by name", parameters=[PersonFilters], responses=listing(PersonSerializer)),
    retrieve=extend_schema(summary="One person, with their roles over time", responses=detail(PersonDetailSerializer)),
)
class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    def get_serializer_class(self):
        return PersonDetailSerializer if self.action == "retrieve" else PersonSerializer

    def get_queryset(self):
        people = Person.objects.select_related("country")
        if self.action != "list":
            roles = PersonRole.objects.select_related("country", "organisation")
            return people.prefetch_related("names", Prefetch("roles", roles.order_by(F("start").asc(nulls_first=True))))
        filters = validated(PersonFilters, self.request.query_params)
        if "country" in filters:
            people = people.filter(country=filters["country"])
        # A name lists the best matches first, as the person finder does; otherwise by name.
        return people.find(filters["name"]) if filters.get("name") else people.order_by("name", "id")


@extend_schema_view(
    list=extend_schema(summary="Countries, by name", responses=listing(CountrySerializer)),
    retrieve=extend_schema(summary="One country, by ISO code", responses=detail(CountryDetailSerializer)),
)
class CountryViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "code"

    def get_serializer_class(self):
        return CountryDetailSerializer if self.action == "retrieve" else CountrySerializer

    def get_queryset(self):
        countries = Country.objects.order_by("name")
        return countries.prefetch_related("aliases") if self.action == "retrieve" else countries


@extend_schema(
    summary="Search articles, as the search page does",
    parameters=SEARCH_PARAMETERS,
    responses={200: SearchResponse, 400: Error},
)
@api_view(["GET"])
def search(request):
    """Articles matching a query and filters, a page of them, with facet counts for narrowing further."""
    params = query.parse(request.query_params)
    size = page_size(request, settings.HAYSTACK_SEARCH_RESULTS_PER_PAGE, MAX_SEARCH_PAGE_SIZE)
    if params.messages:
        raise BadParameters(params.messages)
    outcome = service.run(params, per_page=size)
    found = {a.pk: a for a in articles().filter(pk__in=outcome.article_ids)}
    results = [found[pk] for pk in outcome.article_ids if pk in found]  # a deleted one leaves the index later
    return Response(
        {
            "total": outcome.total,
            "page": outcome.page,
            "pages": outcome.pages,
            "page_size": size,
            "partial": outcome.partial,
            "messages": outcome.messages,
            "suggestion": outcome.suggestion,
            "facets": _facets(outcome),
            "results": ArticleSerializer(results, many=True, context={"request": request}).data,
        }
    )


def _facets(outcome) -> list[dict]:
    blocks = []
    for name, counts in outcome.facets.items():
        if name in ("year", "month"):
            ordered = sorted(counts, reverse=True)
        else:
            ordered = sorted(counts, key=lambda value: (-counts[value], value))
        labels = presenting.labels_for(name, ordered)
        values = [{"value": v, "label": labels.get(v, v), "count": counts[v]} for v in ordered if counts[v]]
        blocks.append({"name": name, "values": values, "distinct": outcome.facet_sizes.get(name, len(values))})
    return blocks


@extend_schema(exclude=True)
@api_view(["GET"])
def root(request):
    """Where everything is: the lists, the search, the schema and its docs."""
    names = {
        "articles": "api-article-list",
        "meetings": "api-meeting-list",
        "people": "api-person-list",
        "countries": "api-country-list",
        "search": "api-search",
        "schema": "api-schema",
        "docs": "api-docs",
    }
    return Response({key: reverse(name, request=request) for key, name in names.items()})


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema, YAML by default, JSON with `?format=json` or by Accept header.

    One version and one language: drf-spectacular's `version` and `lang` parameters are not read
    (it wrote the version, unchecked, into a response header).
    """

    def _get_version_parameter(self, request):
        return None

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        return self._get_schema_response(request)


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI from the sidecar's static files; its settings script is a separate response, so the
    page runs under the site's CSP (script-src 'self', no inline script or style)."""

    template_name = "api/swagger_ui.html"
    url_name = "api-schema"
    title = "The archive: JSON API"

    def _get_schema_url(self, request):
        return reverse(self.url_name) + "?format=json"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if request.GET.get("script") is None:
            response.data["examples"] = _examples()
        return response


def _examples() -> list[tuple[str, str]]:
    """Requests worth trying on this archive's own data: the lists, and the newest of each thing."""
    examples = [
        ("articles", reverse("api-article-list")),
        ("verified meetings", reverse("api-meeting-list") + "?verified=1"),
    ]
    newest = [
        ("the newest article", "api-article-detail", Article.objects.order_by(F("published").desc(nulls_last=True))),
        ("the newest meeting", "api-meeting-detail", Meeting.objects.public().newest_first()),
        ("a person", "api-person-detail", Person.objects.order_by("name")),
    ]
    for label, name, found in newest:
        if first := found.only("id").first():
            examples.append((label, reverse(name, args=[first.pk])))
    examples.append(("Serbia", reverse("api-country-detail", args=["RS"])))
    examples.append(("a search", reverse("api-search") + "?q=defence&country=RS"))
    return examples
