"""Review state governs publication: a rejected fact is on no public page, a proposed one is marked, a verified
one is plain.

Curators decide through the admin's actions, as they would; the pages are read as a visitor reads them.
"""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse

from archive.core.models import ArticleCountry, ArticleOrganisation, ArticlePerson, Meeting, Participation

from .meeting_data import day, make_article, make_meeting, make_organisation, make_person

pytestmark = pytest.mark.django_db

SENTENCE = "Vučić received Güler in Belgrade on Tuesday to discuss the frigate programme."


@pytest.fixture
def visitor():
    # A server error shows as a 500 here, as a visitor would see it, not as an exception.
    return Client(raise_request_exception=False)


@pytest.fixture
def world():
    vucic, guler, scott = make_person("Aleksandar Vučić"), make_person("Yaşar Güler"), make_person("Kyle Scott")
    forum = make_organisation("Adriatic Naval Forum", "ANFX")
    article = make_article("Frigate talks in Belgrade", SENTENCE, published=day(2024, 3, 13))
    for code, status in (("RS", "verified"), ("TR", "verified"), ("HU", "unreviewed")):
        ArticleCountry.objects.create(article=article, country_id=code, review_status=status)
    ArticlePerson.objects.create(article=article, person=vucic, review_status="verified")
    ArticlePerson.objects.create(
        article=article, person=scott, role="US Ambassador", evidence="Scott attended.", confidence=0.41
    )
    ArticleOrganisation.objects.create(article=article, organisation=forum, evidence="An ANFX official said so.")
    meeting = make_meeting(
        (vucic, "RS", "President", "host"),
        (guler, "TR", "Minister of National Defence", "guest"),
        date=day(2024, 3, 12),
        city="Belgrade",
        host="RS",
        kind="visit",
        article=article,
        summary="Talks on the frigate programme.",
        review="unreviewed",
    )
    Meeting.objects.filter(pk=meeting.pk).update(evidence=SENTENCE, confidence=0.83)
    Participation.objects.filter(meeting=meeting).update(review_status="verified")
    return locals()


def decide(admin_client, obj, decision):
    """A curator ticks the fact in its admin list and runs "Reject selected" or "Mark selected as verified"."""
    changelist = reverse(f"admin:core_{obj._meta.model_name}_changelist")
    action = {"reject": "mark_rejected", "accept": "mark_verified"}[decision]
    response = admin_client.post(changelist, {"action": action, ACTION_CHECKBOX_NAME: [obj.pk]})
    assert response.status_code == 302
    obj.refresh_from_db()


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def links_to(html, obj) -> bool:
    return f'href="{obj.get_absolute_url()}"' in html


def meeting_surfaces(w):
    """Every public page that lists the meeting."""
    return [
        reverse("meeting-archive"),
        "/meetings/2024/",
        w["vucic"].get_absolute_url(),
        w["guler"].get_absolute_url(),
        reverse("country-detail", args=["TR"]),
        reverse("country-pair", args=["RS", "TR"]),
        w["article"].get_absolute_url(),
    ]


def test_it_hides_a_rejected_meeting_from_every_page_and_shows_it_plainly_once_accepted(visitor, admin_client, world):
    w, meeting = world, world["meeting"]
    for url in meeting_surfaces(w):
        assert links_to(page(visitor, url), meeting), url
    assert 'class="proposed"' in page(visitor, meeting.get_absolute_url())

    decide(admin_client, meeting, "reject")
    for url in meeting_surfaces(w):
        assert not links_to(page(visitor, url), meeting), url
    page(visitor, meeting.get_absolute_url(), status=404)
    pair = page(visitor, reverse("country-pair", args=["RS", "TR"]))
    assert "0 meetings between them" in pair and not links_to(pair, w["article"])  # nor its report
    assert "Official visit in Belgrade" not in page(visitor, reverse("country-detail", args=["TR"]))
    assert "<figure" not in page(visitor, w["guler"].get_absolute_url())  # no bar counts it

    decide(admin_client, meeting, "accept")
    for url in meeting_surfaces(w):
        assert links_to(page(visitor, url), meeting), url
    shown = page(visitor, meeting.get_absolute_url())
    assert 'class="proposed"' not in shown and SENTENCE not in shown  # verified: plain, no marker
    assert 'class="proposed"' not in page(visitor, "/meetings/")


def test_it_hides_a_rejected_participation_and_shows_it_plainly_once_accepted(visitor, admin_client, world):
    w = world
    decide(admin_client, w["meeting"], "accept")
    attendance = Participation.objects.get(meeting=w["meeting"], person=w["guler"])
    decide(admin_client, attendance, "reject")
    assert "Güler" not in page(visitor, w["meeting"].get_absolute_url())
    assert "Güler" not in page(visitor, "/meetings/")
    # Türkiye was in the meeting only through him, so neither his page, the country's nor the pair's lists it.
    for url in (w["guler"].get_absolute_url(), "/countries/TR/", "/countries/RS/TR/", "/meetings/?country=TR"):
        assert not links_to(page(visitor, url), w["meeting"]), url
    assert links_to(page(visitor, w["vucic"].get_absolute_url()), w["meeting"])

    attendance.review_status = "unreviewed"  # back to a proposal: shown, marked
    attendance.save()
    assert 'class="proposed"' in page(visitor, w["meeting"].get_absolute_url())
    decide(admin_client, attendance, "accept")
    shown = page(visitor, w["meeting"].get_absolute_url())
    assert "Yaşar Güler" in shown and 'class="proposed"' not in shown
    assert links_to(page(visitor, "/countries/RS/TR/"), w["meeting"])


