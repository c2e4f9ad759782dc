"""What the timeline keeps of each event: its place in the order, its date's bounds, the
texts beside its mark, the sources it cites and its lane names; never the whole event.

A timeline of a large selection reads its events one at a time (from the index, as they are
decoded) and keeps only these, so memory grows with the chart, not with the events' prose.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from chrono.corroborate.disagree import disagreement
from chrono.model import Event, Source
from chrono.registry.actors import Registry
from chrono.render.corroboration import graded_sources, notes
from chrono.render.options import RenderOptions
from chrono.timeline.shape import Bounds, bounds_of
from chrono.timeline.text import clean


@dataclass(frozen=True, slots=True)
class Item:
    """One event as the timeline draws it. `cites` pairs each citation's source with its
    grade (for the marks, numbered once the items are in order); `said` is the event's
    ``Corroboration:`` line, if it has one; `lanes` the actors or tags it is drawn under."""

    key: tuple[object, ...]
    bounds: Bounds
    human: str
    title: str
    cites: tuple[tuple[Source, str], ...]
    disputed: bool
    said: str | None
    lanes: tuple[str, ...]


def items(events: Iterable[Event], options: RenderOptions) -> list[Item]:
    """The events' items, in the one total order (whatever order the events came in)."""
    found = [_item(event, options) for event in events]
    found.sort(key=lambda item: item.key)
    return found


def _item(event: Event, options: RenderOptions) -> Item:
    disputed = bool(disagreement(event))
    said = notes(event, options.sources)
    line = f"{'!' if disputed else '-'} {event.date.human()}: {'; '.join(said)}" if said else None
    return Item(
        event.sort_key(),
        bounds_of(event.date),
        clean(event.date.human(), options.ascii),
        clean(event.title, options.ascii).strip(),
        graded_sources(event),
        disputed,
        line,
        _lane_names(event, options),
    )


def _lane_names(event: Event, options: RenderOptions) -> tuple[str, ...]:
    if options.lanes == "tag":
        return event.tags
    if options.lanes is None:
        return ()
    registry = options.registry or Registry()
    return tuple(map(registry.canonical, event.actors))
