"""One end of an EDTF date: its fields, its precision, and the seconds it can denote.

Bounds are whole seconds since 1970-01-01T00:00:00 UTC, inclusive at both ends. A date
without a time is read as a UTC calendar day, and so is a time written without an offset
(a "local" time): chrono has no time zone to resolve it against, and one fixed rule keeps
the order total. The qualifiers ``?``, ``~`` and ``%`` do not widen the bounds: how far
"circa" reaches is a judgement the source makes, not the calendar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from chrono.dates.calendar import SECONDS_PER_DAY, days_from_civil

#: Coarse to fine. "century" is a year written YYXX (a block of 100 years, e.g. 1900–1999);
#: "decade" is YYYX (e.g. 2010–2019). A date with an unspecified month (2004-XX) has "year"
#: precision and one with an unspecified day (1985-04-XX) "month"; `Point.unspecified`
#: keeps the difference from 2004 and 1985-04.
Precision = Literal["century", "decade", "year", "season", "month", "day", "second"]
PRECISIONS: tuple[Precision, ...] = (
    "century",
    "decade",
    "year",
    "season",
    "month",
    "day",
    "second",
)

#: In the order dates sort on a tie: unqualified, approximate, uncertain, both.
QUALIFIERS: tuple[str, ...] = ("", "~", "?", "%")

#: Spring (21) starts in March; Winter (24) runs from December into the next year.
SEASON_FIRST_MONTH: dict[int, int] = {21: 3, 22: 6, 23: 9, 24: 12}

_YEARS_SPANNED: dict[str, int] = {"century": 100, "decade": 10, "year": 1}


class DateError(ValueError):
    """A value that is not an EDTF level 0 or 1 date; ``str(err)`` says what is wrong."""


@dataclass(frozen=True, slots=True)
class Point:
    """One end of a date; a date that is not an interval is a single Point.

    `year` is astronomical (0 is 1 BCE); for 201X it is 2010 and for 20XX 2000. `month`
    and `day` are None when not given or written XX. `season` is 21–24 for a season
    (then `month` is None). `tz_minutes` is the offset from UTC, None for a local time or
    no time. `earliest` and `latest` are the first and last second the point can denote.
    `text` is the point's canonical EDTF, qualifier included; `unspecified` names the
    components written with X: "year", "month", "day".
    """

    year: int
    month: int | None
    day: int | None
    hour: int | None
    minute: int | None
    second: int | None
    season: int | None
    tz_minutes: int | None
    precision: Precision
    approximate: bool
    uncertain: bool
    earliest: int
    latest: int
    text: str = ""
    unspecified: tuple[str, ...] = ()

    @property
    def qualifier(self) -> str:
        """The EDTF qualifier symbol: "", "~", "?" or "%"."""
        return QUALIFIERS[self.approximate + 2 * self.uncertain]


@dataclass(frozen=True, slots=True)
class Fields:
    """What the grammar read from one point, before bounds are worked out."""

    year: int
    precision: Precision
    text: str
    month: int | None = None
    day: int | None = None
    season: int | None = None
    time: tuple[int, int, int] | None = None
    tz_minutes: int | None = None
    qualifier: str = ""
    unspecified: tuple[str, ...] = ()


def make_point(fields: Fields) -> Point:
    """Build the Point for already-validated fields, computing its bounds."""
    first_day, last_day = _day_span(fields)
    if fields.time is None:
        earliest = first_day * SECONDS_PER_DAY
        latest = (last_day + 1) * SECONDS_PER_DAY - 1
    else:
        hour, minute, second = fields.time
        offset = (fields.tz_minutes or 0) * 60
        earliest = latest = first_day * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second
        earliest = latest = earliest - offset
    rank = QUALIFIERS.index(fields.qualifier)
    return Point(
        year=fields.year,
        month=fields.month,
        day=fields.day,
        hour=None if fields.time is None else fields.time[0],
        minute=None if fields.time is None else fields.time[1],
        second=None if fields.time is None else fields.time[2],
        season=fields.season,
        tz_minutes=fields.tz_minutes,
        precision=fields.precision,
        approximate=bool(rank & 1),
        uncertain=bool(rank & 2),
        earliest=earliest,
        latest=latest,
        text=fields.text,
        unspecified=fields.unspecified,
    )


def _day_span(fields: Fields) -> tuple[int, int]:
    """The first and last day (counted from 1970-01-01) that the fields cover."""
    year, month = fields.year, fields.month
    if fields.day is not None and month is not None:
        first = days_from_civil(year, month, fields.day)
        return first, first
    if fields.season is not None:
        month, months = SEASON_FIRST_MONTH[fields.season], 3
    elif month is not None:
        months = 1
    else:
        span = _YEARS_SPANNED[fields.precision]
        return days_from_civil(year, 1, 1), days_from_civil(year + span, 1, 1) - 1
    carry, next_month = divmod(month - 1 + months, 12)
    first = days_from_civil(year, month, 1)
    return first, days_from_civil(year + carry, next_month + 1, 1) - 1
