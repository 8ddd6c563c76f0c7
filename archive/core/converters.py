"""Strict parsing of values that come from a URL: path converters and the one integer parser.

`str.isdigit()` and `int()` accept "²", "٣" and other Unicode digits, and `int()` takes any length;
every integer read from a path or a query string goes through `parse_int` instead, which takes
ASCII digits only, a bounded number of them, within a range. A path value the converters reject
never reaches a view: the resolver answers 404.
"""

from __future__ import annotations

import re

MAX_PK = 2**63 - 1  # a 64-bit signed primary key (BigAutoField) on every database
SLUG = r"[-a-zA-Z0-9_]{1,200}"  # what SlugField(max_length=200) can hold
COUNTRY_CODE = r"[A-Za-z]{2}"  # ISO 3166-1 alpha-2
_DIGITS = re.compile(r"[0-9]+")


def parse_int(value, low: int, high: int) -> int | None:
    """`value` as an int in [low, high], or None: ASCII digits only, no sign, no more digits than `high` has."""
    value = (value or "").strip()
    if len(value) > len(str(high)) or not _DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if low <= number <= high else None


class PkConverter:
    """A primary key: 1 to MAX_PK; anything else is no match, so a 404."""

    regex = f"[0-9]{{1,{len(str(MAX_PK))}}}"
    low, high = 1, MAX_PK

    def to_python(self, value):
        number = parse_int(value, self.low, self.high)
        if number is None:
            raise ValueError(value)  # the resolver treats ValueError as "this pattern does not match"
        return number

    def to_url(self, value):
        return str(value)


class YearConverter:
    """A year that `datetime.date` can hold, as the four digits the date views parse; 0999 is 999."""

    regex = "[0-9]{4}"

    def to_python(self, value):
        if parse_int(value, 1, 9999) is None:
            raise ValueError(value)
        return value

    def to_url(self, value):
        return f"{int(value):04d}"  # the previous year of 1000 is 0999, and still a link


class SlugConverter:
    """A slug as SlugField stores it: ASCII letters, digits, - and _, at most 200 of them."""

    regex = SLUG

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class CountryCodeConverter:
    """Two ASCII letters, upper-cased: `/countries/rs/` and `/countries/RS/` are Serbia."""

    regex = COUNTRY_CODE

    def to_python(self, value):
        return value.upper()

    def to_url(self, value):
        return value
