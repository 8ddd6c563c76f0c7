"""Atom feeds of meetings: for any meetings list URL, a person, a country and a country pair.

Each feed lists the newest public meetings it selects; the page that shows the same meetings
advertises it with <link rel="alternate" type="application/atom+xml">.
"""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import Max
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_safe

from . import meeting_filters
from .models import Country, Meeting, Person

ENTRIES = 50
# An undated meeting reported by no article still needs an Atom <updated>: the epoch says "unknown".
_UNKNOWN = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def _midnight(day):
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC) if day else None


class MeetingFeed(Feed):
    feed_type = Atom1Feed

    def meetings(self, obj):
        raise NotImplementedError

    def items(self, obj):
        return self.meetings(obj).for_display().annotate(last_reported=Max("articles__modified"))[:ENTRIES]

    def item_title(self, item):
        names = " – ".join(p.person.name for p in item.participations.all()) or "Meeting"
        return f"{item.get_kind_display()}: {names} ({item.date_display or 'date unknown'})"

    def item_description(self, item):
        people = "; ".join(
            f"{p.person.name}{', ' + p.role if p.role else ''}{' (' + p.country.name + ')' if p.country else ''}"
            for p in item.participations.all()
        )
        place = ", ".join(x for x in (item.city, item.country.name if item.country else "") if x)
        parts = [item.summary, people, place, item.get_status_display()]
        if item.review_status != "verified":
            parts.append("Proposed by extraction, not yet verified by a curator.")
        return " · ".join(p for p in parts if p)

    def item_pubdate(self, item):
        return _midnight(item.date)

    def item_updateddate(self, item):
        return item.last_reported or _midnight(item.date) or _UNKNOWN


class MeetingListFeed(MeetingFeed):
    """The meetings list with any of its filters; unusable filter values are dropped, as on the page."""

    def get_object(self, request):
        return meeting_filters.parse(request.GET)

    def meetings(self, obj):
        return obj.apply(Meeting.objects.public())

    def title(self, obj):
        return " ".join(["Meetings", *obj.describe()])

    def link(self, obj):
        query = obj.query()
        return reverse("meeting-archive") + (f"?{query}" if query else "")

    def feed_url(self, obj):
        query = obj.query()
        return reverse("meeting-feed") + (f"?{query}" if query else "")


class PersonFeed(MeetingFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Person, slug=slug)

    def meetings(self, obj):
        return Meeting.objects.public().with_person(obj)

    def title(self, obj):
        return f"Meetings with {obj.name}"

    def link(self, obj):
        return obj.get_absolute_url()


class CountryFeed(MeetingFeed):
    def get_object(self, request, code):
        return get_object_or_404(Country, code=code)

    def meetings(self, obj):
        return Meeting.objects.public().involving(obj)

    def title(self, obj):
        return f"Meetings involving {obj.name}"

    def link(self, obj):
        return obj.get_absolute_url()


class PairFeed(MeetingFeed):
    def get_object(self, request, a, b):
        pair = Country.objects.in_bulk([a, b])
        if a == b or len(pair) != 2:
            raise Country.DoesNotExist  # Feed answers 404
        return pair[a], pair[b]

    def meetings(self, obj):
        return Meeting.objects.public().between(*obj)

    def title(self, obj):
        return f"Meetings between {obj[0].name} and {obj[1].name}"

    def link(self, obj):
        return reverse("country-pair", args=[obj[0].code, obj[1].code])


meeting_feed = require_safe(MeetingListFeed())
person_feed = require_safe(PersonFeed())
country_feed = require_safe(CountryFeed())
pair_feed = require_safe(PairFeed())
