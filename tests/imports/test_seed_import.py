from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from archive.core.models import Article, ArticlePerson, Meeting, Participation, Person

SEED = Path(settings.BASE_DIR) / "fixtures" / "seed"


def run_import(*paths, **options) -> str:
    out = StringIO()
    call_command("import_articles", *map(str, paths), stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


@pytest.mark.django_db
def test_it_imports_every_seed_article():
    output = run_import(SEED / "articles.json")
    assert "created 5" in output
    assert Article.objects.count() == 5
    raw_names = sorted(p.name for p in (SEED / "raw").glob("*.txt"))
    assert sorted(Path(a).name for a in Article.objects.values_list("source_file", flat=True)) == ["articles.json"] * 5
    assert len(raw_names) == 5
    bodies = {Path(name).read_text(encoding="utf-8") for name in (SEED / "raw").glob("*.txt")}
    assert set(Article.objects.values_list("body", flat=True)) == bodies


@pytest.mark.django_db
def test_it_records_the_curated_meetings_and_participants():
    run_import(SEED / "articles.json")
    guler = Person.objects.matching_name("Yasar Guler").get()
    assert guler.name == "Yaşar Güler"
    assert guler.country_id == "TR"
    visit = Meeting.objects.get(participations__person__name="Miloš Vučević")
    assert visit.kind == "visit" and visit.city == "Belgrade" and str(visit.date) == "2023-10-25"
    assert set(visit.participations.values_list("person__name", "side", "country")) == {
        ("Miloš Vučević", "host", "RS"),
        ("Yaşar Güler", "guest", "TR"),
    }
    # Vučić appears in three articles under three spellings and is one person.
    vucic = Person.objects.matching_name("Вучић").get()
    assert ArticlePerson.objects.filter(person=vucic).count() == 3
    assert Meeting.objects.count() == 5
    assert Participation.objects.count() == 10


@pytest.mark.django_db
def test_it_reports_a_reimport_as_unchanged_and_changes_nothing():
    run_import(SEED / "articles.json")
    before = list(Article.objects.order_by("pk").values())
    meetings = Meeting.objects.count()
    output = run_import(SEED / "articles.json")
    assert "created 0, updated 0, unchanged 5" in output
    assert list(Article.objects.order_by("pk").values()) == before
    assert Meeting.objects.count() == meetings


@pytest.mark.django_db
def test_it_stores_nothing_on_a_dry_run():
    output = run_import(SEED / "articles.json", dry_run=True)
    assert "Dry run" in output and "created 5" in output
    assert Article.objects.count() == 0
