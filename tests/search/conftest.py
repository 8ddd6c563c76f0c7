import datetime
import itertools

import pytest
from django.utils.text import slugify
from haystack import connections

from archive.core.models import Article, ArticleCountry, ArticlePerson, Meeting, Person, PersonName, Source
from archive.core.text import content_hash
from search import engine

_counter = itertools.count(1)


@pytest.fixture
def search_index(tmp_path, settings):
    """A real Whoosh index in a temporary folder; haystack's connections rebuilt to use it."""
    path = tmp_path / "whoosh"
    conf = {"default": {"ENGINE": "search.backend.ArchiveWhooshEngine", "PATH": str(path)}}
    settings.HAYSTACK_CONNECTIONS = conf
    settings.WHOOSH_INDEX_PATH = path
    previous = connections.connections_info
    connections.connections_info = conf
    connections.reload("default")
    engine.reset_searchers()
    yield path
    engine.reset_searchers()
    connections.connections_info = previous
    connections.reload("default")


@pytest.fixture
def stock_search_index(tmp_path, settings):
    """haystack's stock Whoosh backend as the connection the product searches and indexes: the stand-in
    for Elasticsearch or Solr, served by the generic implementation (search/generic.py)."""
    path = tmp_path / "stock"
    conf = {"default": {"ENGINE": "haystack.backends.whoosh_backend.WhooshEngine", "PATH": str(path)}}
    previous = connections.connections_info
    settings.HAYSTACK_CONNECTIONS = conf
    settings.SEARCH_IMPLEMENTATION = "generic"
    connections.connections_info = conf
    connections.reload("default")
    engine.reset_searchers()
    yield path
    connections.connections_info = previous
    connections.reload("default")


@pytest.fixture(params=["fast", "generic"])
def any_search_index(request):
    """Each implementation in turn: the page tests that use this pass on both."""
    return request.getfixturevalue("search_index" if request.param == "fast" else "stock_search_index")


def make_source(name="Tanjug"):
    return Source.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]


def make_person(name, *variants):
    person = Person.objects.create(name=name, slug=f"{slugify(name)}-{next(_counter)}")
    for variant in variants:
        PersonName.objects.get_or_create(person=person, name=variant)
    return person


def make_article(title, body="", countries=(), people=(), source=None, published=None, meeting_kind=None, **kw):
    n = next(_counter)
    article = Article.objects.create(
        title=title,
        body=body or f"Report number {n} on defence cooperation.",
        source=source,
        published=published,
        published_precision="day" if published else "unknown",
        content_hash=content_hash(f"{title} {body} {n}"),
        **kw,
    )
    for code in countries:
        ArticleCountry.objects.create(article=article, country_id=code)
    for person in people:
        ArticlePerson.objects.create(article=article, person=person)
    if meeting_kind:
        meeting = Meeting.objects.create(kind=meeting_kind, summary=f"Meeting about {title}")
        meeting.articles.add(article)
    return article


def day(y, m=1, d=1):
    return datetime.date(y, m, d)
