"""Plain text: one aligned line per event, then the numbered source list.

Meant for pipes and grep: no colour, no truncation, one event per line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from chrono.model import Event, Source
from chrono.render.citations import SourceList, source_label
from chrono.render.corroboration import event_marks, notes, source_grade
from chrono.render.options import RenderOptions
from chrono.results import Shown


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """``<date>  <title> [n]  — <actors>`` lines, a blank line, ``[n] <source>`` lines."""
    return "".join(chunks(events, options))


def chunks(events: Sequence[Event], options: RenderOptions) -> Iterator[str]:
    """The same text line by line, so that thousands of rows stream out as they are made."""
    return lines([Shown.of(e) for e in events], options.sources)


def lines(rows: Sequence[Shown], sources: Mapping[str, Source] | None) -> Iterator[str]:
    """The same text from rows ready to print (`chrono.pipeline.select_shown`), a few
    hundred lines at a time."""
    if not rows:
        yield "No events match.\n"
        return
    numbered = SourceList()
    width = max(len(row.human) for row in rows)
    batch = []
    for row in rows:
        line = f"{row.human:<{width}}  {row.title} {event_marks(numbered, row)}"
        if row.actors:
            line += f"  — {', '.join(row.actors)}"
        said = notes(row, sources)
        if said:
            line += f"  ({'; '.join(said)})"
        batch.append(line + "\n")
        if len(batch) == BATCH:
            yield "".join(batch)
            batch = []
    batch.append("\n")
    batch += [line + "\n" for line in source_lines(numbered)]
    yield "".join(batch)


#: Lines written at once: each write checks its text for terminal controls.
BATCH = 256


def source_lines(numbered: SourceList) -> list[str]:
    """``Sources:`` and one ``[n] citation`` line per source, with its reliability."""
    return ["Sources:"] + [
        f"[{n}] {source_label(s)}{source_grade(s)}" for n, s in enumerate(numbered.sources, 1)
    ]
