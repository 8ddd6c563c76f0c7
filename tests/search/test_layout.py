"""One index path for every process, however started: rebuilds never nest, never lose a concurrent save (issue 7)."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from archive.core.models import Article
from archive.core.text import content_hash
from search import engine, indexing
from search.query import SearchParams

from .test_workers import database_url

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def hits(q):
    return set(engine.run(SearchParams(q=q), per_page=500).article_ids)


def bulk_articles(n, word):
    Article.objects.bulk_create(
        Article(
            title=f"{word} report {i}",
            body=f"The {word} exercise number {i} went ahead.",
            content_hash=content_hash(f"{word}{i}"),
        )
        for i in range(n)
    )
    return set(Article.objects.filter(title__startswith=word).values_list("pk", flat=True))


def child_env(index_path):
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "WHOOSH_INDEX_PATH": str(index_path),
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "CELERY_BROKER_URL": "",
        "LOG_LEVEL": "WARNING",
    }


def manage(index_path, *args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=cwd,
        env=child_env(index_path),
        capture_output=True,
        text=True,
        timeout=300,
    )


def generations(index_path):
    return sorted(p.name for p in index_path.parent.iterdir() if p.name.startswith(index_path.name + "."))


def test_it_rebuilds_twenty_times_from_separate_processes_without_nesting(search_index, tmp_path):
    expected = bulk_articles(30, "Minesweeper")
    for run in range(20):
        # Started from different working directories, as cron, a shell and a container would.
        result = manage(search_index, "rebuild_search_index", "--no-progress", cwd=tmp_path if run % 2 else ROOT)
        assert result.returncode == 0, result.stderr[-2000:]
    live = Path(os.path.realpath(search_index))
    assert search_index.is_symlink() and live.parent == search_index.parent
    assert os.readlink(search_index) == live.name  # one level of indirection
    assert live.name.startswith(f"{search_index.name}.gen-") and ".gen-" not in live.name[len(search_index.name) + 5 :]
    # Only the live generation is left, beside the lock file.
    assert [g for g in generations(search_index) if ".gen-" in g] == [live.name]
    assert hits("minesweeper") == expected
    other = bulk_articles(1, "Icebreaker")
    indexing.index_articles(other)  # writes after twenty swaps still land
    assert hits("icebreaker") == other


def test_it_repairs_the_nested_layout_older_versions_left(search_index):
    expected = bulk_articles(5, "Tugboat")
    indexing.rebuild()
    live = Path(os.path.realpath(search_index))
    # What an older version left: idx -> idx.gen-A (a symlink) -> idx.gen-A.gen-B (the live index), plus debris.
    nested = search_index.parent / f"{live.name}.gen-20250101T000000000000"
    live.rename(nested)
    live.symlink_to(nested.name)
    (search_index.parent / f"{live.name}.lock").write_text("")
    (search_index.parent / f"{search_index.name}.old-123").mkdir()
    assert hits("tugboat") == expected  # opening the index mends the layout first
    assert os.readlink(search_index) == nested.name
    assert set(generations(search_index)) == {f"{search_index.name}.lock", nested.name}
    indexing.rebuild()
    assert hits("tugboat") == expected
    assert len(os.readlink(search_index)) == len(f"{search_index.name}.gen-20250101T000000000000")


SAVER = textwrap.dedent(
    """
    import sys, time, django
    django.setup()
    from archive.core.models import Article
    from archive.core.text import content_hash
    go, seconds = sys.argv[1], float(sys.argv[2])
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
        # Each save commits on its own; the signal queues it and the eager task writes the index from here.
        a = Article.objects.create(
            title=f"Hovercraft {n}", body="Hovercraft trials.", content_hash=content_hash(f"hc{n}")
        )
        print(a.pk, flush=True)
        if n == 3:
            open(go, "w").close()
        time.sleep(0.05)
    """
)


def test_it_keeps_saves_from_a_process_started_before_the_rebuild(search_index, tmp_path):
    bulk_articles(1500, "Destroyer")  # enough that the rebuild takes a few seconds
    indexing.rebuild()  # the index exists before the saver starts, as in production
    go = tmp_path / "go"
    saver = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(go), "12"],
        cwd=ROOT,
        env=child_env(search_index),
        stdout=subprocess.PIPE,
        text=True,
    )
    for _ in range(600):
        if go.exists() or saver.poll() is not None:
            break
        subprocess.run(["sleep", "0.1"], check=True)
    # A rebuild started later, from another process, while the saver keeps saving.
    result = manage(search_index, "rebuild_search_index", "--no-progress")
    assert result.returncode == 0, result.stderr[-2000:]
    out, _ = saver.communicate(timeout=120)
    assert saver.returncode == 0
    saved = {int(line) for line in out.split()}
    assert len(saved) > 20
    missing = saved - hits("hovercraft")
    assert not missing, f"{len(missing)} of {len(saved)} saves lost by the rebuild"
    status = indexing.index_status()
    assert (status["missing"], status["stale"], status["orphans"]) == ([], [], [])
