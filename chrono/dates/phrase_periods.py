"""Phrase rules above the day, and written dates: months, years, their thirds, month-days."""

from __future__ import annotations

import re
from datetime import date, timedelta

from chrono.dates.phrase_common import (
    MONTH,
    NUMBER,
    PART,
    PARTS,
    WEEKDAY,
    Context,
    Rule,
    Span,
    add_months,
    at_unit,
    count,
    days,
    month_number,
    shift,
    thirds,
)

_UNIT = r"(?P<unit>day|week|month|year)s?"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"


def _ago(m: re.Match[str], ctx: Context) -> Span:
    sign = 1 if m["dir"] in ("in", "from now") else -1
    day = shift(ctx.anchor, sign * count(m["n"]), m["unit"])
    return Span((at_unit(day, m["unit"]),), f"{m['unit']}s {m['dir']}: counted from publication")


def _explicit_day(m: re.Match[str], ctx: Context) -> Span | None:
    month = month_number(m["month"])
    try:
        day = date(int(m["year"]), month or 0, int(m["d"]))
    except ValueError:
        return None
    if m["day"] and day.strftime("%A").casefold() != m["day"]:
        return None
    return Span((day.isoformat(),), "explicit date", relative=False)


def _month_day(m: re.Match[str], ctx: Context) -> Span | None:
    month, anchor = month_number(m["month"]), ctx.anchor
    if month is None:
        return None
    try:
        day = date(anchor.year, month, int(m["d"]))
        if ctx.future and day < anchor:
            day = date(anchor.year + 1, month, day.day)
        elif not ctx.future and day > anchor:
            day = date(anchor.year - 1, month, day.day)
    except ValueError:
        return None
    when = (
        "future: the next one on or after" if ctx.future else "past: the most recent on or before"
    )
    return days(day, day, f"month and day without a year, {when} publication")


def _explicit_period(m: re.Match[str], ctx: Context) -> Span | None:
    month = None
    if m["month"] and (month := month_number(m["month"])) is None:
        return None
    part = PARTS.get(m["part"] or "", m["part"])
    what = "year" if month is None else "month and year"
    return Span(thirds(int(m["year"]), month, part), f"explicit {what}", relative=False)


def _bare_month(m: re.Match[str], ctx: Context) -> Span | None:
    month = month_number(m["month"])
    if month is None:
        return None
    year, when = _month_year(month, m["rel"], m["rel2"], ctx)
    part = PARTS.get(m["part"] or "", m["part"])
    return Span(thirds(year, month, part), when)


def _month_year(month: int, rel: str | None, rel2: str | None, ctx: Context) -> tuple[int, str]:
    anchor = ctx.anchor
    if rel2 == "last":
        return anchor.year - (
            month >= anchor.month
        ), "last <month>: the most recent before this one"
    if rel2 == "next":
        return anchor.year + (month <= anchor.month), "next <month>: the first after this one"
    if "this" in (rel, rel2):
        return anchor.year, "<month> this year"
    if rel in ("last", "next"):
        return anchor.year + (1 if rel == "next" else -1), f"<month> {rel} year"
    if ctx.future:
        return anchor.year + (
            month < anchor.month
        ), "month without a year, future: the next one on or after publication"
    return anchor.year - (
        month > anchor.month
    ), "month without a year, past: the most recent on or before publication"


def _relative_period(m: re.Match[str], ctx: Context) -> Span:
    rel, unit, anchor = m["rel"] or "this", m["unit"], ctx.anchor
    moved = shift(anchor, {"last": -1, "next": 1}.get(rel, 0), unit)
    part = m["part"]
    if part in ("earlier", "later") and rel == "this":
        return _rest_of(unit, anchor, part)
    month = moved.month if unit == "month" else None
    part = PARTS.get(part or "", part)
    return Span(thirds(moved.year, month, part), f"{part + ' ' if part else ''}{rel} {unit}")


def _rest_of(unit: str, anchor: date, part: str) -> Span:
    """ "earlier this month": from its first day up to the day before publication."""
    first = anchor.replace(day=1) if unit == "month" else anchor.replace(month=1, day=1)
    last = add_months(first, 1 if unit == "month" else 12) - timedelta(days=1)
    if part == "earlier":
        return days(first, max(first, anchor - timedelta(days=1)), f"earlier this {unit}")
    return days(min(last, anchor + timedelta(days=1)), last, f"later this {unit}")


