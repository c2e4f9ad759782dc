"""Output formats, one module each, named in one registry.

A renderer is a pure function ``render(events, options) -> str``, and may also offer
``chunks(events, options)`` yielding the same text in pieces, for streaming. Modules are imported
only when their format is used, so start-up does not pay for formats it does not print.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # kept out of start-up: `chrono --help` needs only the format names
    from chrono.model import Event
    from chrono.render.options import RenderOptions

ChunkRenderer = Callable[["Sequence[Event]", "RenderOptions"], "Iterator[str]"]


@dataclass(frozen=True)
class Format:
    """A named output format: the module that renders it and the file extension it gets."""

    name: str
    extension: str
    description: str
    module: str

    def chunks(self) -> ChunkRenderer:
        """The output in pieces, for writing as it is made; one piece if the module has no
        `chunks` of its own."""
        module = importlib.import_module(self.module)
        if hasattr(module, "chunks"):
            pieces: ChunkRenderer = module.chunks
            return pieces
        return lambda events, options: iter([module.render(events, options)])

    def left_out(self, events: Sequence[Event]) -> list[Event]:
        """The events this format cannot hold (its module's `left_out`; none by default), so
        that the command can say how many it really wrote."""
        module = importlib.import_module(self.module)
        if hasattr(module, "left_out"):
            found: list[Event] = module.left_out(events)
            return found
        return []


def _formats(*formats: Format) -> dict[str, Format]:
    return {f.name: f for f in formats}


#: Formats of `chrono show` (``table`` is drawn by the CLI itself with rich).
SHOW_FORMATS = _formats(
    Format("plain", "txt", "aligned text lines and a numbered source list", "chrono.render.plain"),
    Format("json", "json", "a JSON list of event objects", "chrono.render.json_events"),
    Format("csv", "csv", "one row per event, with a header row", "chrono.render.csv_rows"),
    Format("markdown", "md", "a Markdown timeline with footnotes", "chrono.render.markdown"),
)

#: Formats of `chrono export`.
EXPORT_FORMATS = _formats(
    Format("markdown", "md", "Markdown timeline, footnoted citations", "chrono.render.markdown"),
    Format("json", "json", "events and resolved sources, versioned", "chrono.render.json_export"),
    Format("csv", "csv", "one row per event, with a citation column", "chrono.render.csv_rows"),
    Format("ics", "ics", "iCalendar (RFC 5545), one VEVENT per event", "chrono.render.ics"),
    Format("timelinejs", "json", "TimelineJS3 JSON", "chrono.render.timelinejs"),
    Format("mermaid", "mmd", "a Mermaid timeline diagram", "chrono.render.mermaid"),
    Format("html", "html", "one self-contained, accessible HTML page", "chrono.render.html"),
)
