"""``export --format json``: the events plus the resolved sources, in a versioned envelope."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from chrono import __version__
from chrono.model import Event
from chrono.render.citations import SourceList
from chrono.render.json_stream import INDENT, array, member
from chrono.render.options import RenderOptions
from chrono.render.records import event_record, source_record

#: Bumped when a field is removed or changes meaning; adding fields keeps the version.
FORMAT_VERSION = 1


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """``{"format": "chrono-export", "version": 1, "events": [...], "sources": [...]}``."""
    return "".join(chunks(events, options))


def chunks(events: Iterable[Event], options: RenderOptions) -> Iterator[str]:
    """`render`'s text an event at a time; the sources, numbered as the events cite them,
    come last."""
    numbered = SourceList()
    head = {
        "format": "chrono-export",
        "version": FORMAT_VERSION,
        "generator": f"chrono {__version__}",
        "title": options.title,
    }
    yield "{\n" + "".join(member(key, value) + ",\n" for key, value in head.items())
    records = (
        {
            **event_record(e, options.registry, options.sources),
            "source_numbers": numbered.marks(e),
        }
        for e in events
    )
    yield f'{INDENT}"events": '
    yield from array(records, 1)
    yield f',\n{INDENT}"sources": '
    sources = ({"number": n, **source_record(s)} for n, s in enumerate(numbered.sources, start=1))
    yield from array(sources, 1)
    yield "\n}\n"