def test_it_hides_rejected_mentions_from_the_article_and_the_entity_pages(visitor, admin_client, world):
    w, article = world, world["article"]
    hungary = ArticleCountry.objects.get(article=article, country="HU")
    scott = ArticlePerson.objects.get(article=article, person=w["scott"])
    forum = ArticleOrganisation.objects.get(article=article)
    assert links_to(page(visitor, "/countries/HU/"), article)
    assert links_to(page(visitor, w["scott"].get_absolute_url()), article)
    assert links_to(page(visitor, w["forum"].get_absolute_url()), article)
    assert 'href="/countries/HU/"' in page(visitor, "/countries/")
    assert 'Kyle Scott</a> <span class="meta"> · 1 article' in page(visitor, "/people/")

    for link in (hungary, scott, forum):
        decide(admin_client, link, "reject")
    shown = page(visitor, article.get_absolute_url())
    assert 'href="/countries/HU/"' not in shown and "Hungary" not in shown
    assert not links_to(shown, w["scott"]) and not links_to(shown, w["forum"])
    assert not links_to(page(visitor, "/countries/HU/"), article)
    assert not links_to(page(visitor, w["scott"].get_absolute_url()), article)
    assert not links_to(page(visitor, w["forum"].get_absolute_url()), article)
    assert 'href="/countries/HU/"' not in page(visitor, "/countries/")  # no article counts for it now
    assert 'Kyle Scott</a> <span class="meta"> · 0 articles' in page(visitor, "/people/")

    for link in (hungary, scott, forum):
        decide(admin_client, link, "accept")
    shown = page(visitor, article.get_absolute_url())
    assert 'href="/countries/HU/"' in shown and links_to(shown, w["scott"]) and links_to(shown, w["forum"])
    assert 'class="proposed"' not in shown.split("<h2>People</h2>")[1]  # the mentions; the meeting is still proposed
    assert links_to(page(visitor, "/countries/HU/"), article)


def test_it_marks_proposed_facts_with_the_sentence_on_demand(visitor, world):
    w = world
    article = page(visitor, w["article"].get_absolute_url())
    # The proposed meeting, the person and the organisation: each a <details> that opens to its sentence.
    assert article.count('<details class="proposed">') == 4  # meeting, Scott, Hungary, the forum
    assert "<q>Scott attended.</q>" in article and "confidence 0.41" in article
    assert "<q>An ANFX official said so.</q>" in article
    assert "No source sentence recorded." in article  # Hungary was proposed without one
    for url in ("/meetings/", w["guler"].get_absolute_url(), "/countries/RS/TR/", w["meeting"].get_absolute_url()):
        shown = page(visitor, url)
        assert f"<q>{SENTENCE}</q>" in shown and "confidence 0.83" in shown, url
    # Verified facts stay plain: Serbia and Vučić carry no marker on the article page.
    serbia = article.split('href="/countries/RS/"')[1].split("</li>")[0]
    assert "proposed" not in serbia


def test_it_lists_verified_facts_only_on_request(visitor, world):
    w = world
    verified = make_meeting((w["vucic"], "RS", "President"), (w["guler"], "TR", "Minister"), date=day(2023, 5, 1))
    # A verified meeting whose attendance by Scott is only proposed: not "verified" for Scott or the US.
    with_scott = make_meeting((w["vucic"], "RS", "President"), date=day(2022, 6, 1))
    Participation.objects.create(meeting=with_scott, person=w["scott"], country_id="US", review_status="unreviewed")
    for url in (w["guler"].get_absolute_url(), "/countries/TR/", "/countries/RS/TR/", "/meetings/?country=TR"):
        everything = page(visitor, url)
        assert links_to(everything, w["meeting"]) and links_to(everything, verified), url
        sep = "&" if "?" in url else "?"
        checked = page(visitor, f"{url}{sep}verified=1")
        assert not links_to(checked, w["meeting"]) and links_to(checked, verified), url
        assert 'class="proposed"' not in checked, url
    for url in (w["scott"].get_absolute_url(), "/countries/US/", "/meetings/?country=US"):
        assert links_to(page(visitor, url), with_scott), url
        sep = "&" if "?" in url else "?"
        assert not links_to(page(visitor, f"{url}{sep}verified=1"), with_scott), url
    # The switch: off, it offers verified only; on, it says so and the links to the full list keep it.
    assert 'href="?verified=1"' in page(visitor, "/countries/TR/")
    on = page(visitor, "/countries/TR/?verified=1")
    assert "Showing verified meetings only" in on and "verified=1" in on.split('class="all-meetings"')[1]
    assert "verified=1" in page(visitor, "/countries/RS/TR/?verified=1").split("swap")[0]
