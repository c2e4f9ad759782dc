"""Events filed under years, for the formats that give each year a section.

The year of an event is its start's, else its end's. Events
arrive sorted by earliest instant, so an open start ("before 16 Jan 2016") comes first of
all yet is filed under the year of its end; grouping by consecutive runs would open that
year twice. Here every year appears once, years in calendar order, events in their
given order within a year.
"""

from __future__ import annotations

from collections.abc import Sequence

from chrono.model import Event


def year_heading(event: Event) -> str:
    """The year an event is filed under, as a heading (astronomical years: 0 is 1 BCE)."""
    year = year_of(event)
    if year is None:
        return "Undated"
    return f"{1 - year} BCE" if year <= 0 else str(year)


def year_of(event: Event) -> int | None:
    """The astronomical year an event is filed under; None when it has no date at all."""
    point = event.date.start or event.date.end
    return None if point is None else point.year


def by_year(events: Sequence[Event]) -> list[tuple[str, list[Event]]]:
    """(heading, events) per year, earliest year first and "Undated" last."""
    groups: dict[int | None, list[Event]] = {}
    for event in events:
        groups.setdefault(year_of(event), []).append(event)
    order = sorted(groups, key=lambda year: (year is None, year or 0))
    return [(year_heading(groups[year][0]), groups[year]) for year in order]
