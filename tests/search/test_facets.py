"""Facet counts from our own arrays, checked against ORM counts."""

import pytest
from django.db.models import Count

from archive.core.models import Article, Country
from search import engine, facets, indexing, presenting, searchers
from search.query import SearchParams

from .conftest import day, make_article, make_person, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(search_index):
    people = [make_person(f"Person {i}") for i in range(4)]
    sources = [make_source("Tanjug"), make_source("Anadolu Agency")]
    combos = [(["RS", "TR"], 2019), (["RS"], 2020), (["TR", "US"], 2020), (["US"], 2021), (["RS", "US"], 2021)]
    for i in range(15):
        codes, year = combos[i % len(combos)]
        make_article(
            f"Defence talks {i}",
            "Ministers discussed cooperation." if i % 2 else "Exercise planned.",
            countries=codes,
            people=people[: 1 + i % 4],
            source=sources[i % 2],
            published=day(year, 1 + i % 12, 3),
            meeting_kind="visit" if i % 3 == 0 else None,
        )
    indexing.rebuild()
    return people


def test_it_counts_countries_like_the_database(corpus):
    out = engine.run(SearchParams())
    expected = dict(Country.objects.annotate(n=Count("articles")).filter(n__gt=0).values_list("code", "n"))
    assert out.facets["country"] == expected
    assert out.total == Article.objects.count()


def test_it_counts_people_years_sources_and_kinds_like_the_database(corpus):
    out = engine.run(SearchParams())
    people = {str(p.pk): p.articles.count() for p in corpus}
    assert out.facets["person"] == people
    years = {str(y): Article.objects.filter(published__year=y).count() for y in (2019, 2020, 2021)}
    assert out.facets["year"] == years
    assert out.facets["source"] == {"tanjug": 8, "anadolu-agency": 7}
    assert out.facets["kind"] == {"visit": Article.objects.filter(meetings__kind="visit").distinct().count()}


def test_it_follows_the_query(corpus):
    out = engine.run(SearchParams(q="discussed"))
    qs = Article.objects.filter(body__icontains="discussed")
    assert out.total == qs.count()
    assert out.facets["country"] == dict(
        Country.objects.filter(articles__in=qs).annotate(n=Count("articles")).values_list("code", "n")
    )


def test_it_ors_values_within_a_facet_and_ands_facets(corpus):
    both = engine.run(SearchParams(filters={"country": ["RS", "TR"]}))
    assert both.total == Article.objects.filter(countries__in=["RS", "TR"]).distinct().count()
    narrowed = engine.run(SearchParams(filters={"country": ["RS", "TR"]}, year=2020))
    expected = Article.objects.filter(countries__in=["RS", "TR"], published__year=2020).distinct().count()
    assert narrowed.total == expected


def test_it_counts_a_facet_without_its_own_filter(corpus):
    out = engine.run(SearchParams(filters={"country": ["RS"]}, year=2021))
    # Country counts ignore the country filter but keep the year filter.
    expected = dict(
        Country.objects.filter(articles__published__year=2021).annotate(n=Count("articles")).values_list("code", "n")
    )
    assert out.facets["country"] == expected
    # Year counts ignore the year filter but keep the country filter.
    assert out.facets["year"] == {
        str(y): Article.objects.filter(countries="RS", published__year=y).count() for y in (2019, 2020, 2021)
    }
    assert out.total == Article.objects.filter(countries="RS", published__year=2021).count()


def test_it_counts_months_of_the_selected_year(corpus):
    out = engine.run(SearchParams(year=2020))
    expected = {}
    for a in Article.objects.filter(published__year=2020):
        key = f"2020-{a.published.month:02d}"
        expected[key] = expected.get(key, 0) + 1
    assert out.facets["month"] == expected
    month = int(next(iter(expected))[-2:])
    assert engine.run(SearchParams(year=2020, month=month)).total == expected[f"2020-{month:02d}"]


def test_it_sorts_by_date_both_ways(corpus):
    newest = engine.run(SearchParams(sort="newest"), per_page=50).article_ids
    oldest = engine.run(SearchParams(sort="oldest"), per_page=50).article_ids
    dates = {a.pk: a.published for a in Article.objects.all()}
    assert [dates[i] for i in newest] == sorted(dates.values(), reverse=True)
    assert [dates[i] for i in oldest] == sorted(dates.values())


