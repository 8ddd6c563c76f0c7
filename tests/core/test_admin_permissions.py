"""Read-only means read-only: every action of every registered ModelAdmin, for every role, and CSRF on every
admin POST.

The actions are discovered from the admin site, never listed here, so an action added later is covered at
once. What each role may do is the rule the groups are made for: `curator` changes the archive's records,
`viewer` only looks, a superuser may do anything, and nobody else gets into the admin at all.
"""

import itertools
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group, Permission, User
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from archive.core.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Country,
    Meeting,
    Organisation,
    Participation,
    Person,
    Source,
)

_n = itertools.count(1)
PASSWORD = "pw-for-tests-only"  # noqa: S105


def _article():
    n = next(_n)
    return Article.objects.create(title=f"Invented article {n}", body="Invented text.", content_hash=f"test-{n}")


def _person():
    n = next(_n)
    return Person.objects.create(name=f"Invented Person {n}", slug=f"invented-person-{n}")


def _organisation():
    n = next(_n)
    return Organisation.objects.create(name=f"Invented Organisation {n}", slug=f"invented-organisation-{n}")


def _meeting():
    return Meeting.objects.create(summary=f"Invented meeting {next(_n)}")


def _country():
    taken = set(Country.objects.values_list("code", flat=True))
    code = next(a + b for a in "QXZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if a + b not in taken)
    return Country.objects.create(code=code, name=f"Invented Country {code}")


def _access(model, **extra):
    fields = {"user_agent": "test", "ip_address": "192.0.2.7", "http_accept": "*/*", "path_info": "/admin/login/"}
    return model.objects.create(username=f"someone-{next(_n)}", **fields, **extra)


def _attempt():
    attempt = _access(AccessAttempt, get_data="", post_data="", failures_since_start=1)
    # Older than the cool-off, so that "clean up expired attempts" has something to clean.
    expired = timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=expired)
    return attempt


# How to make one row of each registered model; a model registered later without a maker fails loudly.
MAKERS = {
    Article: _article,
    Source: lambda: Source.objects.create(name=f"Invented Source {next(_n)}", slug=f"invented-source-{next(_n)}"),
    Meeting: _meeting,
    Person: _person,
    Country: _country,
    Organisation: _organisation,
    ArticlePerson: lambda: ArticlePerson.objects.create(article=_article(), person=_person(), evidence="Said so."),
    ArticleCountry: lambda: ArticleCountry.objects.create(article=_article(), country_id="RS", evidence="Said so."),
    ArticleOrganisation: lambda: ArticleOrganisation.objects.create(article=_article(), organisation=_organisation()),
    Participation: lambda: Participation.objects.create(meeting=_meeting(), person=_person()),
    User: lambda: User.objects.create_user(f"someone-{next(_n)}"),
    Group: lambda: Group.objects.create(name=f"group-{next(_n)}"),
    AccessAttempt: _attempt,
    AccessLog: lambda: _access(AccessLog),
    AccessFailureLog: lambda: _access(AccessFailureLog, locked_out=False),
}

REGISTRY = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
ACTIONS = [
    pytest.param(model, name, id=f"{model._meta.label_lower}:{name}")
    for model, model_admin in REGISTRY
    for _func, name, _description in model_admin._get_base_actions()
]
ROLES = ("anonymous", "non-staff", "viewer", "curator", "superuser")


def make_rows(model, count=2):
    assert model in MAKERS, f"{model._meta.label} is registered in the admin: add a maker to MAKERS"
    return [MAKERS[model]() for _ in range(count)]


def snapshot(model):
    return list(model.objects.order_by("pk").values())


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def make_user(role, password=None):
    """A user of the role; the non-staff user has every curator permission but no staff status."""
    if role == "anonymous":
        return None
    user = User.objects.create_user(
        f"{role}-{next(_n)}", password=password, is_staff=role != "non-staff", is_superuser=role == "superuser"
    )
    group = {"viewer": "viewer", "curator": "curator", "non-staff": "curator"}.get(role)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def may_act(role, model) -> bool:
    return role == "superuser" or (role == "curator" and model._meta.app_label == "core")


def offered_actions(model, user) -> set[str]:
    request = RequestFactory().get(changelist(model))
    request.user = user
    return set(admin.site._registry[model].get_actions(request))


def action_form(model, rows, action):
    # Everything a confirmation page would ask for, sent at once: the shortest way to a change.
    return {"action": action, ACTION_CHECKBOX_NAME: [row.pk for row in rows], "post": "yes", "keep": rows[0].pk}


def test_it_declares_the_permission_every_action_needs():
    missing = [
        f"{model._meta.label}:{name}"
        for model, model_admin in REGISTRY
        for func, name, _description in model_admin._get_base_actions()
        if not getattr(func, "allowed_permissions", None)
    ]
    assert not missing, f"actions without allowed_permissions: {missing}"
    for model, model_admin in REGISTRY:
        for func, name, _description in model_admin._get_base_actions():
            for permission in func.allowed_permissions:
                assert callable(getattr(model_admin, f"has_{permission}_permission", None)), (model, name)


