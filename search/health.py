"""A health endpoint for load balancers and orchestrators: the database answers and the index opens."""

from __future__ import annotations

import logging
import time

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def _index() -> dict:
    from . import service

    return {"ok": True, "documents": service.document_count()}


CHECKS = {"database": _database, "index": _index}


@require_safe
@never_cache
def health(request):
    """200 with each check's result when all pass, 503 naming the failing check otherwise."""
    report, healthy = {}, True
    for name, check in CHECKS.items():
        began = time.perf_counter()
        try:
            report[name] = check()
        except Exception as exc:  # any failure means unhealthy; the reason goes to the log, not the world
            log.exception("health check %s failed", name)
            report[name] = {"ok": False, "error": type(exc).__name__}
            healthy = False
        report[name]["ms"] = round((time.perf_counter() - began) * 1000, 1)
    return JsonResponse({"ok": healthy, "checks": report}, status=200 if healthy else 503)
