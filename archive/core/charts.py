"""Charts drawn on the server as SVG: no script, no CDN, every bar or cell a link into the meetings list.

Each function computes geometry; a template draws it: `year_bars` in `core/partials/year_chart.html`,
`partner_grid` in `core/partials/partner_grid.html`, `role_spans` in `core/partials/role_timeline.html`.
"""

from __future__ import annotations

from collections.abc import Callable

HEIGHT = 120  # drawing height of the tallest bar, in SVG units
LABEL = 16  # room under the bars for the year
BAR, GAP = 22, 4
MAX_SPAN = 40  # years shown as a continuous axis; a longer span shows only years with meetings


def _columns(years: set[int | None]) -> list[int | None]:
    """The year axis of a chart: continuous over a short span (gaps show), else only the years present; undated last."""
    dated = sorted(y for y in years if y is not None)
    if dated and dated[-1] - dated[0] < MAX_SPAN:
        dated = list(range(dated[0], dated[-1] + 1))
    return dated + ([None] if None in years else [])


def year_bars(counts: dict[int | None, int], href: Callable[[int | None], str]) -> dict | None:
    """Geometry of a per-year bar chart; `None` (undated) gets the last bar. None when there is nothing to draw."""
    keys = _columns({year for year, n in counts.items() if n})  # empty years drawn as gaps, so trends read right
    if not keys:
        return None
    top = max(counts.values()) or 1
    bars = []
    for i, year in enumerate(keys):
        n = counts.get(year, 0)
        height = round(HEIGHT * n / top) if n else 0
        bars.append(
            {
                "x": i * (BAR + GAP),
                "y": HEIGHT - height,
                "width": BAR,
                "height": height,
                "n": n,
                "label": "undated" if year is None else str(year),
                "short": "?" if year is None else f"’{year % 100:02d}",
                "href": href(year) if n else "",
                "text_x": i * (BAR + GAP) + BAR // 2,
            }
        )
    return {"width": len(keys) * (BAR + GAP), "height": HEIGHT + LABEL, "base": HEIGHT + LABEL - 4, "bars": bars}


CELL, ROW, NAME = 22, 20, 150  # a grid cell's width and row height, and the room for a row's name
SHADES = 5  # classes heat-1 … heat-5 in meetings.css: a cell's colour says its count relative to the busiest


def partner_grid(rows: list[tuple[object, str, dict]], href: Callable[[object, int | None], str]) -> dict | None:
    """Geometry of a partners × years grid: one row per (key, name, {year: n}), every non-empty cell a link.

    Rows keep their order (the caller ranks them); None is the undated column.
    """
    columns = _columns({year for _, _, counts in rows for year, n in counts.items() if n})
    if not columns:
        return None
    top = max(n for _, _, counts in rows for n in counts.values())
    lines = []
    for r, (key, name, counts) in enumerate(rows):
        cells = []
        for c, year in enumerate(columns):
            n = counts.get(year, 0)
            if n:
                cells.append(
                    {
                        "x": NAME + c * CELL,
                        "y": r * ROW,
                        "n": n,
                        "shade": 1 + (SHADES - 1) * n // top,
                        "href": href(key, year),
                        "label": "undated" if year is None else str(year),
                        "text_x": NAME + c * CELL + (CELL - 2) // 2,
                        "text_y": r * ROW + ROW // 2 + 4,
                    }
                )
        lines.append({"name": name, "y": r * ROW + ROW // 2 + 4, "cells": cells, "total": sum(counts.values())})
    axis = [
        {"x": NAME + c * CELL + (CELL - 2) // 2, "short": "?" if y is None else f"’{y % 100:02d}"}
        for c, y in enumerate(columns)
    ]
    height = len(rows) * ROW
    return {
        "width": NAME + len(columns) * CELL,
        "height": height + LABEL,
        "base": height + LABEL - 4,
        "cell_w": CELL - 2,
        "cell_h": ROW - 2,
        "name_x": NAME - 6,
        "rows": lines,
        "axis": axis,
    }


SPAN_WIDTH, SPAN_ROW = 600, 34  # the roles timeline: drawing width, and each role's row (label over bar)


def role_spans(roles, today, href: Callable[[object], str]) -> dict | None:
    """Geometry of a roles timeline: each role with a start date as a bar to its end (or today), a link each.

    Roles without a start date cannot be placed; the page lists them apart.
    """
    dated = sorted((r for r in roles if r.start), key=lambda r: (r.start, r.end or today))
    if not dated:
        return None
    first = dated[0].start
    last = max(max(r.end or today, r.start) for r in dated)
    days = max((last - first).days, 1)

    def x(day):
        return round(SPAN_WIDTH * (day - first).days / days, 1)

    bars = []
    for i, role in enumerate(dated):
        end = role.end or today
        start_x = x(role.start)
        bars.append(
            {
                "role": role,
                "x": start_x,
                "width": max(round(x(max(end, role.start)) - start_x, 1), 3),
                "y": i * SPAN_ROW + 14,
                "text_y": i * SPAN_ROW + 11,
                "open": role.end is None,
                "href": href(role),
            }
        )
    step = next(s for s in (1, 2, 5, 10, 20, 50) if (last.year - first.year) / s <= 10)
    ticks = [
        {"x": x(first.replace(year=y, month=1, day=1)), "label": str(y)}
        for y in range(first.year + 1, last.year + 1)
        if y % step == 0
    ]
    height = len(dated) * SPAN_ROW
    return {"width": SPAN_WIDTH, "height": height + LABEL, "axis_y": height + LABEL - 4, "bars": bars, "ticks": ticks}
