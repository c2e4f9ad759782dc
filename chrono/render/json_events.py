"""``show --format json``: a JSON list of event objects."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from chrono.model import Event
from chrono.render.json_stream import array
from chrono.render.options import RenderOptions
from chrono.render.records import event_record


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """A JSON array, one object per event, in the order given."""
    return "".join(chunks(events, options))


def chunks(events: Iterable[Event], options: RenderOptions) -> Iterator[str]:
    """`render`'s text an event at a time."""
    yield from array(event_record(e, options.registry, options.sources) for e in events)
    yield "\n"
