"""Save-to-searchable latency with a real Celery worker and Redis as broker.

    .venv/bin/python benchmarks/bench_worker_latency.py --corpus 10000 --saves 30

Builds a temporary SQLite database and index (optionally with a synthetic corpus,
so the index is not trivially small), starts `celery worker` on a queue of its
own, then saves articles one at a time through the ORM and times how long each
takes to appear in search results in this process. Prints p50, p95 and max.
Needs Redis (TEST_REDIS_URL, default redis://127.0.0.1:6379/13).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=int, default=2000, help="Articles indexed before timing.")
    parser.add_argument("--saves", type=int, default=30)
    parser.add_argument("--broker", default=os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13"))
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-latency-"))
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    env = {
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "WHOOSH_INDEX_PATH": str(tmp / "index"),
        "ARCHIVE_VAR_DIR": str(tmp),
        "CELERY_BROKER_URL": args.broker,
        "CELERY_QUEUE": queue,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from archive.core.models import Article
    from archive.core.text import content_hash
    from search import engine
    from search.query import SearchParams

    call_command("migrate", verbosity=0)
    body = "Defence ministers discussed cooperation, joint exercises and procurement. " * 30
    Article.objects.bulk_create(  # bulk_create sends no signals: the rebuild below indexes these
        [
            Article(title=f"Corpus {i}", body=f"{body} {i}", content_hash=content_hash(f"{body} {i}"))
            for i in range(args.corpus)
        ],
        batch_size=1000,
    )
    call_command("rebuild_search_index", "--no-progress", verbosity=0)

    log = tmp / "worker.log"
    worker = subprocess.Popen(  # noqa: S603 (our own celery, fixed arguments)
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "archive",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "-l",
            "warning",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        time.sleep(4)  # the worker connects and declares its queue
        latencies = []
        for i in range(args.saves):
            token = f"zq{uuid.uuid4().hex[:10]}"
            start = time.perf_counter()
            Article.objects.create(title=f"Latency probe {i}", body=f"Probe {token}.", content_hash=content_hash(token))
            while not engine.run(SearchParams(q=token), per_page=1).article_ids:
                if time.perf_counter() - start > 30:
                    sys.exit(f"probe {i} not searchable after 30 s; worker log:\n{log.read_text()[-2000:]}")
                time.sleep(0.01)
            latencies.append(time.perf_counter() - start)
        latencies.sort()
        p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
        print(f"corpus {args.corpus} articles; {args.saves} saves with one worker (Redis broker)")
        print(
            f"save-to-searchable: p50 {statistics.median(latencies) * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
        )
    finally:
        worker.terminate()
        worker.wait(15)


if __name__ == "__main__":
    main()
