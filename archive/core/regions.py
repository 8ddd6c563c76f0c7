"""UN M49 regions of countries, from the country_converter library's table (not typed in here).

The library ships its data as `country_data.tsv`: "continent" is the M49 region (Africa, America,
Asia, Europe, Oceania) and "UNregion" the M49 sub-region, or the intermediate region where M49 has
one (Southern Europe, Western Asia, Caribbean). That file is read with the csv module rather than
through the library's pandas API: a web process then loads a 60 kB table, not pandas (0.8 s and
about 40 MB per worker), and country_converter 1.3's own reader fails under pandas 3.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

UNKNOWN = "Region unknown"


@cache
def _table() -> dict[str, tuple[str, str]]:
    """ISO 3166-1 alpha-2 code → (region, sub-region)."""
    # find_spec locates the package without importing it (its __init__ imports pandas).
    spec = importlib.util.find_spec("country_converter")
    path = Path(spec.origin).with_name("country_data.tsv")
    with path.open(encoding="utf-8", newline="") as f:
        # keep_default_na is pandas' business; here "NA" (Namibia) stays a code, as it should. A few
        # rows give a pattern of codes instead of one ("^GR$|^EL$" for Greece, "^GB$|^UK$").
        return {
            code: (row["continent"], row["UNregion"])
            for row in csv.DictReader(f, delimiter="\t")
            for code in re.findall(r"[A-Z0-9]{2}", row["ISO2"])
        }


def region_of(code: str) -> tuple[str, str]:
    """(M49 region, sub-region) of a country code; UNKNOWN for what the table does not place."""
    region, sub = _table().get(code, ("", ""))
    return (region or UNKNOWN, sub or region or UNKNOWN)


@dataclass
class RegionGroup:
    region: str
    subregion: str
    members: list = field(default_factory=list)  # (item, n) pairs
    total: int = 0


def grouped(items: Iterable[tuple[object, int]]) -> list[RegionGroup]:
    """(country, count) pairs grouped by M49 sub-region, the busiest sub-region first, in the order given within."""
    groups: dict[tuple[str, str], RegionGroup] = {}
    for item, n in items:
        key = region_of(item.code)
        group = groups.setdefault(key, RegionGroup(*key))
        group.members.append((item, n))
        group.total += n
    return sorted(groups.values(), key=lambda g: (-g.total, g.region, g.subregion))
