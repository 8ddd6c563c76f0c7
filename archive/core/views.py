import dataclasses
import datetime
from itertools import groupby

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from . import counterparts, exports, meeting_filters, pairs, regions, summaries
from .charts import partner_grid, role_spans, year_bars
from .converters import parse_int
from .models import Article, Country, Meeting, Organisation, Participation, Person, PersonRole

PER_PAGE = 50  # meetings per page of every list
TIMELINE = 20  # the newest meetings a person or country page shows as cards, before "all meetings" in the list
COUNTERPARTS_PER_PAGE = 25
TOP_PARTNERS = 12  # partners ranked and charted per year on a country page; the regions list every one


def _meetings(verified=False):
    return Meeting.objects.public().for_display(verified)


def _timeline(meetings):
    """Meetings grouped by year, newest first, for the timeline partial."""
    dated = sorted((m for m in meetings if m.date), key=lambda m: m.date, reverse=True)
    return [(year, list(items)) for year, items in groupby(dated, key=lambda m: m.date.year)]


def _page(request, items, messages, count=None, per_page=PER_PAGE, param="page"):
    """One page of `items`, numbered by the query parameter `param`; an unusable number is a message and page 1.

    `count`, when the caller has it already, spares the paginator its COUNT query.
    """
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: the assigned value is used
    value = request.GET.get(param, "")
    number = parse_int(value, 1, 10**9) if value else 1
    if number is None:
        messages.append("Ignored the page number: not a page.")
        number = 1
    return paginator.get_page(number)


@require_safe
def article_detail(request, pk):
    article = get_object_or_404(Article.objects.select_related("source").with_public_mentions(), pk=pk)
    meetings = _meetings().filter(articles=article)
    return render(request, "core/article_detail.html", {"article": article, "meetings": meetings})


@require_safe
def person_list(request):
    people = Person.objects.select_related("country").with_article_counts()
    return render(request, "core/person_list.html", {"people": people})


def _year_href(filters, base):
    """A chart bar's link: the meetings list with these filters for one year, or the undated ones."""

    def href(year):
        if year is None:
            query = filters.query(year=None, start=None, end=None, undated=True)
        else:
            query = filters.query(year=year, start=None, end=None, undated=False)
        return f"{base}?{query}"

    return href


def _entity_meetings(filters):
    """The newest meetings an entity page shows, their count and the link to all of them in the list."""
    shown = list(filters.apply(_meetings(filters.verified))[:TIMELINE])
    counts, per_host = pairs.tallies(filters.apply(Meeting.objects.public()))
    ctx = {"timeline": _timeline(shown), "undated": [m for m in shown if not m.date], "per_host": per_host}
    ctx["n_meetings"] = sum(counts.values())
    ctx["all_meetings_url"] = reverse("meeting-archive") + "?" + filters.query()
    ctx["chart"] = year_bars(counts, _year_href(filters, reverse("meeting-archive")))
    ctx["timeline_limit"] = TIMELINE
    ctx["verified"] = filters.verified
    return ctx


@require_safe
def person_detail(request, slug):
    roles = Prefetch("roles", PersonRole.objects.select_related("organisation", "country"))
    person = get_object_or_404(Person.objects.select_related("country").prefetch_related("names", roles), slug=slug)
    articles = Article.objects.mentioning(person=person).select_related("source").defer("body")[:50]
    ctx = {"person": person, "articles": articles, "messages": []}
    filters = meeting_filters.MeetingFilters(people=(person,), verified=meeting_filters.verified_only(request.GET))
    ctx.update(_entity_meetings(filters))
    ctx["feed_url"] = reverse("person-feed", args=[person.slug])
    met = counterparts.counterparts(person, filters.verified)
    ctx["met_page"] = _page(request, met, ctx["messages"], per_page=COUNTERPARTS_PER_PAGE, param="met")
    ctx["counterparts"] = counterparts.resolve(ctx["met_page"].object_list)
    ctx["home"] = counterparts.home_country(person, filters.verified)
    ctx["met_query"] = filters.query(people=())  # what the counterparts pager keeps: "verified only"
    ctx["together_query"] = filters.query()  # with a counterpart's id added: the meetings of the two
    base = reverse("meeting-archive")

    def in_office(role):  # a role's bar: this person's meetings while they held it
        return f"{base}?{filters.query(start=role.start, end=role.end)}"

    ctx["role_chart"] = role_spans(person.roles.all(), datetime.date.today(), in_office)
    ctx["undated_roles"] = [role for role in person.roles.all() if not role.start]
    return render(request, "core/person_detail.html", ctx)


