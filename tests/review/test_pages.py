"""The desk's pages: the queue with its order and filters, "next", the marked-up text, and their cost."""

import datetime

import pytest
from django.urls import reverse

from archive.core.models import Article, ArticleCountry, Meeting, Source
from archive.review import queue
from archive.review.marking import Stretch, locate, mark_up

from .conftest import FORUM, MET, desk_url, fact_url, reviewable_article

pytestmark = pytest.mark.django_db


def queued(client, **query) -> list[int]:
    page = client.get(reverse("review:queue"), query)
    assert page.status_code == 200
    return [article.pk for article in page.context["page_obj"]]


def test_it_lists_articles_with_facts_waiting_oldest_or_least_confident_first(client, curator):
    first, second, third = (reviewable_article(f"Talks {n}").article for n in range(3))
    done = Article.objects.create(title="Reviewed", body="Nothing waits.", content_hash="reviewed")
    ArticleCountry.objects.create(article=done, country_id="SI", review_status="verified")
    ArticleCountry.objects.create(article=second, country_id="AT", confidence=0.2, evidence=MET)
    assert queued(client) == [first.pk, second.pk, third.pk]
    assert queued(client, order="confidence") == [second.pk, first.pk, third.pk]

    page = client.get(reverse("review:queue"))
    row = page.context["page_obj"][1]
    assert (row.n_pending, row.n_meeting, row.n_participation, row.n_country, row.min_confidence) == (12, 2, 4, 3, 0.2)
    assert "<strong>12</strong>" in page.content.decode() and "4 participants" in page.content.decode()

    # Deciding every fact takes an article out; a participant of a rejected meeting waits for nothing.
    for meeting in Meeting.objects.filter(articles=first):
        client.post(fact_url("decide", first, "meeting", meeting), {"decision": "rejected"})
    client.post(reverse("review:accept-all", args=[first.pk]), {"expected": 5})
    assert queued(client) == [second.pk, third.pk]


def test_it_filters_the_queue_by_source_language_and_date_and_pages_it(client, curator):
    wire = Source.objects.create(name="Invented Wire", slug="invented-wire")
    by_wire = reviewable_article("By wire", source=wire, published=datetime.date(2024, 3, 5)).article
    serbian = reviewable_article("Na srpskom", language="sr", published=datetime.date(2023, 1, 1)).article
    undated = reviewable_article("Undated").article
    assert queued(client, source="invented-wire") == [by_wire.pk]
    assert queued(client, language="sr") == [serbian.pk]
    assert queued(client, published_from="2024-01-01") == [by_wire.pk]
    assert queued(client, published_until="2023-12-31") == [serbian.pk]
    # An unusable filter is ignored rather than an error.
    assert queued(client, published_from="soon", source="nobody") == [by_wire.pk, serbian.pk, undated.pk]

    for n in range(25):
        reviewable_article(f"More {n}")
    page = client.get(reverse("review:queue"), {"page": 2})
    assert len(page.context["page_obj"]) == 3 and "Page 2 of 2" in page.content.decode()


def test_it_goes_to_the_next_article_in_the_queue_keeping_its_filters(client, curator):
    first, second, third = (reviewable_article(f"Talks {n}").article for n in range(3))
    nxt = reverse("review:next", args=[first.pk])
    assert client.get(nxt).url == desk_url(second)
    assert client.get(reverse("review:next", args=[third.pk])).url == desk_url(first)  # round to the start
    assert client.get(nxt + "?order=confidence").url == desk_url(second, order="confidence")
    client.post(reverse("review:accept-all", args=[second.pk]), {"expected": 11})
    # Once the current article has left the queue, "next" is the head of the queue.
    assert client.get(reverse("review:next", args=[second.pk])).url == desk_url(first)
    for article in (first, third):
        client.post(reverse("review:accept-all", args=[article.pk]), {"expected": 11})
    response = client.get(nxt, follow=True)
    assert response.redirect_chain[-1][0] == reverse("review:queue")
    assert "Nothing else is waiting for review." in response.content.decode()


def test_it_marks_every_sentence_a_fact_was_read_from(client, world, curator):
    page = client.get(desk_url(world.article))
    html = page.content.decode()
    desk = page.context["desk"]
    assert f'<mark id="s1">{MET}</mark>' in html and f'<mark id="s3">{FORUM}</mark>' in html
    assert {fact.mark for fact in desk.facts() if fact.evidence == MET} == {"s1"}
    assert 'data-mark="s1"' in html and 'href="#s1"' in html


def test_it_escapes_hostile_text_and_evidence(client, curator):
    body = 'Intro <script>alert("body")</script> & more.\n\nThe "<b>evidence</b>" <img src=x onerror=alert(1)> here.'
    article = Article.objects.create(title="<script>alert('title')</script>", body=body, content_hash="hostile")
    ArticleCountry.objects.create(article=article, country_id="SI", evidence='The "<b>evidence</b>" <img src=x')
    ArticleCountry.objects.create(article=article, country_id="HR", evidence="</mark><script>alert(2)</script>")
    html = client.get(desk_url(article)).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>evidence" not in html
    assert "&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt; &amp; more." in html
    assert '<mark id="s1">The &quot;&lt;b&gt;evidence&lt;/b&gt;&quot; &lt;img src=x</mark>' in html
    assert "&lt;/mark&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in html  # not in the text: shown, escaped


def test_it_keeps_the_number_of_queries_of_each_page_bounded(client, curator, django_assert_max_num_queries):
    small = reviewable_article("Small").article
    big = reviewable_article("Big").article
    for n in range(6):  # three times the meetings, people and roles of the small one
        extra = reviewable_article(f"Extra {n}")
        for meeting in (extra.held, extra.planned):
            meeting.articles.add(big)
        big.person_links.create(person=extra.lenart, evidence=MET)
        extra.maric.roles.create(title="Minister of Defence", start=datetime.date(2020, 1, 1))
    with django_assert_max_num_queries(14) as small_page:
        assert client.get(desk_url(small)).status_code == 200
    with django_assert_max_num_queries(14) as big_page:
        assert client.get(desk_url(big)).status_code == 200
    assert len(big_page.captured_queries) == len(small_page.captured_queries)
    with django_assert_max_num_queries(7):
        assert client.get(reverse("review:queue")).status_code == 200
    with django_assert_max_num_queries(7):
        assert client.get(reverse("review:queue"), {"source": "nobody", "order": "confidence"}).status_code == 200


def test_it_locates_a_sentence_whatever_the_white_space():
    body = "Captain  (Navy)\nMilan met\tthe delegation. Then left."
    assert locate(body, "Captain (Navy) Milan met the delegation.") == (0, 41)
    assert locate(body, "Nowhere in it.") is None and locate(body, "  ") is None


def test_it_gives_overlapping_sentences_one_mark():
    body = "One two three. Four five."
    stretches, ids = mark_up(body, ["two three.", "One two", "Four five.", "missing"])
    assert stretches == [Stretch("One two three.", "s1"), Stretch(" "), Stretch("Four five.", "s2")]
    assert ids == {"two three.": "s1", "One two": "s1", "Four five.": "s2"}
    assert queue.KINDS.keys() == queue.PENDING.keys()
