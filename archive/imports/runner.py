"""Importing files: which files, one transaction each, and what happened to them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, transaction

from archive.core.models import Country

from .records import ArticleRecord, FixtureError, parse_fixture, read_text
from .store import save_record

SUFFIXES = {".json": "json", ".txt": "text"}


@dataclass
class FileResult:
    path: Path
    statuses: list[str] = field(default_factory=list)
    records: list[ArticleRecord] = field(default_factory=list)
    error: FixtureError | None = None


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the .json/.txt files below folders, in a stable order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        else:
            files.append(path)
    return files


def provenance(path: Path) -> str:
    """The file name as stored on the article: relative to the project when inside it."""
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(settings.BASE_DIR))
    except ValueError:
        return str(resolved)


def read_records(path: Path, known_countries: set[str]) -> list[ArticleRecord]:
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise FixtureError(f"unsupported file type {path.suffix!r}; expected .json or .txt", path=path)
    text = read_text(path)
    if kind == "json":
        return parse_fixture(path, text, known_countries)
    if not text.strip():
        raise FixtureError("the file is empty", path=path)
    from .rawtext import record_from_text  # extraction loads its gazetteers lazily, only for raw text

    return [record_from_text(text, filename=path.name)]


def import_files(files: Iterable[Path], *, dry_run: bool = False) -> Iterator[FileResult]:
    known = set(Country.objects.values_list("code", flat=True))
    for path in files:
        result = FileResult(path)
        try:
            result.records = read_records(path, known)
            # One transaction per file: a file imports whole or not at all.
            with transaction.atomic():
                for record in result.records:
                    status, _ = save_record(record, provenance(path))
                    result.statuses.append(status)
                if dry_run:
                    transaction.set_rollback(True)
        except FixtureError as exc:
            exc.path = exc.path or str(path)
            result.error, result.statuses = exc, []
        except DatabaseError as exc:
            result.error, result.statuses = FixtureError(f"could not be stored: {exc}", path=path), []
        yield result


def summarise(results: Iterable[FileResult]) -> Counter:
    counts: Counter = Counter()
    for result in results:
        if result.error:
            counts["failed"] += 1
        counts.update(result.statuses)
    return counts
