"""The default view: time flows down a proportional axis, one mark or span per event.

         Mar 18 ┤   ┴
                │
         Apr  1 ┤ ┬─────── c. Apr 2016        Iran's ambassador to Russia … [1]
             11 ┤ ┆ ┬───── c. 11–17 Apr 2016  Iran confirms delivery … [1]
             15 ┤ ┆ ┆ ○─── c. 15 Apr 2016     TASS confirms … [1]
                ⋮ ┆ ┆      ⋮ 4 months

Left to right: calendar labels, the axis (a tick where there is a label, a break where
empty time is left out), a gutter with one column per span running at the time, then
each event's date, title and citation marks.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import cast

from chrono.timeline.axis import duration_text, gaps, scale_for
from chrono.timeline.blocks import Entry, block
from chrono.timeline.glyphs import Glyphs
from chrono.timeline.labels import Unit, civil, format_label, label_parts, label_widths, unit_for
from chrono.timeline.legend import legend
from chrono.timeline.rows import Rows, columns, instants, lay_out, time_columns
from chrono.timeline.shape import Bounds, Shape, shape_of, visible_range
from chrono.timeline.text import cells, fit, pad

GAP_LIMIT = 5  # rows the longest gap kept on the axis may take
WIDE_TEXT = 36  # columns of text worth a space between gutter columns
TITLE_COLUMN = 56  # columns of title worth giving the dates a column of their own


@dataclass(frozen=True, slots=True)
class Gutter:
    """Where each event's mark goes: `cell` characters per column, `count` columns."""

    columns: list[int | None]
    count: int
    cell: int


