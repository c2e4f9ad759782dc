"""The horizontal time axis: instants mapped to columns, proportionally within segments,
with a narrow break between segments where a long stretch of empty time is left out."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from chrono.timeline.axis import gaps, long_gaps

BREAK_WIDTH = 2  # columns a break takes


@dataclass(frozen=True, slots=True)
class Segment:
    """Instants `first`..`last` drawn in columns `left`..`right`."""

    first: int
    last: int
    left: int
    right: int

    def column(self, time: int) -> int:
        if self.last == self.first:
            return (self.left + self.right) // 2
        offset = (time - self.first) * (self.right - self.left) // (self.last - self.first)
        return self.left + offset


@dataclass(frozen=True, slots=True)
class Track:
    """Columns 0..width-1; `breaks` pairs each break's first column with the seconds left out."""

    segments: list[Segment]
    breaks: list[tuple[int, int]]
    width: int

    def column(self, time: int) -> int:
        """The column of an instant, clamped to the segment it falls in or before."""
        index = max(bisect_right([s.first for s in self.segments], time) - 1, 0)
        segment = self.segments[index]
        return segment.column(min(max(time, segment.first), segment.last))


def build_track(instants: Sequence[int], width: int) -> Track:
    """Segments for sorted distinct `instants` filling `width` columns."""
    spans = gaps(instants)
    cut = long_gaps(spans, width // 6)
    runs: list[list[int]] = [[instants[0]]]
    left_out: list[int] = []
    for index, time in enumerate(instants[1:]):
        if index in cut:
            runs.append([time])
            left_out.append(spans[index])
        else:
            runs[-1].append(time)
    widths = _shares([run[-1] - run[0] for run in runs], width - BREAK_WIDTH * len(left_out))
    segments, breaks, left = [], [], 0
    for index, (run, size) in enumerate(zip(runs, widths, strict=True)):
        segments.append(Segment(run[0], run[-1], left, left + size - 1))
        left += size
        if index < len(left_out):
            breaks.append((left, left_out[index]))
            left += BREAK_WIDTH
    return Track(segments, breaks, width)


def _shares(durations: Sequence[int], width: int) -> list[int]:
    """Column counts summing to `width`, each at least 1, the rest in proportion."""
    weights = list(durations) if any(durations) else [1] * len(durations)
    total, extra = sum(weights), width - len(durations)
    cuts = [extra * part // total for part in accumulate(weights)]
    return [1 + cut - before for cut, before in zip(cuts, [0, *cuts], strict=False)]
