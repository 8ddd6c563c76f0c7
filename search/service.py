"""The one interface the product searches through, whichever engine SEARCH_URL names.

Two implementations answer `run(params, per_page) -> Outcome`:
- fast (`search.engine`): the archive's Whoosh index read directly, postings and facets in numpy;
- generic (`search.generic`): haystack's public API only, so Elasticsearch or Solr serve the same pages.

`settings.SEARCH_IMPLEMENTATION` (derived from SEARCH_URL) picks one; views, the API and exports call
this module, never an implementation.
"""

from __future__ import annotations

import logging

from django.conf import settings

from .generic import FAST, GENERIC

log = logging.getLogger(__name__)


class SearchUnavailable(RuntimeError):
    """The search engine did not answer; the page says so (503) instead of showing an empty archive."""


def implementation() -> str:
    return getattr(settings, "SEARCH_IMPLEMENTATION", FAST)


def run(params, per_page: int = 20):
    if implementation() == GENERIC:
        from . import generic

        try:
            return generic.run(params, per_page=per_page)
        except Exception as exc:  # each engine's client raises its own types; all mean "not now"
            log.exception("search engine error")
            raise SearchUnavailable(str(exc)) from exc
    from . import engine

    return engine.run(params, per_page=per_page)


def document_count() -> int:
    if implementation() == GENERIC:
        from . import generic

        return generic.document_count()
    from . import engine

    return engine.document_count()
