"""Proleptic Gregorian calendar arithmetic on unbounded integers.

Days and seconds count from 1970-01-01T00:00:00 UTC. Years are astronomical (year 0 is
1 BCE, year -1 is 2 BCE) and may be any Python int: `datetime` stops at year 9999 and
EDTF dates do not. The day formulas are Howard Hinnant's ``days_from_civil`` and
``civil_from_days``, which rely on floor division and so work for negative years as written.
"""

from __future__ import annotations

SECONDS_PER_DAY = 86_400

MONTH_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Days before the 400-year era that starts on 0000-03-01; shifts the epoch to 1970-01-01.
_EPOCH_SHIFT = 719_468
_DAYS_PER_ERA = 146_097


def is_leap_year(year: int) -> bool:
    """Whether `year` (astronomical numbering) has a 29 February."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """The number of days in `month` (1–12) of `year`."""
    if month == 2:
        return 29 if is_leap_year(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 to the given date; negative before it. Does not validate."""
    # Counting years from March puts the leap day last, so a month's offset is a formula.
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * _DAYS_PER_ERA + day_of_era - _EPOCH_SHIFT


def civil_from_days(days: int) -> tuple[int, int, int]:
    """The (year, month, day) that is `days` days after 1970-01-01."""
    days += _EPOCH_SHIFT
    era = days // _DAYS_PER_ERA
    day_of_era = days - era * _DAYS_PER_ERA
    year_of_era = (
        day_of_era - day_of_era // 1460 + day_of_era // 36_524 - day_of_era // 146_096
    ) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted_month = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * shifted_month + 2) // 5 + 1
    month = shifted_month + 3 if shifted_month < 10 else shifted_month - 9
    return year_of_era + era * 400 + (month <= 2), month, day


def seconds_from_civil(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> int:
    """Seconds from 1970-01-01T00:00:00 to the given wall-clock time, read as UTC."""
    days = days_from_civil(year, month, day)
    return days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second


def civil_from_seconds(seconds: int) -> tuple[int, int, int, int, int, int]:
    """The UTC (year, month, day, hour, minute, second) of a count of seconds since 1970."""
    days, rest = divmod(seconds, SECONDS_PER_DAY)
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    return (*civil_from_days(days), hour, minute, second)
