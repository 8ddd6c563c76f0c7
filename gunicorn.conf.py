"""gunicorn settings for production, read from ./gunicorn.conf.py when gunicorn starts in the project folder.

Sync workers, one request each, a few more than cores: search is CPU-bound Python, and a worker
takes a connection only when it is free, so load spreads evenly over the processes. Like every
sync setup, it expects a buffering proxy in front for slow clients (the TLS proxy production has
anyway; docker-compose.yml runs nginx). Each setting can be overridden by its environment variable.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Threaded workers accept every connection offered and queue it behind their own busy threads,
# while other processes idle, and a keep-alive client stays with the worker it first reached
# (bench_service, 10k articles, 50 clients, 5 saves/s, 2 cores, same 56 requests/s: gthread 4 x 2
# search p50 0.55 s / p95 2.6 s, also with keep-alive off; sync x 5 p50 0.85 s / p95 1.1 s).
# GUNICORN_THREADS above 1 switches gunicorn to its gthread worker.
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# Requests have their own time budget (search degrades before this); this only ends a stuck worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
# Recycle workers now and then so slow leaks (caches of old index segments) cannot grow forever.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 5000))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"


def post_worker_init(worker):
    """Import the views, compile the templates and open the index before the worker takes requests.

    Without it the first users after a deploy, a crash or a recycle wait behind a cold worker (the first
    search in a fresh process: 327 ms, against 50 ms warmed, on the demo data). See archive/warmup.py.
    """
    from archive import warmup

    worker.log.info("worker warmed: %s", warmup.describe(warmup.warm()))
