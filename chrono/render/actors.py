"""Actors as the registry names them: "Neil Armstrong", not the "Armstrong" a file typed.

Event files may name an actor by any alias; every output shows the canonical name, each
once, in the order first named. JSON shows both (``actors`` and ``actors_as_written``).
"""

from __future__ import annotations

from collections.abc import Sequence

from chrono.model import Event
from chrono.registry.actors import Registry


def canonical_actors(event: Event, registry: Registry | None) -> tuple[str, ...]:
    """The event's actors by their canonical names, each once; names the registry lacks
    stay as written."""
    if registry is None or not registry.names:
        return event.actors
    return tuple(dict.fromkeys(registry.canonical(name) for name in event.actors))


def with_canonical_actors(events: Sequence[Event], registry: Registry | None) -> list[Event]:
    """The events, each with its actors by their canonical names (unchanged ones kept)."""
    if registry is None or not registry.names:
        return list(events)
    found = []
    for event in events:
        names = canonical_actors(event, registry)
        found.append(event if names == event.actors else event.with_actors(names))
    return found
