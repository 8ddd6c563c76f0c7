"""Dates known only to a day, a month or a year."""

from __future__ import annotations

import datetime


def format_partial_date(value: datetime.date | None, precision: str) -> str | None:
    """ISO text to the precision known: 2023-10-25, 2023-10 or 2023; None when unknown."""
    if value is None or precision == "unknown":
        return None
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()
