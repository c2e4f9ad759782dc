"""What a date looks like on an axis: its clamped bounds, and whether it is a point,
a span, fuzzy (``~``/``?``/``%``) or open at either end."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from chrono.dates import SECONDS_PER_DAY, EdtfDate
from chrono.model import Event


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


def visible_range(events: Sequence[Event]) -> tuple[int, int]:
    """The first and last finite bound among the events' dates."""
    bounds = [int(b) for e in events for b in (e.date.earliest, e.date.latest) if not math.isinf(b)]
    bounds += [e.date.end.earliest for e in events if e.date.start is None and e.date.end]
    return min(bounds), max(bounds)


def shape_of(date: EdtfDate, lo: int, hi: int) -> Shape:
    """Where `date` sits within [lo, hi], open ends clamped to the edges."""
    open_start = math.isinf(date.earliest)
    open_end = math.isinf(date.latest)
    start = lo if open_start else int(date.earliest)
    end = hi if open_end else int(date.latest)
    point = not (open_start or open_end) and end - start < SECONDS_PER_DAY
    fuzzy = any(p is not None and (p.approximate or p.uncertain) for p in (date.start, date.end))
    anchor = date.end.earliest if date.start is None and date.end is not None else start
    return Shape(start, max(start, end), open_start, open_end, point, fuzzy, min(anchor, end))
