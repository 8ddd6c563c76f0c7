"""A curated fixture is the curator's own work: its facts arrive verified; only raw text proposes facts."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import CommandError, call_command
from django.urls import reverse

from archive.core.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Meeting,
    Participation,
    ReviewStatus,
)

from .test_malformed import GOOD, write

SEED = Path(settings.BASE_DIR) / "fixtures" / "seed"
FACTS = [ArticleCountry, ArticleOrganisation, ArticlePerson, Meeting, Participation]
HISTORIES = [Article, *FACTS]


def run(*paths) -> str:
    out = StringIO()
    call_command("import_articles", *map(str, paths), stdout=out, stderr=StringIO())
    return out.getvalue()


def fixture(**changes) -> dict:
    data = json.loads(json.dumps(GOOD))
    data["articles"][0].update({"organisations": ["NATO"], **changes})
    return data


def statuses(model) -> set[str]:
    return set(model.objects.values_list("review_status", flat=True))


def history_size() -> int:
    return sum(model.history.count() for model in HISTORIES)


@pytest.mark.django_db
def test_it_stores_a_curated_fixtures_facts_as_verified():
    assert "created 5" in run(SEED / "articles.json")
    for model in FACTS:
        assert model.objects.exists(), model
        assert statuses(model) == {ReviewStatus.VERIFIED}, model
    # Nothing of the curator's own work waits in a review queue.
    assert not any(model.objects.filter(review_status=ReviewStatus.UNREVIEWED).exists() for model in FACTS)


@pytest.mark.django_db
def test_it_lets_a_fixture_leave_single_facts_unreviewed(tmp_path):
    meeting = dict(GOOD["articles"][0]["meetings"][0], review_status="unreviewed")
    data = fixture(
        countries=[{"code": "RS", "review_status": "unreviewed", "evidence": "Serbia, maybe."}, "HU"],
        meetings=[meeting],
    )
    run(write(tmp_path / "a.json", data))
    assert ArticleCountry.objects.get(country="RS").review_status == ReviewStatus.UNREVIEWED
    assert ArticleCountry.objects.get(country="HU").review_status == ReviewStatus.VERIFIED
    assert statuses(ArticlePerson) == statuses(ArticleOrganisation) == {ReviewStatus.VERIFIED}
    # The participants follow their meeting.
    assert statuses(Meeting) == statuses(Participation) == {ReviewStatus.UNREVIEWED}


@pytest.mark.django_db
def test_it_refuses_a_review_status_the_format_does_not_know(tmp_path):
    data = fixture(countries=[{"code": "RS", "review_status": "rejected"}])
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(write(tmp_path / "a.json", data)), stdout=StringIO(), stderr=err)
    assert "articles[0].countries[0].review_status" in err.getvalue() and "'rejected'" in err.getvalue()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_it_proposes_raw_text_facts_unreviewed():
    run(SEED / "raw" / "003_297c18a88897823b.txt")
    for model in FACTS:
        assert statuses(model) == {ReviewStatus.UNREVIEWED}, model


@pytest.mark.django_db
def test_it_changes_nothing_when_the_same_file_is_imported_again():
    run(SEED / "articles.json")
    facts = {model: list(model.objects.order_by("pk").values()) for model in FACTS}
    recorded = history_size()
    assert "unchanged 5" in run(SEED / "articles.json")
    assert {model: list(model.objects.order_by("pk").values()) for model in FACTS} == facts
    assert history_size() == recorded


@pytest.mark.django_db
def test_it_replaces_the_fixtures_own_facts_when_the_file_changes(tmp_path):
    path = write(tmp_path / "a.json", fixture())
    run(path)
    first_meeting = Meeting.objects.get()
    meeting = dict(GOOD["articles"][0]["meetings"][0], city="Győr")
    write(path, fixture(countries=["HU", "AT"], organisations=[], meetings=[meeting]))
    assert "updated 1" in run(path)
    article = Article.objects.get()
    assert sorted(article.countries.values_list("code", flat=True)) == ["AT", "HU"]
    assert not article.organisations.exists()
    # The corrected meeting replaces the one the file gave before, not a second one beside it.
    assert list(Meeting.objects.values_list("city", flat=True)) == ["Győr"]
    assert not Meeting.objects.filter(pk=first_meeting.pk).exists()
    assert statuses(ArticleCountry) == statuses(Meeting) == {ReviewStatus.VERIFIED}


@pytest.mark.django_db
def test_it_keeps_what_a_curator_decided_when_the_file_changes(tmp_path, admin_client):
    path = write(tmp_path / "a.json", fixture(countries=["HU", "RS", "AT"]))
    run(path)
    changelist = reverse("admin:core_articlecountry_changelist")
    hungary, serbia = ArticleCountry.objects.get(country="HU"), ArticleCountry.objects.get(country="RS")
    admin_client.post(changelist, {"action": "mark_rejected", ACTION_CHECKBOX_NAME: [serbia.pk]})
    admin_client.post(changelist, {"action": "mark_verified", ACTION_CHECKBOX_NAME: [hungary.pk]})
    # Accepting a fact the file already verified leaves its status as it was; the history knows who did it.
    meeting = Meeting.objects.get()
    accept = {"action": "mark_verified", ACTION_CHECKBOX_NAME: [meeting.pk]}
    admin_client.post(reverse("admin:core_meeting_changelist"), accept)

    write(path, fixture(countries=["RS", "DE"], meetings=[]))
    assert "updated 1" in run(path)
    links = dict(ArticleCountry.objects.values_list("country", "review_status"))
    # Hungary was accepted by a curator and Serbia rejected: both stay as decided. Austria was only
    # the file's and the file dropped it; Germany is new.
    assert links == {"HU": "verified", "RS": "rejected", "DE": "verified"}
    assert Meeting.objects.get().pk == meeting.pk


@pytest.mark.django_db
def test_it_records_what_the_import_wrote_in_the_audit_trail(tmp_path):
    path = write(tmp_path / "a.json", fixture(countries=["HU", "RS"]))
    run(path)
    for model in HISTORIES:
        records = list(model.history.all())
        assert len(records) == model.objects.count() > 0, model
        assert {(r.history_type, r.history_user_id) for r in records} == {("+", None)}, model
        assert all(r.history_change_reason.startswith("Imported from ") for r in records), model
        assert all(r.history_change_reason.endswith("a.json") for r in records), model

    write(path, fixture(countries=["HU"]))
    run(path)
    serbia = ArticleCountry.history.filter(country_id="RS").order_by("history_date", "history_id")
    assert [r.history_type for r in serbia] == ["+", "-"]
    assert [r.history_type for r in Article.history.order_by("history_date", "history_id")] == ["+", "~"]


@pytest.mark.django_db
def test_it_records_nothing_on_a_dry_run():
    out = StringIO()
    call_command("import_articles", str(SEED / "articles.json"), dry_run=True, stdout=out)
    assert "created 5" in out.getvalue()
    assert history_size() == 0 and not Article.objects.exists()
