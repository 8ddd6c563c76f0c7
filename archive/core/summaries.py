"""Summaries of meetings (a country's partners, counts per year) reused until what they count changes.

A busy country's page groups about 20,000 meetings at 40,000 (some 150 ms of SQL of its 250 ms).
The results are kept in Django's cache under the audit trail's newest history ids: every save or
delete of a meeting, a participation or a person writes a history row in the same transaction
(archive.core.apps.AUDITED, imports included), so a curator's rejection or an import makes every
process ask under a new key at once, whichever cache is configured (one per process or a shared one).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from django.apps import apps
from django.core.cache import cache
from django.db import connection

# Whose history ids make the key. Countries are reference data without history: a renamed country
# shows its new name in summaries when they expire.
SOURCES = ("Meeting", "Participation", "Person")
TTL = 600  # seconds
log = logging.getLogger(__name__)


def generation() -> str:
    """The newest history id of each source, in one query: it changes with every write to them."""
    tables = [connection.ops.quote_name(apps.get_model("core", name).history.model._meta.db_table) for name in SOURCES]
    # Table names from the models, no input; MAX of the primary key reads one index entry per table.
    sql = "SELECT " + ", ".join(f"(SELECT MAX(history_id) FROM {table})" for table in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return ".".join(str(n or 0) for n in cursor.fetchone())


def cached(name: str, key: str, compute: Callable[[], object]):
    """`compute()`, or what it returned for the same `name` and `key` since the last write.

    A cache that does not answer (a shared Redis restarting) costs the page its speed, not its answer.
    """
    digest = hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()
    full = f"summary:{name}:{generation()}:{digest}"
    try:
        value = cache.get(full)
    except Exception:
        log.warning("cache unavailable: %s computed without it", name, exc_info=True)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(full, value, TTL)
        except Exception:
            log.warning("cache unavailable: %s not kept", name, exc_info=True)
    return value


def of_queryset(queryset) -> str:
    """A key for a queryset: its SQL and parameters, which say exactly what it counts."""
    sql, params = queryset.query.sql_with_params()
    return f"{sql}|{params!r}"
