"""Timelines drawn in text: a vertical, proportional axis, or horizontal lanes per actor or tag.

``render(events, options)`` is pure: it returns the text, never prints. The lines are at
most ``options.width`` cells wide and, with ``options.ascii``, 7-bit.
"""

from __future__ import annotations

from collections.abc import Sequence

from chrono.corroborate.disagree import disagreement
from chrono.model import Event
from chrono.render.citations import SourceList
from chrono.render.corroboration import event_marks, notes
from chrono.render.options import RenderOptions
from chrono.render.plain import source_lines
from chrono.timeline.blocks import Entry
from chrono.timeline.glyphs import glyphs_for
from chrono.timeline.text import clean, fit, wrap

__all__ = ["LANE_KINDS", "MIN_WIDTH", "render"]

#: What `--lanes` can split events by.
LANE_KINDS: tuple[str, ...] = ("actor", "tag")

#: Narrower than this, a date, a mark and a few words of title no longer fit on a line.
MIN_WIDTH = 30


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """The timeline of `events` (drawn in the total order), then the numbered sources."""
    if not events:
        return "No events match.\n"
    if options.lanes is not None and options.lanes not in LANE_KINDS:
        raise ValueError(f"lanes must be one of {', '.join(LANE_KINDS)}, not {options.lanes!r}")
    if options.width < MIN_WIDTH:
        raise ValueError(f"width must be at least {MIN_WIDTH}, not {options.width}")
    ordered = sorted(events, key=Event.sort_key)
    numbered = SourceList()
    entries = [_entry(e, event_marks(numbered, e), options) for e in ordered]
    glyphs = glyphs_for(options.ascii)
    if options.lanes is None:
        from chrono.timeline.vertical import render_vertical

        body = render_vertical(ordered, entries, glyphs, options.width)
    else:
        from chrono.timeline.horizontal import render_lanes

        body = render_lanes(ordered, entries, glyphs, options)
    sources = [clean(line, options.ascii) for line in source_lines(numbered)]
    said = [clean(line, options.ascii) for line in _corroboration_lines(ordered, options)]
    lines = [*body, "", *_hanging([*sources, *said], options.width, glyphs.ellipsis)]
    lines = [fit(line, options.width, glyphs.ellipsis) for line in lines]
    if options.ascii:
        lines = ["".join(c if ord(c) < 128 else "?" for c in line) for line in lines]
    return "\n".join(lines) + "\n"


def _entry(event: Event, marks: str, options: RenderOptions) -> Entry:
    date = clean(event.date.human(), options.ascii)
    if disagreement(event):
        marks += "!"  # the claims are listed under "Corroboration:"
    return Entry(date, clean(event.title, options.ascii).strip(), marks)


def _corroboration_lines(events: Sequence[Event], options: RenderOptions) -> list[str]:
    """``Corroboration:`` and a line per event backed by several sources or disputed by
    them, named by date ("!" before those whose sources disagree about the date: the
    chart marks them the same way), or nothing. Titles are not repeated: each event's
    title appears once, in the chart."""
    lines = []
    for event in events:
        said = notes(event, options.sources)
        if said:
            flag = "!" if disagreement(event) else "-"
            lines.append(f"{flag} {event.date.human()}: {'; '.join(said)}")
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