def _quarter(m: re.Match[str], ctx: Context) -> Span:
    """A quarter or half of a year; without a year, by the tense rule like a month."""
    words = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
    n = int(m["n"]) if m["n"].isdigit() else words.get(m["n"], 4)
    kind = "quarter" if m["kind"] in ("quarter", "q") else "half"
    size = 3 if kind == "quarter" else 6
    n = min(n, 12 // size)
    first = (n - 1) * size + 1
    if m["year"]:
        year, rule = int(m["year"]), f"explicit {kind} of a year"
    else:
        anchor = ctx.anchor
        year = anchor.year + (ctx.future and first + size - 1 < anchor.month)
        year -= not ctx.future and first > anchor.month
        rule = f"{kind} without a year, {ctx.tense}: the nearest one by the tense rule"
    return Span(
        (f"{year:04d}-{first:02d}", f"{year:04d}-{first + size - 1:02d}"), rule, not m["year"]
    )


def _iso_day(m: re.Match[str], ctx: Context) -> Span | None:
    try:
        day = date(int(m["year"]), int(m["month"]), int(m["d"]))
    except ValueError:
        return None
    return Span((day.isoformat(),), "explicit date", relative=False)


def _day_range(m: re.Match[str], ctx: Context) -> Span | None:
    """ "Jan. 2-3": both days in one month, the year as written or by the tense rule."""
    first = _month_day(m, ctx) if not m["year"] else _explicit_day(m, ctx)
    if first is None:
        return None
    start = date.fromisoformat(first.points[0])
    try:
        end = start.replace(day=int(m["d2"]))
    except ValueError:
        return None
    return days(start, end, first.rule) if end > start else None


def _day_of_month(m: re.Match[str], ctx: Context) -> Span | None:
    """ "on the 15th": that day of the publication's month, or by the tense rule."""
    anchor = ctx.anchor
    try:
        day = anchor.replace(day=int(m["d"]))
        if ctx.future and day < anchor:
            day = add_months(anchor.replace(day=1), 1).replace(day=day.day)
        elif not ctx.future and day > anchor:
            day = add_months(anchor.replace(day=1), -1).replace(day=day.day)
    except ValueError:
        return None
    return days(day, day, f"day of the month, {ctx.tense}: the nearest by the tense rule")


def _same_last_year(m: re.Match[str], ctx: Context) -> Span:
    return Span((f"{ctx.anchor.year - 1:04d}",), "the same <period> last year: last year")


_REL_PERIOD = r"(?:(?P<part>early|mid|late|earlier|later|beginning of|start of|middle of|end of)[- ]?(?:in )?)?(?P<rel>this|last|next) (?P<unit>month|year)"
RULES: list[Rule] = [
    (re.compile(rf"{NUMBER} {_UNIT} (?P<dir>ago|from now)"), _ago),
    (re.compile(rf"(?P<dir>in) {NUMBER} {_UNIT}"), _ago),
    (re.compile(rf"(?:{WEEKDAY} )?{MONTH} {_DAY} (?P<year>\d{{4}})"), _explicit_day),
    (re.compile(rf"(?:{WEEKDAY} )?(?:the )?{_DAY} (?:of )?{MONTH} (?P<year>\d{{4}})"), _explicit_day),
    (re.compile(rf"{PART}(?:{MONTH} (?:of )?)?(?P<year>\d{{4}})"), _explicit_period),
    (re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<d>\d\d)"), _iso_day),
    (re.compile(rf"(?P<day>){MONTH} {_DAY}[-–](?P<d2>\d{{1,2}})(?: (?P<year>\d{{4}}))?"), _day_range),
    (re.compile(r"(?:the )?(?P<d>\d{1,2})(?:st|nd|rd|th)(?: of (?:this|the) month)?"), _day_of_month),
    (re.compile(rf"{MONTH} {_DAY}"), _month_day),
    (re.compile(rf"(?:the )?{_DAY} (?:of )?{MONTH}"), _month_day),
    (re.compile(rf"{PART}(?:(?P<rel2>last|next|this) )?{MONTH}(?: (?P<rel>this|last|next) year)?"), _bare_month),
    (re.compile(_REL_PERIOD), _relative_period),
    (re.compile(r"(?P<part>beginning of|start of|middle of|end of|close of) the (?P<unit>month|year)(?P<rel>)"), _relative_period),
    (re.compile(r"(?P<n>first|second|third|fourth|final|last|1st|2nd|3rd|4th) (?P<kind>quarter|half)(?: (?:of )?(?P<year>\d{4}))?"), _quarter),
    (re.compile(r"(?P<kind>q)(?P<n>[1-4]) (?P<year>\d{4})"), _quarter),
    (re.compile(r"(?:the )?same (?:day|week|month|quarter|period|time) (?:last|a) year(?: ago)?"), _same_last_year),
]  # fmt: skip