@require_safe
def country_list(request):
    countries = Country.objects.with_article_counts().filter(n_articles__gt=0).order_by("name")
    return render(request, "core/country_list.html", {"countries": countries})


@require_safe
def country_detail(request, code):
    # `code` is two letters, upper-cased by the path converter.
    country = get_object_or_404(Country.objects.prefetch_related("aliases"), code=code)
    represented = Person.objects.filter(country=country).with_meeting_counts().order_by("-n_meetings", "name")[:30]
    people = summaries.cached("country-people", summaries.of_queryset(represented), lambda: list(represented))
    articles = Article.objects.mentioning(country=country).select_related("source").defer("body")[:50]
    ctx = {"country": country, "people": people, "articles": articles}
    filters = meeting_filters.MeetingFilters(countries=(country,), verified=meeting_filters.verified_only(request.GET))
    ctx.update(_entity_meetings(filters))
    ctx["feed_url"] = reverse("country-feed", args=[country.code])
    partners = pairs.engagement(country, filters.verified)
    ctx["partners"] = partners[:TOP_PARTNERS]
    ctx["n_partners"] = len(partners)
    ctx["regions"] = regions.grouped((p.country, p.n) for p in partners)
    base = reverse("meeting-archive")

    def cell(partner, year):  # a grid cell: the meetings of this pair in that year, or undated
        pair = meeting_filters.MeetingFilters(pair=(country, partner), verified=filters.verified)
        return f"{base}?{pair.query(year=year, undated=year is None)}"

    rows = [(p.country, p.country.name, p.per_year) for p in partners[:TOP_PARTNERS]]
    ctx["partner_grid"] = partner_grid(rows, cell)
    per_host = ctx["per_host"]
    hosted, unknown = per_host.get(country.code, 0), per_host.get(None, 0)
    ctx["travel"] = {"hosted": hosted, "abroad": sum(per_host.values()) - hosted - unknown, "unknown": unknown}
    return render(request, "core/country_detail.html", ctx)


@require_safe
def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.prefetch_related("aliases"), slug=slug)
    articles = Article.objects.mentioning(organisation=organisation).select_related("source").defer("body")[:50]
    return render(request, "core/organisation_detail.html", {"organisation": organisation, "articles": articles})


@require_safe
def meeting_detail(request, pk):
    meeting = get_object_or_404(_meetings(), pk=pk)
    articles = meeting.articles.select_related("source").defer("body")
    ctx = {"meeting": meeting, "articles": articles, "pairs": pairs.pairs_of(meeting)}
    return render(request, "core/meeting_detail.html", ctx)


@require_safe
def meeting_list(request, year=None):
    """Every public meeting, filtered by the query string, 50 a page; undated ones last and countable."""
    filters = meeting_filters.parse(request.GET)
    if year is not None:  # /meetings/2023/ is the list for 2023
        filters = dataclasses.replace(filters, year=int(year), start=None, end=None, undated=False)
    messages = list(filters.messages)
    counts = meeting_filters.year_counts(filters.without_dates().apply(Meeting.objects.public()))
    page = _page(request, filters.apply(_meetings(filters.verified)), messages, count=_known_total(filters, counts))
    base = reverse("meeting-archive")
    query = filters.query()
    ctx = {"filters": filters, "messages": messages, "page_obj": page, "query": query, "n_undated": counts.get(None, 0)}
    ctx["chart"] = year_bars(counts, _year_href(filters, base))
    ctx["heading"] = " ".join(["Meetings", *filters.describe()])
    ctx["exports"] = _export_links(query)
    ctx["feed_url"] = reverse("meeting-feed") + (f"?{query}" if query else "")
    ctx["kinds"], ctx["statuses"] = Meeting.Kind.choices, Meeting.Status.choices
    ctx["undated_query"] = filters.query(undated=True, year=None, start=None, end=None)
    ctx["years"], ctx["dateless_query"] = (
        sorted((y for y in counts if y), reverse=True),
        filters.without_dates().query(),
    )
    people = filters.people
    ctx["people_chips"] = [(p, filters.query(people=tuple(o for o in people if o != p))) for p in people]
    ctx["without_organisation"] = filters.query(organisation=None)
    ctx["all_countries"] = _meeting_countries()
    return render(request, "core/meeting_list.html", ctx)


