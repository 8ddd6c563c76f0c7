"""The index on disk: a symlink to a generation directory, swapped by rebuilds; one lock for every writer.

Whoosh allows one writer per index and its own lock does not wait across processes, so every writer in
the project goes through `writer_lock`, an fcntl lock on a file beside the configured path. The path is
a symlink to a generation directory, never resolved in settings, so every process agrees on one lock
file, one rebuild journal and one set of generation names however and whenever it started.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from whoosh import index as whoosh_index

log = logging.getLogger(__name__)
LOCK_TIMEOUT = 300.0
STALE_BUILD_SECONDS = 6 * 3600
_held = threading.local()  # lock depth per thread and path, so a holder can call another writer function


class IndexBusy(RuntimeError):
    """Another process held the writer lock for longer than LOCK_TIMEOUT; the task retries later."""


def ensure_layout(backend) -> None:
    """First use: create a generation directory and point the configured path at it; mend old layouts."""
    base = Path(backend.path)
    if os.path.lexists(base):
        if _is_chained(base):
            repair_layout(base)
        return
    with writer_lock(base):
        if os.path.lexists(base):
            return
        target = new_generation_dir(base)
        from .indexing import schema_of  # the schema comes from haystack's fields

        whoosh_index.create_in(str(target), schema_of(backend))
        point_at(base, target)


def _is_chained(base: Path) -> bool:
    """True for the nested layout older versions left: base -> idx.gen-A -> idx.gen-A.gen-B -> ..."""
    if not base.is_symlink():
        return False
    return (base.parent / os.readlink(base)).is_symlink()


def repair_layout(base: Path) -> None:
    """Point the configured path straight at the live generation and remove every other generation.

    Older versions resolved the symlink at start-up, so each rebuild nested one level deeper until
    path names grew too long. The live generation keeps its (long) name until the next rebuild.
    """
    with writer_lock(base):
        if not _is_chained(base):
            return
        live = Path(os.path.realpath(base))
        log.warning("search index: repairing a nested layout; %s now points at %s", base, live.name)
        point_at(base, live)
        remove_old_generations(base)


def _generation_prefixes(base: Path) -> tuple[str, ...]:
    return (f"{base.name}.gen-", f"{base.name}.old-")


def remove_old_generations(base: Path) -> list[str]:
    """Delete every generation but the live one, with the lock files and journals of nested layouts.

    Call under the writer lock. Searchers in other processes that still read a removed generation keep
    their open files (POSIX); their next refresh fails and they reopen the live generation.
    """
    live = os.path.realpath(base)
    removed = []
    for entry in base.parent.iterdir():
        if not entry.name.startswith(_generation_prefixes(base)) or str(entry) == live:
            continue
        if entry.is_symlink() or not entry.is_dir():
            entry.unlink(missing_ok=True)
        else:
            shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry.name)
    for entry in base.parent.glob(f".{base.name}.build-*"):
        # A build left by a rebuild that crashed; a running rebuild holds the lock until it is renamed.
        if time.time() - entry.stat().st_mtime > STALE_BUILD_SECONDS:
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry.name)
    return removed


def generation_path(base: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    return base.parent / f"{base.name}.gen-{stamp}"


def new_generation_dir(base: Path) -> Path:
    base.parent.mkdir(parents=True, exist_ok=True)
    target = generation_path(base)
    target.mkdir()
    return target


def new_build_dir(base: Path) -> Path:
    """Where a rebuild writes until its swap; named apart so no cleanup mistakes it for an old generation."""
    base.parent.mkdir(parents=True, exist_ok=True)
    target = base.parent / f".{base.name}.build-{os.getpid()}-{time.time_ns()}"
    target.mkdir()
    return target


def point_at(base: Path, target: Path) -> Path | None:
    """Atomically make `base` a symlink to `target`; returns the directory it pointed at before."""
    old = Path(os.path.realpath(base)) if os.path.lexists(base) else None
    if base.is_dir() and not base.is_symlink():
        # A plain directory from an older layout: move it aside (a brief gap, once, then never again).
        old = base.parent / f"{base.name}.old-{time.time_ns()}"
        base.rename(old)
    tmp = base.parent / f".{base.name}.swap-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    tmp.symlink_to(target.name)
    os.replace(tmp, base)
    return old


@contextlib.contextmanager
def writer_lock(base, timeout: float = LOCK_TIMEOUT):
    key = str(Path(base))  # one spelling per path, or re-entry from the same thread would deadlock
    depth = getattr(_held, key, 0)
    if depth:
        setattr(_held, key, depth + 1)
        try:
            yield
        finally:
            setattr(_held, key, depth)
        return
    lock_path = Path(f"{base}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline, pause = time.monotonic() + timeout, 0.01
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise IndexBusy(f"search index writer lock {lock_path} busy for {timeout}s") from None
                time.sleep(pause)
                pause = min(pause * 2, 0.5)
        setattr(_held, key, 1)
        try:
            yield
        finally:
            setattr(_held, key, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
