"""Markwhen date ranges as EDTF, relative dates resolved.

A range is ``DATE[ - DATE]`` (or ``DATE/DATE`` between two ISO dates, as ISO 8601 writes it). A date is ISO 8601 (``2024``, ``2024-01-05``,
``2024-01-05T10:00:00Z``), a human date (``2024``, ``01/2024``, ``12/25/2024``; day first
under ``dateFormat: d/M/y``), or relative: ``[after] [!id] N units`` (days, weeks, months,
years). A lone relative date starts where its reference ends (the event ``!id``, else
the last date written) and lasts N units; as the end of a range, it is N units after the
start; as the start of a two-part range, N units after the reference. ``now`` and
recurring events (``every ...``) are refused: chrono never dates against today, and one
event is one event.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from chrono.importers.dates import CellDateError, iso_datetime

_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}
_RELATIVE = re.compile(
    r"(?:(?P<after>after|before)\s+)?(?:!(?P<ref>[\w-]+)\s*)?(?:(?P<n>\d+)\s*(?P<unit>day|week|month|year)s?)?",
    re.IGNORECASE,
)
_HUMAN = re.compile(r"(?:(\d{1,2})/)?(?:(\d{1,2})/)?(-?\d{1,4})", re.ASCII)
_ISO_CALENDAR = re.compile(r"-?\d{4}(?:-\d{2}(?:-\d{2})?)?", re.ASCII)


@dataclass(frozen=True)
class Span:
    """A resolved range: its EDTF text, first day and the day after it ends."""

    edtf: str
    first: dt.date
    after: dt.date


class Dates:
    """The state relative dates need: the last span written, and spans by event id."""

    def __init__(self, day_first: bool = False) -> None:
        self.day_first = day_first
        self.last: Span | None = None
        self.by_id: dict[str, Span] = {}

    def parse_range(self, text: str) -> Span:
        """The span a range stands for; CellDateError when it is none."""
        text = text.strip()
        if re.search(r"\bevery\b", text, re.IGNORECASE):
            raise CellDateError(
                f"'{text}' repeats: chrono imports one event per line, not recurrences; write each occurrence as its own event"
            )
        if re.search(r"\bnow\b", text, re.IGNORECASE):
            raise CellDateError(
                f"'{text}' ends 'now': chrono never dates against today; write the date"
            )
        whole = self._absolute(text) or self._relative(text, None)
        if whole is not None:
            return self._remember(whole)
        for start_text, end_text in _splits(text):
            start = self._absolute(start_text) or self._relative(start_text, None, lasting=False)
            if start is None:
                continue
            end = self._absolute(end_text) or self._relative(
                end_text, start, lasting=False, from_start=True
            )
            if end is None:
                continue
            if end.after <= start.first:
                raise CellDateError(f"'{text}' ends before it starts")
            return self._remember(_join(start, end))
        raise CellDateError(f"'{text}' is not a Markwhen date range chrono can read")

    def _remember(self, span: Span) -> Span:
        self.last = span
        return span

    def _absolute(self, text: str) -> Span | None:
        text = text.strip()
        if _ISO_CALENDAR.fullmatch(text):
            return _calendar_span(text)
        iso = iso_datetime(text) if "T" in text else None
        if iso is not None:
            first_day = dt.date.fromisoformat(iso[:10])
            return Span(iso, first_day, first_day + dt.timedelta(days=1))
        human = _HUMAN.fullmatch(text)
        if human is None:
            return None
        first, second, year = human.groups()
        month, day = (second, first) if self.day_first and second else (first, second)
        if first and second is None:  # m/yyyy
            month, day = first, None
        if month and not 1 <= int(month) <= 12:
            return None
        edtf = (
            f"{int(year):04d}"
            + (f"-{int(month):02d}" if month else "")
            + (f"-{int(day):02d}" if day else "")
        )
        return _calendar_span(edtf)

    def _relative(
        self, text: str, start: Span | None, lasting: bool = True, from_start: bool = False
    ) -> Span | None:
        found = _RELATIVE.fullmatch(text.strip())
        if found is None or (not found["n"] and not found["ref"]):
            return None
        if found["after"] and found["after"].casefold() == "before":
            raise CellDateError(f"'{text}': 'before' dates are not supported; write the date")
        base = self._reference(found["ref"], start if from_start else None, text)
        amount = int(found["n"] or 0)
        unit = _UNITS[found["unit"].casefold()] if found["unit"] else "days"
        if from_start:  # the end of a range: N units after its start
            return _day_span(base.first, _shift(base.first, unit, amount))
        if not lasting:
            begin = _shift(base.after, unit, amount)
            return _day_span(begin, begin + dt.timedelta(days=1))
        return _day_span(
            base.after,
            _shift(base.after, unit, amount) if amount else base.after + dt.timedelta(days=1),
        )

    def _reference(self, ref: str | None, start: Span | None, text: str) -> Span:
        if start is not None:
            return start
        if ref is not None:
            if ref not in self.by_id:
                raise CellDateError(f"'{text}': no event !{ref} before this line")
            return self.by_id[ref]
        if self.last is None:
            raise CellDateError(f"'{text}' is relative, but no date comes before it")
        return self.last


def _splits(text: str) -> list[tuple[str, str]]:
    """Ways to cut a range into start and end: at ' - ', '–', ' to ', then at each '-';
    and at a '/' between two ISO dates (``2016-05/2016-08``, the ISO 8601 interval)."""
    found = []
    head, slash, tail = text.partition("/")
    if slash and all(_ISO_CALENDAR.fullmatch(p.strip()) or "T" in p for p in (head, tail)):
        found.append((head, tail))
    for sep in (" - ", "–", " to "):
        if sep in text:
            head, _, tail = text.partition(sep)
            found.append((head, tail))
    found += [(text[:i], text[i + 1 :]) for i, char in enumerate(text) if char == "-" and i > 0]
    return found


def _calendar_span(edtf: str) -> Span | None:
    from chrono.dates import DateError, parse_edtf

    try:
        parse_edtf(edtf)
    except DateError:
        return None
    negative = edtf.startswith("-")
    parts = [int(p) for p in edtf.lstrip("-").split("-")]
    year = -parts[0] if negative else parts[0]
    if not 1 <= year <= 9998:
        return None  # Python dates hold years 1-9999; such a year is no Markwhen date anyway
    if len(parts) == 1:
        return Span(edtf, dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
    if len(parts) == 2:
        first = dt.date(year, parts[1], 1)
        return Span(edtf, first, _shift(first, "months", 1))
    first = dt.date(year, parts[1], parts[2])
    return Span(edtf, first, first + dt.timedelta(days=1))


def _shift(day: dt.date, unit: str, amount: int) -> dt.date:
    from dateutil.relativedelta import relativedelta

    moved: dt.date = day + relativedelta(**{unit: amount})  # type: ignore[arg-type]
    return moved


def _day_span(first: dt.date, after: dt.date) -> Span:
    last = after - dt.timedelta(days=1)
    edtf = first.isoformat() if last <= first else f"{first.isoformat()}/{last.isoformat()}"
    return Span(edtf, first, max(after, first + dt.timedelta(days=1)))


def _join(start: Span, end: Span) -> Span:
    head = start.edtf.split("/")[0]
    tail = end.edtf.split("/")[-1]
    return Span(head if head == tail else f"{head}/{tail}", start.first, end.after)
