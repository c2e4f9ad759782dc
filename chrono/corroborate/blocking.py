"""Which pairs of events are worth comparing: the blocking step of duplicate detection.

Each event is reduced to a `Profile` (its day span, the actors and places it names); its
words are made ready for comparison only when it is in a pair worth comparing. Events are grouped by every actor and place; within a group
a sweep in date order pairs each event with those whose spans overlap it or come within
the window. Events spanning more than `MAX_DAYS`, or with an open end, are not compared:
"sometime in 2016" can be the same as anything that year, which says nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from chrono.dates import SECONDS_PER_DAY
from chrono.model import Event
from chrono.registry.actors import Registry

MAX_DAYS = 92
WEEK = 7
LEAD = 200  # characters of a summary compared


@dataclass(frozen=True, slots=True)
class Profile:
    """What blocking needs of one event: its day span and its keys."""

    event: Event
    first_day: int
    last_day: int
    keys: frozenset[str]  # casefolded canonical actor names, and "place:<place>"


def quotes_of(event: Event) -> frozenset[str]:
    """The event's quotes, compared for equality as written (copied quotes match exactly)."""
    return frozenset(c.quote.strip() for c in event.citations if c.quote)


def place_key(place: str) -> str:
    return "place:" + " ".join(place.casefold().split())


def profiles(events: Sequence[Event], registry: Registry) -> list[Profile]:
    """The profiles of the events whose dates are precise enough to compare and that name
    an actor or a place."""
    names: dict[str, str] = {}  # casefolded canonical name by name as written
    found = []
    for event in events:
        earliest, latest = event.date.earliest, event.date.latest
        if math.isinf(earliest) or math.isinf(latest):
            continue
        first, last = int(earliest // SECONDS_PER_DAY), int(latest // SECONDS_PER_DAY)
        if last - first > MAX_DAYS:
            continue
        keys = {
            names.get(a) or names.setdefault(a, registry.canonical(a).casefold())
            for a in event.actors
        }
        if event.location:
            keys.add(place_key(event.location))
        if keys:
            found.append(Profile(event, first, last, frozenset(keys)))
    found.sort(key=_first_day)  # so that every group is in date order as it is built
    return found


def _first_day(profile: Profile) -> int:
    return profile.first_day


def candidate_pairs(found: Sequence[Profile], window: int = 0) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of profiles (in date order, as `profiles` gives them) sharing a
    key whose day spans overlap or come within `window` days, each pair once.

    Through a common key (one that more than `common_size` events share, like "Iran" in a
    large collection) only events precise to a week are paired: a month-long event would
    otherwise meet every event of that month, and a common actor alone says little. Such
    events are still paired through their other keys."""
    groups: dict[str, list[int]] = {}
    for index, p in enumerate(found):
        for key in p.keys:
            groups.setdefault(key, []).append(index)
    common = common_size(len(found))
    seen: set[tuple[int, int]] = set()
    for members in groups.values():
        if len(members) > common:
            members = [i for i in members if found[i].last_day - found[i].first_day < WEEK]
        for pair in _sweep(found, members, window):
            if pair not in seen:
                seen.add(pair)
                yield pair


def common_size(count: int) -> int:
    """How many events may share a key before it counts as common: 1 % of them, at least 200."""
    return max(200, count // 100)


def _sweep(found: Sequence[Profile], members: list[int], window: int) -> Iterator[tuple[int, int]]:
    """Pairs of `members` (in date order) whose spans meet, within `window` days."""
    active: list[int] = []
    for i in members:
        start = found[i].first_day
        active = [j for j in active if found[j].last_day + window >= start]
        for j in active:
            yield (j, i) if j < i else (i, j)
        active.append(i)
