import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from archive.core.models import Article, Meeting, Person

GOOD = {
    "format": "archive-articles/1",
    "articles": [
        {
            "title": "Defence ministers of Hungary and Serbia meet in Budapest",
            "source": "Test Wire",
            "published": "2024-06-05",
            "body": "Defence ministers met in Budapest on 5 June 2024 to discuss cooperation.",
            "countries": ["HU", "RS"],
            "people": [{"name": "Kristóf Szalay-Bobrovniczky", "country": "HU", "role": "Minister of Defence"}],
            "meetings": [
                {
                    "kind": "meeting",
                    "date": "2024-06-05",
                    "city": "Budapest",
                    "participants": [{"name": "Kristóf Szalay-Bobrovniczky", "country": "HU", "side": "host"}],
                }
            ],
        }
    ],
}


def write(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def variant(**changes):
    data = json.loads(json.dumps(GOOD))
    data["articles"][0].update(changes)
    return data


def run(*paths):
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import_articles", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue(), exc.value


CASES = {
    "bad_json.json": ('{"format": "archive-articles/1", "articles": [', "not valid JSON", "line 1, column"),
    "unknown_country.json": (
        variant(countries=["HU", "QQ"]),
        "unknown country code 'QQ'",
        "articles[0].countries[1].code",
    ),
    "bad_date.json": (variant(published="5th of June"), "is not YYYY-MM-DD", "articles[0].published"),
    "impossible_date.json": (variant(published="2024-02-30"), "does not exist", "articles[0].published"),
    "missing_title.json": (variant(title=""), "is required", "articles[0].title"),
    "wrong_type.json": (variant(countries="HU"), "must be a list", "articles[0].countries"),
    "bad_kind.json": (
        {
            **GOOD,
            "articles": [
                {**GOOD["articles"][0], "meetings": [{**GOOD["articles"][0]["meetings"][0], "kind": "picnic"}]}
            ],
        },
        "'picnic' is not one of",
        "articles[0].meetings[0].kind",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(CASES))
def test_it_names_the_file_and_problem_and_keeps_nothing(tmp_path, name):
    content, problem, where = CASES[name]
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    _, err, exc = run(path)
    assert str(path) in err and problem in err and where in err
    assert "1 file(s) failed" in str(exc)
    assert Article.objects.count() == 0 and Person.objects.count() == 0 and Meeting.objects.count() == 0


@pytest.mark.django_db
def test_it_reports_non_utf8_and_unreadable_files(tmp_path):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Vu\xe8i\xe6 met G\xfcler".encode("latin-1"))
    missing = tmp_path / "missing.json"
    _, err, _ = run(latin1, missing)
    assert f"{latin1}: not UTF-8 text" in err
    assert f"{missing}: file not found" in err
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_it_rolls_back_a_file_whose_second_article_is_bad(tmp_path):
    data = variant()
    second = json.loads(json.dumps(data["articles"][0]))
    second["title"], second["body"], second["countries"] = "Second", "Another text.", ["XX"]
    data["articles"].append(second)
    path = write(tmp_path / "half_bad.json", data)
    _, err, _ = run(path)
    assert "articles[1].countries[0].code" in err
    assert Article.objects.count() == 0 and Person.objects.count() == 0


@pytest.mark.django_db
def test_it_still_imports_the_good_files(tmp_path):
    good = write(tmp_path / "good.json", GOOD)
    bad = write(tmp_path / "bad.json", variant(published="yesterday"))
    out, err, _ = run(good, bad)
    assert "created 1" in out and "failed 1" in out
    assert str(bad) in err
    assert list(Article.objects.values_list("title", flat=True)) == [GOOD["articles"][0]["title"]]
