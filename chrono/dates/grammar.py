"""The EDTF level 0 and level 1 grammar: text to Points, or a DateError saying what is wrong.

Deliberate readings of the spec (ISO 8601-2 / LoC EDTF, 2019):
- A time offset is Z or ±hh:mm up to 14:00; UTC is written Z (the spec has no +00:00), and
  an hour-only offset (+04) is accepted and written back as +04:00.
- Interval ends are dates or seasons, as in the spec: no times, no X digits (level 2),
  no Y years.
- A qualifier may end any level 1 date except a date-time (the spec lists it for dates,
  unspecified dates and interval ends; chrono also allows it on a season and a Y year).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal, NamedTuple

from chrono.dates.calendar import MONTH_NAMES, days_in_month, is_leap_year
from chrono.dates.point import DateError, Fields, Point, Precision, make_point

EndKind = Literal["closed", "open", "unknown"]

# re.ASCII: \d must not match other scripts' digits (EDTF is ASCII, and int() accepts them).
_POINT = re.compile(
    r"(?P<year>Y-?\d+|-?[\dX]{4})(?:-(?P<month>[\dX]{2})(?:-(?P<day>[\dX]{2}))?)?", re.ASCII
)
_TIME = re.compile(
    r"(?P<hour>\d\d):(?P<minute>\d\d):(?P<second>\d\d)(?P<tz>Z|[+-]\d\d(?::\d\d)?)?", re.ASCII
)
_LEVEL2 = "EDTF level 2 is not supported"
#: The years chrono supports, in every output: the Big Bang (13.8 billion years ago) fits.
MAX_YEAR = 10**11
_RANGE = f"years beyond ±{MAX_YEAR:,} are not supported"
#: Longer than any EDTF level 1 date within MAX_YEAR ("2016-04-27T09:30:00+04:00" is 25).
_MAX_TEXT = 64


class Parsed(NamedTuple):
    """The parts of an EDTF date, before `chrono.dates.edtf` wraps them."""

    text: str
    start: Point | None
    end: Point | None
    start_kind: EndKind
    end_kind: EndKind
    is_interval: bool


def parse(text: str) -> Parsed:
    """Parse one EDTF level 0/1 expression; raise DateError when it is not one."""
    if len(text) > _MAX_TEXT:
        raise DateError(_too_long(text))
    try:
        if not text:
            raise DateError("empty")
        if "/" in text:
            return _parse_interval(text)
        point = parse_point(text)
        return Parsed(point.text, point, point, "closed", "closed", False)
    except DateError:
        # Only a failure pays for the diagnosis; a surface problem (spaces, level 2
        # syntax, old drafts) explains it better than where the grammar stopped.
        from chrono.dates.hints import surface_problem  # failures only: keep it off start-up

        problem = surface_problem(text)
        if problem:
            raise DateError(problem) from None
        raise


def _too_long(text: str) -> str:
    """The message for text longer than any date: short, whatever the text's length."""
    shown = f"{text[:16]}… ({len(text):,} characters)"
    if re.match(r"Y-?\d{13}", text, re.ASCII):
        return f"{shown}: {_RANGE}"
    return f"{shown} is too long to be an EDTF date"


def _parse_interval(text: str) -> Parsed:
    if text.count("/") > 1:
        raise DateError(
            f'"{text}" has more than one "/": an interval is start/end (e.g. 1964/2008), '
            "and a day is written 2005-09-24"
        )
    left, right = text.split("/")
    start_kind, start = _interval_end(left, text)
    end_kind, end = _interval_end(right, text)
    if start is None and end is None:
        raise DateError(f'"{text}": an interval needs at least one end that is a date')
    if start is not None and end is not None and end.latest < start.earliest:
        raise DateError(f"interval {text} ends before it starts: write {right}/{left}")
    canonical = f"{start.text if start else left}/{end.text if end else right}"
    return Parsed(canonical, start, end, start_kind, end_kind, True)


