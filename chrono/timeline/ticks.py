"""Calendar ticks for the horizontal axis: the finest of days, 5 or 10 days, months,
quarters, years, 2, 5, 10 … years that leaves room to label them, and each label's text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from chrono.dates import SHORT_MONTHS, days_in_month, seconds_from_civil, year_text
from chrono.timeline.axis import DAY, MONTH, YEAR
from chrono.timeline.labels import Civil, civil
from chrono.timeline.track import Track


@dataclass(frozen=True, slots=True)
class Tick:
    column: int
    text: str


@dataclass(frozen=True, slots=True)
class Unit:
    """Every `step` days (of a month), months or years."""

    kind: str  # "day", "month" or "year"
    step: int

    @property
    def seconds(self) -> int:
        return self.step * {"day": DAY, "month": MONTH, "year": YEAR}[self.kind]


def units() -> Iterator[Unit]:
    """From fine to coarse, without end: 1, 2, 5, 10, 20, 50 … years at the coarse end."""
    yield from (Unit("day", 1), Unit("day", 5), Unit("day", 10))
    yield from (Unit("month", 1), Unit("month", 3), Unit("month", 6))
    size = 1
    while True:
        yield from (Unit("year", size), Unit("year", 2 * size), Unit("year", 5 * size))
        size *= 10


def choose_unit(track: Track, most: int) -> Unit:
    """The finest unit with at most about `most` boundaries on the track."""
    shown = sum(s.last - s.first for s in track.segments)
    return next(unit for unit in units() if shown // unit.seconds <= most)


def boundaries(first: int, last: int, unit: Unit) -> Iterator[int]:
    """Every start of a unit within [first, last], aligned to the calendar."""
    year, month, _ = civil(first)
    if unit.kind == "year":
        year = -(-year // unit.step) * unit.step
        while (time := seconds_from_civil(year, 1, 1)) <= last:
            if time >= first:
                yield time
            year += unit.step
        return
    month_step = unit.step if unit.kind == "month" else 1
    month -= (month - 1) % month_step
    while seconds_from_civil(year, month, 1) <= last:
        for day in _days(year, month, unit):
            time = seconds_from_civil(year, month, day)
            if first <= time <= last:
                yield time
        carry, index = divmod(month - 1 + month_step, 12)
        year, month = year + carry, index + 1


def _days(year: int, month: int, unit: Unit) -> range:
    """The days of a month a unit's boundaries fall on: the 1st, or every 1, 5 or 10 days."""
    if unit.kind == "month":
        return range(1, 2)
    if unit.step == 1:
        return range(1, days_in_month(year, month) + 1)
    return range(1, 29, unit.step)


def label(time: int, unit: Unit, previous: Civil | None) -> str:
    """The label of a boundary, naming the year or month again only when it changed."""
    year, month, day = civil(time)
    if unit.kind == "year":
        return year_text(year)
    name = SHORT_MONTHS[month - 1]
    new_year = previous is None or previous[0] != year
    if unit.kind == "month":
        return f"{name} {year_text(year)}" if new_year else name
    if new_year:
        return f"{day} {name} {year_text(year)}"
    return f"{day} {name}" if previous is not None and previous[1] != month else str(day)


def ticks(track: Track, most: int) -> list[Tick]:
    """Labelled ticks, left to right, at least one space apart, none past the track's end.

    Each segment's first instant is labelled too, so a segment without a boundary in it
    still says where it is.
    """
    unit = choose_unit(track, most)
    placed: list[Tick] = []
    previous: Civil | None = None
    for segment in track.segments:
        times = [segment.first, *boundaries(segment.first, segment.last, unit)]
        for time in dict.fromkeys(times):
            column = track.column(time)
            text = label(time, unit, previous)
            end = placed[-1].column + len(placed[-1].text) if placed else -1
            if column <= end or column + len(text) > track.width:
                continue
            placed.append(Tick(column, text))
            previous = civil(time)
    return placed
