"""Server-rendered bar charts: geometry computed here, SVG drawn by `_chart.html`.

The chart is an image for sighted readers; the same numbers are in a table beside it, so
nothing depends on seeing the SVG.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 140
CHART_WIDTH = 520
MAX_BARS = 40


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label, value and position."""

    label: str
    value: int
    y: int
    width: int


@dataclass(frozen=True, slots=True)
class Chart:
    """A horizontal bar chart ready to draw."""

    title: str
    bars: tuple[Bar, ...]
    width: int
    height: int
    label_width: int
    bar_height: int


def bar_chart(title: str, values: Iterable[tuple[str, int]]) -> Chart:
    """Lay out a horizontal bar chart of (label, value) pairs, in the given order."""
    pairs = [(str(label)[:30], max(0, int(value))) for label, value in values][:MAX_BARS]
    top = max((v for _, v in pairs), default=0) or 1
    room = CHART_WIDTH - LABEL_WIDTH - 50
    bars = tuple(
        Bar(label, value, i * (BAR_HEIGHT + GAP), max(1 if value else 0, round(room * value / top)))
        for i, (label, value) in enumerate(pairs)
    )
    height = max(BAR_HEIGHT, len(bars) * (BAR_HEIGHT + GAP))
    return Chart(title, bars, CHART_WIDTH, height, LABEL_WIDTH, BAR_HEIGHT)