def _known_total(filters, counts):
    """How many meetings the filters select, when the per-year counts already say; else None."""
    if filters.start or filters.end:
        return None
    if filters.undated:
        return counts.get(None, 0)
    return counts.get(filters.year, 0) if filters.year else sum(counts.values())


def _meeting_countries():
    """Countries the form offers: those some public meeting involves."""
    # `code IN (…)`, read once each, not EXISTS per country: for a country no participation names,
    # PostgreSQL's EXISTS scanned the whole table, 250 times (6.5 s at 40,000 meetings).
    represented = Participation.objects.public().values("country_id")
    hosted = Meeting.objects.public().values("host_country_id")
    return Country.objects.filter(Q(code__in=represented) | Q(code__in=hosted)).order_by("name")


def _export_links(query):
    return [
        {"label": label, "type": exports.FORMATS[fmt].split(";")[0], "href": _export_url(fmt, query)}
        for fmt, label in (("csv", "CSV"), ("json", "JSON"), ("jsonl", "JSON Lines"))
    ]


def _export_url(fmt, query):
    return reverse(f"meeting-export-{fmt}") + (f"?{query}" if query else "")


@require_safe
def meeting_export(request, fmt):
    """The meetings list, all pages, as a streamed download; bad filter values are dropped as on the page."""
    filters = meeting_filters.parse(request.GET)
    meetings = filters.apply(Meeting.objects.public().newest_first())
    if request.method == "HEAD":  # the server sends no body: do not read the table for it
        meetings = meetings.none()
    return exports.export_response(meetings, fmt, request.build_absolute_uri)


@require_safe
def country_pair(request, a, b):
    """Every public meeting between two countries: who met whom, who hosted, per year, and the reports."""
    found = Country.objects.in_bulk([a, b])
    if a == b or len(found) != 2:
        raise Http404("No such pair of countries.")
    first, second = found[a], found[b]
    filters = meeting_filters.MeetingFilters(pair=(first, second), verified=meeting_filters.verified_only(request.GET))
    between = filters.apply(Meeting.objects.public())
    counts, hosted = pairs.tallies(between)
    messages = []
    page = _page(request, filters.apply(_meetings(filters.verified)), messages, count=sum(counts.values()))
    # The reports' ids first (a few thousand for a busy pair), then the newest of them by primary key: as one
    # query, PostgreSQL read every article to sort the matches (0.1 s at 100,000 articles).
    links = Meeting.articles.through.objects.filter(meeting__in=between.values("pk"))
    reported = set(links.values_list("article_id", flat=True))
    query = filters.query()
    ctx = {"first": first, "second": second, "page_obj": page, "messages": messages, "query": query}
    ctx["chart"] = year_bars(counts, _year_href(filters, reverse("meeting-archive")))
    ctx["hosted"] = {"first": hosted.get(first.code, 0), "second": hosted.get(second.code, 0)}
    ctx["hosted"]["other"] = sum(hosted.values()) - ctx["hosted"]["first"] - ctx["hosted"]["second"]
    ctx["articles"] = Article.objects.filter(pk__in=reported).select_related("source").defer("body")[:PER_PAGE]
    ctx["n_articles"] = len(reported)
    ctx["exports"] = _export_links(query)
    ctx["list_url"] = reverse("meeting-archive") + "?" + query
    ctx["feed_url"] = reverse("pair-feed", args=[first.code, second.code])
    swapped = meeting_filters.MeetingFilters(verified=filters.verified).query()
    ctx["swap_url"] = reverse("country-pair", args=[second.code, first.code]) + (f"?{swapped}" if swapped else "")
    ctx["verified"] = filters.verified
    return render(request, "core/country_pair.html", ctx)
