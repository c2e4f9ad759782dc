"""Events filed under years, for the formats that give each year a section.

An event is filed under the year of its start. One whose start is open or unknown
("before 16 Jan 2016") has no start year: it is filed under the year of its end, where the
one total order places it (just before the events of its end's first day), so sections
follow that order and no year opens twice.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from chrono.model import Event


def year_heading(event: Event) -> str:
    """The section an event is filed under: "2016" or "1986 BCE" (astronomical years: 0 is
    1 BCE), from its start, or from its end when the start is open or unknown."""
    point = event.date.start or event.date.end
    if point is None:
        return "Undated"
    return f"{1 - point.year} BCE" if point.year <= 0 else str(point.year)


def runs_by_year(events: Iterable[Event]) -> Iterator[tuple[str, Iterator[Event]]]:
    """Each heading with the run of events filed under it, in the given order (the one
    total order, as every caller passes it), read once and none kept."""
    return itertools.groupby(events, key=year_heading)
