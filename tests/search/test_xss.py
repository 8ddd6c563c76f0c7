"""Article text and the query are escaped before <mark> is added; haystack's {% highlight %} is never used."""

import pytest
from django.urls import reverse

from search import indexing

from .conftest import make_article

pytestmark = pytest.mark.django_db
PAYLOAD = "<img src=x onerror=alert(1)>"


@pytest.fixture
def article(search_index):
    a = make_article(f"Alert {PAYLOAD}", f"Before {PAYLOAD} the alert about drones <b>bold</b>.", countries=["RS"])
    indexing.rebuild()
    return a


def test_it_escapes_the_article_text_in_results(client, article):
    html = client.get(reverse("search"), {"q": "alert drones"}).content.decode()
    assert PAYLOAD not in html and "<b>bold" not in html
    assert "&lt;img src=x onerror=<mark>alert</mark>(1)&gt;" in html
    assert "<mark>drones</mark>" in html


def test_it_escapes_the_query(client, article):
    html = client.get(reverse("search"), {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_it_escapes_the_browse_all_snippet(client, article):
    html = client.get(reverse("search")).content.decode()
    assert PAYLOAD not in html and "&lt;img src=x" in html
