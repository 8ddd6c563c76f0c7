"""Anonymous clients are throttled per address, at the rate API_ANON_RATE sets; a bad rate stops start-up."""

import os

import pytest
from django.conf import settings as django_settings

from tests.core.test_settings import _start

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_a_minute(settings):
    settings.REST_FRAMEWORK = {**django_settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}


def test_it_throttles_an_anonymous_client_across_the_api(api, three_a_minute):
    for url in ("/api/countries/", "/api/meetings/", "/api/countries/RS/"):
        assert api.get(url).status_code == 200
    refused = api.get("/api/articles/")
    assert refused.status_code == 429
    assert "Request was throttled" in refused.json()["detail"]
    assert 0 < int(refused["Retry-After"]) <= 60
    # Another address has its own count; a made-up X-Forwarded-For header is not another address.
    assert api.get("/api/articles/", REMOTE_ADDR="192.0.2.7").status_code == 200
    assert api.get("/api/articles/", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    # The pages of the site are not throttled.
    assert api.get("/countries/").status_code == 200


def test_it_throttles_the_schema_and_docs_too_without_a_server_error(api, three_a_minute):
    for _ in range(3):
        api.get("/api/countries/")
    assert api.get("/api/schema/").status_code == 429
    assert api.get("/api/docs/").status_code == 429
    assert api.get("/api/docs/?script").status_code == 429


def test_it_reads_the_rate_from_the_environment():
    assert django_settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"] == django_settings.API_ANON_RATE
    for bad in ("lots", "0/minute", "10/fortnight", "²/second", "10"):
        result = _start({"API_ANON_RATE": bad})
        assert result.returncode != 0
        assert "API_ANON_RATE must be requests per second, minute, hour or day" in result.stderr
    assert _start({"API_ANON_RATE": "30/second"}).returncode == 0


def test_it_shares_the_counts_between_processes_through_a_redis_cache():
    """Two web processes, one client address: with CACHE_URL they count together, so the limit holds."""
    import subprocess
    import sys

    from tests.services import require_redis

    url = require_redis()
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'archive.settings'); django.setup();"
        "from django.test import Client; from django.test.utils import setup_test_environment;"
        "setup_test_environment(); c = Client();"
        "print(' '.join(str(c.get('/api/').status_code) for _ in range(3)))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env |= {"CACHE_URL": url.rsplit("/", 1)[0] + "/13", "API_ANON_RATE": "4/minute", "ALLOWED_HOSTS": "testserver"}
    subprocess.run(
        [sys.executable, "-c", "import redis, sys; redis.Redis.from_url(sys.argv[1]).flushdb()", env["CACHE_URL"]],
        check=True,
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
        for _ in range(2)
    ]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr[-2000:]
    assert [r.stdout.split() for r in runs] == [["200", "200", "200"], ["200", "429", "429"]]
