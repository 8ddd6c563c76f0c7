"""Importing a bad file followed by a good one: the bad file is reported and keeps nothing, the good one imports."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from archive.core.models import Article, Meeting, Organisation, Person, Source

NEXT_TITLE = "The next file still imports"
NEXT = {
    "format": "archive-articles/1",
    "articles": [{"title": NEXT_TITLE, "language": "en", "body": "A short report written for the import tests."}],
}


def article(**fields) -> dict:
    """A fixture with one article; fields replace the defaults."""
    base = {"title": "A test article", "body": "Defence ministers met to discuss cooperation.", "language": "en"}
    return {"format": "archive-articles/1", "articles": [base | fields]}


def write(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def import_rejecting(*bad: Path) -> str:
    """Import the bad files then a good one; return what was printed on stderr."""
    good = write(bad[0].parent / "zz_next.json", NEXT)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import_articles", *map(str, bad), str(good), stdout=out, stderr=err)
    assert exc.value.returncode == 1
    assert f"failed {len(bad)}" in out.getvalue() and "created 1" in out.getvalue()
    # Nothing from the bad files was kept.
    assert list(Article.objects.values_list("title", flat=True)) == [NEXT_TITLE]
    assert not Person.objects.exists() and not Meeting.objects.exists() and not Source.objects.exists()
    assert not Organisation.objects.filter(articles__isnull=False).exists()
    return err.getvalue()
