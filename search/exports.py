"""The current search out of the archive: its results on every page as CSV or JSON, and an Atom feed.

The ids come from the search service (whichever implementation serves the page), in the page's order,
at most EXPORT_MAX of them; the rows are then read from the database in chunks and written as they
come, so memory holds one chunk. Only public facts leave: countries and people from public mentions.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from archive.core.exports import review_label
from archive.core.models import Article, ArticleCountry, ArticlePerson
from archive.core.templatetags.safe_links import http_url

from . import query, service

EXPORT_MAX = 100_000  # rows per download; the page says so when a search has more
FEED_ENTRIES = 50
CHUNK = 500
COLUMNS = [
    "id",
    "archive_url",
    "title",
    "url",
    "source",
    "published",
    "published_precision",
    "language",
    "countries",
    "people",
    "review",
]


def result_ids(params: query.SearchParams, limit: int = EXPORT_MAX) -> tuple[list[int], int]:
    """(the first `limit` matching article ids in the page's order, how many match in all)."""
    outcome = service.run(dataclasses.replace(params, page=1), per_page=limit)
    return outcome.article_ids, outcome.total


def _mentions(ids):
    countries, people = defaultdict(list), defaultdict(list)
    for article_id, code in (
        ArticleCountry.objects.public().filter(article_id__in=ids).values_list("article_id", "country_id")
    ):
        countries[article_id].append(code)
    rows = ArticlePerson.objects.public().filter(article_id__in=ids).order_by("person__name")
    for article_id, name in rows.values_list("article_id", "person__name"):
        people[article_id].append(name)
    return countries, people


def records(ids: list[int], absolute):
    fields = ["id", "title", "url", "source__name", "published", "published_precision", "language", "review_status"]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = {row["id"]: row for row in Article.objects.filter(pk__in=chunk).values(*fields)}
        countries, people = _mentions(chunk)
        for pk in chunk:
            row = rows.get(pk)
            if row is None:  # deleted since the index was written
                continue
            yield {
                "id": pk,
                "archive_url": absolute(reverse("article-detail", args=[pk])),
                "title": row["title"],
                "url": http_url(row["url"]),
                "source": row["source__name"] or "",
                "published": row["published"].isoformat() if row["published"] else None,
                "published_precision": row["published_precision"],
                "language": row["language"],
                "countries": sorted(countries[pk]),
                "people": people[pk],
                "review": review_label(row["review_status"]),
            }


def csv_row(rec: dict) -> list:
    return [" ".join(v) if k == "countries" else "; ".join(v) if k == "people" else v for k, v in rec.items()]


def feed_title(chips: list[dict]) -> str:
    """The feed's title from the search's chips (presenting.chips), as the page shows them."""
    return " · ".join(["Archive search", *(f"{chip['kind']}: {chip['label']}" for chip in chips)])


class SearchFeed(Feed):
    """The newest articles matching any search URL (its sort is ignored: a feed is newest first)."""

    feed_type = Atom1Feed

    def get_object(self, request):
        return query.parse(request.GET)

    def title(self, obj):
        from .presenting import chips

        return feed_title(chips(obj))

    def link(self, obj):
        return reverse("search") + obj.url()

    def items(self, obj):
        ids, _ = result_ids(dataclasses.replace(obj, sort="newest"), FEED_ENTRIES)
        by_id = Article.objects.select_related("source").defer("body").in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return " · ".join(x for x in (item.source.name if item.source else "", item.published_display) if x)

    def item_pubdate(self, item):
        return item.imported_at or item.created

    def item_updateddate(self, item):
        return item.modified
