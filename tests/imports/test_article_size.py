"""One limit on the size of an article, Article.MAX_BODY_CHARS, enforced at import before anything is stored."""

from io import StringIO

import pytest
from django.core.management import call_command

from archive.core.models import Article

from .rejects import article, import_rejecting, write

pytestmark = pytest.mark.django_db
LIMIT = Article.MAX_BODY_CHARS


def over(n: int = LIMIT + 1) -> str:
    return ("Ministers met. " * (n // 15 + 1))[:n]


def test_it_refuses_an_inline_body_over_the_limit(tmp_path):
    bad = write(tmp_path / "big.json", article(body=over()))
    assert f"{bad}: articles[0].body: is {LIMIT + 1:,} characters; the limit is {LIMIT:,}" in import_rejecting(bad)


def test_it_refuses_a_body_file_over_the_limit(tmp_path):
    write(tmp_path / "big.txt.body", over())
    bad = write(tmp_path / "uses_big.json", article(body="", body_file="big.txt.body"))
    err = import_rejecting(bad)
    assert f"{bad}: articles[0].body_file: 'big.txt.body' is {LIMIT + 1:,} characters; the limit is {LIMIT:,}" in err


def test_it_does_not_read_a_body_file_too_big_to_fit(tmp_path):
    size = 4 * LIMIT + 1  # more bytes than LIMIT characters can take in UTF-8: refused before reading
    write(tmp_path / "huge.body", b"x" * size)
    bad = write(tmp_path / "uses_huge.json", article(body="", body_file="huge.body"))
    err = import_rejecting(bad)
    assert f"articles[0].body_file: 'huge.body' is {size:,} bytes, over the limit of {LIMIT:,} characters" in err


def test_it_refuses_a_raw_text_over_the_limit(tmp_path):
    text = "Defence News\n\nA very long report\n\n" + over()
    bad = write(tmp_path / "big.txt", text)
    assert f"{bad}: is {len(text):,} characters; the limit is {LIMIT:,}" in import_rejecting(bad)


def test_it_counts_characters_not_bytes(tmp_path):
    # Cyrillic takes two bytes a character: a body at the limit is accepted.
    body = ("Министри су се састали. " * (LIMIT // 24 + 1))[:LIMIT]
    write(tmp_path / "cyrillic.body", body)
    ok = write(tmp_path / "at_limit.json", article(body="", body_file="cyrillic.body", language="sr"))
    call_command("import_articles", str(ok), stdout=StringIO(), stderr=StringIO())
    assert len(Article.objects.get().body) == LIMIT
