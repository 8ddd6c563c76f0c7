"""Writing the index: durable queue, one writer at a time, rebuild beside the live index and swap.

Every writer in the project (Celery tasks, eager tasks in web processes, the commands) goes through
`layout.writer_lock`. A rebuild builds a new generation directory and swaps the symlink atomically
(`layout`) while searches keep running. On an engine other than the archive's Whoosh, the same entry
points write through haystack (`remote_indexing`).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import shutil
import time
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from django import db
from django.apps import apps
from haystack import connections
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from whoosh import index as whoosh_index
from whoosh.query import Every

from . import fastwriter, phrases, remote_indexing
from .backend import ARTICLE_COLUMN, PAIRS_FIELD, PUBLISHED_COLUMN, Postings
from .layout import (
    ensure_layout,
    generation_path,
    new_build_dir,
    new_generation_dir,
    point_at,
    remove_old_generations,
    writer_lock,
)

log = logging.getLogger(__name__)
CHUNK = 500
SEGMENT_DOCS = 4_000


def _articles():
    # Looked up at call time: the backend and writer also serve haystack's own test suite, without the archive.
    return apps.get_model("core", "Article")


def is_archive_engine(using: str = "default") -> bool:
    """The archive's own Whoosh index (locked writer, atomic rebuild); else search.remote_indexing writes."""
    from .backend import ArchiveWhooshBackend

    return isinstance(connections[using].get_backend(), ArchiveWhooshBackend)


def get_backend(using: str = "default"):
    backend = connections[using].get_backend()
    ensure_layout(backend)
    if not backend.setup_complete:
        backend.setup()
    return backend


def schema_of(backend):
    if not hasattr(backend, "_archive_schema"):
        fields = connections[backend.connection_alias].get_unified_index().all_searchfields()
        backend._archive_schema = backend.build_schema(fields)[1]
    return backend._archive_schema


def article_index(using: str = "default"):
    return connections[using].get_unified_index().get_index(_articles())


def open_index(backend):
    ensure_layout(backend)
    path = os.path.realpath(backend.path)
    try:
        return whoosh_index.open_dir(path, schema=schema_of(backend))
    except whoosh_index.EmptyIndexError:
        return whoosh_index.create_in(path, schema_of(backend))


def to_whoosh(doc: dict) -> dict:
    """Haystack's prepared document as haystack's Whoosh backend would write it.

    Lists become comma-joined strings (what `SearchResult` splits back; a value with a comma in it is
    refused, naming the field), dates become datetimes, booleans "true"/"false", numbers stay numbers,
    None leaves the field out. The facet fields index the same string as comma-separated keywords.
    """
    out = {}
    for key, value in doc.items():
        if key == "boost" or value is None:
            continue  # Whoosh 2.5+ has no document boost
        if isinstance(value, list | tuple | set):
            values = [str(v) for v in value]
            for v in values:
                if "," in v:
                    raise ValueError(f"search field {key!r}: value {v!r} contains a comma, which separates values")
            out[key] = ",".join(values)
        elif isinstance(value, bool):
            out[key] = "true" if value else "false"
        elif isinstance(value, datetime):
            out[key] = value
        elif isinstance(value, date):
            out[key] = datetime(value.year, value.month, value.day)
        elif isinstance(value, int | float):
            out[key] = value
        else:
            out[key] = str(value)
    return out


def stored_values(raw) -> list[str]:
    """A multivalued field's stored value as a list (indexes built before 2026-11 stored Python lists)."""
    if not raw:
        return []
    return [v for v in raw.split(",") if v] if isinstance(raw, str) else [str(v) for v in raw]


def _journal(base) -> Path:
    return Path(f"{base}.rebuild-journal")


