"""The audit trail: every curator change is recorded with who, when, before and after, and can be undone."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse

from archive.core.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Meeting,
    Participation,
    Person,
    PersonRole,
)

SEED = Path(settings.BASE_DIR) / "fixtures" / "seed" / "articles.json"
AUDITED_ADMINS = [Article, Meeting, Participation, ArticlePerson, ArticleCountry, ArticleOrganisation, Person]


def make_user(name, group):
    user = User.objects.create_user(name, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def seeded(db):
    call_command("import_articles", str(SEED), stdout=StringIO())


@pytest.fixture
def curator(client, db):
    user = make_user("curator-ana", "curator")
    client.force_login(user)
    return user


def admin_url(model, view, *args):
    return reverse(f"admin:core_{model._meta.model_name}_{view}", args=args)


def act(client, model, action, objects):
    ids = [obj.pk for obj in objects]
    return client.post(admin_url(model, "changelist"), {"action": action, ACTION_CHECKBOX_NAME: ids})


def revert_form_data(response) -> dict:
    """What the browser sends when a curator presses Revert on an earlier version: the form as shown."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        else:
            data[name] = str(value)
    return data


def restore(client, obj, record):
    """Open an earlier version from the object's history and press Revert."""
    url = admin_url(type(obj), "simple_history", obj.pk, record.history_id)
    page = client.get(url)
    assert page.status_code == 200 and b"Revert" in page.content
    return client.post(url, revert_form_data(page))


def test_it_records_who_rejected_a_meeting_and_what_changed(client, curator, seeded):
    meeting = Meeting.objects.get(participations__person__name="Miloš Vučević")
    assert meeting.review_status == "verified"
    assert act(client, Meeting, "mark_rejected", [meeting]).status_code == 302

    meeting.refresh_from_db()
    assert meeting.review_status == "rejected"
    rejection, before = meeting.history.all()[:2]
    assert rejection.history_user == curator and rejection.history_type == "~"
    assert "Reject" in rejection.history_change_reason
    assert rejection.history_date > before.history_date
    delta = rejection.diff_against(before)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [("review_status", "verified", "rejected")]

    page = client.get(admin_url(Meeting, "history", meeting.pk))
    assert page.status_code == 200
    text = page.content.decode()
    assert "curator-ana" in text and "Reject selected" in text
    assert "review_status" in text and "verified" in text and "rejected" in text


def test_it_restores_a_rejected_meeting_to_its_previous_status(client, curator, seeded):
    meeting = Meeting.objects.get(participations__person__name="Miloš Vučević")
    act(client, Meeting, "mark_rejected", [meeting])
    before_rejection = meeting.history.all()[1]

    response = restore(client, meeting, before_rejection)
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting.refresh_from_db()
    assert meeting.review_status == "verified"
    assert meeting.summary == before_rejection.summary
    restored = meeting.history.first()
    assert restored.history_user == curator
    assert [c.field for c in restored.diff_against(meeting.history.all()[1]).changes] == ["review_status"]


def test_it_restores_a_rejected_proposal_as_a_proposal(client, curator, db):
    """Restoring undoes the rejection; it does not accept the fact on the curator's behalf."""
    person = Person.objects.create(name="Invented Minister", slug="invented-minister")
    meeting = Meeting.objects.create(date=datetime.date(2024, 3, 12), summary="Invented talks.", confidence=0.6)
    link = Participation.objects.create(meeting=meeting, person=person, evidence="They met.", confidence=0.6)
    act(client, Participation, "mark_rejected", [link])
    link.refresh_from_db()
    assert link.review_status == "rejected"

    response = restore(client, link, link.history.all()[1])
    assert response.status_code == 302, response.content.decode()[:2000]
    link.refresh_from_db()
    assert link.review_status == "unreviewed"
    assert link.history.first().history_user == curator


