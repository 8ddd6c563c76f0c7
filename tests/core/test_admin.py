from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse

from archive.core.models import Article, ArticlePerson, Country, Meeting, Person
from tests.core.test_admin_permissions import REGISTRY as REGISTRY_ITEMS
from tests.core.test_admin_permissions import make_rows

REGISTERED = [
    "article",
    "meeting",
    "person",
    "country",
    "organisation",
    "source",
    "articleperson",
    "articlecountry",
    "articleorganisation",
    "participation",
]


@pytest.fixture
def seeded(db):
    call_command("import_articles", str(Path(settings.BASE_DIR) / "fixtures/seed/articles.json"), stdout=StringIO())


@pytest.fixture
def staff_client(client, db):
    user = User.objects.create_user("curator", password="pw-for-tests-only", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", REGISTERED)
def test_it_redirects_anonymous_users_to_login(client, db, model):
    url = reverse(f"admin:core_{model}_changelist")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("model", REGISTERED)
def test_it_shows_lists_and_forms_to_staff(staff_client, seeded, model):
    assert staff_client.get(reverse(f"admin:core_{model}_changelist")).status_code == 200
    assert staff_client.get(reverse(f"admin:core_{model}_add")).status_code == 200


def test_it_shows_change_pages_with_inlines_and_provenance(staff_client, seeded):
    article = Article.objects.get(title__startswith="Serbia, Türkiye")
    page = staff_client.get(reverse("admin:core_article_change", args=[article.pk])).content.decode()
    assert "articles.json" in page  # provenance, read-only
    assert "Meetings this article reports" in page
    meeting = Meeting.objects.filter(articles=article).first()
    assert staff_client.get(reverse("admin:core_meeting_change", args=[meeting.pk])).status_code == 200
    person = Person.objects.get(name="Yaşar Güler")
    assert staff_client.get(reverse("admin:core_person_change", args=[person.pk])).status_code == 200


def test_it_filters_and_searches(staff_client, seeded):
    url = reverse("admin:core_person_changelist")
    page = staff_client.get(url, {"q": "vucic"}).content.decode()
    assert "Aleksandar Vučić" in page and "Miloš Vučević" not in page
    assert (
        staff_client.get(reverse("admin:core_article_changelist"), {"countries__code__exact": "TR"}).status_code == 200
    )
    assert staff_client.get(reverse("admin:core_meeting_changelist"), {"kind__exact": "visit"}).status_code == 200
    autocomplete = staff_client.get(
        reverse("admin:autocomplete"),
        {"term": "Turk", "app_label": "core", "model_name": "meeting", "field_name": "country"},
    )
    assert {"id": "TR", "text": "Türkiye"} in autocomplete.json()["results"]


def test_it_merges_people_through_the_admin_action(staff_client, seeded):
    vucic = Person.objects.get(name="Aleksandar Vučić")
    twin = Person.objects.create(name="A. Vucic", slug="a-vucic")
    url = reverse("admin:core_person_changelist")
    form = {"action": "merge_selected", "_selected_action": [vucic.pk, twin.pk]}
    confirm = staff_client.post(url, form)
    assert confirm.status_code == 200 and b"Merge" in confirm.content
    done = staff_client.post(url, {**form, "keep": vucic.pk})
    assert done.status_code == 302
    assert not Person.objects.filter(pk=twin.pk).exists()
    assert "A. Vucic" in vucic.names.values_list("name", flat=True)


def test_it_marks_articles_verified(staff_client, seeded):
    ids = list(Article.objects.values_list("pk", flat=True)[:2])
    staff_client.post(reverse("admin:core_article_changelist"), {"action": "mark_verified", "_selected_action": ids})
    assert Article.objects.filter(review_status="verified").count() == 2


def test_it_protects_an_article_a_curator_saved(staff_client, seeded):
    article = Article.objects.get(title__startswith="Serbia will not")
    url = reverse("admin:core_article_change", args=[article.pk])
    page = staff_client.get(url)
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "source"}
    data.update(title="Serbia will not join any military alliance, says Vulin", source=article.source_id)
    for inline in page.context["inline_admin_formsets"]:
        fs = inline.formset
        data.update({f"{fs.prefix}-TOTAL_FORMS": 0, f"{fs.prefix}-INITIAL_FORMS": 0})
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.curator_edited and article.is_protected


def test_it_gives_viewers_read_only_access(client, seeded):
    viewer = User.objects.create_user("viewer", password="pw-for-tests-only", is_staff=True)
    viewer.groups.add(Group.objects.get(name="viewer"))
    client.force_login(viewer)
    assert client.get(reverse("admin:core_article_changelist")).status_code == 200
    article = Article.objects.first()
    assert client.get(reverse("admin:core_article_change", args=[article.pk])).status_code == 200
    assert client.get(reverse("admin:core_article_add")).status_code == 403


def test_it_lets_curators_change_entries(db):
    curator = Group.objects.get(name="curator")
    codenames = set(curator.permissions.values_list("codename", flat=True))
    assert {"change_article", "change_meeting", "add_participation", "change_person"} <= codenames
    assert Country.objects.filter(code="XK", name="Kosovo").exists()