def write_documents(backend, docs: list[dict], delete_ids: Iterable[str]) -> None:
    """Update and delete documents in one commit, under the cross-process writer lock."""
    delete_ids = list(delete_ids)
    if not docs and not delete_ids:
        return
    with writer_lock(backend.path):
        ix = open_index(backend)
        common = phrases.load(ix.storage.folder)
        text_field = _text_field(ix.schema)
        writer = fastwriter.writer(ix, timeout=30.0, delay=0.05)
        try:
            for whoosh_id in delete_ids:
                writer.delete_by_term(ID, whoosh_id)
            for doc in docs:
                writer.update_document(**_for_writer(to_whoosh(doc), text_field, common))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        journal = _journal(backend.path)
        if journal.exists():
            # A rebuild is reading the database right now; it replays these ids into its new index.
            ids = [d["django_id"] for d in docs] + [i.rsplit(".", 1)[-1] for i in delete_ids]
            with journal.open("a") as fh:
                fh.write("".join(f"{i}\n" for i in ids))


def clear_index(backend, content_types: list[str] | None = None) -> None:
    """Delete every document, or those of these `app_label.model` content types, under the writer lock."""
    with writer_lock(backend.path):
        writer = fastwriter.writer(open_index(backend), timeout=30.0, delay=0.05)
        if content_types is None:
            writer.delete_by_query(Every())
        else:
            for ct in content_types:
                writer.delete_by_term(DJANGO_CT, ct)
        writer.commit()


def reset_index(backend) -> None:
    """haystack's delete_index(): swap in a fresh empty generation built with the current schema.

    Its table of contents continues the old generation's number, so an index object opened on the old
    one (`ix.refresh()` compares numbers) sees that it changed.
    """
    from whoosh.filedb.filestore import FileStorage

    base = Path(backend.path)
    with writer_lock(base):
        previous = -1
        if os.path.isdir(base):
            previous = whoosh_index.TOC._latest_generation(FileStorage(str(base)), whoosh_index._DEF_INDEX_NAME)
        target = new_generation_dir(base)
        whoosh_index.TOC(schema_of(backend), [], previous + 1).write(
            FileStorage(str(target)), whoosh_index._DEF_INDEX_NAME
        )
        point_at(base, target)
        remove_old_generations(base)


def doc_id(pk: int) -> str:
    """An article's document id, as haystack writes it."""
    return f"core.article.{pk}"


def article_batches(ids: Iterable[int], chunk: int = CHUNK):
    """(articles loaded for their documents, document ids of the articles gone) for these ids, chunk by chunk."""
    wanted = sorted({int(i) for i in ids})
    for start in range(0, len(wanted), chunk):
        part = wanted[start : start + chunk]
        articles = list(_articles().objects.for_index().filter(pk__in=part))
        found = {a.pk for a in articles}
        yield articles, [doc_id(pk) for pk in part if pk not in found]


def index_articles(ids: Iterable[int]) -> int:
    """Bring the documents of these articles in line with the database: update, or remove if gone."""
    ids = {int(i) for i in ids}
    if not is_archive_engine():
        return remote_indexing.index_articles(ids)
    backend, index = get_backend(), article_index()
    for articles, gone in article_batches(ids):
        write_documents(backend, [index.full_prepare(a) for a in articles], gone)
    return len(ids)


def process_queue(ids: Iterable[int] | None = None, limit: int = 5000, gather: float = 0) -> int:
    """Index the given ids and whatever the queue holds for them; delete those queue rows after the commit.

    With `gather` (seconds, a worker's task), wait that long and take everything the queue holds: saves
    come in bursts, and one commit for several costs the worker a fraction of one commit each (a commit
    per save took 40 % of a core at 5 saves/s). A task whose rows a batch already took has nothing to do.
    """
    from .models import IndexQueue

    rows = IndexQueue.objects.order_by("pk")
    ids = {int(i) for i in ids} if ids is not None else None
    if ids is not None and gather:
        if not rows.filter(article_id__in=ids).exists():
            return 0  # a batch that began after these changes were committed has indexed them
        time.sleep(gather)
    elif ids is not None:
        rows = rows.filter(article_id__in=ids)
    # Snapshot the rows before reading articles: a change committed later has a newer row that survives.
    snapshot = list(rows.values_list("pk", "article_id")[:limit])
    targets = (ids or set()) | {article_id for _, article_id in snapshot}
    index_articles(targets)
    done = [pk for pk, _ in snapshot]
    for start in range(0, len(done), CHUNK):
        IndexQueue.objects.filter(pk__in=done[start : start + CHUNK]).delete()
    return len(targets)


