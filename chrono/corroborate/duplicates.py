"""Pairs of events that are probably the same happening, each with reasons and a score.

Two events are compared only when they share an actor or a place and their dates overlap
(or come within `window` days): events are grouped by each actor and place they name and
swept in date order, so the work grows with the pairs that are close, not with all pairs.
A compared pair is scored from how alike its words are (rapidfuzz's token-set ratio of the
titles, and of titles with summaries: 70 %) and how many of its actors and places it shares
(their Jaccard index: 30 %); a shared quote counts as words wholly alike. A pair scoring at
least `THRESHOLD` is reported with its reasons: "same day, both Soleimani and Moscow,
titles 88 % alike". On the labelled corpus in tests/ the true pairs score 76 and above,
the others 64 and below.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from chrono.corroborate.blocking import Profile, candidate_pairs, profiles
from chrono.model import Event
from chrono.registry.actors import Registry

#: How alike (0–100) the words of two events must be for the pair to be reported.
THRESHOLD = 70.0


@dataclass(frozen=True, slots=True)
class Pair:
    """Two events that look like one happening."""

    first: Event
    second: Event
    score: float  # 0–100
    reasons: tuple[str, ...]

    def text(self) -> str:
        return ", ".join(self.reasons)


def likely_duplicates(
    events: Sequence[Event], registry: Registry, window: int = 0, threshold: float = THRESHOLD
) -> list[Pair]:
    """Every unsettled pair of `events` that probably records one happening, by score."""
    from rapidfuzz.fuzz import token_set_ratio

    found = profiles(events, registry)
    pairs = []
    for i, j in candidate_pairs(found, window):
        a, b = found[i], found[j]
        shared = len(a.keys & b.keys) / len(a.keys | b.keys)
        # Words can add at most 70 points: skip the second comparison when even a perfect
        # one could not reach the threshold.
        title = token_set_ratio(a.title, b.title)
        if 70 + 30 * shared < threshold or settled(a.event, b.event):
            continue
        words = token_set_ratio(a.words, b.words)
        same_quote = bool(a.quotes & b.quotes)
        alike = max(title, words, 100.0 if same_quote else 0.0)
        score = 0.7 * alike + 30 * shared
        if score >= threshold:
            reasons = (_when(a, b), _shared(a, b), _alike(title, words, same_quote))
            first, second = sorted((a.event, b.event), key=lambda e: e.sort_key())
            pairs.append(Pair(first, second, round(score, 1), reasons))
    pairs.sort(key=lambda p: (-p.score, p.first.id, p.second.id))
    return pairs


def settled(a: Event, b: Event) -> bool:
    """Whether either event already says the two are, or are not, the same happening."""
    links = (a.same_as, a.distinct_from, a.merged_from)
    back = (b.same_as, b.distinct_from, b.merged_from)
    return any(b.id in ids for ids in links) or any(a.id in ids for ids in back)


def _when(a: Profile, b: Profile) -> str:
    if a.first_day == b.first_day and a.last_day == b.last_day == a.first_day:
        return "same day"
    gap = max(a.first_day, b.first_day) - min(a.last_day, b.last_day)
    if gap <= 0:
        return "overlapping dates"
    return "1 day apart" if gap == 1 else f"{gap} days apart"


def _shared(a: Profile, b: Profile) -> str:
    names = [a.display[n] for n in a.names if n in b.keys]
    places = [a.display[p] for p in a.places if p in b.keys]
    parts = [f"both {_listed(names)}"] if names else []
    parts += [f"both in {_listed(places)}"] if places else []
    return ", ".join(parts)


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _alike(title: float, words: float, same_quote: bool) -> str:
    if same_quote:
        return "same quote"
    if title >= words:
        return f"titles {title:.0f} % alike"
    return f"words {words:.0f} % alike"


def pair_keys(pairs: Iterable[Pair]) -> set[tuple[str, str]]:
    """Each pair as a sorted pair of ids (for comparing with a labelled list)."""
    return {tuple(sorted((p.first.id, p.second.id))) for p in pairs}  # type: ignore[misc]
