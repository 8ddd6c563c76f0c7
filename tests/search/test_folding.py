"""Names, countries and scripts fold at index and query time, against a real Whoosh index."""

import pytest

from search import engine, indexing
from search.query import SearchParams

from .conftest import make_article, make_person, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(search_index):
    vucic = make_person("Aleksandar Vučić", "Александар Вучић")
    guler = make_person("Yaşar Güler")
    anusic = make_person("Nebojša Anušić")
    articles = {
        "vucic": make_article(
            "President receives delegation", "Talks on cooperation.", countries=["RS"], people=[vucic]
        ),
        "cyrillic": make_article("Састанак у Београду", "Вучић је разговарао о сарадњи.", countries=["RS"]),
        "guler": make_article("Minister visits Ankara", "Yaşar Güler hosted talks.", countries=["TR"], people=[guler]),
        "anusic": make_article(
            "Anušić in Zagreb", "Defence minister Anušić signed.", countries=["HR"], people=[anusic]
        ),
        "other": make_article("Naval exercise", "Ships trained together.", countries=["US"], source=make_source()),
    }
    indexing.rebuild()
    return articles


def ids_for(q):
    out = engine.run(SearchParams(q=q, sort="relevance"), per_page=50)
    return set(out.article_ids)


def test_it_folds_latin_diacritics(corpus):
    assert corpus["vucic"].pk in ids_for("Vucic")
    assert corpus["vucic"].pk in ids_for("VUČIĆ")
    assert ids_for("Guler") == {corpus["guler"].pk}
    assert ids_for("güler") == {corpus["guler"].pk}
    assert ids_for("Anusic") == {corpus["anusic"].pk}


def test_it_meets_cyrillic_and_latin_both_ways(corpus):
    # The Latin query finds the Cyrillic article, and the Cyrillic query the Latin person's article.
    assert ids_for("Vučić") >= {corpus["vucic"].pk, corpus["cyrillic"].pk}
    assert ids_for("Вучић") >= {corpus["vucic"].pk, corpus["cyrillic"].pk}
    assert corpus["cyrillic"].pk in ids_for("Beogradu")


@pytest.mark.parametrize("q", ["Turkey", "Türkiye", "Turkiye", "turkish"])
def test_it_expands_country_aliases(corpus, q):
    assert corpus["guler"].pk in ids_for(q)


def test_it_keeps_english_stemming(corpus):
    assert corpus["other"].pk in ids_for("train")
    assert corpus["anusic"].pk in ids_for("signing")


def test_it_finds_everything_with_an_empty_query(corpus):
    assert engine.run(SearchParams()).total == 5
