"""A new web process warms up before it takes requests (archive/warmup.py, gunicorn's post_worker_init)."""

import logging

import pytest

from archive import warmup

from .conftest import make_article

pytestmark = pytest.mark.django_db


def test_it_compiles_every_template_the_archive_ships_and_not_the_admins():
    names = list(warmup._project_templates())
    assert "base.html" in names and "search/partials/results.html" in names
    assert any(name.startswith("api/") for name in names), "app templates (archive/api/templates) are warmed too"
    assert not any(name.startswith("admin/") for name in names)
    assert warmup.compile_templates() == len(names)


def test_it_opens_the_index_and_reports_each_step(search_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_article("Airlift", "An airlift exercise.")
        make_article("Sealift", "A sealift exercise.")
    done = warmup.warm()
    assert list(done) == ["url patterns", "templates", "indexed documents"]
    assert done["indexed documents"][0] == 2
    assert done["url patterns"][0] > 5
    assert "2 indexed documents in" in warmup.describe(done)


def test_it_logs_a_failed_step_and_still_runs_the_others(monkeypatch, caplog):
    def broken():
        raise OSError("index folder unreadable")

    monkeypatch.setattr(warmup, "STEPS", (("indexed documents", broken), ("url patterns", warmup.load_urlconf)))
    with caplog.at_level(logging.ERROR, logger="archive.warmup"):
        done = warmup.warm()
    assert list(done) == ["url patterns"]
    assert "warm-up step failed: indexed documents" in caplog.text and "index folder unreadable" in caplog.text
