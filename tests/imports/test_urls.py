"""Only http and https links: refused at import, and never rendered from rows stored before the rule."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.urls import reverse

from archive.core.models import Article
from search import indexing
from tests.search.conftest import make_article, search_index  # noqa: F401  (search_index is a fixture)

from .rejects import article, import_rejecting, write

pytestmark = pytest.mark.django_db
JAVASCRIPT = "javascript:alert(document.cookie)"


@pytest.mark.parametrize(
    "url",
    [
        JAVASCRIPT,
        " JavaScript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "ftp://example.org/file",
        "//example.org/no-scheme",
        "https://exa mple.org/space",
    ],
)
def test_it_refuses_urls_that_are_not_http(tmp_path, url):
    bad = write(tmp_path / "bad_url.json", article(url=url))
    err = import_rejecting(bad)
    assert f"{bad}: articles[0].url: {url.strip()!r} is not an http or https URL" in err


def test_it_names_the_article_whose_url_is_bad(tmp_path):
    data = article(url="https://example.org/first")
    data["articles"].append({"title": "Second", "body": "Another short text.", "url": "data:,hello"})
    bad = write(tmp_path / "second_bad.json", data)
    assert "articles[1].url: 'data:,hello' is not an http or https URL" in import_rejecting(bad)


def test_it_accepts_http_and_https_urls(tmp_path):
    data = article(url="https://example.org/a?b=1#c")
    data["articles"].append({"title": "Plain http", "body": "Another short text.", "url": "http://example.org/b"})
    call_command("import_articles", str(write(tmp_path / "ok.json", data)), stdout=StringIO(), stderr=StringIO())
    assert sorted(Article.objects.values_list("url", flat=True)) == [
        "http://example.org/b",
        "https://example.org/a?b=1#c",
    ]


@pytest.mark.parametrize(
    ("value", "rendered"),
    [
        ("https://example.org/x?a=1&b=2", "https://example.org/x?a=1&amp;b=2"),
        ("http://example.org/", "http://example.org/"),
        (JAVASCRIPT, ""),
        ("JAVASCRIPT:alert(1)", ""),
        ("java\tscript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_it_renders_only_http_links_through_the_filter(value, rendered):
    template = Template("{% load safe_links %}[{{ url|http_url }}]")
    assert template.render(Context({"url": value})) == f"[{rendered}]"


def test_it_never_renders_a_stored_javascript_url_as_a_link(client, search_index):  # noqa: F811
    # A row written before import checked URLs (or by any other means).
    stored = make_article("Ministers discuss drones", "The ministers discussed drones and air defence.", url=JAVASCRIPT)
    safe = make_article("Ministers discuss tanks", "The ministers discussed tanks.", url="https://example.org/tanks")
    indexing.rebuild()

    page = client.get(reverse("article-detail", args=[stored.pk])).content.decode()
    assert "javascript:" not in page.lower() and "Original article" not in page
    assert 'href="https://example.org/tanks"' in client.get(safe.get_absolute_url()).content.decode()

    results = client.get(reverse("search"), {"q": "ministers"}).content.decode()
    assert stored.get_absolute_url() in results
    assert "javascript:" not in results.lower()
