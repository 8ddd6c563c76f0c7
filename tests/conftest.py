import os

import pytest

# Processes the tests start (workers, gunicorn) see each commit at once, as the tests' own threads do.
os.environ.setdefault("SEARCH_REFRESH_MS", "0")


@pytest.fixture(autouse=True, scope="session")
def _throwaway_index(tmp_path_factory):
    """Tests never write to the developer's index under var/: one throw-away index per run.

    haystack keeps a reference to the settings dict, so it is changed in place and
    every thread's cached backend is dropped.
    """
    from django.conf import settings
    from haystack import connections

    path = tmp_path_factory.mktemp("whoosh-index")
    settings.WHOOSH_INDEX_PATH = path
    settings.SEARCH_REFRESH_MS = 0  # tests search right after they write (and the env passes it to processes)
    settings.HAYSTACK_CONNECTIONS["default"]["PATH"] = str(path)
    connections.thread_local.connections = {}
    return path


@pytest.fixture(autouse=True)
def _empty_cache():
    """The API's throttle counts each address's requests in the cache: no test inherits another's count."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, a file test database: Celery worker processes and the rebuild's reader process can open it."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        db.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")
