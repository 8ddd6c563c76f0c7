"""schemathesis against the API's own schema, in process through WSGI: no server error on any operation.

Every operation gets cases that fit the schema and cases that break it (wrong types, values out of
range, missing or extra parts); each response must be no 5xx, and must match what the schema documents
(status code, content type, body).
"""

import time
from collections import Counter

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from archive.wsgi import application
from search import indexing
from tests.search.conftest import search_index  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db

EXAMPLES = 50  # per operation and mode: the file stays well under a minute on two cores
# Requests that fit the schema get answers that fit it too; those that do not (a path the site's converters
# refuse answers Django's own HTML 404, not the API's JSON) only must not fail.
MODES = [
    (
        GenerationMode.POSITIVE,
        [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance],
    ),
    (GenerationMode.NEGATIVE, [not_a_server_error]),
]


@pytest.fixture
def test_connection_kept():
    """The WSGI handler closes the database connection after each request, and with it the test's transaction.

    Django's test client keeps it open the same way: by not closing connections on request signals meanwhile.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def unthrottled(settings):
    settings.REST_FRAMEWORK = {**django_settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute"}}


def test_it_answers_every_operation_of_the_schema_without_a_server_error(
    world,
    search_index,  # noqa: F811
    unthrottled,
    test_connection_kept,
):
    indexing.rebuild()
    started = time.monotonic()
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 9
    statuses = Counter()

    for operation in operations:
        for mode, checks in MODES:
            run_cases(operation.as_strategy(mode), checks, statuses)

    server_errors = sum(n for status, n in statuses.items() if status >= 500)
    print(
        f"\nschemathesis: {len(operations)} operations, {statuses.total()} requests, {server_errors} 5xx, "
        f"statuses {dict(sorted(statuses.items()))}, {time.monotonic() - started:.1f} s"
    )
    assert server_errors == 0
    assert statuses[200] > len(operations)  # well-formed requests reached real data, not only errors


def run_cases(cases, checks, statuses):
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,  # nothing written into the working tree
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )
    @given(case=cases)
    def run(case):
        response = case.call()
        statuses[response.status_code] += 1
        case.validate_response(response, checks=checks)

    run()
