"""What a date looks like on an axis: its clamped bounds, and whether it is a point,
a span, fuzzy (``~``/``?``/``%``) or open at either end."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from chrono.dates import SECONDS_PER_DAY, EdtfDate


@dataclass(frozen=True, slots=True)
class Shape:
    """A date's place on the visible range, in whole seconds since 1970.

    An open or unknown end is clamped to the edge of the range and flagged, so that it can
    be drawn running off the axis. `point` is a date that covers at most one day. `anchor`
    is the instant the event's text stands at: its start, or for an open or unknown start
    its end's first instant, where the one total order places it.
    """

    start: int
    end: int
    open_start: bool
    open_end: bool
    point: bool
    fuzzy: bool
    anchor: int


@dataclass(frozen=True, slots=True)
class Bounds:
    """What the axis needs of a date: its first and last instants (infinite where an end is
    open or unknown), its end's first instant when its start is missing, and whether it is
    fuzzy. A timeline keeps these, not the dates."""

    earliest: int | float
    latest: int | float
    end_first: int | None
    fuzzy: bool


def bounds_of(date: EdtfDate) -> Bounds:
    """The date's `Bounds`."""
    end_first = date.end.earliest if date.start is None and date.end is not None else None
    fuzzy = any(p is not None and (p.approximate or p.uncertain) for p in (date.start, date.end))
    return Bounds(date.earliest, date.latest, end_first, fuzzy)


def visible_range(dates: Sequence[Bounds]) -> tuple[int, int]:
    """The first and last finite bound among the dates."""
    bounds = [int(b) for d in dates for b in (d.earliest, d.latest) if not math.isinf(b)]
    bounds += [d.end_first for d in dates if d.end_first is not None]
    return min(bounds), max(bounds)


def shape_of(date: EdtfDate | Bounds, lo: int, hi: int) -> Shape:
    """Where `date` sits within [lo, hi], open ends clamped to the edges."""
    if isinstance(date, EdtfDate):
        date = bounds_of(date)
    open_start = math.isinf(date.earliest)
    open_end = math.isinf(date.latest)
    start = lo if open_start else int(date.earliest)
    end = hi if open_end else int(date.latest)
    point = not (open_start or open_end) and end - start < SECONDS_PER_DAY
    anchor = start if date.end_first is None else date.end_first
    return Shape(start, max(start, end), open_start, open_end, point, date.fuzzy, min(anchor, end))
