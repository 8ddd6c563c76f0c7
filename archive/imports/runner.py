"""Importing files: which files, one transaction each, and what happened to them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.db import DatabaseError, transaction

from archive.core.models import Article, Country

from . import checks
from .errors import FixtureError
from .files import is_inside, read_text
from .history import batched_history
from .records import ArticleRecord, parse_fixture
from .store import save_record

SUFFIXES = {".json": "json", ".txt": "text"}


class InputFile(NamedTuple):
    path: Path
    # The folder named on the command line that this file was found in; None for a file named itself.
    folder: Path | None = None


@dataclass
class FileResult:
    path: Path
    statuses: list[str] = field(default_factory=list)
    records: list[ArticleRecord] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: FixtureError | None = None


def expand_paths(paths: Iterable[str | Path]) -> list[InputFile]:
    """Files as given, and the .json/.txt files below folders, in a stable order."""
    files: list[InputFile] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            files.extend(InputFile(p, path) for p in found)
        else:
            files.append(InputFile(path))
    return files


def display(path: str | Path) -> str:
    """A file name as printable, storable text, even when it is not valid UTF-8 on disk."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def provenance(path: Path) -> str:
    """The file name as stored on the article: relative to the project when inside it."""
    resolved = path.resolve()
    try:
        name = str(resolved.relative_to(settings.BASE_DIR))
    except ValueError:
        name = str(resolved)
    return display(name)


class RawTextReader:
    """Raw text to a record, for one import run: the gazetteer is read from the database once, at the first raw
    file (not per article), so a curator's alias is used from the next run on."""

    def __init__(self):
        self._gazetteer = None

    def __call__(self, text: str, filename: str) -> ArticleRecord:
        from .rawtext import gazetteer_from_db, record_from_text  # extraction loads lazily, only for raw text

        if self._gazetteer is None:
            self._gazetteer = gazetteer_from_db()
        return record_from_text(text, filename=filename, gazetteer=self._gazetteer)


def read_records(
    item: InputFile, known_countries: set[str], raw_text: RawTextReader | None = None
) -> tuple[list[ArticleRecord], list[str]]:
    """The file's records, every value checked against what the database can hold, and notes."""
    path = item.path
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise FixtureError(f"unsupported file type {path.suffix!r}; expected .json or .txt", path=path)
    if item.folder is not None and not is_inside(path, item.folder):
        raise FixtureError(f"points outside {item.folder}; only files inside the imported folder are read", path=path)
    if kind == "json":
        return parse_fixture(path, read_text(path), known_countries), []
    text = read_text(path, max_chars=Article.MAX_BODY_CHARS)
    if not text.strip():
        raise FixtureError("the file is empty", path=path)
    record = (raw_text or RawTextReader())(text, path.name)
    return [record], checks.check_record(record)


def import_files(files: Iterable[InputFile], *, dry_run: bool = False) -> Iterator[FileResult]:
    known = set(Country.objects.values_list("code", flat=True))
    raw_text = RawTextReader()
    for item in files:
        path = item.path
        result = FileResult(path)
        try:
            result.records, result.notes = read_records(item, known, raw_text)
            source_file = provenance(path)
            checks.check_source_file(source_file)
            # One transaction per file: a file imports whole or not at all, its audit trail with it.
            with transaction.atomic():
                with batched_history(f"Imported from {source_file}"):
                    for record in result.records:
                        status, _ = save_record(record, source_file)
                        result.statuses.append(status)
                if dry_run:
                    transaction.set_rollback(True)
        except FixtureError as exc:
            exc.path = display(exc.path or path)
            result.error, result.statuses, result.notes = exc, [], []
        except DatabaseError as exc:
            result.error = FixtureError(f"could not be stored: {exc}", path=display(path))
            result.statuses, result.notes = [], []
        yield result


def summarise(results: Iterable[FileResult]) -> Counter:
    counts: Counter = Counter()
    for result in results:
        if result.error:
            counts["failed"] += 1
        counts.update(result.statuses)
        counts["notes"] += len(result.notes)
    return counts
