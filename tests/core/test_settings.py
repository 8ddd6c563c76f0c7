import os
import subprocess
import sys

from django.conf import settings

from archive import settings as archive_settings


def _start(env: dict) -> subprocess.CompletedProcess:
    code = "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'archive.settings'); django.setup()"
    full_env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY", "DEBUG")} | env
    return subprocess.run([sys.executable, "-c", code], env=full_env, capture_output=True, text=True, timeout=60)


def test_it_keeps_tests_out_of_the_developer_index():
    assert "whoosh-index" in str(settings.WHOOSH_INDEX_PATH)
    assert settings.HAYSTACK_CONNECTIONS["default"]["PATH"] == str(settings.WHOOSH_INDEX_PATH)


def test_it_names_the_variable_with_a_bad_boolean():
    result = _start({"DEBUG": "perhaps"})
    assert result.returncode != 0
    assert "DEBUG must be true/false" in result.stderr


def test_it_requires_a_secret_key_in_production():
    result = _start({"DEBUG": "0", "ALLOWED_HOSTS": "example.org"})
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_it_names_the_variable_with_a_bad_database_url():
    result = _start({"DATABASE_URL": "nosuchdb://x"})
    assert result.returncode != 0
    assert "DATABASE_URL is not a usable database URL" in result.stderr


def test_it_parses_helpers():
    os.environ["ARCHIVE_TEST_LIST"] = "a, b,,c"
    assert archive_settings.env_list("ARCHIVE_TEST_LIST") == ["a", "b", "c"]
    assert archive_settings.env_bool("ARCHIVE_TEST_UNSET", True) is True
