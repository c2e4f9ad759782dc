"""EDTF dates as a person writes them, keeping the precision the source gave.

English, short month names, en dashes. The choices, by example:

    1985-04-12            12 Apr 1985          2004-06~     c. Jun 2004
    1985-04               Apr 1985             1984?        1984?
    201X                  2010s                2004-06-11%  c. 11 Jun 2004?
    19XX                  1900–1999            2001-21      Spring 2001
    2004-XX               2004 (month unknown) 2001-24      Winter 2001–02
    1985-XX-XX            1985 (month and day unknown)
    -1985                 1986 BCE (EDTF years are astronomical: 0000 is 1 BCE)
    2016-04-18/2016-04-24 18–24 Apr 2016       2004-02-01/2005  1 Feb 2004 – 2005
    2016-04-11~/2016-04-17~  c. 11–17 Apr 2016 (ends qualified alike share the qualifier)
    ../2015-06            before Jun 2015      2016-04-15/..    from 15 Apr 2016
    /2015-06              ? – Jun 2015         2016-04-15/      15 Apr 2016 – ?
    1985-04-12T23:20:30Z  12 Apr 1985, 23:20:30 UTC (a local time shows no zone)

YYXX reads as a span, not "1900s", because 190X is the 1900s too.
"""

from __future__ import annotations

from typing import Protocol

from chrono.dates.calendar import MONTH_NAMES
from chrono.dates.point import Point

SHORT_MONTHS: tuple[str, ...] = tuple(name[:3] for name in MONTH_NAMES)
SEASON_NAMES: dict[int, str] = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}


class Ends(Protocol):
    """What `human` reads of a date (an `EdtfDate`), named here so that this module need not
    import the one that imports it."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> Point | None: ...
    @property
    def end(self) -> Point | None: ...
    @property
    def start_kind(self) -> str: ...
    @property
    def end_kind(self) -> str: ...


def human(date: Ends) -> str:
    """The date as a person would write it; see the module docstring for examples."""
    start, end = date.start, date.end
    if start is not None and end is not None:
        return point_text(start) if start is end else interval_text(start, end)
    if end is not None:
        last = point_text(end)
        return f"before {last}" if date.start_kind == "open" else f"? – {last}"
    if start is not None:
        first = point_text(start)
        return f"from {first}" if date.end_kind == "open" else f"{first} – ?"
    return date.text


def year_text(year: int, era: bool = False) -> str:
    """An astronomical year as a historian writes it: 0 is "1 BCE"; `era` adds "CE"."""
    if year <= 0:
        return f"{1 - year} BCE"
    return f"{year} CE" if era else str(year)


def _qualified(text: str, point: Point) -> str:
    if point.uncertain:
        text += "?"
    return "c. " + text if point.approximate else text


def point_text(point: Point, era: bool = False) -> str:
    """One point with its qualifiers: "c." for approximate, a trailing "?" for uncertain."""
    text = _qualified(_core(point, era), point)
    unknown = [part for part in ("month", "day") if part in point.unspecified]
    if unknown:
        text += f" ({' and '.join(unknown)} unknown)"
    return text


def interval_text(start: Point, end: Point) -> str:
    """Two closed ends, sharing the month or year when both ends are plain dates."""
    if start.text == end.text:
        return point_text(start)
    era = start.year <= 0 < end.year
    # Ends qualified alike share one qualifier: "c. 11–17 Apr 2016", "Apr–Jun 2016?".
    alike = start.qualifier == end.qualifier and not (start.unspecified or end.unspecified)
    shared = _shared(start, end) if alike and not era else None
    if shared:
        return _qualified(shared, start)
    first, last = point_text(start), point_text(end, era)
    # A closed-up dash between single words, a spaced one when either side has a space.
    return f"{first}–{last}" if " " not in first + last else f"{first} – {last}"


def _shared(start: Point, end: Point) -> str | None:
    if start.precision != end.precision or start.season or end.season:
        return None
    if start.precision == "year" and end.year <= 0:
        return f"{1 - start.year}–{1 - end.year} BCE"
    if start.year != end.year or start.month is None or end.month is None:
        return None
    year = year_text(start.year)
    first, last = SHORT_MONTHS[start.month - 1], SHORT_MONTHS[end.month - 1]
    if start.precision == "month":
        return f"{first}–{last} {year}"
    if start.precision != "day":
        return None
    if start.month == end.month:
        return f"{start.day}–{end.day} {first} {year}"
    return f"{start.day} {first} – {end.day} {last} {year}"


def _core(point: Point, era: bool) -> str:
    if point.precision in ("century", "decade"):
        return _block(point.year, 100 if point.precision == "century" else 10)
    if point.season is not None:
        return _season(point.season, point.year)
    year = year_text(point.year, era)
    if point.month is None:
        return year
    month = SHORT_MONTHS[point.month - 1]
    if point.day is None:
        return f"{month} {year}"
    if point.hour is None:
        return f"{point.day} {month} {year}"
    clock = f"{point.hour:02d}:{point.minute:02d}:{point.second:02d}"
    return f"{point.day} {month} {year}, {clock}{_zone(point.tz_minutes)}"


def _block(first: int, span: int) -> str:
    last = first + span - 1
    if first == 0:
        return f"1 BCE – {last} CE"
    if last <= 0:  # -201X: astronomical -2019 to -2010
        return f"{1 - first}–{1 - last} BCE"
    return f"{first}s" if span == 10 else f"{first}–{last}"


def _season(season: int, year: int) -> str:
    name = SEASON_NAMES[season]
    if season != 24:
        return f"{name} {year_text(year)}"
    # Winter runs from December into the next year, so both years are named.
    following = year + 1
    if year >= 100 and year // 100 == following // 100:
        return f"{name} {year}–{following % 100:02d}"
    if year >= 1:
        return f"{name} {year}–{following}"
    if following <= 0:
        return f"{name} {1 - year}–{1 - following} BCE"
    return f"{name} 1 BCE – 1 CE"


def _zone(tz_minutes: int | None) -> str:
    if tz_minutes is None:
        return ""
    if tz_minutes == 0:
        return " UTC"
    sign = "-" if tz_minutes < 0 else "+"
    hours, minutes = divmod(abs(tz_minutes), 60)
    return f" {sign}{hours:02d}:{minutes:02d}"
