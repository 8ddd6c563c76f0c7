"""Real `celery worker` processes with Redis as broker index what the ORM saves, without losing updates."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection
from kombu import pools as kombu_pools

from archive.celery import app as celery_app
from search import engine, indexing
from search.models import IndexQueue
from search.query import SearchParams
from tests.services import IN_CI, require_redis, unavailable

from .conftest import make_article

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
ROOT = Path(__file__).resolve().parents[2]
CELERY = ROOT / ".venv" / "bin" / "celery"


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        user = db.get("USER") or "postgres"
        password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
        return f"postgres://{user}{password}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():
        return f"sqlite:///{db['NAME']}"
    unavailable("worker tests need PostgreSQL or a file SQLite test database (see tests/conftest.py)")


@pytest.fixture
def broker(search_index):
    """Point this process's Celery app at Redis and a queue of its own; restore eager mode afterwards."""
    redis_url = require_redis()
    # A separate Redis database number from other suites, and a unique queue per test.
    broker_url = redis_url.rsplit("/", 1)[0] + "/14"
    queue = f"search-test-{uuid.uuid4().hex[:8]}"
    saved = {k: celery_app.conf[k] for k in ("broker_url", "task_always_eager", "task_default_queue")}
    celery_app.conf.update(broker_url=broker_url, task_always_eager=False, task_default_queue=queue)
    reset_celery_connections()
    yield {"broker_url": broker_url, "queue": queue, "index": search_index}
    celery_app.conf.update(saved)
    reset_celery_connections()


def reset_celery_connections():
    # Queues, routes and connection pools are cached on first use; drop them so the new settings apply.
    kombu_pools.reset()
    celery_app._pool = None
    amqp = celery_app.amqp
    amqp._producer_pool = None
    for cached in ("queues", "router", "_rtable"):
        amqp.__dict__.pop(cached, None)


@pytest.fixture
def start_worker(broker, tmp_path):
    procs = []

    def start(name: str):
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": broker["broker_url"],
            "CELERY_QUEUE": broker["queue"],
            "WHOOSH_INDEX_PATH": str(broker["index"]),
            "DJANGO_SETTINGS_MODULE": "archive.settings",
            "LOG_LEVEL": "INFO",
        }
        log = tmp_path / f"{name}.log"
        cmd = [
            str(CELERY),
            "-A",
            "archive",
            "worker",
            "--pool=solo",
            "-Q",
            broker["queue"],
            "-n",
            f"{name}@%h",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-l",
            "info",
        ]
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
        procs.append((proc, log))
        deadline = time.monotonic() + 60
        while "ready." not in log.read_text():
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"worker {name} did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        return proc

    yield start
    for proc, log in procs:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        if IN_CI:
            sys.stderr.write(log.read_text()[-2000:])


def wait_for(predicate, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.25)
    return predicate()


def hits(q):
    return set(engine.run(SearchParams(q=q), per_page=200).article_ids)


def test_it_indexes_what_the_orm_saves_and_forgets_what_it_deletes(start_worker):
    start_worker("one")
    article = make_article("Submarine deal", "A submarine deal was signed.", countries=["NO"])
    assert wait_for(lambda: hits("submarine") == {article.pk}), "saved article never became searchable"
    assert wait_for(lambda: not IndexQueue.objects.exists())
    pk = article.pk
    article.delete()
    assert wait_for(lambda: hits("submarine") == set()), f"deleted article {pk} is still searchable"


def test_it_loses_nothing_with_two_workers(start_worker):
    start_worker("one")
    start_worker("two")
    articles = [make_article(f"Convoy {i}", f"Convoy escort number {i}.") for i in range(40)]
    expected = {a.pk for a in articles}
    assert wait_for(lambda: hits("convoy") == expected, timeout=120), f"missing: {expected - hits('convoy')}"
    assert wait_for(lambda: not IndexQueue.objects.exists())


def test_it_commits_a_burst_of_saves_together(start_worker):
    """One Whoosh commit per save cost the worker 40 % of a core at 5 saves/s; a burst shares commits."""
    start_worker("one")
    ix = indexing.open_index(indexing.get_backend())
    before = ix.latest_generation()
    articles = [make_article(f"Tanker {i}", f"Tanker number {i} refuelled.") for i in range(20)]
    expected = {a.pk for a in articles}
    assert wait_for(lambda: hits("tanker") == expected), f"missing: {expected - hits('tanker')}"
    assert wait_for(lambda: not IndexQueue.objects.exists())
    commits = ix.latest_generation() - before
    assert 1 <= commits <= 10, f"{commits} commits for 20 saves"
