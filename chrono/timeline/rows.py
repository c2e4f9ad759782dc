"""Rows for the vertical view: where each event's text starts and its span ends, where the
axis breaks, and which gutter column each span runs in.

Time flows down. Consecutive instants are as many rows apart as the time between them
at the chosen scale (at least as far as the text in between needs); a gap longer than the
scale allows becomes a single break row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chrono.timeline.axis import Scale
from chrono.timeline.shape import Shape


@dataclass(frozen=True, slots=True)
class Rows:
    """`starts[i]` is event i's text row, `tops[i]`/`ends[i]` the first and last row of its
    mark (an open start's span runs from the top row down, past its text); `anchors` pairs
    each distinct instant with its row; `breaks` pairs each break row with the seconds it
    stands for."""

    starts: list[int]
    tops: list[int]
    ends: list[int]
    anchors: list[tuple[int, int]]
    breaks: list[tuple[int, int]]
    height: int


def instants(shapes: Sequence[Shape]) -> list[int]:
    """Every distinct instant a row is needed for: text anchors, and closed ends of spans."""
    ends = {s.end for s in shapes if not (s.point or s.open_end)}
    return sorted({s.anchor for s in shapes} | ends)


def lay_out(shapes: Sequence[Shape], heights: Sequence[int], scale: Scale) -> Rows:
    """Rows for events in the total order, each taking `heights[i]` rows of text."""
    times = instants(shapes)
    index = {t: i for i, t in enumerate(times)}
    starting: list[list[int]] = [[] for _ in times]
    ending: list[list[int]] = [[] for _ in times]
    for i, shape in enumerate(shapes):
        starting[index[shape.anchor]].append(i)
        if not (shape.point or shape.open_end):
            ending[index[shape.end]].append(i)
    starts, ends = [0] * len(shapes), [0] * len(shapes)
    anchors: list[tuple[int, int]] = []
    breaks: list[tuple[int, int]] = []
    row = free = last = 0  # an instant's first row; the first row without text; the last used
    deepest = 0  # the lowest row any span reaches: the chart must be at least that tall
    for position, time in enumerate(times):
        if position:
            gap = time - times[position - 1]
            if position - 1 in scale.cut:
                breaks.append((max(free, last + 1), gap))
                row = breaks[-1][0] + 1
            else:
                row = max(row + max(scale.units(gap), 1), last + 1)
            if starting[position]:
                row = max(row, free)
            # Spans that end together end on one row, below the last of their starts.
            row = max([row] + [starts[i] + 1 for i in ending[position]])
        last, free = row, max(free, row)
        for i in starting[position]:
            starts[i] = ends[i] = free
            free += heights[i]
        for i in ending[position]:
            ends[i] = max(row, starts[i] + 1)
            last = max(last, ends[i])
            deepest = max(deepest, ends[i])
        # Label the instant beside its first closed start: an open start is not "at" it.
        closed = [starts[i] for i in starting[position] if not shapes[i].open_start]
        anchors.append((closed[0] if closed else row, time))
    bottom = max(free - 1, last, deepest)
    open_ends = [i for i, s in enumerate(shapes) if s.open_end]
    for i in open_ends:
        ends[i] = bottom + 1
    tops = [0 if shape.open_start else start for shape, start in zip(shapes, starts, strict=True)]
    return Rows(starts, tops, ends, anchors, breaks, bottom + 1 + bool(open_ends))


def columns(starts: Sequence[int], ends: Sequence[int], limit: int) -> list[int | None]:
    """A gutter column for each event, the lowest whose rows are free; None past `limit`."""
    taken: list[int] = []  # last row used in each column
    chosen: list[int | None] = []
    for start, end in zip(starts, ends, strict=True):
        column = next((c for c, used in enumerate(taken) if used < start), None)
        if column is None and len(taken) < limit:
            column = len(taken)
            taken.append(-1)
        if column is not None:
            taken[column] = end
        chosen.append(column)
    return chosen


def time_columns(shapes: Sequence[Shape]) -> int:
    """How many columns spans overlapping in time need: at least what `columns` uses."""
    taken: list[float] = []
    for shape in shapes:
        end = float("inf") if shape.open_end else shape.end if not shape.point else shape.start
        column = next((c for c, used in enumerate(taken) if used < shape.start), None)
        if column is None:
            taken.append(end)
        else:
            taken[column] = end
    return len(taken)
