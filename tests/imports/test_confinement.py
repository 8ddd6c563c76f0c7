"""Imports read only the files they were given: body_file and folders cannot reach outside."""

import os
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from archive.core.models import Article

from .rejects import article, import_rejecting, write

pytestmark = pytest.mark.django_db
SECRET = "SECRET-TOKEN-written-by-the-test-outside-the-imported-folder"


@pytest.fixture
def secret(tmp_path):
    """A file outside the imported folder (tmp_path/imported) that must never be published."""
    return write(tmp_path / "secret" / "key.txt", f"Server secret\n\n{SECRET} is not for publication.")


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "imported"
    path.mkdir()
    return path


def assert_secret_not_stored():
    assert not Article.objects.filter(body__contains=SECRET).exists()


def test_it_refuses_a_body_file_that_climbs_out_with_dot_dot(folder, secret):
    bad = write(folder / "climb.json", article(body="", body_file="../secret/key.txt"))
    err = import_rejecting(bad)
    assert f"{bad}: articles[0].body_file: '../secret/key.txt' is outside {folder}" in err
    assert SECRET not in err
    assert_secret_not_stored()


def test_it_refuses_a_body_file_given_as_an_absolute_path(folder, secret):
    bad = write(folder / "absolute.json", article(body="", body_file=str(secret)))
    err = import_rejecting(bad)
    assert f"{bad}: articles[0].body_file: '/" in err and f"' is outside {folder}" in err
    assert_secret_not_stored()


def test_it_refuses_a_body_file_that_is_a_symlink_pointing_outside(folder, secret):
    (folder / "innocent.txt").symlink_to(secret)
    bad = write(folder / "link.json", article(body="", body_file="innocent.txt"))
    err = import_rejecting(bad)
    assert f"{bad}: articles[0].body_file: 'innocent.txt' is outside {folder}" in err
    assert_secret_not_stored()


def test_it_refuses_a_symlink_out_of_an_imported_folder(folder, secret):
    (folder / "leak.txt").symlink_to(secret)
    write(folder / "zz_next.json", article(title="The good file in the folder"))
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import_articles", str(folder), stdout=out, stderr=err)
    assert exc.value.returncode == 1
    assert f"{folder / 'leak.txt'}: points outside {folder}" in err.getvalue()
    assert "created 1, " in out.getvalue() and "failed 1" in out.getvalue()
    assert list(Article.objects.values_list("title", flat=True)) == ["The good file in the folder"]
    assert_secret_not_stored()


def test_it_refuses_kernel_files_even_through_a_symlink_inside_the_folder(folder):
    (folder / "environ.txt").symlink_to("/proc/self/environ")
    bad = write(folder / "proc.json", article(body="", body_file="environ.txt"))
    err = import_rejecting(bad)
    assert f"{bad}: articles[0].body_file: 'environ.txt' is outside {folder}" in err


def test_it_refuses_a_fifo_without_waiting_for_it(folder):
    os.mkfifo(folder / "pipe.txt")
    bad = write(folder / "fifo.json", article(body="", body_file="pipe.txt"))
    err = import_rejecting(bad)
    assert f"{bad}: articles[0].body_file: 'pipe.txt' is not a regular file" in err


def test_it_refuses_a_symlink_loop(folder):
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    bad = write(folder / "loop.json", article(body="", body_file="loop.txt"))
    err = import_rejecting(bad)
    assert f"{bad}: articles[0].body_file: 'loop.txt': cannot be resolved" in err


def test_it_reads_a_body_file_in_a_subfolder(folder):
    nested = "The ministers of defence met in the capital and signed a plan for joint exercises."
    linked = "Two navies agreed on a schedule of port visits for the coming year."
    write(folder / "texts" / "nested" / "body.txt", nested)
    write(folder / "texts" / "other.txt", linked)
    # A symlink that stays inside the folder is fine too.
    (folder / "alias.txt").symlink_to(folder / "texts" / "other.txt")
    fixture = write(
        folder / "ok.json",
        {
            "format": "archive-articles/1",
            "articles": [
                {"title": "From a subfolder", "body_file": "texts/nested/body.txt"},
                {"title": "Through a link", "body_file": "./alias.txt", "url": "https://example.org/alias"},
            ],
        },
    )
    call_command("import_articles", str(fixture), stdout=StringIO(), stderr=StringIO())
    assert dict(Article.objects.values_list("title", "body")) == {"From a subfolder": nested, "Through a link": linked}


def test_it_still_imports_the_seed_folder_layout(tmp_path):
    """The seed fixture names raw/*.txt beside it: copied anywhere, it imports."""
    from django.conf import settings

    seed = tmp_path / "seed"
    shutil.copytree(settings.BASE_DIR / "fixtures" / "seed", seed)
    out = StringIO()
    call_command("import_articles", str(seed / "articles.json"), stdout=out, stderr=StringIO())
    assert "created 5" in out.getvalue()


def test_it_refuses_kernel_files_devices_and_fifos_named_on_the_command_line(folder):
    (folder / "environ.txt").symlink_to("/proc/self/environ")
    (folder / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.txt")
    err = import_rejecting(folder / "environ.txt", folder / "zero.txt", folder / "pipe.txt")
    assert f"{folder / 'environ.txt'}: is not a regular file" in err
    assert f"{folder / 'zero.txt'}: is not a regular file (a device, FIFO, socket or folder)" in err
    assert f"{folder / 'pipe.txt'}: is not a regular file (a device, FIFO, socket or folder)" in err
