"""The index holds public facts only, and a curator's decision in the admin re-indexes the articles it touches.

Real Whoosh index, Celery tasks in-process: a decision's commit runs the indexing as in production.
"""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.core.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Meeting,
    Organisation,
    Participation,
)
from search import engine, indexing
from search.query import SearchParams

from .conftest import day, make_article, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(search_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        vucic, guler = make_person("Aleksandar Vučić"), make_person("Yaşar Güler")
        # Güler is named only as a participant of the meeting, and "zanzibarite" only in its summary.
        talks = make_article("Frigate talks", "Ministers talked about ships.", published=day(2024, 3, 13))
        ArticleCountry.objects.create(article=talks, country_id="RS", review_status="verified")
        ArticleCountry.objects.create(article=talks, country_id="HU", evidence="Hungary was mentioned.")
        ArticlePerson.objects.create(article=talks, person=vucic)
        meeting = Meeting.objects.create(kind="visit", summary="Talks on zanzibarite armour.", date=day(2024, 3, 12))
        meeting.articles.add(talks)
        attendance = Participation.objects.create(meeting=meeting, person=guler, country_id="TR")
        other = make_article("Naval drill", "Ships trained.", countries=["RS"], published=day(2024, 1, 5))
    return locals()


def decide(admin_client, capture, obj, decision):
    """A curator runs "Reject selected" or "Mark selected as verified"; its commit runs the indexing task."""
    action = {"reject": "mark_rejected", "accept": "mark_verified"}[decision]
    changelist = reverse(f"admin:core_{obj._meta.model_name}_changelist")
    with capture(execute=True):
        response = admin_client.post(changelist, {"action": action, ACTION_CHECKBOX_NAME: [obj.pk]})
    assert response.status_code == 302


def search(**kw):
    return engine.run(SearchParams(**kw), per_page=100)


def found(client, **params) -> str:
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_it_drops_a_rejected_meeting_from_the_index_and_restores_it_on_accept(
    client, admin_client, corpus, django_capture_on_commit_callbacks
):
    talks, meeting = corpus["talks"], corpus["meeting"]
    assert search(q="zanzibarite").total == 1 and search(q="Guler").total == 1
    assert search().facets["kind"] == {"visit": 1}
    assert talks.get_absolute_url() in found(client, q="zanzibarite")

    decide(admin_client, django_capture_on_commit_callbacks, meeting, "reject")
    assert search(q="zanzibarite").total == 0  # the summary's word counts the article no more
    assert search(q="Guler").total == 0  # nor its participants' names
    everything = search()
    assert everything.total == 2 and everything.facets.get("kind", {}) == {}
    assert search(filters={"kind": ["visit"]}).total == 0
    assert talks.get_absolute_url() not in found(client, q="zanzibarite")

    decide(admin_client, django_capture_on_commit_callbacks, meeting, "accept")
    assert search(q="zanzibarite").article_ids == [talks.pk]
    assert search().facets["kind"] == {"visit": 1}
    assert talks.get_absolute_url() in found(client, q="zanzibarite")


def test_it_drops_a_rejected_participation_from_the_index(admin_client, corpus, django_capture_on_commit_callbacks):
    attendance = corpus["attendance"]
    decide(admin_client, django_capture_on_commit_callbacks, attendance, "reject")
    assert search(q="Guler").total == 0
    assert search(q="zanzibarite").total == 1  # the meeting itself stays
    decide(admin_client, django_capture_on_commit_callbacks, attendance, "accept")
    assert search(q="Guler").article_ids == [corpus["talks"].pk]


def test_it_drops_a_rejected_mention_from_the_text_and_the_facets(
    client, admin_client, corpus, django_capture_on_commit_callbacks
):
    talks = corpus["talks"]
    hungary = ArticleCountry.objects.get(article=talks, country="HU")
    vucic = ArticlePerson.objects.get(article=talks)
    assert search().facets["country"] == {"RS": 2, "HU": 1}
    assert search(q="Hungary").article_ids == [talks.pk]
    assert search().facets["person"] == {str(corpus["vucic"].pk): 1}

    decide(admin_client, django_capture_on_commit_callbacks, hungary, "reject")
    decide(admin_client, django_capture_on_commit_callbacks, vucic, "reject")
    everything = search()
    assert everything.facets["country"] == {"RS": 2}  # the article no longer counts under Hungary
    assert everything.facets.get("person", {}) == {}
    assert search(filters={"country": ["HU"]}).total == 0
    assert search(q="Hungary").total == 0 and search(q="Vucic").total == 0
    assert talks.get_absolute_url() not in found(client, country="HU")
    row = found(client, q="frigate")  # the result row names public mentions only
    assert "Serbia" in row and "Hungary" not in row and "Vučić" not in row

    decide(admin_client, django_capture_on_commit_callbacks, hungary, "accept")
    assert search().facets["country"] == {"RS": 2, "HU": 1}
    assert search(filters={"country": ["HU"]}).article_ids == [talks.pk]


def test_it_indexes_public_facts_for_articles_loaded_without_the_prefetches(corpus):
    """Highlighting renders the text field of articles read with read_queryset(), not for_index()."""
    ArticleCountry.objects.filter(country="HU").update(review_status="rejected")
    Meeting.objects.update(review_status="rejected")
    index = indexing.article_index()
    article = index.read_queryset().get(pk=corpus["talks"].pk)
    text = index.fields["text"].prepare(article)
    assert "Frigate talks" in text and "Serbia" in text
    assert "Hungary" not in text and "zanzibarite" not in text and "Güler" not in text
    doc = index.full_prepare(Article.objects.get(pk=corpus["talks"].pk))
    assert doc["country"] == ["RS"] and doc["kind"] == []


def _article_with_everything(n, people, organisation):
    article = make_article(f"Report {n}", countries=["RS", "TR", "HU"], people=people, published=day(2023, 1, 1 + n))
    ArticleCountry.objects.filter(article=article, country="HU").update(review_status="rejected")
    ArticleOrganisation.objects.create(article=article, organisation=organisation)
    for kind, status in (("visit", "unreviewed"), ("phone_call", "rejected")):
        meeting = Meeting.objects.create(kind=kind, summary=f"Meeting {n} {kind}", review_status=status)
        meeting.articles.add(article)
        for person in people:
            Participation.objects.create(meeting=meeting, person=person)
    return article


def test_it_prepares_documents_in_a_fixed_number_of_queries(db):
    people = [make_person(f"Person {i}") for i in range(3)]
    organisation = Organisation.objects.create(name="Alliance", acronym="ALL", slug="all")
    index = indexing.article_index()

    def queries(n_articles):
        pks = [_article_with_everything(n, people, organisation).pk for n in range(n_articles)]
        with CaptureQueriesContext(connection) as captured:
            docs = [index.full_prepare(a) for a in Article.objects.for_index().filter(pk__in=pks)]
        assert all(d["country"] == ["RS", "TR"] and d["kind"] == ["visit"] for d in docs)
        return len(captured)

    assert queries(2) == queries(8)
