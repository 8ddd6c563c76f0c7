"""The product on another haystack engine: SEARCH_URL, the generic search path, and indexing through haystack.

haystack's stock Whoosh backend stands in for Elasticsearch or Solr as the default connection: saves,
deletes, rebuilds and status go through `backend.update/remove` (search.remote_indexing), the pages
through `SearchQuerySet` (search.generic). No live cluster can run here; what differs on one (its
analyzers, result windows, refresh intervals) is not covered.
"""

import datetime
import os
import re
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.urls import reverse
from haystack import connections

from archive.core.models import Article, ArticleCountry
from search import indexing, service

from .conftest import day, make_article, make_person, make_source

pytestmark = pytest.mark.django_db
LATER = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)


@pytest.fixture
def saved(stock_search_index, django_capture_on_commit_callbacks):
    """Articles saved as curators and import save them: signals queue them, the (eager) task indexes them."""
    with django_capture_on_commit_callbacks(execute=True):
        vucic = make_person("Aleksandar Vučić", "Вучић")
        a = make_article(
            "Vučić meets Güler",
            "Talks on defence cooperation in Ankara.",
            countries=["RS", "TR"],
            people=[vucic],
            source=make_source("Tanjug"),
            published=day(2023, 5, 2),
            meeting_kind="visit",
        )
        b = make_article("Naval exercise", "Ships trained in the Adriatic.", countries=["HR"], published=day(2021, 3))
        reports = [
            make_article(f"Routine report {i}", "Routine news.", countries=["US"], published=day(2015, 1, 1 + i))
            for i in range(25)
        ]
    return {"a": a, "b": b, "reports": reports, "vucic": vucic}


def test_it_indexes_saves_through_haystack(saved):
    assert not indexing.is_archive_engine()
    assert service.document_count() == 27
    assert indexing.index_status()["missing"] == []


def test_it_serves_the_search_page_with_folding_and_facets(client, saved):
    html = client.get(reverse("search"), {"q": "Вучић"}).content.decode()
    assert "meets Güler" in html and "Naval exercise" not in html
    html = client.get(reverse("search"), {"q": "Turkey"}).content.decode()
    assert "meets Güler" in html
    out = service.run(engine_params(filters={"country": ["RS"]}))
    assert out.total == 1 and out.facets["country"] == {"RS": 1, "TR": 1, "HR": 1, "US": 25}


def test_it_pages_the_search_page(client, saved):
    html = client.get(reverse("search"), {"q": "routine", "sort": "oldest", "page": "2"}).content.decode()
    assert sorted({int(n) for n in re.findall(r"report (\d+)", html)}) == [20, 21, 22, 23, 24]


def test_it_removes_a_deleted_article(client, saved, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        saved["b"].delete()
    assert service.document_count() == 26
    assert "Naval exercise" not in client.get(reverse("search"), {"q": "naval"}).content.decode()


def test_it_reindexes_an_edit(saved, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ArticleCountry.objects.create(article=saved["b"], country_id="TR")
    assert service.run(engine_params(filters={"country": ["TR"]})).total == 2


def test_it_repairs_what_signals_missed(saved):
    # QuerySet.update() sends no signal: the document is stale until status --repair.
    Article.objects.filter(pk=saved["b"].pk).update(title="Submarine drill", modified=LATER)
    status = indexing.index_status()
    assert status["stale"] == [saved["b"].pk]
    indexing.repair(status)
    assert indexing.index_status()["stale"] == []
    assert service.run(engine_params(q="submarine")).article_ids == [saved["b"].pk]


def test_it_rebuilds_in_place_without_emptying_the_index(saved):
    Article.objects.filter(pk=saved["a"].pk).update(title="Frigate handover", modified=LATER)
    # Deleted while no worker ran (its queued task never ran here): the document is an orphan.
    orphan = saved["reports"][0].pk
    saved["reports"][0].delete()
    assert indexing.index_status()["orphans"] == [orphan]
    seen = []
    indexing.rebuild(progress=lambda n: seen.append(service.document_count()), chunk=5)
    assert len(seen) == 6 and min(seen) >= 26  # searchable throughout: never emptied
    status = indexing.index_status()
    assert (status["missing"], status["orphans"], status["stale"]) == ([], [], [])
    assert service.document_count() == 26
    call_command("rebuild_index", interactive=False, verbosity=0)  # haystack's command takes the same path
    assert service.run(engine_params(q="frigate")).article_ids == [saved["a"].pk]


def test_it_reports_health_from_the_engine(client, saved):
    body = client.get(reverse("health")).json()
    assert body["ok"] and body["checks"]["index"]["documents"] == 27


def engine_params(**kw):
    from search.query import SearchParams

    kw.setdefault("sort", "relevance" if kw.get("q") else "newest")
    return SearchParams(**kw)


def _start(env: dict) -> subprocess.CompletedProcess:
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'archive.settings'); django.setup();"
        "from django.conf import settings; print(settings.SEARCH_IMPLEMENTATION, settings.HAYSTACK_CONNECTIONS)"
    )
    unset = ("DATABASE_URL", "SECRET_KEY", "DEBUG", "SEARCH_URL", "WHOOSH_INDEX_PATH")
    full_env = {k: v for k, v in os.environ.items() if k not in unset} | env
    return subprocess.run([sys.executable, "-c", code], env=full_env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"SEARCH_URL": "elasticsearch7://es:9200/archive"}, "generic"),
        ({"SEARCH_URL": "solr://solr:8983/solr/archive"}, "generic"),
        ({"SEARCH_URL": "whoosh:///srv/index"}, "fast"),
        ({}, "fast"),
    ],
)
def test_it_configures_the_engine_from_search_url(env, expected):
    result = _start(env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(expected)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SEARCH_URL": "mysql://db/archive"}, "SEARCH_URL: unknown engine “mysql”"),
        ({"SEARCH_URL": "whoosh://relative/path"}, "SEARCH_URL: a Whoosh URL needs an absolute path"),
        ({"SEARCH_URL": "elasticsearch7://es:9200"}, "SEARCH_URL: elasticsearch7 needs an index name"),
        ({"SEARCH_URL": "solr://s:8983/solr/a", "WHOOSH_INDEX_PATH": "/srv/i"}, "Set SEARCH_URL or WHOOSH_INDEX_PATH"),
    ],
)
def test_it_names_search_url_when_it_cannot_be_used(env, message):
    result = _start(env)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.fixture
def unreachable_cluster(settings):
    """SEARCH_URL naming an Elasticsearch nobody listens on: the real client, a refused connection."""
    from search.generic import connection_from_url

    conf = {"default": connection_from_url("elasticsearch7://127.0.0.1:9/archive")[0] | {"TIMEOUT": 2}}
    previous = connections.connections_info
    settings.HAYSTACK_CONNECTIONS = conf
    settings.SEARCH_IMPLEMENTATION = "generic"
    connections.connections_info = conf
    connections.reload("default")
    yield
    connections.connections_info = previous
    connections.reload("default")


def test_it_says_search_is_unavailable_when_the_cluster_is_down(client, unreachable_cluster):
    response = client.get(reverse("search"), {"q": "vucic"})
    assert response.status_code == 503
    assert "Search is unavailable right now" in response.content.decode()
    health = client.get(reverse("health"))
    assert health.status_code == 503 and health.json()["checks"]["index"]["ok"] is False
    # The rest of the archive does not depend on the cluster.
    assert client.get(reverse("meeting-archive")).status_code == 200