def test_it_lets_a_curator_accept_or_correct_extracted_facts(staff_client, db):
    raw = Path(settings.BASE_DIR) / "fixtures/seed/raw/003_297c18a88897823b.txt"
    call_command("import_articles", str(raw), stdout=StringIO())
    queue = staff_client.get(reverse("admin:core_articleperson_changelist"), {"review_status__exact": "unreviewed"})
    page = queue.content.decode()
    assert "Kyle Scott" in page and "US Ambassador Kyle Scott" in page  # the sentence is shown
    scott = ArticlePerson.objects.get(person__name="Kyle Scott")
    url = reverse("admin:core_articleperson_change", args=[scott.pk])
    response = staff_client.post(
        url,
        {
            "article": scott.article_id,
            "person": scott.person_id,
            "role": "US Ambassador to Serbia",
            "country": "US",
            "review_status": "unreviewed",
        },
    )
    assert response.status_code == 302
    scott.refresh_from_db()
    assert scott.role == "US Ambassador to Serbia" and scott.review_status == "verified"
    others = list(ArticlePerson.objects.exclude(pk=scott.pk).values_list("pk", flat=True))
    staff_client.post(
        reverse("admin:core_articleperson_changelist"), {"action": "mark_rejected", "_selected_action": others[:1]}
    )
    assert ArticlePerson.objects.get(pk=others[0]).review_status == "rejected"
    # A re-import of the same text keeps what the curator decided.
    call_command("import_articles", str(raw), stdout=StringIO())
    scott.refresh_from_db()
    assert scott.role == "US Ambassador to Serbia"


# Hostile values for every parameter a change list reads: regular expressions that do not compile, a NUL
# byte (PostgreSQL refuses it), a digit int() refuses, numbers out of range, very long and empty strings.
HOSTILE = ["??", "(", "a\x00b", "²", "99999999999999999999", "-1", "", "x" * 3000, "'\"\\"]
ADMINS = [pytest.param(model, id=model._meta.label_lower) for model, _ in REGISTRY_ITEMS]


def _text_field(model):
    return next(f.name for f in model._meta.concrete_fields if f.get_internal_type() in ("CharField", "TextField"))


def _refused(response):
    # Django's two answers to a bad change-list query: 400, or a redirect to the bare list with ?e=1.
    return response.status_code == 400 or (response.status_code == 302 and response["Location"].endswith("?e=1"))


@pytest.mark.parametrize("model", ADMINS)
def test_it_accepts_only_the_declared_filters_of_a_change_list(staff_client, model):
    make_rows(model)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    field = _text_field(model)
    undeclared = [
        {f"{field}__regex": "??"},
        {f"{field}__regex": "("},
        {f"{field}__iregex": "[a-"},
        {f"{field}__startswith": "a"},
        {field: "\x00"},
        {"title__regex": "??"},
        {"no_such_field": "1"},
        {"pk__in": "1,2"},
    ]
    for params in undeclared:
        assert _refused(staff_client.get(url, params)), (url, params)


@pytest.mark.parametrize("model", ADMINS)
def test_it_never_fails_on_hostile_values_of_declared_filters(staff_client, model):
    make_rows(model)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    page = staff_client.get(url)
    assert page.status_code == 200
    cl = page.context["cl"]
    names = {name for spec in cl.filter_specs for name in spec.expected_parameters()}
    names |= {"q", "o", "p", "_facets", "all"}
    hierarchy = cl.date_hierarchy
    if hierarchy:
        names |= {f"{hierarchy}__year", f"{hierarchy}__month", f"{hierarchy}__day"}
    for name in sorted(names):
        for value in HOSTILE:
            response = staff_client.get(url, {name: value})
            assert response.status_code in (200, 302, 400), (url, name, value)
        assert staff_client.get(f"{url}?{name}=%ED%A0%80").status_code in (200, 302, 400), (url, name)
    if hierarchy:  # dates at the end of the calendar overflow the hierarchy's upper bound
        for last in ({"year": "9999"}, {"year": "9999", "month": "12"}, {"year": "9999", "month": "12", "day": "31"}):
            params = {f"{hierarchy}__{part}": value for part, value in last.items()}
            assert staff_client.get(url, params).status_code in (200, 302), (url, params)
    # The choices the declared filters offer still work (the first few of each: a country list is long).
    for spec in cl.filter_specs:
        for choice in list(spec.choices(cl))[:4]:
            assert staff_client.get(url + choice["query_string"]).status_code == 200, (url, choice)


def test_it_refuses_a_nul_byte_in_an_autocomplete_term(staff_client, seeded):
    params = {"app_label": "core", "model_name": "meeting", "field_name": "country"}
    assert staff_client.get(reverse("admin:autocomplete"), {**params, "term": "Tur\x00"}).status_code == 400
    assert staff_client.get(reverse("admin:autocomplete"), {**params, "term": "Tur"}).status_code == 200
