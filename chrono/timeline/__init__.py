"""Timelines drawn in text: a vertical, proportional axis, or horizontal lanes per actor or tag.

``render(events, options)`` is pure: it returns the text, never prints. The lines are at
most ``options.width`` cells wide and, with ``options.ascii``, 7-bit.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence

from chrono.model import Event
from chrono.render.citations import SourceList
from chrono.render.corroboration import graded_marks
from chrono.render.options import RenderOptions
from chrono.render.plain import source_lines
from chrono.timeline.blocks import Entry
from chrono.timeline.glyphs import glyphs_for
from chrono.timeline.items import Item, items
from chrono.timeline.text import clean, fit, wrap

__all__ = ["LANE_KINDS", "MIN_WIDTH", "chunks", "render"]

#: What `--lanes` can split events by.
LANE_KINDS: tuple[str, ...] = ("actor", "tag")

#: Narrower than this, a date, a mark and a few words of title no longer fit on a line.
MIN_WIDTH = 30


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """The timeline of `events` (drawn in the total order), then the numbered sources."""
    return "".join(chunks(events, options))


def chunks(events: Iterable[Event], options: RenderOptions) -> Iterator[str]:
    """`render`'s text line by line. The events are read once, as they come (from the
    index, a chunk at a time, for a large selection), and only what the drawing needs of
    each is kept (`chrono.timeline.items`)."""
    found = items(events, options)
    if not found:
        yield "No events match.\n"
        return
    if options.lanes is not None and options.lanes not in LANE_KINDS:
        raise ValueError(f"lanes must be one of {', '.join(LANE_KINDS)}, not {options.lanes!r}")
    if options.width < MIN_WIDTH:
        raise ValueError(f"width must be at least {MIN_WIDTH}, not {options.width}")
    numbered = SourceList()
    entries = [_entry(item, numbered) for item in found]
    dates = [item.bounds for item in found]
    names = [item.lanes for item in found] if options.lanes is not None else []
    said = [clean(line, options.ascii) for line in _corroboration_lines(found)]
    del found  # the items' keys and sources are no longer needed: spare them to the layout
    glyphs = glyphs_for(options.ascii)
    if options.lanes is None:
        from chrono.timeline.vertical import render_vertical

        body: Iterable[str] = render_vertical(dates, entries, glyphs, options.width)
    else:
        from chrono.timeline.horizontal import render_lanes

        body = render_lanes(dates, names, entries, glyphs, options)
    del entries, dates, names
    sources = [clean(line, options.ascii) for line in source_lines(numbered)]
    tail = _hanging([*sources, *said], options.width, glyphs.ellipsis)
    for line in itertools.chain(body, [""], tail):
        line = fit(line, options.width, glyphs.ellipsis)
        if options.ascii:
            line = "".join(c if ord(c) < 128 else "?" for c in line)
        yield line + "\n"


def _entry(item: Item, numbered: SourceList) -> Entry:
    marks = graded_marks(numbered, item.cites)
    if item.disputed:
        marks += "!"  # the claims are listed under "Corroboration:"
    return Entry(item.human, item.title, marks)


def _corroboration_lines(found: Sequence[Item]) -> list[str]:
    """``Corroboration:`` and a line per event backed by several sources or disputed by
    them, named by date ("!" before those whose sources disagree about the date: the
    chart marks them the same way), or nothing. Titles are not repeated: each event's
    title appears once, in the chart."""
    lines = [item.said for item in found if item.said is not None]
    return ["", "Corroboration:", *lines] if lines else []


def _hanging(lines: Sequence[str], width: int, ellipsis: str) -> list[str]:
    """Each ``[n] text`` line wrapped to `width`, continuation lines under the text."""
    out = []
    for line in lines:
        head, _, rest = line.partition(" ")
        if not head.startswith(("[", "!", "-")) or not rest:
            out.append(line)
            continue
        indent = len(head) + 1
        wrapped = wrap(rest, width - indent, None, ellipsis)
        out.append(f"{head} {wrapped[0]}")
        out.extend(" " * indent + part for part in wrapped[1:])
    return out
