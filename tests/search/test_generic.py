"""The same search behaviours on both implementations: the fast Whoosh path and the generic haystack path.

The generic path (search/generic.py) runs here against haystack's stock WhooshEngine, the stand-in for
Elasticsearch or Solr: only SearchQuerySet, and folding done in the document text and the query.
"""

import pytest
from haystack import connections
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.core.models import Article
from search import engine, generic, indexing
from search.backend import archive_analyzer, fold_words
from search.query import SearchParams

from .conftest import day, make_article, make_person, make_source

pytestmark = pytest.mark.django_db

IMPLEMENTATIONS = {
    "fast": engine.run,
    "generic": lambda params, per_page=20: generic.run(params, per_page=per_page, using="stock"),
}


@pytest.fixture
def stock_connection(search_index, tmp_path, settings):
    """haystack's stock Whoosh backend as a second connection, beside the archive's."""
    conf = {
        **settings.HAYSTACK_CONNECTIONS,
        "stock": {"ENGINE": "haystack.backends.whoosh_backend.WhooshEngine", "PATH": str(tmp_path / "stock")},
    }
    settings.HAYSTACK_CONNECTIONS = conf
    connections.connections_info = conf
    connections.reload("default")
    connections.reload("stock")
    yield
    connections.reload("stock")


@pytest.fixture
def corpus(stock_connection):
    vucic = make_person("Aleksandar Vučić", "Вучић")
    guler = make_person("Yaşar Güler")
    tanjug = make_source("Tanjug")
    beta = make_source("Beta")
    a = make_article(
        "Vučić meets Güler",
        "Talks on defence cooperation in Ankara.",
        countries=["RS", "TR"],
        people=[vucic, guler],
        source=tanjug,
        published=day(2023, 5, 2),
        meeting_kind="visit",
    )
    b = make_article("Naval exercise", "Ships trained in the Adriatic.", countries=["HR"], published=day(2021, 3, 1))
    c = make_article("Вучић у Анкари", "Разговори о сарадњи.", countries=["RS"], people=[vucic], source=beta)
    reports = [
        make_article(
            f"Routine report {i}",
            "Routine defence news from the ministry.",
            countries=["US"] if i % 3 else ["US", "RS"],
            source=beta if i % 2 else tanjug,
            published=day(2015 + i % 5, 1 + i % 12, 1 + i),
        )
        for i in range(23)
    ]
    indexing.rebuild()
    index = connections["stock"].get_unified_index().get_index(Article)
    connections["stock"].get_backend().update(index, Article.objects.for_index())
    return {"a": a, "b": b, "c": c, "reports": reports, "vucic": vucic, "guler": guler}


def params(**kw):
    kw.setdefault("sort", "relevance" if kw.get("q") else "newest")
    return SearchParams(**kw)


@pytest.fixture(params=sorted(IMPLEMENTATIONS))
def run(request, corpus):
    return IMPLEMENTATIONS[request.param]


def test_it_folds_names_in_every_spelling(run, corpus):
    expected = {corpus["a"].pk, corpus["c"].pk}
    for q in ("Vucic", "Vučić", "VUČIĆ", "Вучић"):
        assert set(run(params(q=q)).article_ids) == expected, q
    assert set(run(params(q="guler")).article_ids) == {corpus["a"].pk}


def test_it_finds_a_country_by_any_of_its_names(run, corpus):
    # The document carries the country's names and aliases; Turkey and Türkiye find the same article.
    assert set(run(params(q="Turkey")).article_ids) == {corpus["a"].pk}
    assert set(run(params(q="Türkiye")).article_ids) == {corpus["a"].pk}


def test_it_counts_totals_and_facets_ignoring_their_own_filter(run, corpus):
    out = run(params(filters={"country": ["RS"]}))
    rs_reports = sum(1 for i in range(23) if i % 3 == 0)
    assert out.total == 2 + rs_reports
    # The country facet ignores the country filter, so a second country can be picked.
    assert out.facets["country"] == {"RS": 2 + rs_reports, "TR": 1, "HR": 1, "US": 23}
    assert out.facets["person"] == {str(corpus["vucic"].pk): 2, str(corpus["guler"].pk): 1}
    assert out.facets["kind"] == {"visit": 1}
    both = run(params(filters={"country": ["RS", "HR"]}))
    assert both.total == out.total + 1


