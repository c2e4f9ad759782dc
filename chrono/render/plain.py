"""Plain text: one aligned line per event, then the numbered source list.

Meant for pipes and grep: no colour, no truncation, one event per line.
"""

from __future__ import annotations

from collections.abc import Sequence

from chrono.citations import SourceList, marks_text, source_label
from chrono.model import Event
from chrono.render.options import RenderOptions


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """``<date>  <title> [n]  — <actors>`` lines, a blank line, ``[n] <source>`` lines."""
    if not events:
        return "No events match.\n"
    numbered = SourceList()
    dates = [e.date.human() for e in events]
    width = max(len(d) for d in dates)
    lines = []
    for date, event in zip(dates, events, strict=True):
        line = f"{date:<{width}}  {event.title} {marks_text(numbered.marks(event))}"
        if event.actors:
            line += f"  — {', '.join(event.actors)}"
        lines.append(line)
    return "\n".join([*lines, "", *source_lines(numbered)]) + "\n"


def source_lines(numbered: SourceList) -> list[str]:
    """``Sources:`` and one ``[n] citation`` line per source."""
    return ["Sources:"] + [f"[{n}] {source_label(s)}" for n, s in enumerate(numbered.sources, 1)]
