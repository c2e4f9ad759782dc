"""Synthetic events, actors and sources, drawn from one seeded `random.Random`.

Everything is built in memory first, so the TOML layouts and the jrnl journal are written
from the very same events. Shares are exact by construction: an event is "common" when
one of its actors is the common actor or a member of it, and no other event has such an
actor; the rare actor is drawn only for the events that get it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from corpus import (
    DATE_TEXTS,
    FIRST_NAMES,
    LAST_NAMES,
    ORGANISATIONS,
    PUBLISHERS,
    RARE_ACTOR,
    ROLES,
    STATE_BODIES,
    STATES,
    WORDS,
)

FIRST_YEAR, LAST_YEAR = 1995, 2024
COMMON_SHARE, RARE_SHARE = 0.40, 0.02
STATUSES = ("occurred", "reported", "planned", "disputed", "denied", "cancelled", None)
STATUS_WEIGHTS = (50, 22, 5, 5, 3, 2, 13)


@dataclass(frozen=True, slots=True)
class Actor:
    key: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    member_of: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    title: str
    publisher: str
    url: str
    published: str


@dataclass(frozen=True, slots=True)
class Citation:
    """A ``ref`` into sources.toml (`ref` set) or an inline source (`source` set)."""

    quote: str
    ref: str | None = None
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: str  # EDTF
    year: int  # the year the event is filed under (its start's)
    when: dt.datetime  # the start, for the jrnl entry
    title: str
    summary: str
    actors: tuple[str, ...]  # as written: names or aliases
    names: tuple[str, ...]  # the same actors' canonical names
    groups: tuple[str, ...]  # canonical names of the actors and all they belong to
    location: str
    tags: tuple[str, ...]
    status: str | None
    date_text: str | None
    citations: tuple[Citation, ...]


def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: a valid bare TOML key and file name."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def make_actors(rng: random.Random, people: int) -> list[Actor]:
    """States, their bodies, nested organisations, the rare actor and `people` people."""
    actors = [Actor(slug(n), n, "state", a) for n, _, a, _ in STATES]
    actors += [
        Actor(slug(f"{adj} {body}"), f"{adj} {body}", "organisation", (), (name,))
        for name, adj, _, _ in STATES
        for body in STATE_BODIES
    ]
    actors += [Actor(slug(n), n, "organisation", a, m) for n, a, m in ORGANISATIONS]
    name, aliases, member_of = RARE_ACTOR
    actors.append(Actor(slug(name), name, "person", aliases, member_of))
    bodies = [a.name for a in actors if a.kind == "organisation"]
    taken = {a.name for a in actors}
    while len(actors) < len(STATES) * (1 + len(STATE_BODIES)) + len(ORGANISATIONS) + 1 + people:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        if f"{first} {last}" in taken:
            continue
        taken.add(f"{first} {last}")
        alias = (last,) if last not in taken and rng.random() < 0.3 else ()
        taken.update(alias)
        groups = tuple(rng.sample(bodies, 2 if rng.random() < 0.15 else 1))
        actors.append(
            Actor(slug(f"{first} {last}"), f"{first} {last}", rng.choice(ROLES), alias, groups)
        )
    return actors


def groups_of(actors: Sequence[Actor]) -> dict[str, tuple[str, ...]]:
    """Each actor's name, then every group it belongs to, transitively."""
    by_name = {a.name: a for a in actors}
    found: dict[str, tuple[str, ...]] = {}
    for actor in actors:
        seen = [actor.name]
        for current in seen:  # grows while iterating: breadth-first
            seen += [p for p in by_name[current].member_of if p not in seen]
        found[actor.name] = tuple(seen)
    return found


def make_sources(rng: random.Random, count: int) -> list[Source]:
    """`count` bibliography entries with distinct keys."""
    sources = []
    for index in range(count):
        publisher, domain = rng.choice(PUBLISHERS)
        day = random_day(rng)
        title = sentence(rng, 45, 75).rstrip(".")
        key = f"{slug(publisher)[:12]}-{day:%Y-%m-%d}-{index:03d}"
        url = f"https://www.{domain}/{day:%Y/%m}/{slug(title)[:50]}"
        sources.append(Source(key, title, publisher, url, f"{day:%Y-%m-%d}"))
    return sources


def random_day(rng: random.Random) -> dt.date:
    year = rng.randint(FIRST_YEAR, LAST_YEAR)
    month = rng.randint(1, 12)
    return dt.date(year, month, rng.randint(1, calendar.monthrange(year, month)[1]))


def sentence(rng: random.Random, low: int, high: int) -> str:
    """A capitalised sentence of vocabulary words, about `low` to `high` characters long."""
    target = rng.randint(low, high)
    words = rng.choices(WORDS, k=target // 6)
    size = sum(map(len, words)) + len(words)
    while size < target:
        words.append(rng.choice(WORDS))
        size += len(words[-1]) + 1
    text = " ".join(words)
    return text[:1].upper() + text[1:] + "."


def prose(rng: random.Random, low: int, high: int, opening: str) -> str:
    """A paragraph of whole sentences, `low` to about `high` characters, after `opening`."""
    target = rng.randint(low, high)
    parts = [opening]
    size = len(opening)
    while size < target - 40:
        part = sentence(rng, 40, min(160, max(40, target - size - 1)))
        parts.append(part)
        size += len(part) + 1
    return " ".join(parts)


def edtf_date(rng: random.Random) -> tuple[str, dt.datetime]:
    """A date of mixed precision (mostly days) and its start as a datetime."""
    day = random_day(rng)
    start = dt.datetime(day.year, day.month, day.day, rng.randint(6, 22), rng.randint(0, 59))
    roll = rng.random()
    if roll < 0.70:
        return f"{day:%Y-%m-%d}", start
    if roll < 0.82:
        return f"{day:%Y-%m}", start.replace(day=1, hour=9, minute=0)
    if roll < 0.87:
        return f"{day:%Y}", start.replace(month=1, day=1, hour=9, minute=0)
    if roll < 0.91:
        return f"{day:%Y-%m-%d}{rng.choice('~?%')}", start
    if roll < 0.93:
        return f"{day:%Y-%m}{rng.choice('~?')}", start.replace(day=1, hour=9, minute=0)
    if roll < 0.97:
        end = day + dt.timedelta(days=rng.randint(1, 20))
        return f"{day:%Y-%m-%d}/{end:%Y-%m-%d}", start
    end = day + dt.timedelta(days=rng.randint(32, 120))
    return f"{day:%Y-%m}/{end:%Y-%m}", start.replace(day=1, hour=9, minute=0)


def date_text(rng: random.Random, when: dt.datetime) -> str | None:
    if rng.random() >= 0.2:
        return None
    template = rng.choice(DATE_TEXTS)
    return template.format(day=when.day, month=f"{when:%B}", year=when.year)