def test_it_filters_by_person_source_and_year(run, corpus):
    assert set(run(params(filters={"person": [str(corpus["guler"].pk)]})).article_ids) == {corpus["a"].pk}
    out = run(params(filters={"source": ["beta"]}, year=2016))
    expected = {r.pk for r in corpus["reports"] if r.source.slug == "beta" and r.published.year == 2016}
    assert set(out.article_ids) == expected and out.total == len(expected)
    assert "month" in out.facets  # months are offered once a year is chosen


def test_it_orders_newest_and_oldest_with_undated_last(run, corpus):
    dated = sorted(
        (a for a in Article.objects.exclude(published=None)), key=lambda a: (a.published, a.pk), reverse=True
    )
    newest = run(params(), per_page=100).article_ids
    assert newest[: len(dated)] == [a.pk for a in dated] and newest[-1] == corpus["c"].pk
    oldest = run(params(sort="oldest"), per_page=100).article_ids
    assert oldest[: len(dated)] == [a.pk for a in reversed(dated)] and oldest[-1] == corpus["c"].pk


def test_it_pages_and_falls_back_to_the_last_page(run, corpus):
    everything = run(params(), per_page=100).article_ids
    page2 = run(params(page=2), per_page=10)
    assert page2.pages == 3 and page2.article_ids == everything[10:20]
    last = run(params(page=99), per_page=10)
    assert last.page == 3 and last.article_ids == everything[20:]
    assert any("no page 99" in m for m in last.messages)


def test_it_finds_nothing_for_an_unknown_word(run, corpus):
    out = run(params(q="submarine"))
    assert out.total == 0 and out.article_ids == [] and out.pages == 1


@pytest.mark.parametrize(
    "kw",
    [
        {},
        {"q": "defence"},
        {"q": "routine report", "filters": {"source": ["tanjug"]}},
        {"filters": {"country": ["US"], "source": ["beta"]}},
        {"year": 2017, "month": 2},
        {"q": "vucic", "sort": "newest"},
        {"sort": "oldest", "page": 2},
    ],
)
def test_it_gives_the_same_outcome_on_both_paths(corpus, kw):
    fast = engine.run(params(**kw), per_page=10)
    slow = IMPLEMENTATIONS["generic"](params(**kw), per_page=10)
    assert (slow.total, slow.pages, slow.page, slow.facets) == (fast.total, fast.pages, fast.page, fast.facets)
    if kw.get("q") and params(**kw).sort == "relevance":
        # Same hits; the order of equal-looking documents differs (field lengths differ by analyzer).
        every = dict(kw, page=1)
        fast_all = engine.run(params(**every), per_page=100).article_ids
        assert set(IMPLEMENTATIONS["generic"](params(**every), per_page=100).article_ids) == set(fast_all)
    else:
        assert slow.article_ids == fast.article_ids


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60))
def test_it_indexes_the_same_terms_from_the_folded_text(text):
    """Folding the document text first changes nothing for the archive's own analyzer (fast path)."""
    analyse = archive_analyzer()
    assert [(t.text, t.pos) for t in analyse(fold_words(text), positions=True)] == [
        (t.text, t.pos) for t in analyse(text, positions=True)
    ]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("whoosh:///srv/index", ({"ENGINE": "search.backend.ArchiveWhooshEngine", "PATH": "/srv/index"}, "fast")),
        (
            "elasticsearch7://es:9200/archive",
            (
                {
                    "ENGINE": "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine",
                    "URL": "http://es:9200/",
                    "INDEX_NAME": "archive",
                    "SILENTLY_FAIL": False,
                },
                "generic",
            ),
        ),
        (
            "solr+https://solr:8983/solr/archive",
            (
                {
                    "ENGINE": "haystack.backends.solr_backend.SolrEngine",
                    "URL": "https://solr:8983/solr/archive",
                    "SILENTLY_FAIL": False,
                },
                "generic",
            ),
        ),
    ],
)
def test_it_reads_search_url(url, expected):
    assert generic.connection_from_url(url) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "unknown engine"),
        ("opensearch://os:9200/archive", "unknown engine"),
        ("whoosh://relative/path", "absolute path"),
        ("elasticsearch7://es:9200/", "index name"),
        ("solr:///solr/core", "needs a host"),
        ("solr+ftp://s/solr/core", "unknown transport"),
    ],
)
def test_it_rejects_a_bad_search_url_naming_the_variable(url, message):
    with pytest.raises(generic.SearchURLError, match=f"SEARCH_URL.*{message}|SEARCH_URL: .*{message}"):
        generic.connection_from_url(url)
