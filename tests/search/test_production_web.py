"""The documented production web setup, for real: gunicorn with its config, DEBUG off, WhiteNoise (issue 7)."""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import make_article
from .test_workers import database_url

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url, method="GET"):
    request = urllib.request.Request(url, method=method)  # noqa: S310 - a loopback URL built here
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 - a loopback URL built here
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def gunicorn(search_index, tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url(),
        "WHOOSH_INDEX_PATH": str(search_index),
        "STATIC_ROOT": str(tmp_path / "static"),
        "ARCHIVE_VAR_DIR": str(tmp_path / "var"),
        "CELERY_BROKER_URL": "",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "WARNING",
    }
    collect = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert collect.returncode == 0, collect.stderr[-2000:]
    log_path = tmp_path / "gunicorn.log"
    log = log_path.open("w")
    proc = subprocess.Popen([str(GUNICORN), "archive.wsgi"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        # Up when it answers, and when each worker has opened the index and read its facets before taking
        # requests (gunicorn.conf.py): the first worker can answer while the second is still warming.
        while True:
            try:
                up = fetch(base + "/health/")[0] == 200
            except OSError:
                up = False
            if up and log_path.read_text().count("worker warmed") >= int(env["WEB_CONCURRENCY"]):
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("gunicorn did not start:\n" + log_path.read_text()[-3000:])
            time.sleep(0.3)
        yield base
    finally:  # a failed start must not leave gunicorn running
        proc.terminate()
        proc.wait(20)
    text = log_path.read_text()
    assert "Traceback" not in text
    # Every worker did each warm-up step (a failed step would be logged and missing here).
    warmed = re.findall(r"worker warmed: (.*)", text)
    assert warmed and all(
        "url patterns" in line and "templates" in line and "indexed documents" in line for line in warmed
    )


def test_it_serves_pages_static_files_head_and_health_from_gunicorn(gunicorn, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article("Airlift", "An airlift exercise.")
    status, _, body = fetch(gunicorn + "/health/")
    assert status == 200
    report = json.loads(body)
    assert report["ok"] and report["checks"]["database"]["ok"] and report["checks"]["index"]["ok"]

    status, headers, body = fetch(gunicorn + "/?q=airlift")
    assert status == 200 and f"/articles/{article.pk}/" in body.decode()
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', body.decode())
    assert assets, "the search page links no static files"
    for asset in assets:
        status, headers, content = fetch(gunicorn + asset)
        assert status == 200 and content, asset
        assert re.search(r"\.[0-9a-f]{12}\.", asset), f"{asset} is not a hashed (cacheable) name"
        assert "max-age=315360000" in headers.get("Cache-Control", "")

    status, _, body = fetch(gunicorn + "/admin/login/")
    admin_css = re.findall(r'href="(/static/admin/css/[^"]+)"', body.decode())
    assert status == 200 and admin_css
    assert all(fetch(gunicorn + css)[0] == 200 for css in admin_css)

    status, _, body = fetch(gunicorn + "/", method="HEAD")
    assert status == 200 and body == b""