def _interval_end(side: str, text: str) -> tuple[EndKind, Point | None]:
    if side == "":
        return "unknown", None
    if side == "..":
        return "open", None
    point = parse_point(side)
    if point.hour is not None:
        raise DateError(f"an interval end cannot have a time ({side} in {text}): EDTF joins dates")
    if point.unspecified:
        raise DateError(f"{_LEVEL2}: X digits in an interval end ({side} in {text})")
    if side.startswith("Y"):
        raise DateError(f"a Y year cannot be an interval end ({side} in {text})")
    return "closed", point


_PLAIN_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)([?~%]?)", re.ASCII)


def parse_point(text: str) -> Point:
    """Parse one date or date-time, with an optional trailing qualifier."""
    plain = _PLAIN_DAY.fullmatch(text)
    if plain:  # the common case, straight to the point; anything odd takes the long way
        year, month, day = int(plain[1]), int(plain[2]), int(plain[3])
        if 1 <= month <= 12 and 1 <= day <= days_in_month(year, month):
            fields = Fields(year, "day", text, month, day, qualifier=plain[4])
            return make_point(fields)
    body, qualifier = _split_qualifier(text)
    date_part, has_time, time_part = body.partition("T")
    match = _POINT.fullmatch(date_part)
    if match is None:
        from chrono.dates.hints import diagnose_date

        raise DateError(diagnose_date(date_part, text))
    fields = _date_fields(match["year"], match["month"], match["day"])
    canonical = date_part
    if has_time:
        if qualifier:
            raise DateError(f"{text}: ?, ~ and % qualify dates, not date-times")
        fields, time_text = _with_time(fields, time_part, text)
        canonical += "T" + time_text
    return make_point(replace(fields, qualifier=qualifier, text=canonical + qualifier))


def _split_qualifier(text: str) -> tuple[str, str]:
    qualifier = text[-1] if text[-1] in "?~%" else ""
    body = text[: len(text) - len(qualifier)]
    if body and body[-1] in "?~%":
        raise DateError(f"{text}: one qualifier at the end (? uncertain, ~ approximate, % both)")
    if any(symbol in body for symbol in "?~%"):
        raise DateError(f"{_LEVEL2}: {text} qualifies part of a date; level 1 puts ?, ~ or % last")
    if not body:
        raise DateError(f'"{text}" is a qualifier without a date')
    return body, qualifier


def _date_fields(year_token: str, month_token: str | None, day_token: str | None) -> Fields:
    date = "-".join(t for t in (year_token, month_token, day_token) if t is not None)
    if year_token.startswith("Y"):
        return _long_year(year_token, date)
    year = _year(year_token)
    if "X" in year_token:
        if month_token is not None:
            raise DateError(f"{_LEVEL2}: {date} has X digits in its year and a month")
        precision: Precision = "decade" if year_token.count("X") == 1 else "century"
        return Fields(year=year, precision=precision, text="", unspecified=("year",))
    if month_token is None:
        return Fields(year=year, precision="year", text="")
    if month_token == "XX":
        return _month_unspecified(year, day_token, date)
    return _month_and_day(year, year_token, month_token, day_token, date)


def _year(token: str) -> int:
    if "X" not in token:
        if token == "-0000":
            raise DateError("-0000 is not EDTF: year zero is written 0000")
        return int(token)
    digits = token.removeprefix("-")
    if re.fullmatch(r"\d{3}X|\d\dXX", digits, re.ASCII) is None:
        raise DateError(f"{_LEVEL2}: {token} has X digits other than the last one or two")
    if token.startswith("-"):  # -201X is -2019 to -2010: the block starts at its far end
        return -int(digits.replace("X", "9"))
    return int(digits.replace("X", "0"))


def _long_year(token: str, date: str) -> Fields:
    sign = "-" if token.startswith("Y-") else ""
    digits = token[1 + len(sign) :]
    significant = digits.lstrip("0")
    if len(significant) <= 4:
        plain = f"{sign}{significant:0>4}" if significant else "0000"
        raise DateError(
            f"the Y prefix is only for years of more than four digits: "
            f"write {date.replace(token, plain, 1)}"
        )
    if significant != digits:
        raise DateError(f"a Y year does not start with 0: write Y{sign}{significant}")
    if date != token:
        raise DateError(f"a Y year stands alone: {date} cannot have a month or day")
    if len(digits) > len(str(MAX_YEAR)) or int(digits) > MAX_YEAR:
        raise DateError(f"{token}: {_RANGE}")
    return Fields(year=int(sign + digits), precision="year", text="")


