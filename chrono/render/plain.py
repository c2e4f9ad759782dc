"""Plain text: one aligned line per event, then the numbered source list.

Meant for pipes and grep: no colour, no truncation, one event per line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from chrono.model import Event
from chrono.render.citations import SourceList, source_label
from chrono.render.corroboration import event_marks, notes, source_grade
from chrono.render.options import RenderOptions


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """``<date>  <title> [n]  — <actors>`` lines, a blank line, ``[n] <source>`` lines."""
    return "".join(chunks(events, options))


def chunks(events: Sequence[Event], options: RenderOptions) -> Iterator[str]:
    """The same text line by line, so that thousands of rows stream out as they are made."""
    if not events:
        yield "No events match.\n"
        return
    numbered = SourceList()
    width = max(len(e.date.human()) for e in events)
    for event in events:
        line = f"{event.date.human():<{width}}  {event.title} {event_marks(numbered, event)}"
        if event.actors:
            line += f"  — {', '.join(event.actors)}"
        said = notes(event, options.sources)
        if said:
            line += f"  ({'; '.join(said)})"
        yield line + "\n"
    yield "\n"
    for line in source_lines(numbered):
        yield line + "\n"


def source_lines(numbered: SourceList) -> list[str]:
    """``Sources:`` and one ``[n] citation`` line per source, with its reliability."""
    return ["Sources:"] + [
        f"[{n}] {source_label(s)}{source_grade(s)}" for n, s in enumerate(numbered.sources, 1)
    ]
