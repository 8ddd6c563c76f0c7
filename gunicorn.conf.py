"""gunicorn settings for production, read from ./gunicorn.conf.py when gunicorn starts in the project folder.

Threads let a worker serve a second request while the first waits on PostgreSQL; several processes
use the cores (search is CPU-bound Python). Each setting can be overridden by its environment variable.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
# Two threads: one request computes while the other waits on PostgreSQL. Four made requests of a
# worker fight over its interpreter lock, and slow ones slower (bench_service, 10k articles, 50
# clients: search p95 2.8 s with 4 x 4, 1.9 s with 4 x 2, at the same 56 requests/s).
threads = int(os.environ.get("GUNICORN_THREADS", 2))
worker_class = "gthread"
# Requests have their own time budget (search degrades before this); this only ends a stuck worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so slow leaks (caches of old index segments) cannot grow forever.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 5000))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"


def post_worker_init(worker):
    """Open the index and read its facet tables before the worker takes requests.

    The first search in a process reads every segment's facet arrays (about 0.2 s at 10k articles);
    without this, the first users after a deploy or a restart wait behind it (bench_service: search
    p95 4.8 s in the first 10 s, then under 0.7 s).
    """
    try:
        from search import facets, searchers

        table = searchers.with_retry(facets.table_for)
        worker.log.info("search index warmed: %d documents", int(table.live.sum()))
    except Exception:  # a cold worker still works; it must not fail to boot because of the index
        worker.log.exception("could not warm the search index")
