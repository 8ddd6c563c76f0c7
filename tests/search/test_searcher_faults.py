"""Searchers that survive commits, merges and rebuild swaps made by other writers (issue 7, defect 1)."""

import subprocess
import sys
import textwrap
import threading
import time

import pytest
from whoosh import index as whoosh_index
from whoosh.reading import SegmentReader

from search import engine, indexing, searchers
from search.query import SearchParams

from .conftest import make_article

pytestmark = pytest.mark.django_db


def hits(q):
    return set(engine.run(SearchParams(q=q), per_page=200).article_ids)


def _merge_only(segment_id):
    """A Whoosh merge policy that folds one segment into the commit's new segment, deleting its files."""

    def policy(writer, segments):
        keep = []
        for segment in segments:
            if segment.segment_id() == segment_id:
                reader = SegmentReader(writer.storage, writer.schema, segment)
                writer.add_reader(reader)
                reader.close()
            else:
                keep.append(segment)
        return keep

    return policy


def _commit_merging(ix, segment_id, doc):
    writer = ix.writer()
    writer.add_document(**doc)
    writer.commit(mergetype=_merge_only(segment_id))


def _segment_ids(ix):
    with ix.reader() as reader:
        return [r.segment().segment_id() for r, _ in reader.leaf_readers()]


def test_it_survives_a_refresh_that_raced_a_commit_deleting_its_segments(search_index, monkeypatch):
    """Whoosh's retry after a vanished segment closes reused readers twice (ReaderClosed).

    The race is made deterministic: each time the refreshing reader has read the table of contents,
    another writer commits a merge that deletes a segment that table lists, as a concurrent commit does.
    """
    first = make_article("Frigate alpha", "A frigate called at the port.")
    indexing.index_articles([first.pk])
    second = make_article("Frigate beta", "A second frigate arrived.")
    indexing.index_articles([second.pk])
    assert hits("frigate") == {first.pk, second.pk}  # this thread's searcher now holds two segments

    backend = indexing.get_backend()
    ix = indexing.open_index(backend)
    segments = _segment_ids(ix)
    assert len(segments) == 2
    template = indexing.to_whoosh(indexing.article_index().full_prepare(first))
    # The next commit folds the second segment away, so a refresh has a reader to close.
    _commit_merging(ix, segments[1], {**template, "id": "core.article.999001", "django_id": "999001"})

    original = whoosh_index.FileIndex._read_toc
    races = {"left": 2, "inside": False}

    def read_toc_then_race(self):
        toc = original(self)
        if races["left"] and not races["inside"]:  # the racing writer reads the TOC too
            races["left"] -= 1
            races["inside"] = True
            newest = [s.segment_id() for s in toc.segments][-1]
            n = 999_100 + races["left"]
            _commit_merging(ix, newest, {**template, "id": f"core.article.{n}", "django_id": str(n)})
            races["inside"] = False
        return toc

    monkeypatch.setattr(whoosh_index.FileIndex, "_read_toc", read_toc_then_race)
    # Before the fix this raised ReaderClosed here and on every later search in this thread.
    assert {first.pk, second.pk} <= hits("frigate")
    monkeypatch.setattr(whoosh_index.FileIndex, "_read_toc", original)
    third = make_article("Frigate gamma", "A third frigate.")
    indexing.index_articles([third.pk])
    assert {first.pk, second.pk, third.pk} <= hits("frigate")


WRITER = textwrap.dedent(
    """
    import sys, time
    from whoosh import index
    ix = index.open_dir(sys.argv[1])
    end = time.monotonic() + float(sys.argv[2])
    n = 0
    while time.monotonic() < end:
        w = ix.writer(timeout=10, delay=0.01)
        for _ in range(3):
            n += 1
            w.add_document(id=f"core.article.{800000 + n}", django_ct="core.article", django_id=str(800000 + n),
                           text="churn filler words", published=0, version=0)
        # Merging deletes the segment files readers in the other process may be opening right now.
        w.commit(optimize=(n % 12 == 0))
    print(n)
    """
)


def test_it_keeps_answering_while_another_process_commits_and_merges(search_index):
    """Saves during searches: a writer process commits and merges while four threads search."""
    articles = [make_article(f"Corvette {i}", f"Corvette patrol number {i}.") for i in range(30)]
    indexing.index_articles([a.pk for a in articles])
    expected = {a.pk for a in articles}
    path = indexing.open_index(indexing.get_backend()).storage.folder
    writer = subprocess.Popen([sys.executable, "-c", WRITER, path, "6"], stdout=subprocess.PIPE, text=True)
    errors, searches = [], [0]

    def search_loop():
        try:
            while writer.poll() is None:
                found = hits("corvette")
                assert found == expected, f"wrong hits: {len(found)}"
                searches[0] += 1
        except Exception as exc:  # collected: the assertion below names the first failure
            errors.append(repr(exc))
        finally:
            searchers.discard()

    threads = [threading.Thread(target=search_loop) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    commits = int(writer.communicate(timeout=30)[0].strip() or 0)
    assert writer.returncode == 0
    assert commits > 10 and searches[0] > 10, (commits, searches)  # the two really overlapped
    assert errors == [], errors[:3]
    assert hits("corvette") == expected


def test_it_survives_opening_an_index_whose_table_of_contents_a_commit_just_replaced(search_index, monkeypatch):
    """A fresh searcher reads the newest TOC's number, then opens it: a commit in between deletes that file."""
    article = make_article("Minehunter", "A minehunter sailed.")
    indexing.index_articles([article.pk])
    searchers.discard()  # the next search opens the index afresh
    ix = indexing.open_index(indexing.get_backend())
    template = indexing.to_whoosh(indexing.article_index().full_prepare(article))
    original = whoosh_index.TOC._latest_generation.__func__
    races = {"left": 1}

    def latest_then_commit(cls, storage, indexname):
        generation = original(cls, storage, indexname)
        if races["left"]:
            races["left"] -= 1
            writer = ix.writer()
            writer.add_document(**{**template, "id": "core.article.999500", "django_id": "999500"})
            writer.commit()  # writes the next TOC and deletes the one just chosen
        return generation

    monkeypatch.setattr(whoosh_index.TOC, "_latest_generation", classmethod(latest_then_commit))
    assert article.pk in hits("minehunter")  # before the fix: FileNotFoundError, a 500
    assert races["left"] == 0


def test_it_looks_for_new_commits_once_per_refresh_period(search_index, settings):
    assert settings.SEARCH_REFRESH_MS == 0, "tests see their own writes at once (tests/conftest.py)"
    settings.SEARCH_REFRESH_MS = 2000
    first = make_article("Corvette one", "A corvette sailed.")
    indexing.index_articles([first.pk])
    searchers.discard()
    assert hits("corvette") == {first.pk}
    second = make_article("Corvette two", "Another corvette sailed.")
    indexing.index_articles([second.pk])
    assert hits("corvette") == {first.pk}, "within the period the thread keeps its searcher"
    time.sleep(2.1)
    assert hits("corvette") == {first.pk, second.pk}
