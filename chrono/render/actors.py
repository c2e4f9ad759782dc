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
    return tuple(dict.fromkeys(map(registry.canonical, event.actors)))


def with_canonical_actors(events: Sequence[Event], registry: Registry | None) -> list[Event]:
    """The events, each with its actors by their canonical names (unchanged ones kept)."""
    if registry is None or not registry.names:
        return list(events)
    # Each distinct name is casefolded and looked up once, and the per-event work stays in C
    # (map over a dict's __getitem__): a large export names a few hundred actors many
    # thousands of times.
    typed: set[str] = set()
    for event in events:
        typed.update(event.actors)
    canonical = {name: registry.canonical(name) for name in typed}.__getitem__
    found = []
    for event in events:
        names = tuple(map(canonical, event.actors))
        if names != event.actors or (len(names) > 1 and len(set(names)) < len(names)):
            event = event.with_actors(tuple(dict.fromkeys(names)))
        found.append(event)
    return found
