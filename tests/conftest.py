import pytest


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
    settings.HAYSTACK_CONNECTIONS["default"]["PATH"] = str(path)
    connections.thread_local.connections = {}
    return path
