"""What the phrase rules share: the reading context, the result type, words and arithmetic."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Tense = Literal["past", "future"]


@dataclass(frozen=True, slots=True)
class Context:
    """The anchor a phrase is read against, and the tense of the clause that holds it."""

    anchor: date
    tense: Tense = "past"

    @property
    def future(self) -> bool:
        return self.tense == "future"


@dataclass(frozen=True, slots=True)
class Span:
    """What a phrase denotes: one point, or an interval's start and end ("..": open)."""

    points: tuple[str, ...]
    rule: str
    relative: bool = True  # depends on the anchor, so no surer than the anchor


Rule = tuple[re.Pattern[str], Callable[[re.Match[str], Context], Span | None]]

# English only, and not calendar.month_name: that follows the process locale.
MONTHS: tuple[str, ...] = ("january", "february", "march", "april", "may", "june")
MONTHS += ("july", "august", "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS: tuple[str, ...] = ("one", "two", "three", "four", "five", "six", "seven", "eight")
NUMBERS += ("nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen")
NUMBERS += ("seventeen", "eighteen", "nineteen", "twenty")
NUMBER = r"(?P<n>\d{1,4}|an?|a couple of|couple of|" + "|".join(NUMBERS) + ")"
MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
WEEKDAY = "(?P<day>" + "|".join(WEEKDAYS) + ")"
PART = r"(?:(?P<part>early|mid|late|beginning of|start of|middle of|end of)[- ]?)?"
PARTS = {"beginning of": "early", "start of": "early", "middle of": "mid", "end of": "late"}
PARTS["close of"] = "late"
DAY_PART = r"(?: (?:morning|afternoon|evening|night|overnight))?"


def month_number(word: str) -> int | None:
    """1–12 for an English month name or its abbreviation ("Sept."), else None."""
    word = word.rstrip(".")
    for number, name in enumerate(MONTHS, start=1):
        if word == name or (len(word) >= 3 and name.startswith(word)):
            return number
    return None


def count(word: str) -> int:
    """The number a word like "3", "three", "a" or "a couple of" stands for."""
    if word.isdigit():
        return int(word)
    if word in NUMBERS:
        return NUMBERS.index(word) + 1
    return 2 if "couple" in word else 1


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(anchor: date, n: int, unit: str) -> date:
    """`anchor` moved by n days, weeks, months or years."""
    if unit in ("day", "week"):
        return anchor + timedelta(days=n * (7 if unit == "week" else 1))
    return add_months(anchor, n * (12 if unit == "year" else 1))


def at_unit(day: date, unit: str) -> str:
    """EDTF for the year, month or day that holds `day`."""
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def days(start: date, end: date, rule: str) -> Span:
    """A closed interval of days (one point when start is end)."""
    if start == end:
        return Span((start.isoformat(),), rule)
    return Span((start.isoformat(), end.isoformat()), rule)


def thirds(year: int, month: int | None, part: str | None) -> tuple[str, ...]:
    """A year or month, or its early/mid/late third: months 1–4/5–8/9–12, days 1–10/11–20/21–."""
    if month is None:
        if part is None:
            return (f"{year:04d}",)
        first = {"early": 1, "mid": 5, "late": 9}[part]
        return (f"{year:04d}-{first:02d}", f"{year:04d}-{first + 3:02d}")
    if part is None:
        return (f"{year:04d}-{month:02d}",)
    last = calendar.monthrange(year, month)[1]
    first, end = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}[part]
    return (date(year, month, first).isoformat(), date(year, month, end).isoformat())
