"""Runs haystack's own Whoosh test suite (test_haystack/, BSD, see LICENSE) against the archive's backend.

It needs its own settings (its mock models and connections), so it is collected only when pytest runs
with `--ds tests.haystack_suite.settings` (bin/test does, as a second invocation), and ends with
haystack's figure: passed as written / adapted (listed with a reason in ADAPTED.md) / failed.
"""

import logging
import os
import re
from pathlib import Path

import pytest

SETTINGS = "tests.haystack_suite.settings"
HERE = Path(__file__).parent

if os.environ.get("DJANGO_SETTINGS_MODULE") != SETTINGS:
    collect_ignore_glob = ["*"]


def adapted_tests() -> dict[str, str]:
    """Test id (path::Class::test) -> the one-line reason, from ADAPTED.md."""
    found = {}
    for line in (HERE / "ADAPTED.md").read_text().splitlines():
        m = re.match(r"- `([^`]+::[^`]+)` (?:—|-) (.+)", line)
        if m:
            found[m.group(1)] = m.group(2)
    return found


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Not the file database of tests/conftest.py: haystack's suite expects SQLite in memory."""


_outcomes: dict[str, str] = {}


def pytest_runtest_logreport(report):
    nodeid = report.nodeid.split("haystack_suite/", 1)[-1]
    if report.failed:
        _outcomes[nodeid] = "failed"
    elif hasattr(report, "wasxfail"):
        _outcomes[nodeid] = "xfail"  # haystack's own @expectedFailure marks
    elif report.skipped:
        _outcomes[nodeid] = "skipped"
    elif report.when == "call" and nodeid not in _outcomes:
        _outcomes[nodeid] = "passed"


def pytest_terminal_summary(terminalreporter):
    if os.environ.get("DJANGO_SETTINGS_MODULE") != SETTINGS or not _outcomes:
        return
    adapted = adapted_tests()
    failed = sorted(t for t, o in _outcomes.items() if o == "failed")
    passed = [t for t, o in _outcomes.items() if o == "passed" and t not in adapted]
    adapted_passed = [t for t, o in _outcomes.items() if o == "passed" and t in adapted]
    skipped = [t for t, o in _outcomes.items() if o == "skipped"]
    xfail = [t for t, o in _outcomes.items() if o == "xfail"]
    unknown = sorted(set(adapted) - set(_outcomes))
    terminalreporter.write_sep("=", "haystack 3.4 Whoosh suite against search.backend.ArchiveWhooshEngine")
    terminalreporter.write_line(
        f"{len(passed)} passed / {len(adapted_passed)} adapted / {len(failed)} failed"
        f" ({len(skipped)} skipped by haystack for this setup, {len(xfail)} marked expectedFailure by haystack)"
    )
    for test in failed:
        terminalreporter.write_line(f"  failed: {test}")
    if unknown and not failed and len(_outcomes) > len(adapted):
        terminalreporter.write_line(f"  ADAPTED.md lists tests that did not run: {', '.join(unknown)}")


def pytest_unconfigure(config):
    # multiprocessing logs "process shutting down" at exit through a handler bound to pytest's captured
    # stream, closed by then; without this the run ends with a "--- Logging error ---" traceback.
    logging.raiseExceptions = False
