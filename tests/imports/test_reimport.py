import json
from io import StringIO

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import call_command
from django.urls import reverse

from archive.core.models import Article, ArticleCountry, ReviewStatus

from .test_malformed import GOOD, variant, write


def run(*paths) -> str:
    out = StringIO()
    call_command("import_articles", *map(str, paths), stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_it_updates_an_article_when_its_fixture_changes(tmp_path):
    path = write(tmp_path / "a.json", GOOD)
    run(path)
    write(path, variant(title="Corrected headline", countries=["HU", "RS", "AT"]))
    assert "updated 1" in run(path)
    article = Article.objects.get()
    assert article.title == "Corrected headline"
    assert sorted(article.countries.values_list("code", flat=True)) == ["AT", "HU", "RS"]


@pytest.mark.django_db
def test_it_never_overwrites_a_verified_article(tmp_path):
    path = write(tmp_path / "a.json", GOOD)
    run(path)
    Article.objects.update(review_status=ReviewStatus.VERIFIED)
    write(path, variant(title="Overwritten?"))
    assert "protected 1" in run(path)
    assert Article.objects.get().title == GOOD["articles"][0]["title"]


@pytest.mark.django_db
def test_it_keeps_facts_a_curator_verified(tmp_path, admin_client):
    path = write(tmp_path / "a.json", GOOD)
    run(path)
    # A curated fixture's facts are verified already: what marks the curator's decision is the audit
    # trail of the admin action, so the test goes through the admin as a curator does.
    serbia = ArticleCountry.objects.get(country="RS")
    admin_client.post(
        reverse("admin:core_articlecountry_changelist"), {"action": "mark_verified", ACTION_CHECKBOX_NAME: [serbia.pk]}
    )
    write(path, variant(countries=["HU"]))
    run(path)
    assert sorted(Article.objects.get().countries.values_list("code", flat=True)) == ["HU", "RS"]


@pytest.mark.django_db
def test_it_treats_the_same_text_from_another_file_as_a_duplicate(tmp_path):
    run(write(tmp_path / "a.json", GOOD))
    copy = json.loads(json.dumps(GOOD))
    copy["articles"][0]["title"] = "Same text, other headline"
    copy["articles"][0]["body"] = "  DEFENCE ministers met in Budapest on 5 June 2024 to discuss cooperation. "
    assert "duplicate 1" in run(write(tmp_path / "b.json", copy))
    assert Article.objects.count() == 1
