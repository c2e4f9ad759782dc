"""Pairs of events that are probably the same happening, each with reasons and a score.

Two events are compared only when they share an actor or a place and their dates overlap
(or come within `window` days): events are grouped by each actor and place they name and
swept in date order, so the work grows with the pairs that are close, not with all pairs.
A compared pair is scored from how alike its words are (rapidfuzz's token-set ratio of the
titles, or of titles with the lead of the summaries: 70 %) and how many of its actors and
places it shares (their Jaccard index: 30 %); a shared quote counts as words wholly alike.
A pair scoring at least `THRESHOLD` is reported with its reasons: "same day, both
Soleimani and Moscow, titles 88 % alike". The titles are compared first; when they alone
reach the threshold, the summaries are not compared (and the score shown is the titles').
On the labelled corpus in tests/, scored by the better of the two, the true pairs score
76 and above, the others 64 and below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from chrono.corroborate.blocking import Profile, candidate_pairs, place_key, profiles
from chrono.corroborate.facts import Facts, facts_of
from chrono.model import Event
from chrono.registry.actors import Registry

#: How alike (0–100) the words of two events must be for the pair to be reported.
THRESHOLD = 70.0

E = TypeVar("E", Event, Facts)


@dataclass(frozen=True, slots=True)
class Pair(Generic[E]):
    """Two events (or their facts) that look like one happening."""

    first: E
    second: E
    score: float  # 0–100
    reasons: tuple[str, ...]

    def text(self) -> str:
        return ", ".join(self.reasons)


def likely_duplicates(
    events: Sequence[Event], registry: Registry, window: int = 0, threshold: float = THRESHOLD
) -> list[Pair[Event]]:
    """Every unsettled pair of `events` that probably records one happening, by score."""
    facts = [facts_of(e) for e in events]
    whole = {id(f): e for f, e in zip(facts, events, strict=True)}
    keys = [e.sort_key() for e in events]
    return [
        Pair(whole[id(p.first)], whole[id(p.second)], p.score, p.reasons)
        for p in duplicate_facts(facts, registry, window, threshold, keys.__getitem__)
    ]


def duplicate_facts(
    events: Sequence[Facts],
    registry: Registry,
    window: int = 0,
    threshold: float = THRESHOLD,
    order: Callable[[int], Any] | None = None,
) -> list[Pair[Facts]]:
    """`likely_duplicates` over the events' facts: what `chrono check` runs. The facts are
    in the one total order, unless `order` gives each one's place in it by position."""
    place = order or _itself  # the list is in the total order
    found = profiles(events, registry)
    compare = _Comparer(found, threshold)
    links = settled_pairs(events)
    pairs = []
    for i, j in candidate_pairs(found, window):
        a, b = found[i], found[j]
        if links and frozenset((a.facts.id, b.facts.id)) in links:
            continue
        scored = compare(i, j)
        if scored is not None:
            score, alike = scored
            reasons = (_when(a, b), _shared(a, b, registry), alike)
            early = not place(b.rank) < place(a.rank)  # a first when the keys are equal
            first, second = (a.facts, b.facts) if early else (b.facts, a.facts)
            pairs.append(Pair(first, second, round(score, 1), reasons))
    pairs.sort(key=lambda p: (-p.score, p.first.id, p.second.id))
    return pairs


class _Comparer:
    """Scores pairs of profiles, preparing each event's words once, and only if asked."""

    def __init__(self, found: Sequence[Profile], threshold: float) -> None:
        from rapidfuzz.fuzz import token_set_ratio
        from rapidfuzz.utils import default_process

        self.ratio = token_set_ratio
        self.process = default_process  # lowercase, punctuation to spaces: in C, ~50x a regex
        self.found, self.threshold = found, threshold
        self.titles: dict[int, str] = {}

    def __call__(self, i: int, j: int) -> tuple[float, str] | None:
        """(score, how alike the words are) when the pair reaches the threshold."""
        a, b = self.found[i].keys, self.found[j].keys
        shared = len(a & b) / len(a | b)
        needed = (self.threshold - 30 * shared) / 0.7  # how alike the words must be
        if needed > 100:
            return None
        # rapidfuzz gives up early (and says 0) below a cutoff.
        title = self.ratio(self._title(i), self._title(j), score_cutoff=needed)
        if title:
            return 0.7 * title + 30 * shared, f"titles {title:.0f} % alike"
        quotes, others = self.found[i].facts.quotes, self.found[j].facts.quotes
        if quotes and others and not set(quotes).isdisjoint(others):
            return 70 + 30 * shared, "same quote"
        words = self.ratio(self._lead(i), self._lead(j), score_cutoff=needed)
        if words:
            return 0.7 * words + 30 * shared, f"words {words:.0f} % alike"
        return None

    def _title(self, i: int) -> str:
        title = self.titles.get(i)
        if title is None:
            title = self.titles[i] = self.process(self.found[i].facts.title)
        return title

    def _lead(self, i: int) -> str:
        facts = self.found[i].facts
        # The summary's lead is enough to tell, and keeps each comparison short. Not kept:
        # preparing it again costs less than a comparison, and 100k of them ~20 MiB.
        return self.process(f"{facts.title} {facts.lead}")


def _itself(rank: int) -> int:
    return rank


def settled_pairs(events: Iterable[Event | Facts]) -> set[frozenset[str]]:
    """The id pairs some event says are, or are not, one happening (or merged from)."""
    return {
        frozenset((event.id, other))
        for event in events
        for ids in (event.same_as, event.distinct_from, event.merged_from)
        for other in ids
    }


def _when(a: Profile, b: Profile) -> str:
    if a.first_day == b.first_day and a.last_day == b.last_day == a.first_day:
        return "same day"
    gap = max(a.first_day, b.first_day) - min(a.last_day, b.last_day)
    if gap <= 0:
        return "overlapping dates"
    return "1 day apart" if gap == 1 else f"{gap} days apart"


def _shared(a: Profile, b: Profile, registry: Registry) -> str:
    """ "both Iran and Russia, both in Moscow": the actors and place the two have in common."""
    names = [registry.canonical(n) for n in a.facts.actors]
    common = [n for n in dict.fromkeys(names) if n.casefold() in b.keys]
    location = a.facts.location
    place = location if location and place_key(location) in b.keys else None
    parts = [f"both {_listed(common)}"] if common else []
    parts += [f"both in {place}"] if place else []
    return ", ".join(parts)


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def pair_keys(pairs: Iterable[Pair[Event]] | Iterable[Pair[Facts]]) -> set[tuple[str, str]]:
    """Each pair as a sorted pair of ids (for comparing with a labelled list)."""
    return {tuple(sorted((p.first.id, p.second.id))) for p in pairs}  # type: ignore[misc]
