"""Phrase rules at day precision: days, weekdays, weeks, weekends and holidays."""

from __future__ import annotations

import re
from datetime import date, timedelta

from chrono.dates.holidays import HOLIDAY, holiday
from chrono.dates.phrase_common import (
    DAY_PART,
    MONTH,
    WEEKDAY,
    WEEKDAYS,
    Context,
    Rule,
    Span,
    days,
)

_REL = r"(?P<rel>this past|this coming|this|last|past|next|coming|earlier|later|late|early)"
_CLOCK_ALONE = r"(?:\d{1,2}(?::\d\d)?\s?(?:a\.?m\.?|p\.?m\.?)|noon|midnight)"
_CLOCK = r"(?:(?:\d{1,2}(?::\d\d)?\s?(?:a\.?m\.?|p\.?m\.?)|noon|midnight)(?: on)? )?"


def _day_word(m: re.Match[str], ctx: Context) -> Span:
    offset = {"yesterday": -1, "last": -1, "tomorrow": 1}.get(m["word"], 0)
    day = ctx.anchor + timedelta(days=offset)
    return days(day, day, f"{m.group()}: that exact day")


def _end_of_day(m: re.Match[str], ctx: Context) -> Span:
    return days(ctx.anchor, ctx.anchor, "the end of the day: the publication day")


def _week(m: re.Match[str], ctx: Context) -> Span:
    monday = ctx.anchor - timedelta(days=ctx.anchor.weekday())
    monday += timedelta(weeks={"last": -1, "next": 1}.get(m["rel"], 0))
    start, end, part = monday, monday + timedelta(days=6), m["part"]
    if part == "early":
        end = monday + timedelta(days=2)
    elif part == "late":
        start = monday + timedelta(days=3)
    elif part == "earlier" and m["rel"] == "this":
        end = max(monday, ctx.anchor - timedelta(days=1))
    elif part == "later" and m["rel"] == "this":
        start = min(end, ctx.anchor + timedelta(days=1))
    name = f"{part + ' ' if part else ''}{m['rel']} week"
    return days(start, end, f"{name}: ISO weeks, Monday to Sunday")


def _weekend(m: re.Match[str], ctx: Context) -> Span:
    anchor = ctx.anchor
    rel = (m["rel"] or "").replace("this ", "")
    if rel == "this":  # the Saturday–Sunday of the publication's ISO week
        saturday = anchor + timedelta(days=5 - anchor.weekday())
    elif rel in ("next", "coming") or (not rel and ctx.future):
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7 or 7)
    else:
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        if rel in ("last", "past") and anchor.weekday() >= 5:
            saturday -= timedelta(weeks=1)
    return days(saturday, saturday + timedelta(days=1), f"{rel or 'the'} weekend")


def _weekday(m: re.Match[str], ctx: Context) -> Span:
    target, today = WEEKDAYS.index(m["day"]), ctx.anchor.weekday()
    rel = m["rel"] or ""
    if rel == "this":
        offset, rule = target - today, "this <weekday>: in the publication's ISO week"
    elif target == today and (rel == "later" or (rel == "late" and ctx.future)):
        offset, rule = 0, "later <weekday>: the publication day"
    elif rel.endswith(("next", "coming")) or (ctx.future and rel not in ("earlier", "last")):
        offset, rule = (target - today) % 7 or 7, "weekday, future: the next one after publication"
    elif rel.endswith(("last", "past")):
        offset, rule = -((today - target) % 7 or 7), "last <weekday>: strictly before publication"
    else:
        offset, rule = -((today - target) % 7), "weekday, past: the most recent on or before"
    day = ctx.anchor + timedelta(days=offset)
    return days(day, day, rule)


def _holiday(m: re.Match[str], ctx: Context) -> Span | None:
    shift = {"before": -1, "after": 1}.get(m["side"] or "", 0)
    year, rel = ctx.anchor.year, m["rel"] or ""
    future = rel == "next" or (ctx.future and rel != "last")
    found = holiday(m["name"], year)
    if found is None:
        return None
    day = found + timedelta(days=shift)
    if future and day < ctx.anchor:
        day = _in_year(m["name"], year + 1, shift)
    elif not future and (day > ctx.anchor or (rel == "last" and day == ctx.anchor)):
        day = _in_year(m["name"], year - 1, shift)
    when = "future: the next occurrence" if future else "past: the most recent occurrence"
    return days(day, day, f"holiday-anchored day, US rule, {when}")


def _nth_weekday(m: re.Match[str], ctx: Context) -> Span | None:
    """ "the second Monday in January": that day of the month meant by the tense rule."""
    from chrono.dates.holidays import nth_weekday
    from chrono.dates.phrase_common import month_number

    month = month_number(m["month"])
    if month is None:
        return None
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(m["n"], -1)
    on = nth_weekday(month, WEEKDAYS.index(m["day"]), n)
    year = int(m["year"]) if m["year"] else ctx.anchor.year
    day = on(year)
    if not m["year"] and ctx.future and day < ctx.anchor:
        day = on(year + 1)
    elif not m["year"] and not ctx.future and day > ctx.anchor:
        day = on(year - 1)
    return days(day, day, f"the n-th weekday of a month, {ctx.tense}: by the tense rule")


def _in_year(name: str, year: int, shift: int) -> date:
    found = holiday(name, year)
    assert found is not None, "the name was found for the anchor's year"
    return found + timedelta(days=shift)


_HOLIDAY = rf"(?:(?P<rel>last|next|this) )?(?P<name>{HOLIDAY})"
RULES: list[Rule] = [
    (re.compile(r"(?:earlier |later )?(?P<word>today|tonight|this (?:morning|afternoon|evening))"), _day_word),
    (re.compile(rf"(?P<word>yesterday|tomorrow){DAY_PART}"), _day_word),
    (re.compile(r"(?P<word>last) night"), _day_word),
    (re.compile(r"(?:the )?end of the (?:day|business day)"), _end_of_day),
    (re.compile(r"(?:(?P<part>early|late|earlier|later) )?(?P<rel>this|last|next) week"), _week),
    (re.compile(r"(?:(?P<rel>this past|this coming|this|last|past|next|coming) )?weekend"), _weekend),
    (re.compile(rf"{_CLOCK}(?:{_REL} )?(?:on )?{WEEKDAY}(?:'s)?{DAY_PART}(?: at {_CLOCK_ALONE})?"), _weekday),
    (re.compile(rf"(?:(?:the )?(?:day|night) (?P<side>before|after) )?{_HOLIDAY}"), _holiday),
    (re.compile(rf"(?:the )?(?P<n>first|second|third|fourth|last) {WEEKDAY} (?:in|of) {MONTH}(?: (?P<year>\d{{4}}))?"), _nth_weekday),
]  # fmt: skip
