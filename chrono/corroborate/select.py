"""Selecting by corroboration: a grade floor, a number of independent sources, and
folding events that say they are the same happening into one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from chrono.corroborate.fold import fold
from chrono.corroborate.grades import Grade, citation_grade
from chrono.corroborate.independence import corroboration
from chrono.model import Event, Source
from chrono.registry.actors import Registry


def at_least_graded(events: Iterable[Event], floor: Grade) -> list[Event]:
    """The events with at least one citation graded at or above `floor`."""
    return [e for e in events if any(citation_grade(c).at_least(floor) for c in e.citations)]


def corroborated(events: Iterable[Event], sources: Mapping[str, Source], count: int) -> list[Event]:
    """The events backed by at least `count` independent sources."""
    return [e for e in events if corroboration(e, sources).independent >= count]


def fold_same_as(events: Sequence[Event], registry: Registry | None = None) -> list[Event]:
    """Each group of events linked by `same_as` (either way, transitively) folded into one,
    led by its earliest event and placed where its first event was (the order given is
    kept); the rest as they were. Only the given events are folded."""
    by_id = {e.id: e for e in events}
    parent = {e.id: e.id for e in events}

    def root(eid: str) -> str:
        while parent[eid] != eid:
            parent[eid] = parent[parent[eid]]
            eid = parent[eid]
        return eid

    for event in events:
        for other in event.same_as:
            if other in by_id:
                parent[root(other)] = root(event.id)
    groups: dict[str, list[Event]] = {}  # in the order of each group's first event
    for event in events:
        groups.setdefault(root(event.id), []).append(event)
    key = (lambda n: registry.canonical(n).casefold()) if registry else str.casefold
    return [
        fold(sorted(group, key=Event.sort_key), key) if len(group) > 1 else group[0]
        for group in groups.values()
    ]
