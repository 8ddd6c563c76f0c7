"""Signals, the durable queue, the writer lock, rebuild-and-swap and the status command (eager Celery)."""

import multiprocessing
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from archive.core.models import Article, CountryAlias, PersonName
from search import engine, indexing
from search.models import IndexQueue
from search.query import SearchParams

from .conftest import make_article, make_person

pytestmark = pytest.mark.django_db


def hits(q):
    return set(engine.run(SearchParams(q=q), per_page=100).article_ids)


def test_it_indexes_a_saved_article_after_commit(search_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article("Helicopter purchase", "The ministry bought helicopters.", countries=["RS"])
    assert hits("helicopter") == {article.pk}
    assert not IndexQueue.objects.exists()  # rows go only after the index commit


def test_it_forgets_nothing_when_the_task_cannot_run(search_index, django_capture_on_commit_callbacks, monkeypatch):
    from search import tasks

    def broker_down(*args, **kwargs):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.index_articles, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article("Radar contract", "A radar contract was signed.")
    assert hits("radar") == set()
    assert IndexQueue.objects.filter(article_id=article.pk).exists()
    assert indexing.process_pending() >= 1  # what the periodic task does
    assert hits("radar") == {article.pk}
    assert not IndexQueue.objects.exists()


def test_it_removes_a_deleted_article(search_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article("Tank exercise", "Tanks drove.")
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert hits("tank") == set()


def test_it_reindexes_articles_when_a_person_gets_a_new_name(search_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        person = make_person("Miloš Vučević")
        article = make_article("Talks", "Short note.", people=[person])
    assert hits("Vucevic") == {article.pk}
    with django_capture_on_commit_callbacks(execute=True):
        PersonName.objects.create(person=person, name="Милош Вучевић Nickname")
    assert hits("nickname") == {article.pk}


def test_it_reindexes_on_m2m_and_alias_changes(search_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article("Talks", "Short note.")
    with django_capture_on_commit_callbacks(execute=True):
        article.countries.add("NO", through_defaults={})
    assert article.pk in hits("Norway")
    with django_capture_on_commit_callbacks(execute=True):
        CountryAlias.objects.create(country_id="NO", name="Fjordland", kind="name")
    assert hits("fjordland") == {article.pk}
    with django_capture_on_commit_callbacks(execute=True):
        article.countries.clear()
    assert hits("fjordland") == set()


def _prepared(n, prefix):
    index = indexing.article_index()
    return [index.full_prepare(make_article(f"{prefix} {i}", f"{prefix}word{i} text")) for i in range(n)]


def test_it_serialises_concurrent_writer_threads(search_index):
    docs = _prepared(24, "Writer")
    backend = indexing.get_backend()
    errors = []

    def write(chunk):
        try:
            for doc in chunk:
                indexing.write_documents(backend, [doc], [])
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(docs[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(hits("writer")) == 24


def _write_in_child(docs):
    backend = indexing.get_backend()
    for doc in docs:
        indexing.write_documents(backend, [doc], [])


def test_it_serialises_writer_processes(search_index):
    docs = _prepared(30, "Process")
    ctx = multiprocessing.get_context("fork")
    children = [ctx.Process(target=_write_in_child, args=(docs[i::3],)) for i in range(3)]
    for child in children:
        child.start()
    for child in children:
        child.join(60)
    assert [c.exitcode for c in children] == [0, 0, 0]
    assert len(hits("process")) == 30


def test_it_rebuilds_beside_the_old_index_and_swaps(search_index):
    make_article("Drone factory", "Drones built.")
    indexing.rebuild()
    first = os.path.realpath(search_index)
    assert os.path.islink(search_index)
    make_article("Second drone", "More drones.")
    call_command("rebuild_search_index", "--no-progress", "--nice", "0")  # keep the test process priority
    assert os.path.realpath(search_index) != first and not os.path.exists(first)
    assert len(hits("drone")) == 2


@pytest.mark.skipif(not os.path.exists("/proc/self/autogroup"), reason="a Linux kernel with autogroups")
def test_it_lowers_the_rebuild_sessions_share_of_the_cpu():
    """With autogroups, the CPU is shared between sessions before processes: a rebuild that leads its
    own session (as under a supervisor) must lower its session's priority, not only its own."""
    code = (
        "import django; django.setup(); "
        "from search.management.commands.rebuild_search_index import lower_priority; "
        "lower_priority(7); import os; print(os.nice(0), open('/proc/self/autogroup').read())"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "archive.settings"}
    own_session = subprocess.run(
        [sys.executable, "-c", code], env=env, start_new_session=True, capture_output=True, text=True, check=True
    )
    assert own_session.stdout.split()[0] == "7" and own_session.stdout.strip().endswith("nice 7")
    # In the caller's session (an operator's shell), only the process itself yields.
    shared = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert shared.stdout.split()[0] == "7" and Path("/proc/self/autogroup").read_text() in shared.stdout


def test_it_replays_writes_made_during_a_rebuild(search_index, monkeypatch):
    early = make_article("Early", "Frigate news.")
    late = make_article("Late", "Frigate later.")
    original = indexing._prepare_batches

    def slow(chunk, index=None):
        for docs in original(chunk, index):
            # A worker indexes the late article while the rebuild is still reading.
            indexing.index_articles([late.pk])
            yield [d for d in docs if d["django_id"] != str(late.pk)]

    monkeypatch.setattr(indexing, "_prepare_batches", slow)
    indexing.rebuild()
    assert hits("frigate") == {early.pk, late.pk}


def test_it_reports_and_repairs_differences(search_index, capsys):
    a = make_article("Missile test", "A missile.")
    b = make_article("Missile two", "Another missile.")
    indexing.rebuild()
    # update() sends no signal: the document becomes stale.
    Article.objects.filter(pk=a.pk).update(title="Missile changed", modified=timezone.now())
    Article.objects.filter(pk=b.pk).delete()  # signal queues it; pretend the worker never ran
    c = Article.objects.bulk_create([Article(title="Missile bulk", body="x", content_hash="bulk1")])[0]
    status = indexing.index_status()
    assert status["stale"] == [a.pk] and status["orphans"] == [b.pk] and status["missing"] == [c.pk]
    call_command("search_index_status")
    assert "run with --repair" in capsys.readouterr().out
    call_command("search_index_status", "--repair")
    assert "matches the database" in capsys.readouterr().out or indexing.index_status()["missing"] == []
    status = indexing.index_status()
    assert not (status["stale"] or status["orphans"] or status["missing"] or status["pending"])
    assert hits("missile") == {a.pk, c.pk}


def test_it_keeps_haystacks_own_api_working(search_index):
    from haystack import connections
    from haystack.query import SearchQuerySet

    article = make_article("Corvette launch", "A corvette was launched.")
    backend = connections["default"].get_backend()
    backend.update(indexing.article_index(), [article])  # through the writer lock
    assert SearchQuerySet().all().count() == 1  # match-all is Every(), not a term walk
    assert [r.pk for r in SearchQuerySet().auto_query("corvette")] == [str(article.pk)]
    backend.clear()  # deletes documents; never removes the symlinked generation
    assert os.path.islink(search_index) and SearchQuerySet().all().count() == 0