def _month_unspecified(year: int, day_token: str | None, date: str) -> Fields:
    if day_token is None:
        return Fields(year=year, precision="year", text="", unspecified=("month",))
    if day_token != "XX":
        raise DateError(f"{_LEVEL2}: {date} gives a day in an unspecified month")
    return Fields(year=year, precision="year", text="", unspecified=("month", "day"))


def _month_and_day(
    year: int, year_token: str, month_token: str, day_token: str | None, date: str
) -> Fields:
    if "X" in month_token:
        raise DateError(f"{_LEVEL2}: {date} has one X digit in its month")
    month = int(month_token)
    if 21 <= month <= 24 and day_token is None:
        return Fields(year=year, precision="season", text="", season=month)
    if 21 <= month <= 24:
        raise DateError(f"a season has no day: {date}")
    if 25 <= month <= 41 and day_token is None:
        raise DateError(f"{_LEVEL2}: season {month} in {date} (level 1 seasons are 21–24)")
    if not 1 <= month <= 12:
        raise DateError(f"month {month_token} does not exist in {date} (01–12; seasons 21–24)")
    if day_token is None:
        return Fields(year=year, precision="month", text="", month=month)
    if day_token == "XX":
        return Fields(year=year, precision="month", text="", month=month, unspecified=("day",))
    if "X" in day_token:
        raise DateError(f"{_LEVEL2}: {date} has one X digit in its day")
    day = int(day_token)
    if not 1 <= day <= days_in_month(year, month):
        leap = " (not a leap year)" if month == 2 and day == 29 and not is_leap_year(year) else ""
        raise DateError(
            f"day {day_token} does not exist in {MONTH_NAMES[month - 1]} {year_token}{leap}"
        )
    return Fields(year=year, precision="day", text="", month=month, day=day)


def _with_time(fields: Fields, time_part: str, text: str) -> tuple[Fields, str]:
    if fields.precision != "day":
        raise DateError(f"a time needs a full date (year-month-day): {text}")
    match = _TIME.fullmatch(time_part)
    if match is None:
        from chrono.dates.hints import diagnose_time

        raise DateError(diagnose_time(time_part))
    hour, minute, second = int(match["hour"]), int(match["minute"]), int(match["second"])
    _check_clock(hour, minute, second, time_part)
    offset_text, tz_minutes = _offset(match["tz"])
    clock = f"{match['hour']}:{match['minute']}:{match['second']}"
    fields = replace(fields, precision="second", time=(hour, minute, second), tz_minutes=tz_minutes)
    return fields, clock + offset_text


def _check_clock(hour: int, minute: int, second: int, time_part: str) -> None:
    # ISO 8601 and the EDTF grammar allow 24:00:00 for the end of a day, and nothing later.
    if hour == 24 and (minute, second) != (0, 0):
        raise DateError(f"hour 24 in {time_part} is only allowed as 24:00:00")
    if hour > 24:
        raise DateError(f"hour {hour:02d} does not exist in {time_part} (00–23)")
    if minute > 59:
        raise DateError(f"minute {minute:02d} does not exist in {time_part} (00–59)")
    if second == 60:
        raise DateError(f"leap seconds are not supported: {time_part}")
    if second > 59:
        raise DateError(f"second {second:02d} does not exist in {time_part} (00–59)")


def _offset(token: str | None) -> tuple[str, int | None]:
    if token is None:
        return "", None
    if token == "Z":
        return "Z", 0
    hours, minutes = int(token[1:3]), int(token[4:6] or 0)
    total = hours * 60 + minutes
    if minutes > 59:
        raise DateError(f"offset {token}: minute {minutes:02d} does not exist")
    if total == 0:
        raise DateError(f"offset {token}: write Z for UTC")
    if total > 14 * 60:
        raise DateError(f"offset {token} is beyond ±14:00")
    text = f"{token[0]}{hours:02d}:{minutes:02d}"
    return text, -total if token[0] == "-" else total
