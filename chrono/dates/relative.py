"""Vague time phrases from sources ("next week", "mid-2016") resolved to EDTF text.

A phrase is read against an *anchor*: the date of the source that uses it, never today.
Only level-1 EDTF is produced: a day, month or year, or an interval of them, with ``..``
for an open end and ``~`` at the end of an approximate point.

Choices, where English is loose:

- Weeks are ISO weeks, Monday to Sunday. "this/last/next week" is a day interval.
- "the weekend", "this weekend", "over the weekend": the Saturday–Sunday the anchor falls
  in, else the last one before it. "last weekend" is the same, except that on a Saturday
  or Sunday it is the weekend before. "next weekend" is the first one after.
- A bare weekday ("on Friday") is the most recent such day on or before the anchor, the
  reading news copy intends; "last Friday" is strictly before, "next Friday" strictly
  after, "this Friday" the Friday of the anchor's ISO week.
- Thirds: early/mid/late 2016 are months 1–4, 5–8 and 9–12; early/mid/late April 2016
  are days 1–10, 11–20 and 21 to the month's end.
- "N days/weeks ago" is a day; "N months ago" a month; "N years ago" a year.
- "over a month", "for over a month", "more than a month ago" say when something began:
  at the latest a month before the anchor, ``../2016-03-18``.
- "days ago", "just days after": ``anchor-5~/anchor-1~``; "in a few days", "within days":
  ``anchor+1~/anchor+5~``. "recently": the month before,
  ``anchor-1 month~/anchor``. All are vague, so their vague ends always carry ``~``.
- Leading "on", "in", "by", "at", "during", "for", "the", "just", "only" and "over the"
  are ignored. "by mid-2016" therefore reads as "mid-2016"; note the deadline elsewhere.
- "about", "around", "roughly", "approximately", "circa", "some" make every closed end
  approximate.
- With ``approximate_anchor`` every closed end of a phrase that depends on the anchor gets
  ``~``. Phrases that do not ("in 2007", "mid-2016") stay as the source states them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["EXAMPLES", "PhraseError", "resolve_phrase"]

#: Phrases that resolve_phrase understands, quoted back in every PhraseError.
EXAMPLES: tuple[str, ...] = (
    "today",
    "last night",
    "next week",
    "over the weekend",
    "on Friday",
    "last month",
    "in 2007",
    "in April 2016",
    "mid-2016",
    "3 days ago",
    "for over a month",
    "just days after",
    "recently",
)


class PhraseError(ValueError):
    """A time phrase that resolve_phrase does not understand."""

    def __init__(self, phrase: str, reason: str = "") -> None:
        self.phrase = phrase
        detail = f" ({reason})" if reason else ""
        examples = ", ".join(repr(e) for e in EXAMPLES)
        super().__init__(
            f"time phrase not understood: {phrase!r}{detail}; "
            f"phrases that are understood include {examples}"
        )


@dataclass(frozen=True, slots=True)
class _Span:
    points: tuple[str, ...]  # one point, or an interval's start and end ("..": open)
    relative: bool = True  # depends on the anchor, so no surer than the anchor


_Rule = tuple[re.Pattern[str], Callable[[re.Match[str], date], _Span | None]]

# English only, and not calendar.month_name: that follows the process locale.
_MONTHS: tuple[str, ...] = ("january", "february", "march", "april", "may", "june")
_MONTHS += ("july", "august", "september", "october", "november", "december")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS: tuple[str, ...] = ("one", "two", "three", "four", "five", "six", "seven", "eight")
_NUMBERS += ("nine", "ten", "eleven", "twelve")
_NUMBER = r"(?P<n>\d{1,4}|an?|a couple of|couple of|" + "|".join(_NUMBERS) + ")"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_PART = r"(?:(?P<part>early|mid|late|beginning of|start of|middle of|end of)[- ]?)?"
_PARTS = {"beginning of": "early", "start of": "early", "middle of": "mid", "end of": "late"}
_FILLER = re.compile(
    r"(?:(?P<hedge>about|around|roughly|approximately|circa|some)"
    r"|on|in|by|at|during|for|the|just|only|over(?= the\b)) "
)


def _month(word: str) -> int | None:
    word = word.rstrip(".")
    for number, name in enumerate(_MONTHS, start=1):
        if word == name or (len(word) >= 3 and name.startswith(word)):
            return number
    return None


def _count(word: str) -> int:
    if word.isdigit():
        return int(word)
    if word in _NUMBERS:
        return _NUMBERS.index(word) + 1
    return 2 if "couple" in word else 1


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shift(anchor: date, n: int, unit: str) -> date:
    if unit in ("day", "week"):
        return anchor + timedelta(days=n * (7 if unit == "week" else 1))
    return _add_months(anchor, n * (12 if unit == "year" else 1))


def _at_unit(day: date, unit: str) -> str:
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _days(start: date, end: date, *, vague: bool = False) -> _Span:
    mark = "~" if vague else ""
    return _Span((start.isoformat() + mark, end.isoformat() + mark))


def _day_word(m: re.Match[str], anchor: date) -> _Span:
    offset = {"yesterday": -1, "last": -1, "tomorrow": 1}.get(m["word"], 0)
    return _Span(((anchor + timedelta(days=offset)).isoformat(),))


def _week(m: re.Match[str], anchor: date) -> _Span:
    monday = anchor - timedelta(days=anchor.weekday())
    monday += timedelta(weeks={"last": -1, "next": 1}.get(m["rel"], 0))
    return _days(monday, monday + timedelta(days=6))


def _weekend(m: re.Match[str], anchor: date) -> _Span:
    rel = (m["rel"] or "this").replace("this ", "")
    saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
    if rel in ("last", "past") and anchor.weekday() >= 5:
        saturday -= timedelta(weeks=1)
    elif rel in ("next", "coming"):
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7 or 7)
    return _days(saturday, saturday + timedelta(days=1))


def _weekday(m: re.Match[str], anchor: date) -> _Span:
    target, today = _WEEKDAYS.index(m["day"]), anchor.weekday()
    rel = m["rel"] or ""
    if rel == "this":
        offset = target - today
    elif rel.endswith(("next", "coming")):
        offset = (target - today) % 7 or 7
    elif rel.endswith(("last", "past")):
        offset = -((today - target) % 7 or 7)
    else:
        offset = -((today - target) % 7)
    return _Span(((anchor + timedelta(days=offset)).isoformat(),))


def _ago(m: re.Match[str], anchor: date) -> _Span:
    sign = 1 if m["dir"] in ("in", "from now") else -1
    day = _shift(anchor, sign * _count(m["n"]), m["unit"])
    return _Span((_at_unit(day, m["unit"]),))


def _more_than(m: re.Match[str], anchor: date) -> _Span:
    return _Span(("..", _shift(anchor, -_count(m["n"]), m["unit"]).isoformat()))


def _few_days(m: re.Match[str], anchor: date) -> _Span:
    if m["dir"] in ("in", "within"):
        return _days(anchor + timedelta(days=1), anchor + timedelta(days=5), vague=True)
    return _days(anchor - timedelta(days=5), anchor - timedelta(days=1), vague=True)


def _recently(m: re.Match[str], anchor: date) -> _Span:
    return _Span((_add_months(anchor, -1).isoformat() + "~", anchor.isoformat()))


def _period(m: re.Match[str], anchor: date) -> _Span | None:
    groups = m.groupdict()
    if rel := groups.get("rel"):
        day = _shift(anchor, {"last": -1, "next": 1}.get(rel, 0), m["unit"])
        year, month = day.year, (day.month if m["unit"] == "month" else None)
    else:
        year, month = int(m["year"]), None
        if m["month"] and (month := _month(m["month"])) is None:
            return None
    part = _PARTS.get(m["part"] or "", m["part"])
    return _Span(_split(year, month, part), relative=bool(rel))


def _split(year: int, month: int | None, part: str | None) -> tuple[str, ...]:
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


_WEEKDAY = "(?P<day>" + "|".join(_WEEKDAYS) + ")"
_REL = r"(?P<rel>this past|this coming|this|last|past|next|coming)"
_RULES: list[_Rule] = [
    (re.compile(r"(?P<word>today|tonight|this (?:morning|afternoon|evening))"), _day_word),
    (
        re.compile(r"(?P<word>yesterday|tomorrow)(?: morning| afternoon| evening| night)?"),
        _day_word,
    ),
    (re.compile(r"(?P<word>last) night"), _day_word),
    (re.compile(r"(?P<rel>this|last|next) week"), _week),
    (re.compile(rf"(?:{_REL} )?weekend"), _weekend),
    (re.compile(rf"(?:{_REL} )?{_WEEKDAY}"), _weekday),
    (re.compile(rf"{_NUMBER} {_UNIT} (?P<dir>ago|from now)"), _ago),
    (re.compile(rf"(?P<dir>in) {_NUMBER} {_UNIT}"), _ago),
    (
        re.compile(rf"(?:over|more than|longer than|upwards of) {_NUMBER} {_UNIT}(?: ago)?"),
        _more_than,
    ),
    (re.compile(r"(?:(?:a )?few |several )?days (?P<dir>ago|earlier|after)"), _few_days),
    (re.compile(r"(?P<dir>in|within) (?:(?:a )?few |several )?days"), _few_days),
    (re.compile(r"recently|lately"), _recently),
    (re.compile(rf"{_PART}(?:(?P<month>[a-z]+\.?) (?:of )?)?(?P<year>\d{{4}})"), _period),
    (re.compile(rf"{_PART}(?P<rel>this|last|next) (?P<unit>month|year)"), _period),
]


def _normalise(phrase: str) -> str:
    text = phrase.casefold().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(text.replace(",", " ").split()).strip(" .;:!?'\"()")


def _match(phrase: str, text: str, anchor: date) -> _Span | None:
    try:
        for pattern, handler in _RULES:
            if (m := pattern.fullmatch(text)) and (span := handler(m, anchor)):
                return span
    except (OverflowError, ValueError) as error:  # date arithmetic past year 1 or 9999
        raise PhraseError(phrase, "outside the years 1–9999") from error
    return None


def resolve_phrase(phrase: str, anchor: date, *, approximate_anchor: bool = False) -> str:
    """Return the EDTF text the phrase denotes, relative to anchor.

    `anchor` is the date of the source that uses the phrase. With `approximate_anchor`
    the result of an anchor-dependent phrase is marked ``~`` on each closed end.
    Raises PhraseError when the phrase is not understood or falls outside years 1–9999.
    """
    text, hedged = _normalise(phrase), False
    while (span := _match(phrase, text, anchor)) is None:
        if (filler := _FILLER.match(text)) is None:
            raise PhraseError(phrase)
        hedged = hedged or filler["hedge"] is not None
        text = text[filler.end() :]
    approximate = hedged or (approximate_anchor and span.relative)
    return "/".join(_qualified(p) if approximate else p for p in span.points)


def _qualified(point: str) -> str:
    return point if point == ".." or point.endswith("~") else point + "~"
