"""Matching and BM25 ranking over numpy posting arrays give exactly what Whoosh itself gives."""

import random

import numpy as np
import pytest
from whoosh import fields as whoosh_fields

from search import engine, facets, indexing, phrases, postings, searchers
from search.backend import PAIRS_FIELD, Postings, pair_term
from search.query import SearchParams

from .conftest import make_article

pytestmark = pytest.mark.django_db
WORDS = ["army", "navy", "defence", "minister", "talks", "treaty", "drill", "border", "frigate", "summit"]
QUERIES = [
    "army",
    "army navy",
    "army OR navy",
    "talks -army",
    "army NOT navy",
    "(army OR navy) talks",
    "treaty AND (drill OR summit) NOT border",
    "vucic",
    "missingword",
    "army missingword",
    "army OR missingword",
]


@pytest.fixture
def corpus(search_index):
    rng = random.Random(3)
    articles = []
    for batch in range(3):  # three commits, so the index has several segments
        made = [
            make_article(f"Note {batch}-{i}", " ".join(rng.choices(WORDS, k=rng.randint(3, 40)))) for i in range(60)
        ]
        indexing.index_articles([a.pk for a in made])
        articles += made
    deleted = articles.pop()
    pk = deleted.pk
    deleted.delete()
    indexing.index_articles([pk])  # a deletion, so live masks matter
    return articles


def matches(q: str) -> tuple[set[int] | None, set[int]]:
    """(documents the arrays match, None if they leave the query to Whoosh; documents Whoosh matches)."""
    s = searchers.searcher()
    table = facets.table_for(s)
    qobj, _ = engine.text_query(q, s.reader())
    mask = postings.match(s, qobj, table.size)
    ours = None if mask is None else set(np.flatnonzero(mask & table.live).tolist())
    return ours, set(s.docs_for_query(qobj))


@pytest.mark.parametrize("q", QUERIES)
def test_it_matches_what_whoosh_matches(corpus, q):
    ours, whoosh = matches(q)
    assert ours is not None, "a query of words and operators is matched with arrays"
    assert ours == whoosh


@pytest.mark.parametrize("q", [q for q in QUERIES if "missing" not in q and "NOT" not in q])
def test_it_ranks_in_whooshs_bm25_order(corpus, q):
    s = searchers.searcher()
    table = facets.table_for(s)
    qobj, _ = engine.text_query(q, s.reader())
    mask = postings.match(s, qobj, table.size) & table.live
    ours = postings.top(s, qobj, mask, 0, 30)
    hits = s.search(qobj, limit=30)
    theirs = [h.docnum for h in hits]
    scores = postings.scores(s, qobj, table.size)
    # Equal scores may come in either order; the scores themselves must agree, place by place.
    assert np.allclose([scores[d] for d in ours], [h.score for h in hits], rtol=1e-4)
    assert set(ours) == set(theirs) or len(ours) == 30


def test_it_pages_through_ties_without_repeating_or_skipping(corpus):
    s = searchers.searcher()
    table = facets.table_for(s)
    qobj, _ = engine.text_query("army", s.reader())
    mask = postings.match(s, qobj, table.size) & table.live
    pages = [postings.top(s, qobj, mask, start, 7) for start in range(0, int(mask.sum()) + 7, 7)]
    flat = [d for page in pages for d in page]
    assert len(flat) == len(set(flat)) == int(mask.sum())


PHRASES = [
    '"army navy"',
    '"defence minister talks"',
    '"minister of the navy"',  # stop words inside: Whoosh drops them from the phrase and the positions
    '"army navy" drill',
    '"army navy" OR "treaty summit"',
    '"navy army" -border',
    '"frigate"',
    '"missingword army"',
]


@pytest.fixture(params=["written by saves", "rebuilt"])
def phrase_corpus(request, corpus):
    """Saves write pairs of no words (their generation chose no common terms); a rebuild chooses them."""
    if request.param == "rebuilt":
        indexing.rebuild()
        searchers.discard()
    return corpus


@pytest.mark.parametrize("q", PHRASES)
def test_it_matches_phrases_through_word_pairs_as_whoosh_does(phrase_corpus, q):
    ours, whoosh = matches(q)
    assert ours is not None, "a phrase is matched with the word pairs' postings"
    assert ours == whoosh
    if "missing" not in q:
        assert whoosh, "the corpus has matches, so equality is not vacuous"


def test_it_pairs_the_common_terms_a_rebuild_chose_and_checks_rarer_words_by_position(corpus):
    rare = make_article("Rare", "the army navy frigate zeppelin army navy")
    indexing.index_articles([rare.pk])
    indexing.rebuild()
    searchers.discard()
    s = searchers.searcher()
    common = phrases.load(s._ix.storage.folder)
    assert {"armi", "navi", "frigat"} <= common and "zeppelin" not in common
    reader = s.reader()
    assert reader.doc_frequency(PAIRS_FIELD, pair_term("armi", "navi")) > 0
    assert not [t for t in reader.lexicon(PAIRS_FIELD) if b"zeppelin" in t], "no pairs of an uncommon term"
    for q in ('"frigate zeppelin"', '"zeppelin army navy"', '"army navy"'):
        ours, whoosh = matches(q)
        assert ours == whoosh and whoosh, q


def test_it_chooses_the_terms_in_a_twentieth_of_the_texts_as_common():
    texts = ["army navy"] * 10 + ["army frigate"] * 9 + ["zeppelin"] + ["drill"] * 80
    assert phrases.choose(texts) == ["drill", "armi", "navi", "frigat"]


def test_it_checks_positions_when_the_pairs_of_a_long_phrase_occur_apart(search_index):
    together = make_article("Together", "the defence minister talks today")
    apart = make_article("Apart", "defence minister said the minister talks")
    indexing.index_articles([together.pk, apart.pk])
    s = searchers.searcher()
    table = facets.table_for(s)
    qobj, _ = engine.text_query('"defence minister talks"', s.reader())
    found = {int(table.article_ids[d]) for d in np.flatnonzero(postings.match(s, qobj, table.size) & table.live)}
    assert found == {together.pk}


def test_it_leaves_segments_written_before_word_pairs_to_whoosh(corpus):
    """An index from before the upgrade has no pairs: phrases must still find everything until a rebuild."""
    backend = indexing.get_backend()
    ix = indexing.open_index(backend)
    text = ix.schema["text"]
    old = make_article("Old segment", "army navy frigate")
    doc = indexing.to_whoosh(indexing.article_index().full_prepare(old))
    # What was written before pairs: Whoosh's own TEXT indexing, and no pairs field.
    doc["text"] = Postings(whoosh_fields.TEXT.index(text, doc["text"]))
    with ix.writer() as writer:
        writer.add_document(**doc)
    searchers.discard()
    s = searchers.searcher()
    qobj, _ = engine.text_query('"army navy"', s.reader())
    assert postings.match(s, qobj, facets.table_for(s).size) is None
    outcome = engine.run(SearchParams(q='"army navy"'), per_page=500)
    assert old.pk in outcome.article_ids
    assert outcome.total == len(set(s.docs_for_query(qobj)))