def test_it_pages(corpus):
    first = engine.run(SearchParams(page=1), per_page=4)
    last = engine.run(SearchParams(page=4), per_page=4)
    assert first.pages == 4 and len(first.article_ids) == 4 and len(last.article_ids) == 3
    beyond = engine.run(SearchParams(page=99), per_page=4)
    assert beyond.page == 4 and beyond.messages


def test_it_returns_no_results_when_filters_exclude_every_match(corpus):
    # Whoosh reads an empty filter set as "no filter"; the page must not show unfiltered hits.
    out = engine.run(SearchParams(q="discussed", sort="relevance", filters={"country": ["US"]}, year=2019))
    expected = Article.objects.filter(body__icontains="discussed", countries="US", published__year=2019).count()
    assert expected == 0 and out.total == 0 and out.article_ids == []


def test_it_sends_only_the_top_values_of_a_long_facet_and_says_how_many_there_are(search_index, monkeypatch):
    people = [make_person(f"Analyst {i}") for i in range(8)]
    for i in range(8):
        # Person k appears in k+1 articles, so the order of counts is known.
        for _ in range(i + 1):
            make_article("Liaison", "Liaison officers met.", people=[people[i]])
    indexing.rebuild()
    monkeypatch.setattr(engine, "FACET_VALUES_SHOWN", 3)
    monkeypatch.setattr(presenting, "SHOWN", 3)
    chosen = str(people[0].pk)
    out = engine.run(SearchParams(filters={"person": [chosen]}))
    expected = {str(p.pk): i + 1 for i, p in enumerate(people)}
    top = {str(p.pk): i + 1 for i, p in enumerate(people) if i >= 5}
    assert out.facets["person"] == {**top, chosen: 1}  # the three largest, and the one selected
    assert out.facet_sizes["person"] == len(expected)
    blocks = {b.name: b for b in presenting.facet_blocks(SearchParams(), out.facets, out.facet_sizes)}
    assert len(blocks["person"].items) == 3 and blocks["person"].more == len(expected) - 3


def test_it_names_facet_values_from_the_database_and_follows_a_rename():
    norway = Country.objects.get(code="NO")
    assert presenting.labels_for("country", ["NO"]) == {"NO": norway.name}
    norway.name = "Kingdom of Norway"
    norway.save()
    assert presenting.labels_for("country", ["NO", "ZZ"]) == {"NO": "Kingdom of Norway"}


def test_it_reads_a_segments_facets_from_columns_and_postings_as_from_stored_fields(corpus, monkeypatch):
    monkeypatch.setattr(facets, "POSTINGS_READ_DOCS", 1)  # every segment, however small
    """The fast read (numeric columns, facet postings) and the stored fields give the same table."""
    undated = make_article("Undated note", "No date.", countries=["TR"])
    gone = make_article("Gone", "Deleted after indexing.", countries=["RS"])
    indexing.index_articles([undated.pk, gone.pk])  # a second segment, written by a save
    pk = gone.pk
    gone.delete()
    indexing.index_articles([pk])  # and a deleted document in it
    s = searchers.searcher()
    leaves = [leaf for leaf, _ in facets.leaf_readers(s.reader()) if leaf.segment() is not None]
    assert len(leaves) >= 2
    for leaf in leaves:
        fast, stored = facets._read_segment(leaf), facets._read_stored(leaf)
        assert fast.article_ids.tolist() == stored.article_ids.tolist() and fast.article_ids.all()
        assert fast.published.tolist() == stored.published.tolist()
        for name in facets.INDEXED_FACETS:
            assert pairs_of(fast, name) == pairs_of(stored, name), name
    published = [d for leaf in leaves for d in facets._read_segment(leaf).published.tolist()]
    assert 0 in published, "the undated article is read as 0, as from stored fields"


def pairs_of(segment, name) -> set[tuple[int, int]]:
    docs, values = segment.pairs[name]
    return set(zip(docs.tolist(), values.tolist(), strict=True))
