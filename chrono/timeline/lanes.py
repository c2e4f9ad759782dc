"""Which lanes the horizontal view has: one per actor or tag, in order of first appearance,
or actors nested under the groups they are members of (``--group-by member``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from chrono.model import Event
from chrono.registry.actors import Registry

NO_ACTOR, NO_TAG = "(no actor)", "(no tag)"


@dataclass(frozen=True, slots=True)
class Lane:
    """A lane's name, how deep it is nested, and the indices of the events drawn in it."""

    name: str
    depth: int = 0
    events: list[int] = field(default_factory=list)


def tag_lanes(events: Sequence[Event]) -> list[Lane]:
    """One lane per tag; events without tags share a last lane."""
    return named_lanes([e.tags for e in events], NO_TAG)


def actor_lanes(events: Sequence[Event], registry: Registry | None, nested: bool) -> list[Lane]:
    """One lane per actor under its canonical name; nested under its groups when `nested`.

    Names the registry does not know keep a lane of their own, as written.
    """
    registry = registry or Registry()
    names = [[registry.canonical(a) for a in e.actors] for e in events]
    return named_lanes(names, NO_ACTOR, registry if nested else None)


def named_lanes(
    names: Sequence[Sequence[str]], missing: str, nest_in: Registry | None = None
) -> list[Lane]:
    """One lane per name, in order of first appearance, given each event's names (tags,
    or actors by their canonical names); events without names share a last lane, called
    `missing`. With `nest_in`, the lanes nest under the groups that registry knows."""
    flat = _flat(names, missing)
    return _nested(flat, nest_in) if nest_in is not None else flat


def _flat(names: Sequence[Sequence[str]], missing: str) -> list[Lane]:
    lanes: dict[str, Lane] = {}
    for index, event_names in enumerate(names):
        for name in dict.fromkeys(event_names or [missing]):
            if name == missing:
                continue
            lanes.setdefault(name, Lane(name)).events.append(index)
    unnamed = [i for i, event_names in enumerate(names) if not event_names]
    return [*lanes.values(), *([Lane(missing, 0, unnamed)] if unnamed else [])]


def _nested(flat: list[Lane], registry: Registry) -> list[Lane]:
    """The lanes as a tree of membership, groups first, members in order of first event."""
    first = {lane.name: lane.events[0] for lane in flat}
    own = {lane.name: lane.events for lane in flat}
    parent: dict[str, str | None] = {}
    pending = list(first)
    while pending:
        name = pending.pop()
        if name in parent:
            continue
        parent[name] = _parent(name, registry)
        up = parent[name]
        if up is not None and up not in parent:
            pending.append(up)
    parent = {name: _acyclic(name, parent) for name in parent}
    children: dict[str | None, list[str]] = {}
    for name, up in parent.items():
        children.setdefault(up, []).append(name)
    order = _subtree_first(children, first)
    lanes: list[Lane] = []

    def visit(name: str, depth: int) -> None:
        lanes.append(Lane(name, depth, own.get(name, [])))
        for child in sorted(children.get(name, []), key=order.__getitem__):
            visit(child, depth + 1)

    for root in sorted(children.get(None, []), key=order.__getitem__):
        visit(root, 0)
    return lanes


def _parent(name: str, registry: Registry) -> str | None:
    actor = registry.actors.get(name)
    if actor is None or not actor.member_of:
        return None
    return registry.canonical(actor.member_of[0])


def _acyclic(name: str, parent: dict[str, str | None]) -> str | None:
    """The parent, or None when `name` is on a cycle of membership."""
    seen: set[str] = set()
    up = parent[name]
    while up is not None and up not in seen:
        if up == name:
            return None
        seen.add(up)
        up = parent.get(up)
    return parent[name]


def _subtree_first(
    children: dict[str | None, list[str]], first: dict[str, int]
) -> dict[str, tuple[int, str]]:
    """For each name: the first event in its subtree (then the name), to sort siblings by."""
    order: dict[str, tuple[int, str]] = {}

    def walk(name: str) -> int:
        earliest = min(
            [first.get(name, len(first) + 10**9)] + [walk(c) for c in children.get(name, [])]
        )
        order[name] = (earliest, name)
        return earliest

    for root in children.get(None, []):
        walk(root)
    return order


def lane_label(lane: Lane, branch: str) -> str:
    """The lane's name, indented under its group: "Iran", " └ IRGC", "   └ Quds Force"."""
    if lane.depth == 0:
        return lane.name
    return " " + "  " * (lane.depth - 1) + branch + lane.name
