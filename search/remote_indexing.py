"""Keeping a haystack engine other than the archive's Whoosh (SEARCH_URL names it) in line with the database.

The archive's own index (search/indexing.py) has a cross-process writer lock, a rebuild built beside the
live index and swapped in, and a journal of the changes that raced it. A search cluster brings its own
concurrency and has no swap through haystack's API, so here:
- every write is haystack's `backend.update()` / `backend.remove()`;
- a rebuild updates every document in place (the index stays searchable throughout) and then removes the
  documents whose article is gone;
- a save that raced the rebuild (the rebuild read the article, the save re-indexed it, the rebuild then
  wrote its older copy) is caught afterwards by comparing each document's stored version with the
  database, the same check `search_index_status` makes, and re-indexed.

Tested on haystack's stock Whoosh backend as the stand-in; never against a live Elasticsearch or Solr.
"""

from __future__ import annotations

from collections.abc import Iterable

from haystack import connections

PAGE = 1000  # documents read back per query; Elasticsearch's default result window is 10,000 deep


def _articles():
    from django.apps import apps

    return apps.get_model("core", "Article")


def _parts(using: str):
    conn = connections[using]
    return conn.get_backend(), conn.get_unified_index().get_index(_articles())


def index_articles(ids: Iterable[int], using: str = "default") -> int:
    """Update these articles' documents, or remove those whose article no longer exists."""
    from .indexing import article_batches

    backend, index = _parts(using)
    ids = {int(i) for i in ids}
    for articles, gone in article_batches(ids):
        if articles:
            backend.update(index, articles)
        for document in gone:
            backend.remove(document)
    return len(ids)


def indexed_versions(using: str = "default") -> dict[int, int]:
    """Article id -> the version its document was prepared from, read back page by page."""
    from .generic import everything

    sqs = everything(using).order_by("published").values_list("pk", "version")
    total, versions = sqs.count(), {}
    for start in range(0, total, PAGE):
        for pk, version in sqs[start : start + PAGE]:
            versions[int(pk)] = int(version or 0)
    return versions


def rebuild(progress=None, chunk: int = 500, using: str = "default") -> int:
    """Re-index every article in place, drop orphans, then re-index what changed while this ran."""
    from . import indexing

    backend, index = _parts(using)
    pks = list(_articles().objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), chunk):
        part = pks[start : start + chunk]
        backend.update(index, _articles().objects.for_index().filter(pk__gte=part[0], pk__lte=part[-1]))
        if progress:
            progress(len(part))
    status = indexing.index_status()
    index_articles([*status["orphans"], *status["stale"], *status["missing"]], using=using)
    return len(pks)
