"""Reading the files an import was given, and nothing else.

A fixture names its body files and an imported folder may hold symbolic links:
either could point at a server file (`../secret`, `/etc/passwd`,
`/proc/self/environ`) and publish it as a searchable article. So a file is read
only when its real path is inside the folder it was given in, when it is a
regular file, and never past the number of bytes its caller can use.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import FixtureError, too_long

# Kernel file systems, whose files look regular (/proc/self/environ holds the process's
# secrets). Devices such as /dev/zero are refused by their type.
_KERNEL = tuple(Path(p) for p in ("/proc", "/sys"))


def real_path(path: Path, where: str = "") -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        raise FixtureError(f"cannot be resolved: {exc}", path=path, where=where) from None


def is_inside(path: Path, folder: Path) -> bool:
    """Whether path, once every symlink is followed, lies inside folder."""
    return real_path(path).is_relative_to(real_path(folder))


def read_text(path: Path, *, inside: Path | None = None, max_chars: int | None = None, where: str = "") -> str:
    """The UTF-8 text of a regular file: inside `inside` when given, at most max_chars long when given."""
    real = real_path(path, where)
    if inside is not None and not real.is_relative_to(real_path(inside, where)):
        raise FixtureError(
            f"is outside {inside}; only files inside the imported folder are read", path=path, where=where
        )
    if any(real.is_relative_to(kernel) for kernel in _KERNEL):
        raise FixtureError("is not a regular file", path=path, where=where)
    # UTF-8 takes at most 4 bytes a character: a bigger file cannot fit, and is not read at all.
    max_bytes = None if max_chars is None else 4 * max_chars
    try:
        data = _read_bytes(real, max_bytes)
    except FileNotFoundError:
        raise FixtureError("file not found", path=path, where=where) from None
    except OSError as exc:
        raise FixtureError(f"cannot be read: {exc.strerror}", path=path, where=where) from None
    except ValueError as exc:
        raise FixtureError(str(exc), path=path, where=where) from None
    try:
        text = data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise FixtureError(f"not UTF-8 text (byte {exc.start})", path=path, where=where) from None
    if max_chars is not None and len(text) > max_chars:
        raise FixtureError(too_long(len(text), max_chars), path=path, where=where)
    if "\x00" in text:
        raise FixtureError("contains NUL bytes: a binary file, not text", path=path, where=where)
    return text


def _read_bytes(real: Path, max_bytes: int | None) -> bytes:
    # O_NONBLOCK: opening a FIFO waits for a writer; the type is checked on the open file itself.
    fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("is not a regular file (a device, FIFO, socket or folder)")
        if max_bytes is not None and info.st_size > max_bytes:
            raise ValueError(f"is {info.st_size:,} bytes, over the limit of {max_bytes // 4:,} characters")
        data = handle.read(-1 if max_bytes is None else max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise ValueError(f"is more than {max_bytes:,} bytes, over the limit of {max_bytes // 4:,} characters")
    return data
