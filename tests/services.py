"""Access to the real services some tests need.

On a developer's machine a missing service skips the test with the reason; under
CI=true it fails, because CI must have started everything the suite needs.
"""

import os
import socket
from urllib.parse import urlparse

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def unavailable(reason: str):
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: services are required, not skipped)", pytrace=False)
    pytest.skip(reason)


def port_open(host: str, port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def require_redis() -> str:
    url = urlparse(REDIS_URL)
    if not port_open(url.hostname or "127.0.0.1", url.port or 6379):
        unavailable(f"Redis is not reachable at {REDIS_URL}; start it or set TEST_REDIS_URL")
    return REDIS_URL


def require_postgres():
    from django.db import connection

    if connection.vendor != "postgresql":
        unavailable("this test needs PostgreSQL: set DATABASE_URL=postgres://... to run it")