def test_it_records_a_merge_of_people(client, curator, seeded):
    vucic = Person.objects.get(name="Aleksandar Vučić")
    twin = Person.objects.create(name="A. Vucic", slug="a-vucic")
    article = Article.objects.exclude(people=vucic).first()
    ArticlePerson.objects.create(article=article, person=twin, role="President", review_status="verified")
    PersonRole.objects.create(person=twin, title="Prime Minister", start=datetime.date(2014, 4, 27))
    twin_pk = twin.pk
    url = admin_url(Person, "changelist")
    done = client.post(url, {"action": "merge_selected", ACTION_CHECKBOX_NAME: [vucic.pk, twin.pk], "keep": vucic.pk})
    assert done.status_code == 302

    reason = f"Merged A. Vucic (#{twin_pk}) into Aleksandar Vučić (#{vucic.pk})"
    gone = Person.history.get(id=twin_pk, history_type="-")
    assert gone.history_user == curator and gone.history_change_reason == reason
    kept = vucic.history.first()
    assert kept.history_user == curator and kept.history_change_reason == reason
    moved = PersonRole.history.filter(person_id=vucic.pk, history_type="~").get()
    assert moved.title == "Prime Minister" and moved.history_user == curator
    # The deleted record's history stays readable in the admin.
    page = client.get(admin_url(Person, "history", twin_pk))
    assert page.status_code == 200 and reason in page.content.decode()


def test_it_records_a_curator_correcting_a_fact_in_the_change_form(client, curator, seeded):
    link = ArticlePerson.objects.get(person__name="Yaşar Güler", article__title__startswith="Serbia, Türkiye")
    url = admin_url(ArticlePerson, "change", link.pk)
    data = {"article": link.article_id, "person": link.person_id, "role": "Defence Minister", "country": "TR"}
    assert client.post(url, {**data, "review_status": "verified"}).status_code == 302
    edit, before = link.history.all()[:2]
    assert edit.history_user == curator
    changes = {c.field: (c.old, c.new) for c in edit.diff_against(before).changes}
    assert changes == {"role": ("Minister of National Defence", "Defence Minister")}


@pytest.mark.parametrize("model", AUDITED_ADMINS, ids=lambda m: m._meta.model_name)
def test_it_shows_history_to_curators_and_viewers_but_lets_only_curators_restore(client, seeded, model):
    obj = model.objects.order_by("pk").first()
    record = obj.history.first()
    history, version = admin_url(model, "history", obj.pk), admin_url(model, "simple_history", obj.pk, record.pk)

    client.force_login(make_user("viewer-vera", "viewer"))
    assert client.get(history).status_code == 200
    page = client.get(version)
    assert page.status_code == 200 and b'name="_save"' not in page.content  # no Revert button
    before = list(model.history.values_list("history_id", flat=True))
    assert client.post(version, revert_form_data(page)).status_code == 403
    assert list(model.history.values_list("history_id", flat=True)) == before

    client.force_login(make_user("curator-cleo", "curator"))
    assert client.get(history).status_code == 200
    page = client.get(version)
    assert page.status_code == 200 and b'name="_save"' in page.content
    assert client.post(version, revert_form_data(page)).status_code == 302
    assert obj.history.first().history_user.username == "curator-cleo"


def test_it_answers_404_for_a_malformed_or_unknown_id(client, curator, seeded):
    meeting = Meeting.objects.first()
    for url in [
        "/admin/core/meeting/not-a-number/history/",
        f"/admin/core/meeting/not-a-number/history/{meeting.history.first().pk}/",
        "/admin/core/meeting/987654/history/",
        f"/admin/core/meeting/{meeting.pk}/history/987654/",
        "/admin/core/person/x%00y/history/",
    ]:
        assert client.get(url).status_code == 404, url


def test_it_shows_role_changes_on_the_persons_history(client, curator, seeded):
    person = Person.objects.get(name="Yaşar Güler")
    role = person.roles.get()
    role.title, role._history_user = "Minister of Defence of Türkiye", curator
    role.save()
    page = client.get(admin_url(Person, "history", person.pk)).content.decode()
    assert 'id="role-history"' in page and "Minister of Defence of Türkiye" in page and "curator-ana" in page
