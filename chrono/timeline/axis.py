"""The proportional time scale: which long, empty stretches of time are left out as breaks
(in both views), how many rows the rest gets in the vertical view, and how long a break is.

All arithmetic is on integer seconds: bounds can be years like Y170000002 or -1985.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

MINUTE, HOUR, DAY = 60, 3600, 86_400
YEAR = 31_556_952  # 365.2425 days: the Gregorian mean year
MONTH = YEAR // 12


@dataclass(frozen=True, slots=True)
class Scale:
    """`step` seconds per row; `cut` holds the indices of the gaps left out as breaks."""

    step: int
    cut: frozenset[int]

    def units(self, gap: int) -> int:
        """The gap in whole steps, rounded to the nearest."""
        return (gap + self.step // 2) // self.step


def gaps(instants: Sequence[int]) -> list[int]:
    """The differences between consecutive sorted instants."""
    return [b - a for a, b in pairwise(instants)]


def scale_for(spans: Sequence[int], budget: int, limit: int) -> Scale:
    """A scale that spreads the gaps kept over about `budget` rows, none over `limit`.

    The longest gaps are left out as breaks first (see `long_gaps`).
    """
    cut = long_gaps(spans, len(spans))
    kept = [gap for index, gap in enumerate(spans) if index not in cut]
    step = max(-(-sum(kept) // max(budget, 1)), -(-max(kept, default=0) // limit), 1)
    return Scale(step, frozenset(cut))


def long_gaps(spans: Sequence[int], most: int, ratio: float = 1.0) -> set[int]:
    """Indices of gaps to leave out of an axis, longest first.

    A gap is left out while it is longer than `ratio` times all the time still shown
    besides it, and at least three times the gaps shown on average: one long silence
    should not squeeze everything else into a few lines, and a few similar gaps are kept.
    """
    rest, left = sum(spans), len(spans)
    chosen: set[int] = set()
    for index in sorted(range(len(spans)), key=lambda i: -spans[i])[:most]:
        rest, left = rest - spans[index], left - 1
        if rest <= 0 or spans[index] <= ratio * rest or spans[index] * left < 3 * rest:
            break
        chosen.add(index)
    return chosen


def duration_text(seconds: int) -> str:
    """A length of time in its largest sensible unit: "8 years", "5 weeks", "36 hours"."""
    for size, name in (
        (YEAR, "year"),
        (MONTH, "month"),
        (7 * DAY, "week"),
        (DAY, "day"),
        (HOUR, "hour"),
        (MINUTE, "minute"),
    ):
        if seconds >= 2 * size:
            return f"{(seconds + size // 2) // size:,} {name}s"
    return f"{seconds} second{'' if seconds == 1 else 's'}"
