"""The one error an import reports: which file, which field, what is wrong."""

from __future__ import annotations

from pathlib import Path


class FixtureError(Exception):
    """A problem with one input file: where it is and what is wrong."""

    def __init__(self, message: str, *, path: str | Path | None = None, where: str = ""):
        self.message, self.path, self.where = message, str(path) if path else None, where
        super().__init__(self.__str__())

    def __str__(self):
        location = ": ".join(part for part in (self.path, self.where) if part)
        return f"{location}: {self.message}" if location else self.message


def too_long(length: int, limit: int) -> str:
    return f"is {length:,} characters; the limit is {limit:,}"


def shown(value: str, width: int = 100) -> str:
    """A value quoted for a message: escaped, and cut when long."""
    return repr(value if len(value) <= width else value[:width] + "…")
