"""One synthetic collection in memory: actors, sources and events, with the expected counts.

`build(params)` is deterministic: the same parameters give byte-identical files.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass
from itertools import accumulate

from corpus import OBJECTS, RARE_ACTOR, STATES, TAGS, VERBS
from synth import (
    COMMON_SHARE,
    RARE_SHARE,
    STATUS_WEIGHTS,
    STATUSES,
    Actor,
    Citation,
    Event,
    Source,
    date_text,
    edtf_date,
    groups_of,
    make_actors,
    make_sources,
    prose,
    sentence,
    slug,
)

COMMON = STATES[0][0]
RARE = RARE_ACTOR[0]


@dataclass(frozen=True)
class Params:
    """What a generated collection depends on; equal params give identical files."""

    events: int
    seed: int = 1
    sources: int = 200
    people: int = 186  # with the 146 states, bodies, organisations and the rare actor: ~300

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True)
class Dataset:
    params: Params
    actors: list[Actor]
    sources: list[Source]
    events: list[Event]
    common_count: int
    rare_count: int


class _Pool:
    """Weighted draws of canonical actor names."""

    def __init__(self, names: list[str], weights: list[float]) -> None:
        self.names = names
        self.cum = list(accumulate(weights))

    def draw(self, rng: random.Random) -> str:
        return rng.choices(self.names, cum_weights=self.cum)[0]


def _weight(actor: Actor, rank: int) -> float:
    if actor.kind == "state":
        return 30.0 if actor.name == COMMON else 12.0 / (1 + rank / 4)
    return 3.0 if actor.kind == "organisation" else 1.0


def _pools(actors: list[Actor], groups: dict[str, tuple[str, ...]]) -> tuple[_Pool, _Pool]:
    common = [a for a in actors if COMMON in groups[a.name]]
    other = [a for a in actors if COMMON not in groups[a.name] and a.name != RARE]
    return (
        _Pool([a.name for a in common], [_weight(a, i) for i, a in enumerate(common)]),
        _Pool([a.name for a in other], [_weight(a, i) for i, a in enumerate(other)]),
    )


def build(params: Params) -> Dataset:
    """Draw the whole collection from `random.Random(params.seed)`."""
    rng = random.Random(params.seed)
    actors = make_actors(rng, params.people)
    sources = make_sources(rng, params.sources)
    groups = groups_of(actors)
    aliases = {a.name: a.aliases for a in actors}
    common_pool, other_pool = _pools(actors, groups)
    events, commons, rares = [], 0, 0
    for index in range(params.events):
        is_common, is_rare = rng.random() < COMMON_SHARE, rng.random() < RARE_SHARE
        names = _draw_actors(rng, is_common, is_rare, common_pool, other_pool)
        written = tuple(
            rng.choice(aliases[n]) if aliases[n] and rng.random() < 0.15 else n for n in names
        )
        tags = tuple(dict.fromkeys(g for n in names for g in groups[n]))
        events.append(_event(rng, index, (written, tuple(names), tags), sources))
        commons += is_common
        rares += is_rare
    return Dataset(params, actors, sources, events, commons, rares)


def _draw_actors(
    rng: random.Random, is_common: bool, is_rare: bool, common: _Pool, other: _Pool
) -> list[str]:
    wanted = rng.randint(2, 5)
    names = [RARE] if is_rare else []
    if is_common:
        names.append(common.draw(rng))
        if rng.random() < 0.25:
            names.append(common.draw(rng))
    while len(set(names)) < wanted:
        names.append(other.draw(rng))
    names = list(dict.fromkeys(names))
    rng.shuffle(names)
    return names


def _event(
    rng: random.Random, index: int, who: tuple[tuple[str, ...], ...], sources: list[Source]
) -> Event:
    actors, names, groups = who
    date, when = edtf_date(rng)
    verb, thing = rng.choice(VERBS), rng.choice(OBJECTS)
    capital, state = rng.choice([(s[3], s[0]) for s in STATES])
    title = f"{actors[0]} {verb} {actors[1]} on {thing}"
    if len(title) < 55:
        title += f" in {capital}"
    opening = f"{', '.join(actors[:-1])} and {actors[-1]} were involved in the {thing}."
    cites = rng.choices((1, 2), weights=(70, 30))[0]
    return Event(
        id=f"{slug(title)[:48].rstrip('-')}-{index:06d}",
        date=date,
        year=when.year,
        when=when,
        title=title,
        summary=prose(rng, 620, 800, opening),
        actors=actors,
        names=names,
        groups=groups,
        location=f"{capital}, {state}",
        tags=tuple(rng.sample(TAGS, rng.randint(2, 4))),
        status=rng.choices(STATUSES, weights=STATUS_WEIGHTS)[0],
        date_text=date_text(rng, when),
        citations=tuple(_citation(rng, sources) for _ in range(cites)),
    )


def _citation(rng: random.Random, sources: list[Source]) -> Citation:
    quote = sentence(rng, 120, 170)
    if rng.random() < 0.15:  # a quote inside the quote exercises TOML escaping
        quote = f'The statement said "{quote[:-1].lower()}" and nothing more.'
    if rng.random() < 0.6:
        return Citation(quote, ref=rng.choice(sources).key)
    source = make_sources(rng, 1)[0]
    inline = Source("", source.title, source.publisher, source.url, source.published)
    return Citation(quote, source=inline)
