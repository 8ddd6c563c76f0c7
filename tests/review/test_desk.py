"""The review desk: who may use it, what each decision does, and what it records."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from archive.core.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Meeting,
    Participation,
    PersonRole,
)
from archive.review import queue

from .conftest import CALL, MET, desk_url, fact_url, make_user

pytestmark = pytest.mark.django_db
day = datetime.date

MODELS = {
    "meeting": Meeting,
    "participation": Participation,
    "person": ArticlePerson,
    "country": ArticleCountry,
    "organisation": ArticleOrganisation,
}


def a_fact(world, kind):
    if kind == "meeting":
        return world.held
    if kind == "participation":
        return world.held.participations.get(person=world.maric)
    return MODELS[kind].objects.filter(article=world.article).first()


def statuses(world) -> dict:
    """Every fact of the article with its review status and the fields a curator may correct."""
    rows = {}
    for kind, model in MODELS.items():
        path, _ = queue.PENDING[kind]
        for fact in model.objects.filter(**{path: world.article}):
            rows[kind, fact.pk] = (fact.review_status, getattr(fact, "role", None), getattr(fact, "city", None))
    return rows


def every_post(world):
    """One of each POST the desk takes, with valid data."""
    article, held = world.article, world.held
    participation = held.participations.first()
    return [
        (fact_url("decide", article, "meeting", held), {"decision": "verified"}),
        (fact_url("correct", article, "meeting", held), {f"meeting-{held.pk}-city": "Bled"}),
        (reverse("review:accept-all", args=[article.pk]), {"expected": "13"}),
        (reverse("review:add-meeting", args=[article.pk]), {"missed-meeting-evidence": CALL}),
        (reverse("review:add-person", args=[article.pk]), {"missed-person-name": "X Y", "missed-person-evidence": MET}),
        (
            reverse("review:add-role", args=[article.pk, participation.pk]),
            {f"role-{participation.pk}-title": "Minister", f"role-{participation.pk}-use_for": "on"},
        ),
    ]


def test_it_sends_anonymous_visitors_to_log_in(client, world):
    before = statuses(world)
    for url in (reverse("review:queue"), desk_url(world.article)):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/admin/login/")
    for url, data in every_post(world):
        response = client.post(url, data)
        assert response.status_code == 302 and response.url.startswith("/admin/login/"), url
    assert statuses(world) == before and PersonRole.objects.count() == 0


def test_it_refuses_someone_who_is_not_staff(client, world):
    client.force_login(make_user("reader", "curator", staff=False))
    before = statuses(world)
    assert client.get(reverse("review:queue")).url.startswith("/admin/login/")
    for url, data in every_post(world):
        assert client.post(url, data).url.startswith("/admin/login/"), url
    assert statuses(world) == before


def test_it_shows_a_viewer_the_desk_without_buttons_and_forbids_every_change(client, world):
    client.force_login(make_user("viewer-on-desk", "viewer"))
    page = client.get(desk_url(world.article))
    assert page.status_code == 200 and b"Accept" not in page.content and b"Add a missed" not in page.content
    before, n_meetings = statuses(world), Meeting.objects.count()
    for url, data in every_post(world):
        assert client.post(url, data).status_code == 403, url
    assert statuses(world) == before and Meeting.objects.count() == n_meetings and PersonRole.objects.count() == 0


def test_it_refuses_a_post_without_a_csrf_token(world, curator):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(curator)
    response = strict.post(fact_url("decide", world.article, "meeting", world.held), {"decision": "verified"})
    assert response.status_code == 403
    world.held.refresh_from_db()
    assert world.held.review_status == "unreviewed"


@pytest.mark.parametrize("kind", MODELS)
def test_it_accepts_and_rejects_each_kind_of_fact(client, world, curator, kind):
    fact = a_fact(world, kind)
    url = fact_url("decide", world.article, kind, fact)
    response = client.post(url + "?order=confidence", {"decision": "verified"})
    assert response.url == desk_url(world.article, order="confidence") + f"#fact-{kind}-{fact.pk}"
    fact.refresh_from_db()
    assert fact.review_status == "verified"
    client.post(url, {"decision": "rejected"})
    fact.refresh_from_db()
    assert fact.review_status == "rejected"
    assert client.post(url, {"decision": "deleted"}).status_code == 400


def test_it_answers_404_for_a_fact_of_another_article(client, world, curator):
    other = Article.objects.create(title="Other", body="Other text.", content_hash="other")
    assert client.post(fact_url("decide", other, "meeting", world.held), {"decision": "verified"}).status_code == 404
    assert client.post(f"/review/articles/{world.article.pk}/source/1/decide/").status_code == 404
    country = a_fact(world, "country")  # accepted or rejected, never corrected
    assert client.post(fact_url("correct", world.article, "country", country), {}).status_code == 404


def test_it_corrects_a_meeting_in_place(client, world, curator):
    prefix = f"meeting-{world.planned.pk}"
    data = {f"{prefix}-date": "2024-06-10", f"{prefix}-date_precision": "month", f"{prefix}-city": "Split"}
    data |= {f"{prefix}-kind": "consultations", f"{prefix}-status": "held"}
    client.post(fact_url("correct", world.article, "meeting", world.planned), data)
    world.planned.refresh_from_db()
    assert (world.planned.date, world.planned.date_precision) == (datetime.date(2024, 6, 10), "month")
    assert (world.planned.city, world.planned.kind, world.planned.status) == ("Split", "consultations", "held")
    assert world.planned.review_status == "verified"


def test_it_shows_a_correction_with_errors_in_place(client, world, curator):
    prefix = f"meeting-{world.held.pk}"
    data = {f"{prefix}-date": "not a date", f"{prefix}-kind": "meeting", f"{prefix}-status": "held"}
    response = client.post(fact_url("correct", world.article, "meeting", world.held), data)
    assert response.status_code == 200 and "Enter a valid date." in response.content.decode()
    world.held.refresh_from_db()
    assert world.held.review_status == "unreviewed"


def test_it_corrects_a_person_mention_by_country_name(client, world, curator):
    link = ArticlePerson.objects.get(article=world.article, person=world.maric)
    data = {f"person-{link.pk}-role": "Minister of Defence", f"person-{link.pk}-country": "croatia"}
    client.post(fact_url("correct", world.article, "person", link), data)
    link.refresh_from_db()
    assert (link.role, link.country_id, link.review_status) == ("Minister of Defence", "HR", "verified")
    data[f"person-{link.pk}-country"] = "Atlantis"
    response = client.post(fact_url("correct", world.article, "person", link), data)
    assert "No country by that name or code: Atlantis." in response.content.decode()


def test_it_offers_the_roles_a_participant_held_the_one_at_the_meeting_first(client, world, curator):
    earlier = PersonRole.objects.create(
        person=world.maric, title="Chief of Staff", start=datetime.date(2015, 1, 1), end=datetime.date(2019, 12, 31)
    )
    later = PersonRole.objects.create(person=world.maric, title="Ambassador", start=datetime.date(2025, 1, 1))
    then = PersonRole.objects.create(
        person=world.maric, title="Minister of Defence", country_id="HR", start=datetime.date(2020, 1, 1),
        end=datetime.date(2024, 12, 31),
    )  # fmt: skip
    participation = world.held.participations.get(person=world.maric)
    form = client.get(desk_url(world.article)).context["desk"].meetings
    offered = next(p for m in form for p in m.participations.all() if p.pk == participation.pk).form
    choices = [value for value, _label in offered.fields["known_role"].choices]
    assert choices == ["", str(then.pk), str(later.pk), str(earlier.pk)]
    assert "held then" in dict(offered.fields["known_role"].choices)[str(then.pk)]

    prefix = f"participation-{participation.pk}"
    data = {f"{prefix}-known_role": str(then.pk), f"{prefix}-role": "counterpart", f"{prefix}-country": ""}
    client.post(fact_url("correct", world.article, "participation", participation), data)
    participation.refresh_from_db()
    assert (participation.role, participation.country_id, participation.review_status) == (
        "Minister of Defence",
        "HR",
        "verified",
    )


def test_it_adds_a_role_with_dates_and_uses_it_for_the_participation(client, world, curator):
    participation = world.planned.participations.get(person=world.maric)
    prefix = f"role-{participation.pk}"
    data = {f"{prefix}-title": "Minister of Defence", f"{prefix}-country": "HR", f"{prefix}-start": "2022-05-01"}
    response = client.post(reverse("review:add-role", args=[world.article.pk, participation.pk]), data)
    role = PersonRole.objects.get(person=world.maric)
    assert (role.title, role.country_id, role.start, role.end) == ("Minister of Defence", "HR", day(2022, 5, 1), None)
    participation.refresh_from_db()
    assert participation.role == "counterpart", "use_for was not ticked"

    data |= {f"{prefix}-title": "Deputy Minister", f"{prefix}-use_for": "on", f"{prefix}-end": "2020-01-01"}
    response = client.post(reverse("review:add-role", args=[world.article.pk, participation.pk]), data)
    assert response.status_code == 200 and PersonRole.objects.filter(person=world.maric).count() == 1
    data[f"{prefix}-end"] = "2023-01-01"
    response = client.post(reverse("review:add-role", args=[world.article.pk, participation.pk]), data)
    assert response.url.endswith(f"#fact-participation-{participation.pk}")
    participation.refresh_from_db()
    assert (participation.role, participation.country_id, participation.review_status) == (
        "Deputy Minister",
        "HR",
        "verified",
    )


def test_it_accepts_all_remaining_facts_of_the_article(client, world, curator):
    rejected = world.planned
    client.post(fact_url("decide", world.article, "meeting", rejected), {"decision": "rejected"})
    page = client.get(desk_url(world.article))
    waiting = page.context["article"].n_pending
    assert waiting == 8  # 1 meeting, its 2 participants, 2 people, 2 countries, 1 organisation

    # A count that differs from what is waiting now (a re-import proposed more meanwhile) accepts nothing.
    before = statuses(world)
    response = client.post(reverse("review:accept-all", args=[world.article.pk]), {"expected": waiting + 1})
    assert response.status_code == 302 and statuses(world) == before
    client.post(reverse("review:accept-all", args=[world.article.pk]), {"expected": waiting})
    after = statuses(world)
    rejected.refresh_from_db()
    assert rejected.review_status == "rejected"
    # The participants of the rejected meeting stay as they were: nobody decided about them.
    moot = {("participation", p.pk) for p in rejected.participations.all()}
    assert {after[key][0] for key in after if key not in moot and key != ("meeting", rejected.pk)} == {"verified"}
    assert {after[key][0] for key in moot} == {"unreviewed"}
    assert world.article.pk not in queue.to_review().values_list("pk", flat=True)


def test_it_adds_a_missed_meeting_from_a_sentence(client, world, curator):
    lenart, maric = (ArticlePerson.objects.get(article=world.article, person=p) for p in (world.lenart, world.maric))
    data = {
        "missed-meeting-evidence": "Later that week Lenart spoke by phone\n with Marić about cadet exchanges.",
        "missed-meeting-kind": "phone_call",
        "missed-meeting-status": "held",
        "missed-meeting-date": "2024-03-07",
        "missed-meeting-date_precision": "day",
        "missed-meeting-participants": [str(lenart.person_id), str(maric.person_id)],
    }
    response = client.post(reverse("review:add-meeting", args=[world.article.pk]), data)
    meeting = Meeting.objects.get(kind="phone_call")
    assert response.url.endswith(f"#fact-meeting-{meeting.pk}")
    assert (meeting.review_status, meeting.confidence, meeting.date) == ("verified", None, datetime.date(2024, 3, 7))
    assert meeting.evidence == "Later that week Lenart spoke by phone with Marić about cadet exchanges."
    assert list(meeting.articles.all()) == [world.article]
    people = {(p.person_id, p.role, p.country_id, p.review_status) for p in meeting.participations.all()}
    assert people == {
        (world.lenart.pk, "Defence Minister", "SI", "verified"),
        (world.maric.pk, "counterpart", "HR", "verified"),
    }
    # Its sentence is marked in the text like any other.
    page = client.get(desk_url(world.article))
    shown = next(m for m in page.context["desk"].meetings if m.pk == meeting.pk)
    assert shown.mark and f'<mark id="{shown.mark}">{CALL}</mark>'.encode() in page.content


def test_it_refuses_a_missed_meeting_whose_sentence_is_not_in_the_article(client, world, curator):
    data = {"missed-meeting-evidence": "A sentence from elsewhere.", "missed-meeting-kind": "visit"}
    data |= {"missed-meeting-status": "held", "missed-meeting-date_precision": "unknown"}
    response = client.post(reverse("review:add-meeting", args=[world.article.pk]), data)
    assert response.status_code == 200 and "Select or paste a sentence of this article" in response.content.decode()
    assert not Meeting.objects.filter(kind="visit").exists()


def test_it_adds_a_missed_person_known_under_another_spelling(client, world, curator):
    world.lenart.names.create(name="Ana Lenartova")
    ArticlePerson.objects.filter(article=world.article, person=world.lenart).delete()
    data = {"missed-person-name": "Ana Lenartova", "missed-person-role": "Minister", "missed-person-evidence": MET}
    client.post(reverse("review:add-person", args=[world.article.pk]), data | {"missed-person-country": "SI"})
    link = ArticlePerson.objects.get(article=world.article, person=world.lenart)
    assert (link.role, link.country_id, link.review_status, link.evidence) == ("Minister", "SI", "verified", MET)


def test_it_records_who_decided_and_what_changed(client, world, curator):
    client.post(fact_url("decide", world.article, "meeting", world.held), {"decision": "rejected"})
    prefix = f"meeting-{world.held.pk}"
    data = {f"{prefix}-city": "Bled", f"{prefix}-kind": "meeting", f"{prefix}-status": "held"}
    data |= {f"{prefix}-date": "2024-03-04", f"{prefix}-date_precision": "day"}
    client.post(fact_url("correct", world.article, "meeting", world.held), data)

    corrected, rejected, created = world.held.history.order_by("-history_id")[:3]
    assert created.history_user is None  # extraction
    assert (rejected.history_user, rejected.history_change_reason) == (curator, "Rejected on the review desk")
    assert (corrected.history_user, corrected.history_change_reason) == (curator, "Corrected on the review desk")
    changes = {c.field: (c.old, c.new) for c in corrected.diff_against(rejected).changes}
    assert changes == {"city": ("Ljubljana", "Bled"), "review_status": ("rejected", "verified")}
    changes = {c.field: (c.old, c.new) for c in rejected.diff_against(created).changes}
    assert changes == {"review_status": ("unreviewed", "rejected")}

    participation = world.held.participations.first()
    client.post(fact_url("decide", world.article, "participation", participation), {"decision": "verified"})
    assert participation.history.latest().history_user == curator


def test_it_queues_the_article_for_indexing_when_a_fact_is_decided(client, world, curator):
    from search.models import IndexQueue

    IndexQueue.objects.all().delete()
    client.post(fact_url("decide", world.article, "country", a_fact(world, "country")), {"decision": "rejected"})
    # The search signal ran on the save: the article is queued in the decision's own transaction.
    assert set(IndexQueue.objects.values_list("article_id", flat=True)) == {world.article.pk}


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("el", "Extraction not available for Greek"),
        ("ru", "Extraction reads Russian with the common wordings only"),
        ("en", None),
    ],
)
def test_it_tells_the_curator_how_much_extraction_read_of_the_articles_language(client, curator, world, language, says):
    Article.objects.filter(pk=world.article.pk).update(language=language)
    page = client.get(desk_url(world.article)).content.decode()
    if says:
        assert says in page
    else:
        assert "Extraction not available" not in page and "common wordings only" not in page
