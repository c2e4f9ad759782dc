"""An event's fields, listed once for every output format, in the schema's order.

The formats differ in how they dress a field (escaping, markup, columns), not in which
fields they show: that comes from `chrono.parse.schema.EVENT_SCHEMA`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from chrono.model import Event
from chrono.parse.schema import EVENT_SCHEMA, FACTS, Key


def event_fields(event: Event) -> Iterator[tuple[Key, object]]:
    """Every key of the schema with the event's value for it (``sources``: the citations)."""
    for key in EVENT_SCHEMA:
        yield key, event.citations if key.kind == "citations" else getattr(event, key.name)


def event_facts(event: Event) -> list[tuple[str, tuple[str, ...]]]:
    """(label, values) of the labelled facts the event has (Actors, Tags, Location, Status),
    leaving out empty ones and a value the schema leaves unsaid ("occurred")."""
    found = []
    for key in FACTS:
        value = getattr(event, key.name)
        if value and value != key.unsaid:
            found.append((key.label, value if isinstance(value, tuple) else (value,)))
    return found


def fact_texts(event: Event, escape: Callable[[str], str] = str) -> list[str]:
    """The facts as ``Label: value, value`` strings, each value passed through `escape`."""
    return [f"{label}: {', '.join(map(escape, values))}" for label, values in event_facts(event)]
