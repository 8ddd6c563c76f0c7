"""Per-thread Whoosh searchers that survive commits, merges and rebuild swaps in other processes.

Whoosh 2.7.4's `Searcher.refresh()` can fail when a concurrent commit deletes a segment file while
the new reader is being opened: its retry closes the reused readers a second time and raises
`ReaderClosed`, leaving the old searcher with closed readers. A process that keeps that searcher
fails every later search. So a searcher that fails to refresh, or fails during a search, is dropped
(never cached broken) and a fresh one is opened; `with_retry` runs a search again on a fresh
searcher when it raced a commit.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time

from django.conf import settings

from .indexing import get_backend, open_index

log = logging.getLogger(__name__)
_local = threading.local()
ATTEMPTS = 3  # a search that raced a commit is tried again on a fresh searcher, at most twice


def _cache() -> dict:
    if not hasattr(_local, "searchers"):
        _local.searchers = {}
    return _local.searchers


def _close(s) -> None:
    # Closing a broken searcher may raise ReaderClosed again; it is being dropped either way.
    with contextlib.suppress(Exception):
        s.close()


def searcher():
    """This thread's searcher on the live generation, refreshed if a writer committed since."""
    backend = get_backend()
    # Keyed by the generation directory: after a rebuild swapped the symlink, open the new generation.
    key = os.path.realpath(backend.path)
    cache = _cache()
    for old_key in [k for k in cache if k != key]:
        _close(cache.pop(old_key)[0])
    cached = cache.get(key)
    now = time.monotonic()
    if cached is not None:
        opened, refreshed_at = cached
        # Each thread looks for commits once per settings.SEARCH_REFRESH_MS: under saves, opening the new
        # segments' readers on every request was a sixth of a loaded web worker's time (bench_service).
        if (now - refreshed_at) * 1000 < settings.SEARCH_REFRESH_MS:
            return opened
        try:
            # Not closing the old searcher on refresh: it shares its unchanged segment readers with the new one.
            fresh = opened.refresh()
        except Exception as exc:
            # Expected now and then under concurrent commits (see the module docstring): no traceback.
            log.info("search: refreshing the searcher failed (%r); opening a fresh one", exc)
            cache.pop(key, None)
            _close(opened)
        else:
            cache[key] = (fresh, now)
            return fresh
    fresh = open_index(backend).searcher()
    cache[key] = (fresh, now)
    return fresh


def discard() -> None:
    """Drop this thread's searchers, e.g. after one failed mid-search."""
    cache = _cache()
    while cache:
        _close(cache.popitem()[1][0])


reset_searchers = discard


def with_retry(work):
    """`work(searcher)`, repeated on a fresh searcher if it failed because the index changed underneath."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            # Opening races commits too: the table of contents it lists can be gone by the time it is read.
            return work(searcher())
        except Exception:
            # Whoosh raises assorted errors when files vanish under a reader (ReaderClosed, OSError,
            # struct.error, EOFError); a fresh searcher on the newest generation does not see them.
            discard()
            if attempt == ATTEMPTS:
                raise
            log.warning("search: attempt %d failed, retrying on a fresh searcher", attempt, exc_info=True)
            time.sleep(0.01 * attempt)


def document_count() -> int:
    return with_retry(lambda s: s.doc_count())