def process_pending(max_rounds: int = 100) -> int:
    from .models import IndexQueue

    total = 0
    for _ in range(max_rounds):
        if not IndexQueue.objects.exists():
            break
        total += process_queue(limit=5000)
    return total


def rebuild(progress=None, chunk: int = CHUNK) -> int:
    """Build a complete new generation beside the live one, swap the symlink, replay concurrent changes."""
    if not is_archive_engine():
        return remote_indexing.rebuild(progress, chunk)
    backend = get_backend()
    base = Path(backend.path)
    build = new_build_dir(base)
    journal = _journal(base)
    with writer_lock(base):
        journal.write_text("")
    count, swapped = 0, False
    try:
        ix = whoosh_index.create_in(str(build), schema_of(backend))
        common = frozenset(phrases.choose(phrases.sample_texts(_articles().objects.all())))
        phrases.save(build, sorted(common))
        # One writer in this process; a second process reads the database, renders and analyses the
        # documents meanwhile (the writer is the bottleneck, and Whoosh's procs>1 writers merge slowly).
        writer = fastwriter.bulk_writer(ix)
        began = time.monotonic()
        for docs in _prepared_batches(chunk, common):
            if count and count % SEGMENT_DOCS < len(docs):
                # Flush a segment now and then: the reader process keeps preparing while this one writes.
                writer.commit(merge=False)
                writer = fastwriter.bulk_writer(ix)
            for doc in docs:
                writer.add_document(**doc)
            count += len(docs)
            if progress:
                progress(len(docs))
        added = time.monotonic()
        writer.commit(merge=False)
        log.info("rebuild: %d added in %.1fs, committed in %.1fs", count, added - began, time.monotonic() - added)
        with writer_lock(base):
            replay = {int(line) for line in journal.read_text().split() if line.strip().isdigit()}
            target = generation_path(base)
            build.rename(target)
            point_at(base, target)
            swapped = True
            journal.unlink()
            index_articles(replay)
            removed = remove_old_generations(base)
        log.info(
            "rebuild: swapped in %s, replayed %d changes, removed %d old entries",
            target.name,
            len(replay),
            len(removed),
        )
    finally:
        with contextlib.suppress(FileNotFoundError):
            journal.unlink()
        if not swapped:
            shutil.rmtree(build, ignore_errors=True)
    return count


def _text_field(schema):
    # haystack's own test suite writes indexes whose document field has another name
    return schema["text"] if "text" in schema.names() else None


def _for_writer(doc: dict, text_field, common: frozenset[str]) -> dict:
    """A document with what only the archive's index holds: the text's word pairs (one pass of the
    analyser for both) and the numeric columns the facet tables read."""
    if "text" in doc and text_field is not None:
        text = doc["text"]
        words, sequence = text_field.index_with_sequence(text)
        doc[PAIRS_FIELD] = Postings(phrases.pair_postings(sequence, common))
        if not text_field.separate_spelling():  # with spelling on, Whoosh reads the words from the text
            doc["text"] = words
            if text_field.stored:
                doc["_stored_text"] = text
    article = str(doc.get(DJANGO_ID, ""))
    if article.isdigit():  # haystack's own tests index models with other keys; they go without
        doc[ARTICLE_COLUMN] = int(article)
        doc[PUBLISHED_COLUMN] = int(doc.get("published") or 0)
    return doc


