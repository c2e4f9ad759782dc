"""Which pairs of events are worth comparing: the blocking step of duplicate detection.

Each event is reduced to a `Profile` (its day span, the actors and places it names, its
words ready for comparison). Events are grouped by every actor and place; within a group
a sweep in date order pairs each event with those whose spans overlap it or come within
the window. Events spanning more than `MAX_DAYS`, or with an open end, are not compared:
"sometime in 2016" can be the same as anything that year, which says nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from chrono.dates import SECONDS_PER_DAY
from chrono.model import Event
from chrono.registry.actors import Registry

MAX_DAYS = 92
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Profile:
    """What duplicate detection needs of one event."""

    event: Event
    first_day: int
    last_day: int
    names: tuple[str, ...]  # casefolded canonical actor names
    places: tuple[str, ...]  # casefolded place, as "place:..."
    keys: frozenset[str]
    display: dict[str, str]  # key -> the name to show in reasons
    title: str
    words: str
    quotes: frozenset[str]


def normal(text: str) -> str:
    """Lowercase words, punctuation dropped: what similarity is measured on."""
    return " ".join(_WORD.findall(text.casefold()))


def profile(event: Event, registry: Registry) -> Profile | None:
    """The event's profile, or None when its date is too vague to compare."""
    date = event.date
    if math.isinf(date.earliest) or math.isinf(date.latest):
        return None
    first, last = int(date.earliest // SECONDS_PER_DAY), int(date.latest // SECONDS_PER_DAY)
    if last - first > MAX_DAYS:
        return None
    display = {registry.canonical(a).casefold(): registry.canonical(a) for a in event.actors}
    names = tuple(display)
    places: tuple[str, ...] = ()
    if event.location:
        place = "place:" + " ".join(event.location.casefold().split())
        display[place] = event.location
        places = (place,)
    text = " ".join(filter(None, (event.title, event.summary)))
    quotes = frozenset(normal(c.quote) for c in event.citations if c.quote)
    return Profile(
        event, first, last, names, places, frozenset((*names, *places)), display,
        normal(event.title), normal(text), quotes,
    )  # fmt: skip


def profiles(events: Sequence[Event], registry: Registry) -> list[Profile]:
    """The profiles of the events whose dates are precise enough to compare."""
    found = (profile(event, registry) for event in events)
    return [p for p in found if p is not None]


def candidate_pairs(found: Sequence[Profile], window: int = 0) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of profiles sharing a key whose day spans overlap or come within
    `window` days, each pair once."""
    groups: dict[str, list[int]] = {}
    for index, p in enumerate(found):
        for key in p.keys:
            groups.setdefault(key, []).append(index)
    seen: set[tuple[int, int]] = set()
    for members in groups.values():
        for pair in _sweep(found, members, window):
            if pair not in seen:
                seen.add(pair)
                yield pair


def _sweep(found: Sequence[Profile], members: list[int], window: int) -> Iterator[tuple[int, int]]:
    members = sorted(members, key=lambda i: found[i].first_day)
    active: list[int] = []
    for i in members:
        start = found[i].first_day
        active = [j for j in active if found[j].last_day + window >= start]
        for j in active:
            yield (j, i) if j < i else (i, j)
        active.append(i)
