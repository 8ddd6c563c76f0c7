"""Bar charts drawn on the server as SVG: no script, no CDN, every bar a link.

The template `core/partials/year_chart.html` draws what `year_bars` computes.
"""

from __future__ import annotations

from collections.abc import Callable

HEIGHT = 120  # drawing height of the tallest bar, in SVG units
LABEL = 16  # room under the bars for the year
BAR, GAP = 22, 4
MAX_SPAN = 40  # years shown as a continuous axis; a longer span shows only years with meetings


def year_bars(counts: dict[int | None, int], href: Callable[[int | None], str]) -> dict | None:
    """Geometry of a per-year bar chart; `None` (undated) gets the last bar. None when there is nothing to draw."""
    years = sorted(y for y in counts if y is not None)
    if years and years[-1] - years[0] < MAX_SPAN:
        years = list(range(years[0], years[-1] + 1))  # empty years drawn as gaps, so trends read right
    keys = years + ([None] if counts.get(None) else [])
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
