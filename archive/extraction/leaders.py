"""A short list of well-known leaders, used only as a fallback source of known people.

The importer passes the people already in the database; these fill in when it has none, so a bare surname
("Erdogan said") still resolves. Each office carries its dates (data/leaders.json): a 2012 article about the
defence minister who is president today gets "Minister of Defence", and an article dated outside every office
gets no role from here, only what it writes itself.
"""

from __future__ import annotations

import datetime
import json
from functools import cache
from pathlib import Path

from .types import KnownPerson, KnownRole

DATA = Path(__file__).with_name("data") / "leaders.json"


def _day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@cache
def world_leaders() -> tuple[KnownPerson, ...]:
    people = json.loads(DATA.read_text(encoding="utf-8"))["people"]
    return tuple(
        KnownPerson(
            name=p["name"],
            variants=tuple(p["variants"]),
            country=p["country"],
            roles=tuple(KnownRole(r[0], _day(r[1]), _day(r[2]), r[3] if len(r) > 3 else None) for r in p["roles"]),
        )
        for p in people
    )
