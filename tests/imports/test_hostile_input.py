"""Input that used to crash the command or fail inside the database: each a clear per-file error.

The NUL-byte cases only crashed on PostgreSQL (SQLite stores NUL); the check fires
before the database on both, so these tests assert the same error on either.
"""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from archive.core.models import Article, ArticlePerson, Meeting, Organisation, Person, PersonName, Source
from archive.imports.checks import MAX_DEPTH

from .rejects import article, import_rejecting, write

pytestmark = pytest.mark.django_db
MEETING = {"kind": "meeting", "date": "2024-06-05", "participants": [{"name": "Ana Test", "side": "host"}]}


def test_it_reports_arrays_nested_ten_thousand_deep(tmp_path):
    bad = write(
        tmp_path / "deep.json", '{"format": "archive-articles/1", "articles": ' + "[" * 10_000 + "]" * 10_000 + "}"
    )
    assert f"{bad}: is nested more than {MAX_DEPTH} levels deep" in import_rejecting(bad)


def test_it_reports_nesting_deeper_than_the_format_with_its_place(tmp_path):
    nested: list = []
    for _ in range(MAX_DEPTH):
        nested = [nested]
    bad = write(tmp_path / "nested.json", article(notes=nested))
    err = import_rejecting(bad)
    assert f"{bad}: articles[0].notes{'[0]' * (MAX_DEPTH - 3)}: is nested more than {MAX_DEPTH} levels deep" in err


@pytest.mark.parametrize(
    ("fields", "where"),
    [
        ({"title": "Talks\u0000 in Belgrade"}, "articles[0].title"),
        ({"body": "Ministers met.\u0000"}, "articles[0].body"),
        ({"people": [{"name": "Ana\u0000 Test"}]}, "articles[0].people[0].name"),
        ({"meetings": [MEETING | {"summary": "Met\u0000"}]}, "articles[0].meetings[0].summary"),
        ({"ignored\u0000key": 1}, "articles[0] (a key)"),
    ],
)
def test_it_reports_a_nul_character_in_json_with_its_field(tmp_path, fields, where):
    bad = write(tmp_path / "nul.json", article(**fields))
    assert f"{bad}: {where}: contains a NUL character (\\u0000), which cannot be stored" in import_rejecting(bad)


def test_it_reports_a_raw_text_file_with_nul_bytes_as_binary(tmp_path):
    bad = write(tmp_path / "binary.txt", b"Defence News\n\nMinisters met in Belgrade.\x00\x01\x02")
    assert f"{bad}: contains NUL bytes: a binary file, not text" in import_rejecting(bad)


def test_it_reports_a_body_file_with_nul_bytes(tmp_path):
    write(tmp_path / "body.bin.txt", b"Ministers met.\x00")
    bad = write(tmp_path / "uses_binary.json", article(body="", body_file="body.bin.txt"))
    err = import_rejecting(bad)
    assert f"{bad}: articles[0].body_file: 'body.bin.txt' contains NUL bytes: a binary file, not text" in err


def test_it_reports_a_lone_surrogate(tmp_path):
    bad = write(tmp_path / "surrogate.json", article(title="Talks \ud800 in Belgrade"))  # json.dumps escapes it
    assert "\\ud800" in bad.read_text()
    err = import_rejecting(bad)
    assert f"{bad}: articles[0].title: contains a lone surrogate ('\\ud800'), which is not valid Unicode text" in err


def test_it_reports_an_integer_too_long_to_read(tmp_path):
    text = json.dumps(article(confidence="NUMBER")).replace('"NUMBER"', "9" * 5000)
    bad = write(tmp_path / "bigint.json", text)
    assert f"{bad}: not valid JSON: Exceeds the limit" in import_rejecting(bad)


def test_it_reports_a_non_string_name_variant(tmp_path):
    bad = write(tmp_path / "variant.json", article(people=[{"name": "Ana Test", "variants": ["Ana", 7]}]))
    assert f"{bad}: articles[0].people[0].variants[1]: must be a string, got int" in import_rejecting(bad)


