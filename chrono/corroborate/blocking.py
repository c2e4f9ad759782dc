"""Which pairs of events are worth comparing: the blocking step of duplicate detection.

Each event's facts are reduced to a `Profile` (its day span, the actors and places it names); its
words are made ready for comparison only when it is in a pair worth comparing. Events are grouped by every actor and place; within a group
a sweep in date order pairs each event with those whose spans overlap it or come within
the window. Events spanning more than `MAX_DAYS`, or with an open end, are not compared:
"sometime in 2016" can be the same as anything that year, which says nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from chrono.corroborate.facts import LEAD, Facts
from chrono.dates import SECONDS_PER_DAY
from chrono.registry.actors import Registry

__all__ = ["LEAD", "MAX_DAYS", "Profile", "candidate_pairs", "place_key", "profiles"]

MAX_DAYS = 92
WEEK = 7


@dataclass(frozen=True, slots=True)
class Profile:
    """What blocking needs of one event: its day span and its keys."""

    facts: Facts
    rank: int  # the facts' position in the list given
    first_day: int
    last_day: int
    keys: frozenset[str]  # casefolded canonical actor names, and "place:<place>"


def place_key(place: str) -> str:
    return "place:" + " ".join(place.casefold().split())


def profiles(events: Sequence[Facts], registry: Registry) -> list[Profile]:
    """The profiles of the events whose dates are precise enough to compare and that name
    an actor or a place."""
    names: dict[str, str] = {}  # casefolded canonical name by name as written
    places: dict[str, str] = {}  # key by place as written
    found = []
    isinf, day = math.isinf, SECONDS_PER_DAY
    for rank, event in enumerate(events):
        earliest, latest = event.earliest, event.latest
        if isinf(earliest) or isinf(latest):
            continue
        first, last = int(earliest // day), int(latest // day)
        if last - first > MAX_DAYS:
            continue
        keys = set()
        for name in event.actors:
            key = names.get(name)
            if key is None:
                key = names[name] = registry.canonical(name).casefold()
            keys.add(key)
        location = event.location
        if location:
            key = places.get(location)
            if key is None:
                key = places[location] = place_key(location)
            keys.add(key)
        if keys:
            found.append(Profile(event, rank, first, last, frozenset(keys)))
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
    firsts = [p.first_day for p in found]
    lasts = [p.last_day for p in found]
    seen: set[tuple[int, int]] = set()
    for members in groups.values():
        if len(members) > common:
            members = [i for i in members if lasts[i] - firsts[i] < WEEK]
        for pair in _sweep(firsts, lasts, members, window):
            if pair not in seen:
                seen.add(pair)
                yield pair


def common_size(count: int) -> int:
    """How many events may share a key before it counts as common: 1 % of them, at least 200."""
    return max(200, count // 100)


def _sweep(
    firsts: Sequence[int], lasts: Sequence[int], members: list[int], window: int
) -> list[tuple[int, int]]:
    """Pairs of `members` (rising indices, so in date order) whose spans meet, within
    `window` days."""
    pairs = []
    active: list[int] = []
    for i in members:
        start = firsts[i]
        if active:
            active = [j for j in active if lasts[j] + window >= start]
            pairs += [(j, i) for j in active]
        active.append(i)
    return pairs
