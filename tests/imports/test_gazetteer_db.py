"""Extraction reads its countries and organisations from the database on import: a curator's change counts."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.core.models import Article, CountryAlias, Organisation, OrganisationAlias
from archive.extraction import extract
from archive.extraction.gazetteer import default_gazetteer
from archive.imports.rawtext import gazetteer_from_db

# Written for these tests: each names a country or organisation only by a spelling the seed data lacks.
COUNTRY_ARTICLE = """Old name, new talks
The Daily Test, 3 March 2024

The delegation of Servia arrived for talks on regional trade on Monday.
"""
ORG_ARTICLE = """Old name, new talks
The Daily Test, 3 March 2024

Officials recalled the founding charter of the Organisation of African Unity at a conference on Monday.
"""
SCO_ARTICLE = """Summit ends
The Daily Test, 3 March 2024

Delegates of the Shanghai Cooperation Organization closed their meeting on Monday.
"""


def imported(tmp_path, text: str) -> Article:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    call_command("import_articles", str(path), stdout=StringIO(), stderr=StringIO())
    return Article.objects.get()


def countries(article: Article) -> set[str]:
    return set(article.countries.values_list("code", flat=True))


def organisations(article: Article) -> set[str]:
    return set(article.organisations.values_list("name", flat=True))


@pytest.mark.django_db
def test_it_builds_the_same_gazetteer_from_a_freshly_seeded_database():
    db, committed = gazetteer_from_db(), default_gazetteer()
    assert db.country_table[1] == committed.country_table[1]
    assert db.org_table[1] == committed.org_table[1]
    assert db.sr_acronyms[1] == committed.sr_acronyms[1]
    assert [(rx.pattern, key) for rx, key in db.sr_org_stems] == [
        (rx.pattern, key) for rx, key in committed.sr_org_stems
    ]


@pytest.mark.django_db
def test_it_extracts_the_same_with_either_gazetteer():
    text = "Serbia's defence minister met NATO and KFOR officials, the EU envoy and Turkish diplomats in Belgrade."
    assert extract(text, gazetteer=gazetteer_from_db()) == extract(text)


def test_it_knows_none_of_the_test_spellings_without_the_database():
    found = extract(COUNTRY_ARTICLE + ORG_ARTICLE)
    assert "RS" not in {c.code for c in found.countries}
    assert "African Union" not in {o.name for o in found.organisations}


@pytest.mark.django_db
def test_it_uses_a_country_alias_a_curator_adds(tmp_path):
    CountryAlias.objects.create(country_id="RS", name="Servia", kind=CountryAlias.Kind.FORMER)
    assert "RS" in countries(imported(tmp_path, COUNTRY_ARTICLE))


@pytest.mark.django_db
def test_it_uses_an_organisation_alias_a_curator_adds(tmp_path):
    OrganisationAlias.objects.create(
        organisation=Organisation.objects.get(name="African Union"), name="Organisation of African Unity"
    )
    assert "African Union" in organisations(imported(tmp_path, ORG_ARTICLE))


@pytest.mark.django_db
def test_it_follows_a_renamed_alias_on_the_next_import(tmp_path):
    alias = CountryAlias.objects.create(country_id="RS", name="Servia", kind=CountryAlias.Kind.FORMER)
    assert "RS" in countries(imported(tmp_path, COUNTRY_ARTICLE))
    Article.objects.all().delete()
    alias.name = "Servija"
    alias.save()
    assert "RS" not in countries(imported(tmp_path, COUNTRY_ARTICLE))
    Article.objects.all().delete()
    assert "RS" in countries(imported(tmp_path, COUNTRY_ARTICLE.replace("Servia", "Servija")))


@pytest.mark.django_db
def test_it_forgets_a_deleted_seeded_alias_on_the_next_import(tmp_path):
    assert "Shanghai Cooperation Organisation" in organisations(imported(tmp_path, SCO_ARTICLE))
    Article.objects.all().delete()
    OrganisationAlias.objects.filter(name="Shanghai Cooperation Organization").delete()
    assert "Shanghai Cooperation Organisation" not in organisations(imported(tmp_path, SCO_ARTICLE))


@pytest.mark.django_db
def test_it_reads_the_gazetteer_once_per_import_run(tmp_path):
    for i, text in enumerate([COUNTRY_ARTICLE, ORG_ARTICLE, SCO_ARTICLE]):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    with CaptureQueriesContext(connection) as queries:
        call_command("import_articles", str(tmp_path), stdout=StringIO(), stderr=StringIO())
    assert Article.objects.count() == 3
    assert sum('FROM "core_countryalias"' in q["sql"] for q in queries) == 1