def _limit(model, field):
    return model._meta.get_field(field).max_length


LONG_FIELDS = {
    "title": (lambda n: {"title": "T" * n}, "articles[0].title", Article, "title"),
    "source": (lambda n: {"source": "S" * n}, "articles[0].source", Source, "name"),
    "url": (lambda n: {"url": "https://example.org/" + "u" * n}, "articles[0].url", Article, "url"),
    "organisation": (lambda n: {"organisations": ["O" * n]}, "articles[0].organisations[0].name", Organisation, "name"),
    "person": (lambda n: {"people": [{"name": "P" * n}]}, "articles[0].people[0].name", Person, "name"),
    "variant": (
        lambda n: {"people": [{"name": "Ana Test", "variants": ["V" * n]}]},
        "articles[0].people[0].variants[0]",
        PersonName,
        "name",
    ),
    "role": (
        lambda n: {"people": [{"name": "Ana Test", "role": "R" * n}]},
        "articles[0].people[0].role",
        ArticlePerson,
        "role",
    ),
    "city": (lambda n: {"meetings": [MEETING | {"city": "C" * n}]}, "articles[0].meetings[0].city", Meeting, "city"),
    "participant": (
        lambda n: {"meetings": [MEETING | {"participants": [{"name": "N" * n}]}]},
        "articles[0].meetings[0].participants[0].name",
        Person,
        "name",
    ),
    "participant role": (
        lambda n: {"meetings": [MEETING | {"participants": [{"name": "Ana Test", "role": "R" * n}]}]},
        "articles[0].meetings[0].participants[0].role",
        ArticlePerson,
        "role",
    ),
}


@pytest.mark.parametrize("name", LONG_FIELDS)
def test_it_names_a_value_too_long_for_its_field_and_the_limit(tmp_path, name):
    make, where, model, field = LONG_FIELDS[name]
    limit = _limit(model, field)
    fields = make(limit + 1)
    bad = write(tmp_path / "long.json", article(**fields))
    length = len(fields["url"]) if name == "url" else limit + 1
    assert f"{bad}: {where}: is {length:,} characters; the limit is {limit:,}" in import_rejecting(bad)


def test_it_accepts_values_exactly_at_their_limits(tmp_path):
    n = _limit(Person, "name")
    data = article(
        title="T" * _limit(Article, "title"),
        source="S" * _limit(Source, "name"),
        people=[{"name": "P" * n, "role": "R" * _limit(ArticlePerson, "role")}],
    )
    call_command("import_articles", str(write(tmp_path / "edge.json", data)), stdout=StringIO(), stderr=StringIO())
    assert Article.objects.get().title == "T" * _limit(Article, "title")


def test_it_reports_a_name_that_folding_makes_too_long(tmp_path):
    limit = _limit(PersonName, "folded")
    bad = write(tmp_path / "folded.json", article(people=[{"name": "ß" * limit}]))  # "ß" folds to "ss"
    err = import_rejecting(bad)
    assert (
        f"articles[0].people[0].name: is {2 * limit:,} characters once folded for search; the limit is {limit}" in err
    )


def test_it_shortens_a_detected_title_that_is_too_long_and_says_so(tmp_path):
    limit = _limit(Article, "title")
    headline = " ".join(["Defenceministerialconsultationsannouncement"] * 20)  # one header line of 20 long words
    assert len(headline) > limit
    raw = write(tmp_path / "long_title.txt", f"{headline}\n\nMinisters met in Belgrade to discuss cooperation.")
    out = StringIO()
    call_command("import_articles", str(raw), stdout=out, stderr=StringIO())
    title = Article.objects.get().title
    assert len(title) == limit and headline.startswith(title[:-1].rstrip()) and title.endswith("…")
    assert f"NOTE {raw}: the title detected in the text was shortened to {limit} characters" in out.getvalue()
    assert "1 note above" in out.getvalue()
