"""The timeline drawn as inline SVG for the HTML export: a proportional axis, a row per event.

The axis runs from 1 January of the earliest year to 1 January after the latest, with
ticks every 1, 2 or 5 × 10ⁿ years (at most 11 of them), so Y170000002 beside 2016 still
draws, if squeezed. Each event is a bar over every instant its date can denote, or a dot
when that is too short to see; an open or unknown end is a dashed line to the edge of the
axis. Positions come from integer seconds, never `datetime`. No markers, gradients or
anything else referenced with ``url(...)``: the page loads nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html import escape

from chrono.dates import civil_from_seconds, seconds_from_civil, year_text
from chrono.model import Event

WIDTH, LEFT, RIGHT = 1000, 32, 968
TOP, ROW = 38, 26
_MAX_LABEL = 56


@dataclass(frozen=True, slots=True)
class Bar:
    """What the chart draws of an event: the first and last second of its span (see
    `_span`), whether its start or end is missing, its human date and its title."""

    lo: int
    hi: int
    open_start: bool
    open_end: bool
    when: str
    title: str


def bar(event: Event) -> Bar:
    """The event's `Bar`."""
    lo, hi = _span(event)
    date = event.date
    return Bar(lo, hi, date.start is None, date.end is None, date.human(), event.title)


def svg_lines(bars: Sequence[Bar], label: str) -> Iterator[str]:
    """An ``<svg role="img">`` with year ticks and a bar or dot per event, line by line
    (nothing for no bars)."""
    if not bars:
        return
    first = civil_from_seconds(min(b.lo for b in bars))[0]
    last = civil_from_seconds(max(b.hi for b in bars))[0] + 1
    axis = Axis(seconds_from_civil(first, 1, 1), seconds_from_civil(last, 1, 1))
    height = TOP + ROW * len(bars) + 8
    yield (
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(label)}" focusable="false">'
    )
    yield from _ticks(axis, first, last, height)
    for row, one in enumerate(bars):
        yield _mark(one, axis, TOP + row * ROW + ROW // 2)
    yield "</svg>"


class Axis:
    """Maps seconds to x between LEFT and RIGHT, proportionally."""

    def __init__(self, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, max(hi, lo + 1)

    def x(self, seconds: int) -> float:
        # Integer true division stays exact-then-rounded for any size of year.
        return LEFT + (seconds - self.lo) / (self.hi - self.lo) * (RIGHT - LEFT)


def tick_step(years: int) -> int:
    """The smallest 1, 2 or 5 × 10ⁿ that cuts `years` into at most ten steps."""
    base = 1
    while True:
        for factor in (1, 2, 5):
            if years <= 10 * base * factor:
                return base * factor
        base *= 10


def _span(event: Event) -> tuple[int, int]:
    """The first and last second drawn: the date's bounds, or the known end's own span."""
    date = event.date
    lead, tail = date.start or date.end, date.end or date.start
    assert lead is not None and tail is not None  # parse_edtf rejects dates with no end
    lo = date.earliest if math.isfinite(date.earliest) else lead.earliest
    hi = date.latest if math.isfinite(date.latest) else tail.latest
    return int(lo), int(hi)


def _ticks(axis: Axis, first: int, last: int, height: int) -> list[str]:
    step = tick_step(last - first)
    year = -(-first // step) * step  # the first multiple of step not before `first`
    parts = []
    while year <= last:
        x = f"{axis.x(seconds_from_civil(year, 1, 1)):.1f}"
        parts.append(f'<line class="tick" x1="{x}" y1="{TOP - 10}" x2="{x}" y2="{height}"/>')
        parts.append(f'<text class="year" x="{x}" y="{TOP - 16}">{year_text(year)}</text>')
        year += step
    return parts


def _mark(one: Bar, axis: Axis, y: int) -> str:
    x0, x1 = axis.x(one.lo), axis.x(one.hi + 1)
    tip = f"<title>{_text(one.when)}: {_text(one.title)}</title>"
    shapes = []
    if one.open_start:
        shapes.append(_dashed(LEFT, x0, y))
    if one.open_end:
        shapes.append(_dashed(x1, RIGHT, y))
    if x1 - x0 < 4:
        shapes.append(f'<circle class="mark" cx="{(x0 + x1) / 2:.1f}" cy="{y}" r="5"/>')
    else:
        shapes.append(
            f'<rect class="mark" x="{x0:.1f}" y="{y - 6}" width="{x1 - x0:.1f}" height="12" rx="2"/>'
        )
    shapes.append(_label(one.title, x0, x1, y))
    return f'<g class="event">{tip}{"".join(shapes)}</g>'


def _text(value: str) -> str:
    return escape(value, quote=False)


def _dashed(x0: float, x1: float, y: int) -> str:
    return f'<line class="open" x1="{x0:.1f}" y1="{y}" x2="{x1:.1f}" y2="{y}"/>'


def _label(title: str, x0: float, x1: float, y: int) -> str:
    """The title beside its mark, on whichever side has more room."""
    text = title if len(title) <= _MAX_LABEL else title[: _MAX_LABEL - 1].rstrip() + "…"
    if x1 <= (LEFT + RIGHT) / 2:
        return f'<text class="label" x="{x1 + 8:.1f}" y="{y + 4}">{_text(text)}</text>'
    return (
        f'<text class="label" x="{x0 - 8:.1f}" y="{y + 4}" text-anchor="end">{_text(text)}</text>'
    )
