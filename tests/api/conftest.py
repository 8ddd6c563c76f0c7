"""A small archive for the API tests: articles, meetings, people and sources, with rejected facts among them."""

import pytest
from django.test import Client

from archive.core.models import (
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Organisation,
    Participation,
    PersonRole,
    Source,
)
from tests.core.meeting_data import day, make_article, make_meeting, make_person


@pytest.fixture
def api():
    # A server error shows as a 500 status here, as a client would see it, not as an exception.
    return Client(raise_request_exception=False)


@pytest.fixture
def world(db):
    tanjug = Source.objects.create(name="Tanjug", slug="tanjug")
    anadolu = Source.objects.create(name="Anadolu Agency", slug="anadolu")
    nato = Organisation.objects.get(slug="nato")  # seeded with the reference data
    vucic, guler, scott = make_person("Aleksandar Vučić"), make_person("Yaşar Güler"), make_person("Kyle Scott")
    vucic.country_id, guler.country_id = "RS", "TR"
    vucic.save(), guler.save()
    PersonRole.objects.create(person=vucic, title="President", country_id="RS", start=day(2017, 5, 31))
    PersonRole.objects.create(person=vucic, title="Prime Minister", country_id="RS", start=day(2014), end=day(2017))
    PersonRole.objects.create(person=guler, title="Minister of National Defence", country_id="TR", organisation=nato)

    belgrade = make_article(
        "Vučić receives Güler in Belgrade",
        countries=["RS", "TR"],
        people=[vucic, guler],
        source=tanjug,
        published=day(2023, 10, 25),
        url="https://news.example.org/belgrade",
    )
    ArticleOrganisation.objects.create(article=belgrade, organisation=nato)
    ankara = make_article(
        "Güler on the phone to Belgrade", countries=["TR"], people=[guler], source=anadolu, published=day(2021, 3, 2)
    )
    ankara.language = "tr"
    ankara.save()
    undated = make_article("Undated note on Serbian defence", countries=["RS"], language="sr")
    # Rejected mentions: never shown, never matched by a filter.
    ArticleCountry.objects.create(article=ankara, country_id="US", review_status="rejected")
    ArticlePerson.objects.create(article=ankara, person=scott, review_status="rejected")
    ArticleOrganisation.objects.create(article=ankara, organisation=nato, review_status="rejected")

    held = make_meeting(
        (vucic, "RS", "President", "host"),
        (guler, "TR", "Minister of National Defence", "guest"),
        date=day(2023, 10, 25),
        host="RS",
        city="Belgrade",
        country_id="RS",
        kind="visit",
        article=belgrade,
    )
    call = make_meeting(
        (vucic, "RS", "President"), (guler, "TR", "Minister"), date=day(2021, 3, 2), kind="phone_call", article=ankara
    )
    proposed = make_meeting((vucic, "RS", "President"), (scott, "US", "Ambassador"), review="unreviewed")
    rejected = make_meeting(
        (vucic, "RS", "President"), (guler, "TR", "Minister"), date=day(2024, 1, 1), review="rejected", article=ankara
    )
    # A rejected participant of a public meeting: never shown, and the meeting is not one with the US.
    Participation.objects.create(
        meeting=held, person=scott, country_id="US", role="Ambassador", review_status="rejected"
    )
    return locals()
