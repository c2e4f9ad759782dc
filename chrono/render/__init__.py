"""Output formats, one module each, named in one registry.

A format module offers a pure function ``render(events, options) -> str`` (`FormatModule`);
one marked ``streams`` also offers ``chunks(events, options)``, the same text in pieces
(`StreamingModule`); one marked ``partial`` offers ``cannot_hold(event)`` for the events it
can only name (`PartialModule`). Modules are imported only when their format is used, so
start-up does not pay for formats it does not print.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:  # kept out of start-up: `chrono --help` needs only the format names
    from chrono.model import Event
    from chrono.render.options import RenderOptions


class FormatModule(Protocol):
    """What every format module offers: the whole output as one string."""

    def render(self, events: Sequence[Event], options: RenderOptions) -> str: ...


class StreamingModule(FormatModule, Protocol):
    """A format module that can also yield its output in pieces, as it makes them."""

    def chunks(self, events: Sequence[Event], options: RenderOptions) -> Iterator[str]: ...


class PartialModule(FormatModule, Protocol):
    """A format module that cannot hold every event, and says which it leaves out."""

    def cannot_hold(self, event: Event) -> bool: ...


class Chunks(Protocol):
    """A format's output for some events, in pieces (one piece if it does not stream)."""

    def __call__(self, events: Sequence[Event], options: RenderOptions, /) -> Iterator[str]: ...


@dataclass(frozen=True)
class Format:
    """A named output format: the module that renders it and the file extension it gets."""

    name: str
    extension: str
    description: str
    module: str
    streams: bool = False  # the module is a StreamingModule
    partial: bool = False  # the module is a PartialModule
    #: The module shows actors both as written and canonical (JSON); the others are given
    #: events whose actors already carry the registry's canonical names.
    both_names: bool = False

    def chunks(self) -> Chunks:
        """The output in pieces, for writing as it is made."""
        module = importlib.import_module(self.module)
        if self.streams:
            pieces: Chunks = cast(StreamingModule, module).chunks
        else:
            whole = cast(FormatModule, module).render
            pieces = lambda events, options: iter([whole(events, options)])  # noqa: E731
        if self.both_names:
            return pieces
        from chrono.render.actors import with_canonical_actors

        return lambda events, options: pieces(
            with_canonical_actors(events, options.registry), options
        )

    def noting(self, events: Sequence[Event], found: list[Event]) -> Sequence[Event]:
        """`events` for `chunks`, adding each this format cannot hold (its module's
        `cannot_hold`; none by default) to `found` as it is read, so that the command can
        say how many it really wrote without reading the events again."""
        if not self.partial:
            return events
        from chrono.render.noted import Noted

        module = cast(PartialModule, importlib.import_module(self.module))
        return Noted(events, module.cannot_hold, found)


def _formats(*formats: Format) -> dict[str, Format]:
    return {f.name: f for f in formats}


#: Formats of `chrono show` (``table`` is drawn by the CLI itself with rich).
SHOW_FORMATS = _formats(
    Format(
        "plain",
        "txt",
        "aligned text lines and a numbered source list",
        "chrono.render.plain",
        streams=True,
    ),
    Format(
        "json",
        "json",
        "a JSON list of event objects",
        "chrono.render.json_events",
        streams=True,
        both_names=True,
    ),
    Format(
        "csv", "csv", "one row per event, with a header row", "chrono.render.csv_rows", streams=True
    ),
    Format(
        "markdown",
        "md",
        "a Markdown timeline with footnotes",
        "chrono.render.markdown",
        streams=True,
    ),
)

#: Formats of `chrono export`.
EXPORT_FORMATS = _formats(
    Format(
        "markdown",
        "md",
        "Markdown timeline, footnoted citations",
        "chrono.render.markdown",
        streams=True,
    ),
    Format(
        "json",
        "json",
        "events and resolved sources, versioned",
        "chrono.render.json_export",
        streams=True,
        both_names=True,
    ),
    Format(
        "csv",
        "csv",
        "one row per event, with a citation column",
        "chrono.render.csv_rows",
        streams=True,
    ),
    Format(
        "ics",
        "ics",
        "iCalendar (RFC 5545), one VEVENT per event",
        "chrono.render.ics",
        streams=True,
        partial=True,
    ),
    Format("timelinejs", "json", "TimelineJS3 JSON", "chrono.render.timelinejs", streams=True),
    Format("mermaid", "mmd", "a Mermaid timeline diagram", "chrono.render.mermaid", streams=True),
    Format(
        "html",
        "html",
        "one self-contained, accessible HTML page",
        "chrono.render.html",
        streams=True,
    ),
)
