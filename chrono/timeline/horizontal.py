"""The lanes view (``--lanes actor`` or ``--lanes tag``): time runs across, one lane per
actor or tag, each event a mark or a bar in every lane it belongs to, carrying its number
in the key below when there is room.

    Iran               │◀━━━━━━1                        ╍╍╍╍╍╍╍╍5           ━━━━━10
     └ Hossein Dehghan │                                    ○6        ╍╍╍╍╍╍╍╍9
                       └┬╱╱─╱╱─╱╱──┬────────────────────┬─────────┬─────────┬─╱╱───
                        1 Jan 2007 21 Mar 2016          11 Apr    21        1 May

Breaks (╱╱) leave out long empty stretches; what each leaves out is written under the axis.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from chrono.registry.actors import Registry
from chrono.render.options import RenderOptions
from chrono.timeline.axis import duration_text
from chrono.timeline.blocks import Entry
from chrono.timeline.glyphs import Glyphs
from chrono.timeline.key import key_lines
from chrono.timeline.lanes import NO_ACTOR, NO_TAG, Lane, lane_label, named_lanes
from chrono.timeline.legend import legend
from chrono.timeline.rows import instants
from chrono.timeline.shape import Bounds, Shape, shape_of, visible_range
from chrono.timeline.text import cells, clean, fit, pad, wrap
from chrono.timeline.ticks import Tick, ticks
from chrono.timeline.track import BREAK_WIDTH, Track, build_track


@dataclass(frozen=True, slots=True)
class Mark:
    """An event drawn in a lane: `chars` from column `left`, then its number at `at`."""

    left: int
    chars: str
    number: str
    at: int | None

    @property
    def first(self) -> int:
        return self.left if self.at is None else min(self.left, self.at)

    @property
    def last(self) -> int:
        end = self.left + len(self.chars) - 1
        return end if self.at is None else max(end, self.at + len(self.number) - 1)


def render_lanes(
    dates: Sequence[Bounds],
    names: Sequence[Sequence[str]],
    entries: Sequence[Entry],
    glyphs: Glyphs,
    options: RenderOptions,
) -> Iterator[str]:
    """The lanes, the time axis under them, a legend, and the numbered key. `names` are
    each event's tags, or its actors by their canonical names, as `options.lanes` says.
    Lines are made as they are read: a lane's rows are held only while it is packed."""
    width = options.width
    if options.lanes == "tag":
        lanes = named_lanes(names, NO_TAG)
    else:
        nest_in = (options.registry or Registry()) if options.group_by_member else None
        lanes = named_lanes(names, NO_ACTOR, nest_in)
    labels = [clean(lane_label(lane, glyphs.branch), options.ascii) for lane in lanes]
    label_width = min(max(cells(label) for label in labels), max(8, width * 3 // 10))
    plot = width - label_width - 2
    lo, hi = visible_range(dates)
    shapes = [shape_of(date, lo, hi) for date in dates]
    # Room on the right for the number of an event that ends on the last instant.
    track = build_track(instants(shapes), plot - len(str(len(dates))))
    marks = [_mark(shape, track, str(n), plot, glyphs) for n, shape in enumerate(shapes, 1)]
    explained = legend(shapes, bool(track.breaks), glyphs, width, lanes=True)
    del shapes
    for lane, label in zip(lanes, labels, strict=True):
        for index, row in enumerate(_lane_rows(lane, marks, plot)):
            name = fit(label, label_width, glyphs.ellipsis) if index == 0 else ""
            yield f"{pad(name, label_width)} {glyphs.lane_edge}{row}".rstrip()
    del marks, lanes
    yield from _axis(track, plot, label_width, glyphs)
    yield from ["", *explained, ""]
    yield from key_lines(entries, width, glyphs.ellipsis)


def _mark(shape: Shape, track: Track, number: str, plot: int, glyphs: Glyphs) -> Mark:
    left = track.column(shape.start)
    if shape.point:
        chars = glyphs.fuzzy_point if shape.fuzzy else glyphs.point
    else:
        right = track.width - 1 if shape.open_end else max(track.column(shape.end), left)
        body = list((glyphs.fuzzy_hbar if shape.fuzzy else glyphs.hbar) * (right - left + 1))
        if shape.open_start:
            body[0] = glyphs.open_left
        if shape.open_end:
            body[-1] = glyphs.open_right
        chars = "".join(body)
    end = left + len(chars) - 1
    if end + len(number) < plot:
        at: int | None = end + 1
    elif len(chars) >= len(number) + 2:
        at = end - len(number)  # inside the bar, before its last character
    elif left >= len(number):
        at = left - len(number)
    else:
        at = None
    return Mark(left, chars, number, at)


def _lane_rows(lane: Lane, marks: Sequence[Mark], width: int) -> list[str]:
    """The lane's rows: marks packed first-fit, a column apart, in the total order."""
    rows: list[list[str]] = []
    ends: list[int] = []  # last column used in each row
    for index in lane.events:
        mark = marks[index]
        row = next((r for r, end in enumerate(ends) if end + 1 < mark.first), None)
        if row is None:
            rows.append([" "] * width)
            ends.append(-2)
            row = len(rows) - 1
        rows[row][mark.left : mark.left + len(mark.chars)] = mark.chars
        if mark.at is not None:
            rows[row][mark.at : mark.at + len(mark.number)] = mark.number
        ends[row] = mark.last
    return ["".join(row) for row in rows] or [""]


def _axis(track: Track, plot: int, label_width: int, glyphs: Glyphs) -> list[str]:
    """The axis line with ticks and breaks, the tick labels, and what each break leaves out."""
    line = [glyphs.haxis] * plot
    found = ticks(track, max(track.width // 8, 2))
    for tick in found:
        line[tick.column] = glyphs.htick
    for column, _ in track.breaks:
        line[column : column + BREAK_WIDTH] = glyphs.hgap * BREAK_WIDTH
    margin = " " * (label_width + 1)
    lines = [margin + glyphs.corner + "".join(line), margin + " " + _spread(found, plot)]
    if track.breaks:
        lines += _break_notes(track, plot, margin, glyphs)
    return [line.rstrip() for line in lines]


def _break_notes(track: Track, plot: int, margin: str, glyphs: Glyphs) -> list[str]:
    """What each break leaves out: under the break when all fit there, else in one list."""
    gap = glyphs.hgap * BREAK_WIDTH
    notes = [Tick(column, f"{gap} {duration_text(left_out)}") for column, left_out in track.breaks]
    spread = _spread(notes, plot)
    if all(note.text in spread for note in notes):
        return [margin + " " + spread]
    listed = ", ".join(duration_text(left_out) for _, left_out in track.breaks)
    text = f"{gap} time left out, left to right: {listed}"
    if cells(text) <= plot:
        return [margin + " " + text]
    return wrap(text, len(margin) + 1 + plot)


def _spread(items: Sequence[Tick], width: int) -> str:
    """Texts placed at their columns, left to right, skipping any that would overlap."""
    out = [" "] * width
    end = -1
    for item in items:
        column = min(item.column, width - len(item.text))
        if column <= end or column < 0:
            continue
        out[column : column + len(item.text)] = item.text
        end = column + len(item.text)
    return "".join(out)
