"""Plainly written dates ("27 April 2016", "Apr 27, 2016", "April 2016") as EDTF text.

The precision of the result is the precision that was written: a day, a month or a year.
python-dateutil does the reading. It fills whatever the text leaves out from a default,
so the text is read under two defaults that differ in every field; a field that comes
out the same both times was written. Text is refused (None) when it:

- is not a date to dateutil ("hello", "next week": relative phrases are chrono.dates.relative's);
- lacks a year, has a month-less day, or carries a time of day or a time zone;
- has a two-digit year ("27/04/16": which century?);
- reads differently day-first and month-first ("04/05/2016"), unless it starts with a
  four-digit year, which is then read year-month-day as ISO 8601 does;
- names a weekday the date does not fall on ("Friday 27 April 2016").

Already-EDTF calendar text ("2016", "2016-04", "2016-04-27") comes back unchanged.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateutil.parser import parserinfo

__all__ = ["parse_written"]

# Every field differs, so that any field equal in both readings came from the text.
_DEFAULTS = (datetime(2000, 1, 1, 0, 0, 0, 0), datetime(2004, 2, 2, 1, 1, 1, 1))
_EDTF_CALENDAR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
_YEAR_FIRST = re.compile(r"\d{4}\b")


def parse_written(text: str) -> str | None:
    """Return the EDTF text for a plainly written date, or None when it is not one."""
    text = text.strip()
    if text[:1] in ("-", "\u2212"):
        return None  # a negative year is EDTF's to read; dateutil would drop the sign
    if edtf := _EDTF_CALENDAR.fullmatch(text):
        return text if _valid_calendar(*edtf.groups()) else None
    info = _info()
    readings = {_read(text, info, dayfirst) for dayfirst in _orders(text)}
    if len(readings) != 1:
        return None  # unreadable, or ambiguous between day-first and month-first
    result = readings.pop()
    if result is None or not _weekday_agrees(text, result, info):
        return None
    return result


def _orders(text: str) -> tuple[bool, ...]:
    # dateutil's day-first reading of "2016/04/05" is year-day-month, which nobody writes.
    return (False,) if _YEAR_FIRST.match(text) else (False, True)


def _read(text: str, info: parserinfo, dayfirst: bool) -> str | None:
    from dateutil.parser import parser

    try:
        first, second = (
            parser(info).parse(text, default=default, dayfirst=dayfirst) for default in _DEFAULTS
        )
    except (ValueError, OverflowError):  # ParserError is a ValueError
        return None
    clock = ("hour", "minute", "second", "microsecond")
    if first.tzinfo is not None or any(getattr(first, f) == getattr(second, f) for f in clock):
        return None  # a time of day or zone was written: not a plain date
    written = (first.year == second.year, first.month == second.month, first.day == second.day)
    if written == (True, True, True):
        return first.date().isoformat()
    if written == (True, True, False):
        return f"{first.year:04d}-{first.month:02d}"
    if written == (True, False, False):
        return f"{first.year:04d}"
    return None  # no year, or a day without its month


def _weekday_agrees(text: str, result: str, info: parserinfo) -> bool:
    # dateutil ignores a weekday once the day is known, and uses one to move a day that
    # is not: a weekday only fits a result at day precision, on that weekday.
    named = {d for w in re.findall(r"[^\W\d_]+", text) if (d := info.weekday(w)) is not None}
    if not named:
        return True
    return len(result) == 10 and named == {date.fromisoformat(result).weekday()}


def _valid_calendar(year: str, month: str | None, day: str | None) -> bool:
    try:
        date(int(year) or 2000, int(month or 1), int(day or 1))  # 0000 is a leap year
    except ValueError:
        return False
    return True


@cache
def _info() -> parserinfo:
    from dateutil.parser import parserinfo

    class _Strict(parserinfo):
        def __init__(self) -> None:
            self.JUMP = [*parserinfo.JUMP, "the"]  # "the 27th of April 2016"
            super().__init__()

        def convertyear(self, year: int, century_specified: bool = False) -> int:
            if year < 100 and not century_specified:
                raise ValueError("two-digit year")
            return year

    return _Strict()
