import datetime
from itertools import groupby

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from django.views.generic.dates import ArchiveIndexView, YearArchiveView

from .models import Article, Country, Meeting, Organisation, Participation, Person


def _meetings():
    return Meeting.objects.select_related("country", "host_country").prefetch_related(
        Prefetch("participations", queryset=Participation.objects.select_related("person", "country"))
    )


def _timeline(meetings):
    """Meetings grouped by year, newest first, for the timeline partial."""
    dated = sorted((m for m in meetings if m.date), key=lambda m: m.date, reverse=True)
    return [(year, list(items)) for year, items in groupby(dated, key=lambda m: m.date.year)]


@require_safe
def article_detail(request, pk):
    article = get_object_or_404(
        Article.objects.select_related("source").prefetch_related(
            "country_links__country",
            "person_links__person",
            "person_links__country",
            "organisation_links__organisation",
        ),
        pk=pk,
    )
    meetings = _meetings().filter(articles=article)
    return render(request, "core/article_detail.html", {"article": article, "meetings": meetings})


@require_safe
def person_list(request):
    people = Person.objects.select_related("country").annotate(n_articles=Count("articles", distinct=True))
    return render(request, "core/person_list.html", {"people": people})


@require_safe
def person_detail(request, slug):
    person = get_object_or_404(Person.objects.select_related("country").prefetch_related("names", "roles"), slug=slug)
    meetings = list(_meetings().filter(participations__person=person).distinct())
    articles = person.articles.select_related("source")[:50]
    ctx = {"person": person, "timeline": _timeline(meetings), "undated": [m for m in meetings if not m.date]}
    ctx["articles"] = articles
    return render(request, "core/person_detail.html", ctx)


@require_safe
def country_list(request):
    countries = Country.objects.annotate(n_articles=Count("articles")).filter(n_articles__gt=0).order_by("name")
    return render(request, "core/country_list.html", {"countries": countries})


@require_safe
def country_detail(request, code):
    # `code` is two letters, upper-cased by the path converter.
    country = get_object_or_404(Country.objects.prefetch_related("aliases"), code=code)
    meetings = list(_meetings().filter(participations__country=country).distinct())
    people = Person.objects.filter(country=country).annotate(n=Count("participations")).order_by("-n", "name")[:30]
    ctx = {"country": country, "timeline": _timeline(meetings), "undated": [m for m in meetings if not m.date]}
    ctx.update(people=people, articles=country.articles.select_related("source")[:50])
    return render(request, "core/country_detail.html", ctx)


@require_safe
def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.prefetch_related("aliases"), slug=slug)
    articles = organisation.articles.select_related("source")[:50]
    return render(request, "core/organisation_detail.html", {"organisation": organisation, "articles": articles})


@require_safe
def meeting_detail(request, pk):
    meeting = get_object_or_404(_meetings(), pk=pk)
    articles = meeting.articles.select_related("source")
    return render(request, "core/meeting_detail.html", {"meeting": meeting, "articles": articles})


class MeetingArchive(ArchiveIndexView):
    queryset = _meetings()
    date_field = "date"
    allow_empty = True
    template_name = "core/meeting_archive.html"


class MeetingYear(YearArchiveView):
    queryset = _meetings()
    date_field = "date"
    make_object_list = True
    allow_empty = True
    template_name = "core/meeting_year.html"

    def get_previous_year(self, date):
        # Django steps back a day from 1 January to find the previous year; before year 1 that overflows.
        return None if date.year == datetime.MINYEAR else super().get_previous_year(date)


# Read-only pages answer GET and HEAD (health checks, link checkers) and nothing else.
meeting_archive = require_safe(MeetingArchive.as_view())
meeting_year = require_safe(MeetingYear.as_view())
