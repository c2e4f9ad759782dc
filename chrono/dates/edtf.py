"""The EDTF level 0 and level 1 date type: parse, bounds, precision, sort key, display.

`parse_edtf` reads the Library of Congress Extended Date/Time Format (ISO 8601-2), levels
0 and 1, and raises `DateError` with a readable message for anything else. An `EdtfDate`
knows the first and last second it can denote (seconds since 1970-01-01T00:00:00Z, as
unbounded ints so that year -1985 and Y170000002 work), sorts in one total order, and
renders itself as a person writes dates.

Conventions, documented once here:
- Years are astronomical: 0000 is 1 BCE and -1985 is 1986 BCE (shown so by `human`).
- A date without a time, and a time without an offset, are read as UTC.
- ``?``, ``~`` and ``%`` do not widen the bounds.
- Seasons: 21 Spring = Mar–May, 22 Summer = Jun–Aug, 23 Autumn = Sep–Nov,
  24 Winter = December of the year to February of the next.
- 201X spans 2010–2019 (precision "decade"); 20XX 2000–2099 ("century").
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass

from chrono.dates.calendar import (
    SECONDS_PER_DAY,
    civil_from_days,
    civil_from_seconds,
    days_from_civil,
    days_in_month,
    is_leap_year,
    seconds_from_civil,
)
from chrono.dates.display import human as _human
from chrono.dates.grammar import EndKind, parse
from chrono.dates.point import PRECISIONS, QUALIFIERS, DateError, Point, Precision

__all__ = [
    "SECONDS_PER_DAY",
    "DateError",
    "EdtfDate",
    "EndKind",
    "Point",
    "Precision",
    "civil_from_days",
    "civil_from_seconds",
    "days_from_civil",
    "days_in_month",
    "from_toml",
    "is_leap_year",
    "parse_edtf",
    "seconds_from_civil",
]


@dataclass(frozen=True, slots=True)
class EdtfDate:
    """A parsed EDTF date: a single Point, or an interval of two ends.

    `text` is the canonical EDTF that chrono writes back. For a single date `end is start`.
    An interval end that is open (``..``) or unknown (empty) is None, its kind says which,
    and `earliest`/`latest` become -inf/+inf. `precision` is the start's, or the end's when
    the start is missing.
    """

    text: str
    start: Point | None
    end: Point | None
    is_interval: bool
    start_kind: EndKind
    end_kind: EndKind
    earliest: int | float
    latest: int | float
    precision: Precision

    def __str__(self) -> str:
        return self.text

    def sort_key(self) -> tuple[object, ...]:
        """The total order: earliest instant, coarser precision first, latest instant,
        unqualified before ~ before ? before %, then the text to break any remaining tie.

        A date whose start is open or unknown ("before 16 Jan 2016") is placed by its known
        end: just before the dates that start with that end's first instant. Sorting it by
        its earliest instant (minus infinity) put it above everything, which reads as a bug.
        """
        lead = self.start or self.end
        qualifier_rank = 0 if lead is None else lead.approximate + 2 * lead.uncertain
        rank = PRECISIONS.index(self.precision)
        if self.start is None and self.end is not None:
            return (self.end.earliest, 0, rank, self.latest, qualifier_rank, self.text)
        return (self.earliest, 1, rank, self.latest, qualifier_rank, self.text)

    def human(self) -> str:
        """The date as a person writes it, e.g. "c. Apr 2016?" or "18–24 Apr 2016"."""
        return _human(self)

    def overlaps(self, lo: int | float, hi: int | float) -> bool:
        """Whether the span this date can denote meets [lo, hi] (both ends inclusive)."""
        return self.earliest <= hi and lo <= self.latest


def parse_edtf(text: str) -> EdtfDate:
    """Parse EDTF level 0 or 1 text; raise DateError saying what is wrong otherwise."""
    if not isinstance(text, str):
        raise DateError(f"expected an EDTF date string, got {type(text).__name__}")
    return _parse_text(text)


@functools.lru_cache(maxsize=16384)  # dates repeat across events, and EdtfDate is immutable
def _parse_text(text: str) -> EdtfDate:
    return plain_date(text) or full_date(text)


def full_date(text: str) -> EdtfDate:
    """The date `text` denotes, read by the whole grammar."""
    parsed = parse(text)
    start, end = parsed.start, parsed.end
    lead = start or end
    if lead is None:  # the grammar rejects intervals with no closed end
        raise DateError(f'"{text}" has no date in it')
    return EdtfDate(
        text=parsed.text,
        start=start,
        end=end,
        is_interval=parsed.is_interval,
        start_kind=parsed.start_kind,
        end_kind=parsed.end_kind,
        earliest=-math.inf if start is None else start.earliest,
        latest=math.inf if end is None else end.latest,
        precision=lead.precision,
    )


_PLAIN = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?([?~%]?)", re.ASCII)


def plain_date(text: str) -> EdtfDate | None:
    """The date of a plain year, month or day (YYYY, YYYY-MM, YYYY-MM-DD, perhaps
    qualified), the great majority of dates, built directly; None for any other text,
    which `full_date` reads. `tests/test_dates_plain.py` proves the two agree."""
    match = _PLAIN.fullmatch(text)
    if match is None:
        return None
    year_text, month_text, day_text, qualifier = match.groups()
    year = int(year_text)
    month = day = None
    if month_text is None:
        precision: Precision = "year"
        first, last = days_from_civil(year, 1, 1), days_from_civil(year + 1, 1, 1) - 1
    else:
        month = int(month_text)
        if not 1 <= month <= 12:
            return None  # a season (21-24), or an error worded by the grammar
        if day_text is None:
            precision = "month"
            first = days_from_civil(year, month, 1)
            last = first + days_in_month(year, month) - 1
        else:
            day = int(day_text)
            if not 1 <= day <= days_in_month(year, month):
                return None
            precision = "day"
            first = last = days_from_civil(year, month, day)
    rank = QUALIFIERS.index(qualifier)
    earliest, latest = first * SECONDS_PER_DAY, (last + 1) * SECONDS_PER_DAY - 1
    point = Point(year, month, day, None, None, None, None, None, precision, bool(rank & 1),
                  bool(rank & 2), earliest, latest, text)  # fmt: skip
    return EdtfDate(text, point, point, False, "closed", "closed", earliest, latest, precision)


def is_plain(text: str) -> bool:
    """Whether `plain_date` reads `text`, which is then a valid date: a check that builds
    nothing, for a parser that only needs to know."""
    match = _PLAIN.fullmatch(text)
    if match is None:
        return False
    month_text, day_text = match[2], match[3]
    if month_text is None:
        return True
    month = int(month_text)
    if not 1 <= month <= 12:
        return False
    return day_text is None or 1 <= int(day_text) <= days_in_month(int(match[1]), month)


def from_toml(value: object) -> EdtfDate:
    """An EdtfDate from a TOML value: a string is EDTF; a TOML date is a day; a TOML
    date-time is a second, with its offset (a local date-time has none)."""
    if isinstance(value, str):
        return parse_edtf(value)
    if isinstance(value, dt.datetime):
        return parse_edtf(_datetime_text(value))
    if isinstance(value, dt.date):
        return parse_edtf(value.isoformat())
    if isinstance(value, dt.time):
        raise DateError(
            f"expected an EDTF date string, got the time of day {value.isoformat()}: "
            "give a date too, e.g. 1985-04-12T23:20:30"
        )
    if isinstance(value, int) and not isinstance(value, bool):
        quoted = f"{value:05d}" if value < 0 else f"{value:04d}"
        raise DateError(f'expected an EDTF date string, got the number {value}: write "{quoted}"')
    raise DateError(f"expected an EDTF date string, got {type(value).__name__} {value!r}")


def _datetime_text(value: dt.datetime) -> str:
    if value.microsecond:
        raise DateError(f"fractional seconds are not EDTF: {value.isoformat()} (drop the fraction)")
    text = value.replace(tzinfo=None).isoformat()
    offset = value.utcoffset()
    if offset is None:
        return text
    seconds = int(offset.total_seconds())
    if seconds % 60:
        raise DateError(f"offset of {value.isoformat()} is not a whole number of minutes")
    if seconds == 0:
        return text + "Z"
    sign = "-" if seconds < 0 else "+"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    return f"{text}{sign}{hours:02d}:{minutes:02d}"