def test_it_asks_change_and_delete_permission_to_merge_people(db):
    model_admin = admin.site._registry[Person]
    (merge,) = [func for func, name, _ in model_admin._get_base_actions() if name == "merge_selected"]
    assert list(merge.allowed_permissions) == ["merge"]
    user = User.objects.create_user("half-curator", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=["view_person", "change_person"]))
    assert "merge_selected" not in offered_actions(Person, User.objects.get(pk=user.pk))
    user.user_permissions.add(Permission.objects.get(codename="delete_person"))
    assert "merge_selected" in offered_actions(Person, User.objects.get(pk=user.pk))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("model", "action"), ACTIONS)
def test_it_lets_only_permitted_roles_run_each_admin_action(client, db, model, action, role):
    user = make_user(role)
    if user:
        client.force_login(user)  # first: a login makes axes clean up expired attempts
    rows = make_rows(model)
    before = snapshot(model)
    response = client.post(changelist(model), action_form(model, rows, action))
    after = snapshot(model)

    if may_act(role, model):
        assert action in offered_actions(model, user)
        assert response.status_code == 302, response.content.decode()[:500]
        assert after != before, f"{action} changed nothing for {role}"
        return

    assert after == before, f"{role} ran {action} on {model._meta.label}"
    if user is None or not user.is_staff:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
        return
    assert action not in offered_actions(model, user)
    assert response.status_code in (200, 302, 403)
    if response.status_code == 200:  # the list is visible to the role, without the action
        form = response.context["action_form"]
        assert form is None or action not in dict(form.fields["action"].choices)


CORE_ADMINS = [
    pytest.param(model, id=model._meta.label_lower) for model, _ in REGISTRY if model._meta.app_label == "core"
]


@pytest.mark.parametrize("model", CORE_ADMINS)
def test_it_refuses_every_change_to_a_viewer(client, db, model):
    (row,) = make_rows(model, 1)
    client.force_login(make_user("viewer"))
    opts = model._meta
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk])
    delete = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[row.pk])
    add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    before = snapshot(model)

    assert client.get(change).status_code == 200  # may look
    assert client.post(change, {"name": "changed", "title": "changed", "summary": "changed"}).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert client.post(add, {"name": "new", "title": "new"}).status_code == 403
    # The editable columns of a review queue are saved through the list itself.
    saved = client.post(changelist(model), {"_save": "Save", "form-TOTAL_FORMS": 0, "form-INITIAL_FORMS": 0})
    assert saved.status_code == (403 if admin.site._registry[model].list_editable else 200)
    assert snapshot(model) == before


def admin_posts(model, rows):
    """A POST to every URL the model's admin has (lists, forms, delete, a user's password...) and each action."""
    model_admin = admin.site._registry[model]
    for _func, name, _description in model_admin._get_base_actions():
        yield changelist(model), action_form(model, rows, name)
    yield changelist(model), {"_save": "Save", "form-TOTAL_FORMS": 0, "form-INITIAL_FORMS": 0}
    for pattern in model_admin.get_urls():
        if pattern.name:
            kwargs = dict.fromkeys(pattern.pattern.converters, rows[0].pk)
            yield reverse(f"admin:{pattern.name}", kwargs=kwargs), {"post": "yes", "password1": "x", "password2": "x"}


@pytest.mark.parametrize("model", [pytest.param(model, id=model._meta.label_lower) for model, _ in REGISTRY])
def test_it_rejects_every_admin_post_without_a_csrf_token(db, model):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("superuser"))
    rows = make_rows(model)
    before = snapshot(model)
    for url, data in admin_posts(model, rows):
        response = client.post(url, data)
        assert response.status_code == 403, url
        assert b"CSRF verification failed" in response.content, url
    assert snapshot(model) == before


def test_it_rejects_login_logout_and_password_posts_without_a_csrf_token(db):
    user = make_user("superuser", password=PASSWORD)
    client = Client(enforce_csrf_checks=True)
    login = client.post(reverse("admin:login"), {"username": user.username, "password": PASSWORD})
    assert login.status_code == 403 and "_auth_user_id" not in client.session
    client.force_login(user)
    change = {"old_password": PASSWORD, "new_password1": "another-pw-4-tests", "new_password2": "another-pw-4-tests"}
    for url, data in [(reverse("admin:password_change"), change), (reverse("admin:logout"), {})]:
        response = client.post(url, data)
        assert response.status_code == 403 and b"CSRF verification failed" in response.content, url
    user.refresh_from_db()
    assert user.check_password(PASSWORD) and "_auth_user_id" in client.session


def test_it_merges_with_the_csrf_token_the_page_gave(db):
    """The control for the CSRF tests: the same POST with the token goes through."""
    keep, other = make_rows(Person)
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("curator"))
    form = action_form(Person, [keep, other], "merge_selected")
    form.pop("keep")
    confirm = client.post(changelist(Person), form)
    assert confirm.status_code == 403
    page = client.get(changelist(Person))
    token = page.context["csrf_token"]
    confirm = client.post(changelist(Person), {**form, "csrfmiddlewaretoken": token})
    assert confirm.status_code == 200 and b"These records will become one" in confirm.content
    done = client.post(changelist(Person), {**form, "keep": keep.pk, "csrfmiddlewaretoken": token})
    assert done.status_code == 302
    assert not Person.objects.filter(pk=other.pk).exists()