def render_vertical(
    bounds: Sequence[Bounds], entries: Sequence[Entry], glyphs: Glyphs, width: int
) -> Iterator[str]:
    """The chart's lines, events (their dates) in the total order, none wider than `width`."""
    lo, hi = visible_range(bounds)
    shapes = [shape_of(date, lo, hi) for date in bounds]
    times = instants(shapes)
    budget = min(max(2 * len(bounds), 12), 48)
    scale = scale_for(gaps(times), budget, GAP_LIMIT)
    labels = _labels(times, unit_for(scale.step), max(8, width // 4), glyphs.ellipsis)
    label_width = max((len(text) for text in labels.values()), default=0)
    room = width - label_width - 4  # the axis and the spaces around it
    count = time_columns(shapes)
    for _ in range(3):  # fewer columns leave more room for text, which can change the rows
        cell = 2 if room - 2 * count >= WIDE_TEXT else 1
        limit = max(room // 2 // cell, 1)
        text_width = room - min(count, limit) * cell
        dates = max(cells(e.date) for e in entries)
        dates = dates if text_width - dates - 2 >= TITLE_COLUMN else 0
        texts = [block(entry, text_width, glyphs.ellipsis, dates) for entry in entries]
        rows = lay_out(shapes, [len(t) for t in texts], scale)
        chosen = columns(rows.tops, rows.ends, limit)
        used = max((c + 1 for c in chosen if c is not None), default=1)
        if used >= min(count, limit):
            break
        count = used
    # The layout may need more columns than time alone suggested (text pushes starts apart
    # differently); never fewer than it uses, never more than the limit.
    gutter = Gutter(chosen, min(max(count, used), limit), cell)
    explained = legend(shapes, bool(rows.breaks), glyphs, width, lanes=False)
    chart = _draw(shapes, texts, rows, gutter, labels, label_width, glyphs, width)
    return itertools.chain(chart, ["", *explained])


def _labels(times: Sequence[int], unit: Unit, most: int, ellipsis: str) -> dict[int, str]:
    """The calendar label of each instant that starts a new year, month or day, in at
    most `most` columns: a coarser unit when the finer one is too wide."""
    while True:
        parts: dict[int, tuple[str, ...]] = {}
        previous = None
        for time in times:
            day = civil(time)
            found = label_parts(day, previous, unit)
            if found is not None:
                parts[time] = found
                previous = day
        widths = label_widths(list(parts.values()))
        if sum(widths) + len(widths) - 1 <= most or unit == "year":
            break
        unit = "month" if unit == "day" else "year"
    if unit == "year" and widths and widths[0] > most:  # years like 170000003 BCE
        parts = {time: (fit(p[0], most, ellipsis),) for time, p in parts.items()}
        widths = (most,)
    return {time: format_label(p, widths) for time, p in parts.items()}


def _draw(
    shapes: Sequence[Shape],
    texts: Sequence[list[str]],
    rows: Rows,
    gutter: Gutter,
    labels: dict[int, str],
    label_width: int,
    glyphs: Glyphs,
    width: int,
) -> Iterator[str]:
    """Each row: its label, the axis, the gutter's marks, and the text or break beside them
    (made as they are read: a chart of many events is taller than it is worth holding)."""
    text_at: dict[int, str] = {}
    for start, lines in zip(rows.starts, texts, strict=True):
        for offset, line in enumerate(lines):
            text_at[start + offset] = line
    breaks = dict(rows.breaks)
    for row, gap in breaks.items():
        text_at[row] = f"{glyphs.gap} {duration_text(gap)}"
    label_at = {row: labels[time] for row, time in rows.anchors if time in labels}
    marked = {rows.starts[i]: c for i, c in enumerate(gutter.columns) if c is not None}
    for row, marks in enumerate(_paint(shapes, rows, gutter, glyphs)):
        axis = glyphs.tick if row in label_at else glyphs.gap if row in breaks else glyphs.axis
        if row in marked:  # lead the eye from the event's mark to its text
            start = marked[row] * gutter.cell + 1
            marks = marks[:start] + [c if c != " " else glyphs.connector for c in marks[start:]]
        label = pad(label_at.get(row, ""), label_width)
        line = f"{label} {axis} {''.join(marks)} {text_at.get(row, '')}"
        yield fit(line.rstrip(), width, glyphs.ellipsis)


def _paint(
    shapes: Sequence[Shape], rows: Rows, gutter: Gutter, glyphs: Glyphs
) -> Iterator[list[str]]:
    """The gutter row by row: each event's mark, or its span from first to last row. The
    columns keep the events' rows apart, so each column holds one event at a time."""
    tops, ends, starts = rows.tops, rows.ends, rows.starts
    starting: dict[int, list[int]] = {}
    for i, column in enumerate(gutter.columns):
        if column is not None:
            starting.setdefault(tops[i], []).append(i)
    running: dict[int, int] = {}  # the cell of a column: the event drawn in it
    ending: dict[int, list[int]] = {}  # a row: the cells whose events end on it
    blank = [" "] * (gutter.count * gutter.cell)
    for row in range(rows.height):
        for i in starting.pop(row, ()):
            x = cast(int, gutter.columns[i]) * gutter.cell
            running[x] = i
            ending.setdefault(ends[i], []).append(x)
        cells = blank.copy()
        for x, i in running.items():
            if tops[i] < row < ends[i] and row != starts[i]:  # most rows of a long span
                cells[x] = glyphs.fuzzy_bar if shapes[i].fuzzy else glyphs.bar
            else:
                cells[x] = _glyph(shapes[i], row, rows, i, glyphs)
        for x in ending.pop(row, ()):
            del running[x]
        yield cells


def _glyph(shape: Shape, row: int, rows: Rows, i: int, glyphs: Glyphs) -> str:
    """What event i's mark shows on `row`, one of the rows from its top to its end."""
    if shape.point:
        return glyphs.fuzzy_point if shape.fuzzy else glyphs.point
    if row == rows.tops[i]:
        return glyphs.open_up if shape.open_start else glyphs.span_start
    if row == rows.ends[i]:
        return glyphs.open_down if shape.open_end else glyphs.span_end
    if row == rows.starts[i]:  # an open start: its text stands below the top
        return glyphs.tee
    return glyphs.fuzzy_bar if shape.fuzzy else glyphs.bar
