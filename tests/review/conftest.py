"""An article with facts waiting for review, built as extraction would leave it, and the desk's users."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from archive.core.models import ArticleCountry, ArticleOrganisation, ArticlePerson, Meeting, Participation, Source
from tests.core.meeting_data import make_organisation
from tests.search.conftest import make_article, make_person

# Invented for the tests: the people, the talks and the agreement never happened.
MET = "Defence Minister Ana Lenart met her Croatian counterpart Ivo Marić in Ljubljana on Monday."
PLANNED = "The two ministers will meet again in Zagreb in June."
FORUM = "Both countries take part in the Adriatic Naval Forum."
CALL = "Later that week Lenart spoke by phone with Marić about cadet exchanges."
BODY = f"Ljubljana, 4 March 2024\n\n{MET} {PLANNED}\n\n{FORUM}\n\n{CALL}\n"


def reviewable_article(title="Slovenia and Croatia hold defence talks", body=BODY, source=None, **kw):
    """An article as extraction left it: two meetings, their participants, two people, two countries, a forum."""
    article = make_article(title, body, source=source, **kw)
    lenart = make_person(f"Ana Lenart {article.pk}")
    maric = make_person(f"Ivo Marić {article.pk}")
    forum = make_organisation(f"Adriatic Naval Forum {article.pk}", f"ANF{article.pk}")
    mentions = [
        ArticleCountry(article=article, country_id="SI", evidence=MET, confidence=0.95),
        ArticleCountry(article=article, country_id="HR", evidence=MET, confidence=0.9),
        ArticlePerson(article=article, person=lenart, role="Defence Minister", country_id="SI", evidence=MET),
        ArticlePerson(article=article, person=maric, role="counterpart", country_id="HR", evidence=MET),
        ArticleOrganisation(article=article, organisation=forum, evidence=FORUM, confidence=0.6),
    ]
    for mention in mentions:
        mention.confidence = mention.confidence or 0.85
        mention.save()
    held = Meeting.objects.create(
        kind="meeting", city="Ljubljana", country_id="SI", date=datetime.date(2024, 3, 4), date_precision="day",
        evidence=MET, confidence=0.8,
    )  # fmt: skip
    planned = Meeting.objects.create(
        kind="meeting", status="planned", city="Zagreb", evidence=PLANNED, confidence=0.5,
    )  # fmt: skip
    for meeting in (held, planned):
        meeting.articles.add(article)
        for person, code, role in ((lenart, "SI", "Defence Minister"), (maric, "HR", "counterpart")):
            Participation.objects.create(
                meeting=meeting, person=person, country_id=code, role=role, evidence=meeting.evidence, confidence=0.7
            )
    return SimpleNamespace(article=article, lenart=lenart, maric=maric, forum=forum, held=held, planned=planned)


@pytest.fixture
def world(db):
    return reviewable_article(source=Source.objects.create(name="Invented Wire", slug="invented-wire"))


def make_user(name, group=None, staff=True):
    user = User.objects.create_user(name, is_staff=staff)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def curator(client, db):
    user = make_user("curator-on-desk", "curator")
    client.force_login(user)
    return user


def desk_url(article, **query):
    url = reverse("review:article", args=[article.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def fact_url(name, article, kind, fact):
    return reverse(f"review:{name}", args=[article.pk, kind, fact.pk])
