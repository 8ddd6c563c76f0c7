"""What the database can hold, checked before anything is written.

Every limit is read from the model field it protects (a migration that widens a
field widens the import), so a bad value is reported with its field and limit
instead of failing inside the database halfway through a file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db.models import Model

from archive.core.models import (
    Article,
    ArticlePerson,
    Meeting,
    Organisation,
    Participation,
    Person,
    PersonName,
    PersonRole,
    Source,
)
from archive.core.text import fold

from .errors import FixtureError, shown, too_long

if TYPE_CHECKING:
    from .records import ArticleRecord

# The format nests 7 levels (articles > meetings > participants); extra fields get some room.
MAX_DEPTH = 20
# PostgreSQL cannot store NUL (checked apart, it is quicker); lone surrogates are not Unicode text.
_SURROGATE = re.compile("[\ud800-\udfff]")


def max_length(model: type[Model], field: str) -> int:
    return model._meta.get_field(field).max_length


def check_json(data) -> None:
    """Every string (keys too) storable, and no deeper nesting than the format can use.

    Iterative, so that a deeply nested file is reported rather than overflowing the stack.
    """
    stack = [(data, "", 1)]
    while stack:
        value, where, depth = stack.pop()
        if isinstance(value, str):
            check_string(value, where)
            continue
        if isinstance(value, dict):
            items = []
            for key, item in value.items():
                check_string(key, f"{where} (a key)" if where else "a key")
                name = key if key.isidentifier() else shown(key)
                items.append((item, f"{where}.{name}" if where else name))
        elif isinstance(value, list):
            items = [(item, f"{where}[{i}]") for i, item in enumerate(value)]
        else:
            continue
        if depth > MAX_DEPTH:
            raise FixtureError(f"is nested more than {MAX_DEPTH} levels deep", where=where or "the file")
        stack.extend((item, at, depth + 1) for item, at in reversed(items))


def check_string(value: str, where: str) -> None:
    # Nothing in a fixture is longer than an article may be; checked first, so a huge value is refused at once.
    check_body(value, where)
    if "\x00" in value:
        raise FixtureError("contains a NUL character (\\u0000), which cannot be stored", where=where)
    bad = None if value.isascii() else _SURROGATE.search(value)
    if bad:
        raise FixtureError(f"contains a lone surrogate ({bad.group()!r}), which is not valid Unicode text", where=where)


def check_body(body: str, where: str) -> None:
    if len(body) > Article.MAX_BODY_CHARS:
        raise FixtureError(too_long(len(body), Article.MAX_BODY_CHARS), where=where)


def check_record(record: ArticleRecord, prefix: str = "") -> list[str]:
    """Raise FixtureError for the first value the database cannot take; return notes on what was shortened."""

    def at(field: str) -> str:
        return f"{prefix}.{field}" if prefix else field

    notes = []
    check_body(record.body, at("body"))
    title_limit = max_length(Article, "title")
    if record.derived_from and len(record.title) > title_limit:
        # A headline guessed from raw text is the import's own guess and the body keeps the whole line.
        record.title = record.title[: title_limit - 1].rstrip() + "…"
        notes.append(f"the title detected in the text was shortened to {title_limit:,} characters")
    _fits(record.title, at("title"), (Article, "title"))
    _fits(record.source or "", at("source"), (Source, "name"))
    _check_url(record.url, at("url"))
    for i, org in enumerate(record.organisations):
        _fits(org.name, at(f"organisations[{i}].name"), (Organisation, "name"))
    for i, person in enumerate(record.people):
        _name_fits(person.name, at(f"people[{i}].name"))
        for j, variant in enumerate(person.variants):
            _name_fits(variant, at(f"people[{i}].variants[{j}]"))
        _fits(person.role, at(f"people[{i}].role"), (ArticlePerson, "role"), (PersonRole, "title"))
    for i, meeting in enumerate(record.meetings):
        _fits(meeting.city, at(f"meetings[{i}].city"), (Meeting, "city"))
        for j, participant in enumerate(meeting.participants):
            _name_fits(participant.name, at(f"meetings[{i}].participants[{j}].name"))
            _fits(participant.role, at(f"meetings[{i}].participants[{j}].role"), (Participation, "role"))
    return notes


def check_source_file(name: str) -> None:
    _fits(name, "the file's path", (Article, "source_file"))


def _fits(value: str, where: str, *fields: tuple[type[Model], str]) -> None:
    limit = min(max_length(model, field) for model, field in fields)
    if len(value) > limit:
        raise FixtureError(too_long(len(value), limit), where=where)


def _name_fits(name: str, where: str) -> None:
    _fits(name, where, (Person, "name"), (PersonName, "name"))
    # Names are also stored folded for search, and folding can lengthen them ("ß" -> "ss").
    limit = max_length(PersonName, "folded")
    folded = len(fold(name))
    if folded > limit:
        raise FixtureError(f"is {folded:,} characters once folded for search; the limit is {limit:,}", where=where)


def _check_url(url: str, where: str) -> None:
    if not url:
        return
    field = Article._meta.get_field("url")
    _fits(url, where, (Article, "url"))
    try:
        field.run_validators(url)
    except ValidationError:
        raise FixtureError(f"{shown(url)} is not an http or https URL", where=where) from None