def _prepare_batches(chunk: int, common: frozenset[str], index=None, share: tuple[int, int] = (0, 1)):
    """Prepared documents in pk order, chunk by chunk; `share=(i, n)` takes every n-th chunk from the i-th."""
    index = index or article_index()
    text_field = _text_field(schema_of(get_backend()))
    pks = list(_articles().objects.order_by("pk").values_list("pk", flat=True))
    mine, readers = share
    for number, start in enumerate(range(0, len(pks), chunk)):
        if number % readers != mine:
            continue
        ids = pks[start : start + chunk]
        batch = _articles().objects.for_index().filter(pk__gte=ids[0], pk__lte=ids[-1]).order_by("pk")
        docs = []
        for article in batch:
            docs.append(_for_writer(to_whoosh(index.full_prepare(article)), text_field, common))
        yield docs


_inherited = []


def _producer(queue, chunk: int, common: frozenset[str], share: tuple[int, int]) -> None:
    # Connections copied from the parent share its sockets: closing them here would end the parent's
    # session. Keep them referenced (the child leaves with os._exit) and open fresh ones.
    for conn in db.connections.all(initialized_only=True):
        if conn.connection is not None:
            _inherited.append(conn.connection)
            conn.connection = None
    try:
        for docs in _prepare_batches(chunk, common, share=share):
            queue.put(docs)
        queue.put(None)
    except BaseException as exc:
        queue.put(exc)
        raise
    finally:
        db.connections.close_all()


def _prepared_batches(chunk: int, common: frozenset[str], readers: int = 2):
    """Prepared documents from forked reader processes, so reading and analysing overlap writing.

    Two readers by default: reading, rendering and analysing cost more than writing, so on two
    cores two readers and the writer keep both busy.
    """
    forkable = multiprocessing.get_start_method(allow_none=True) in (None, "fork") and os.name == "posix"
    # A child process cannot see this process's uncommitted transaction (tests, or a caller's atomic block).
    if not forkable or db.connection.in_atomic_block:
        yield from _prepare_batches(chunk, common)
        return
    db.connections.close_all()  # the children open their own connections, never share the parent's socket
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue(maxsize=16)  # room to keep reading while the writer flushes a segment
    children = [
        ctx.Process(target=_producer, args=(queue, chunk, common, (i, readers)), daemon=True) for i in range(readers)
    ]
    for child in children:
        child.start()
    waited, running = 0.0, readers
    try:
        while running:
            started = time.monotonic()
            item = queue.get()
            waited += time.monotonic() - started
            if item is None:
                running -= 1
                continue
            if isinstance(item, BaseException):
                raise RuntimeError("reading articles for the rebuild failed") from item
            yield item
        log.info("rebuild: the writer waited %.1fs for the reader processes", waited)
    finally:
        for child in children:
            if child.is_alive():
                child.terminate()
            child.join()


def indexed_versions(backend=None) -> dict[int, int]:
    if backend is None and not is_archive_engine():
        return remote_indexing.indexed_versions()
    backend = backend or get_backend()
    with open_index(backend).searcher() as searcher:
        return {int(f["django_id"]): int(f.get("version") or 0) for _, f in searcher.reader().iter_docs()}


def index_status() -> dict:
    from .models import IndexQueue
    from .search_indexes import version_of

    in_db = {a.pk: version_of(a) for a in _articles().objects.only("pk", "modified").iterator(chunk_size=5000)}
    in_index = indexed_versions()
    missing = sorted(set(in_db) - set(in_index))
    orphans = sorted(set(in_index) - set(in_db))
    stale = sorted(pk for pk, v in in_index.items() if pk in in_db and v < in_db[pk])
    return {
        "database": len(in_db),
        "indexed": len(in_index),
        "missing": missing,
        "orphans": orphans,
        "stale": stale,
        "pending": IndexQueue.objects.count(),
    }


def repair(status: dict) -> int:
    fixed = index_articles([*status["missing"], *status["orphans"], *status["stale"]])
    return fixed + process_pending()
