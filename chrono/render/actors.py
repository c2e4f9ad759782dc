"""Actors as the registry names them: "Neil Armstrong", not the "Armstrong" a file typed.

Event files may name an actor by any alias; every output shows the canonical name, each
once, in the order first named. JSON shows both (``actors`` and ``actors_as_written``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import cast, overload

from chrono.model import Event
from chrono.registry.actors import Registry


def canonical_actors(event: Event, registry: Registry | None) -> tuple[str, ...]:
    """The event's actors by their canonical names, each once; names the registry lacks
    stay as written."""
    if registry is None or not registry.names:
        return event.actors
    return tuple(dict.fromkeys(map(registry.canonical, event.actors)))


def with_canonical_actors(events: Sequence[Event], registry: Registry | None) -> list[Event]:
    """The events, each with its actors by their canonical names (unchanged ones kept).

    Events that are not a list are being read from the index as they are written: they
    are renamed one by one as they are iterated (see `Renamed`), never held all at once."""
    if registry is None or not registry.names:
        return list(events) if isinstance(events, list) else cast("list[Event]", events)
    if not isinstance(events, list):
        return cast("list[Event]", Renamed(events, registry))
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


class Renamed(Sequence[Event]):
    """`with_canonical_actors` over streamed events: each renamed as it is read."""

    def __init__(self, events: Sequence[Event], registry: Registry) -> None:
        self._events, self._registry = events, registry
        self._names: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._events)

    def __iter__(self) -> Iterator[Event]:
        return map(self._renamed, self._events)

    @overload
    def __getitem__(self, i: int) -> Event: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Event]: ...
    def __getitem__(self, i: int | slice) -> Event | Sequence[Event]:
        if isinstance(i, slice):
            return Renamed(self._events[i], self._registry)
        return self._renamed(self._events[i])

    def _renamed(self, event: Event) -> Event:
        names = []
        for name in event.actors:
            if name not in self._names:
                self._names[name] = self._registry.canonical(name)
            names.append(self._names[name])
        if tuple(names) != event.actors or len(set(names)) < len(names):
            event = event.with_actors(tuple(dict.fromkeys(names)))
        return event
