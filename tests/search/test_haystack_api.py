"""haystack's own API on real archive documents: articles with countries, people and sources.

Multivalued facet values used to be stored as Python lists, so every SearchQuerySet returning an
article with a country or a person failed with "'list' object has no attribute 'split'".
"""

import os

import pytest
from django.core.management import call_command, get_commands
from haystack.query import SearchQuerySet

from archive.core.models import Article
from search import indexing

from .conftest import day, make_article, make_person, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(search_index):
    vucic = make_person("Aleksandar Vučić", "Вучић")
    dacic = make_person("Ivica Dačić")
    tanjug = make_source("Tanjug")
    talks = make_article(
        "Vučić receives the Montenegrin defence minister",
        "The president and the minister discussed joint exercises.",
        countries=["RS", "ME"],
        people=[vucic, dacic],
        source=tanjug,
        published=day(2024, 3, 5),
    )
    drill = make_article("Navy drill in the Adriatic", "Two patrol boats took part.", countries=["ME"], people=[dacic])
    plain = make_article("Corvette launch", "A corvette was launched.")
    indexing.index_articles([talks.pk, drill.pk, plain.pk])
    return {"talks": talks, "drill": drill, "plain": plain, "vucic": vucic, "dacic": dacic}


def pks(sqs):
    return {int(r.pk) for r in sqs}


def test_it_counts_and_facets_articles_with_countries_and_people(archive):
    assert SearchQuerySet().all().count() == 3
    assert SearchQuerySet().facet("country").count() == 3
    counts = SearchQuerySet().facet("country").facet("person").facet_counts()["fields"]
    # haystack's Whoosh facets count documents without a value under None: the corvette article.
    assert dict(counts["country"]) == {"ME": 2, "RS": 1, None: 1}
    assert dict(counts["person"]) == {str(archive["dacic"].pk): 2, str(archive["vucic"].pk): 1, None: 1}


def test_it_narrows_and_filters_on_facet_values(archive):
    assert pks(SearchQuerySet().narrow("country:RS")) == {archive["talks"].pk}
    assert pks(SearchQuerySet().narrow("country:ME")) == {archive["talks"].pk, archive["drill"].pk}
    assert pks(SearchQuerySet().filter(person=str(archive["dacic"].pk))) == {archive["talks"].pk, archive["drill"].pk}


def test_it_loads_results_with_their_multivalued_fields(archive):
    results = list(SearchQuerySet().auto_query("Vucic"))  # folded: Vučić, Вучић
    assert [int(r.pk) for r in results] == [archive["talks"].pk]
    assert results[0].country == ["ME", "RS"]
    assert sorted(results[0].person) == sorted([str(archive["vucic"].pk), str(archive["dacic"].pk)])
    assert results[0].source == ["tanjug"]
    assert results[0].year == ["2024"] and results[0].published == 20240305


def test_it_loads_objects_and_limits_to_models(archive):
    loaded = [r.object for r in SearchQuerySet().auto_query("Вучић").load_all()]
    assert loaded == [archive["talks"]]
    assert pks(SearchQuerySet().models(Article)) == {a.pk for a in Article.objects.all()}


def test_it_highlights_from_the_database_text_escaped(archive):
    article = make_article("<script>alert(1)</script> Vučić visit", "Vučić met the <b>chief</b> of staff.")
    indexing.index_articles([article.pk])
    result = SearchQuerySet().auto_query("vucic staff").highlight()
    highlighted = {int(r.pk): r.highlighted["text"][0] for r in result}
    assert "<em>Vučić</em>" in highlighted[article.pk]
    assert "<b>" not in highlighted[article.pk] and "&lt;b&gt;chief&lt;/b&gt;" in highlighted[article.pk]
    assert "</script>" not in highlighted[article.pk]


def test_it_refuses_a_facet_value_with_a_comma():
    with pytest.raises(ValueError, match="'country'.*comma"):
        indexing.to_whoosh({"id": "core.article.1", "country": ["RS", "A,B"]})


def test_it_reads_indexes_that_stored_python_lists():
    assert indexing.stored_values(["RS", "ME"]) == ["RS", "ME"]
    assert indexing.stored_values("RS,ME") == ["RS", "ME"]
    assert indexing.stored_values("") == [] and indexing.stored_values(None) == []


def test_it_removes_stale_documents_with_update_index_remove(archive):
    gone = make_article("Deleted behind the signals' back", "Removed with raw SQL.")
    indexing.index_articles([gone.pk])
    Article.objects.filter(pk=gone.pk)._raw_delete(using="default")  # no signal: the index keeps it
    assert gone.pk in pks(SearchQuerySet().all())
    call_command("update_index", remove=True, verbosity=0)
    assert pks(SearchQuerySet().all()) == {a.pk for a in Article.objects.all()}
    assert dict(SearchQuerySet().facet("country").facet_counts()["fields"]["country"]) == {"ME": 2, "RS": 1, None: 1}


def test_it_clears_documents_but_keeps_the_symlinked_layout(archive, search_index):
    call_command("clear_index", interactive=False, verbosity=0)
    assert os.path.islink(search_index)
    assert SearchQuerySet().all().count() == 0


@pytest.fixture
def search_commands_first(settings):
    """The order archive/settings.py must use so that `search` commands override haystack's."""
    apps = [a for a in settings.INSTALLED_APPS if a != "search"]
    apps.insert(apps.index("haystack"), "search")
    get_commands.cache_clear()
    settings.INSTALLED_APPS = apps
    yield
    get_commands.cache_clear()


def test_it_rebuilds_through_the_atomic_swap(archive, search_index, search_commands_first):
    assert get_commands()["rebuild_index"] == "search"
    before = os.path.realpath(search_index)
    call_command("rebuild_index", interactive=False, verbosity=0)
    after = os.path.realpath(search_index)
    assert after != before and not os.path.exists(before)  # a new generation swapped in, the old removed
    assert not os.path.exists(f"{search_index}.rebuild-journal")
    assert SearchQuerySet().all().count() == 3
    assert pks(SearchQuerySet().narrow("country:RS")) == {archive["talks"].pk}
