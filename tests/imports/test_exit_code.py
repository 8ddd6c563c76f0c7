"""The real command, in its own process, on a folder of hostile files: exit code 1, no traceback, the rest imported."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from archive.core.models import Article

from .rejects import NEXT, NEXT_TITLE, article, write

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        user = db.get("USER") or "postgres"
        password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
        return f"postgres://{user}{password}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"
    if connection.is_in_memory_db():
        pytest.skip("the command's own process needs a file or server database (see tests/conftest.py)")
    return f"sqlite:///{db['NAME']}"


def test_it_exits_1_without_a_traceback_and_imports_the_good_file(tmp_path):
    folder = tmp_path / "incoming"
    outside = write(tmp_path / "outside" / "secret.txt", "A server file that must stay private.")
    write(folder / "a_deep.json", '{"format": "archive-articles/1", "articles": ' + "[" * 10_000 + "]" * 10_000 + "}")
    write(folder / "b_nul.json", article(title="NUL\u0000 title"))
    write(folder / "c_surrogate.json", article(title="Lone \ud800"))
    write(folder / "d_nul.txt", b"Binary\x00file")
    write(folder / "e_climb.json", article(body="", body_file="../outside/secret.txt"))
    write(folder / "f_script.json", article(url="javascript:alert(document.cookie)"))
    write(folder / "g_long.json", article(people=[{"name": "N" * 1000}]))
    (folder / "h_link.txt").symlink_to(outside)
    write(folder / "z_good.json", NEXT)
    env = os.environ | {
        "DATABASE_URL": database_url(),
        "ARCHIVE_VAR_DIR": str(tmp_path / "var"),
        "WHOOSH_INDEX_PATH": str(tmp_path / "index"),
    }
    env.pop("CELERY_BROKER_URL", None)
    result = subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "import_articles", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "created 1, " in result.stdout and "failed 8 (9 files)" in result.stdout
    assert result.stderr.count("FAILED ") == 8
    assert list(Article.objects.values_list("title", flat=True)) == [NEXT_TITLE]
