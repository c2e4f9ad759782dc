"""``--from timelinejs-sheet``: the TimelineJS Google Sheet template, downloaded as CSV.

Columns (Knight Lab's template): Year, Month, Day, Time, End Year, End Month, End Day,
End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, Media
Thumbnail, Type, Group, Background. The date is as precise as the columns filled (a Year
alone is a year; Year, Month and Day a day; a Time makes it a local date-time); End
columns make it an interval. ``Display Date`` is kept as ``date_text``, ``Group`` becomes
a tag, ``Text`` (HTML) the summary as plain text, and Media with its credit and caption a
source. The ``title`` row is the timeline's title slide and an ``era`` row a span of
background colour: neither is an event, and both are skipped with a note.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from chrono.dates import DateError, parse_edtf
from chrono.importers.dates import CellDateError
from chrono.importers.rows import Draft, Drafted, ReadError, ReadOptions, cell, csv_records
from chrono.importers.text import html_text
from chrono.model import Problem

_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?", re.ASCII)


def read(text: str, path: str, options: ReadOptions) -> Drafted:
    """One draft per event row; title and era rows are skipped with a warning."""
    drafted = Drafted()
    for number, (line, record) in enumerate(csv_records(text)):
        if number == 0 and not {"Year", "Headline"} <= set(record):
            raise ReadError(
                1, "missing-field", "not a TimelineJS sheet: no 'Year' and 'Headline' columns"
            )
        kind = (cell(record, "Type") or "").casefold()
        if kind in ("title", "era"):
            msg = f"the '{kind}' row is not an event; skipped"
            drafted.problems.append(Problem(path, line, "not-an-event", msg, "warning"))
            continue
        try:
            drafted.drafts.append(Draft(line, event_table(record)))
        except CellDateError as err:
            drafted.refuse(path, line, "bad-date", str(err))
    return drafted


def event_table(record: Mapping[str, str]) -> dict[str, Any]:
    """The event table for one slide row."""
    start = sheet_date(record, "")
    end = sheet_date(record, "End ") if cell(record, "End Year") else None
    date = f"{start}/{end}" if end else start
    try:
        date = parse_edtf(date).text
    except DateError as err:
        raise CellDateError(f"the row's date {date}: {err}") from None
    text = cell(record, "Text")
    group = cell(record, "Group")
    source = _source(record)
    return {
        "date": date,
        "date_text": cell(record, "Display Date"),
        "title": html_text(cell(record, "Headline") or "") or None,
        "summary": html_text(text) if text else None,
        "tags": [group] if group else [],
        "sources": [source] if source else None,
    }


def sheet_date(record: Mapping[str, str], prefix: str) -> str:
    """EDTF for the Year/Month/Day/Time columns (or End ...), as precise as they are filled."""
    parts = [cell(record, f"{prefix}{name}") for name in ("Year", "Month", "Day")]
    year, month, day = (
        _number(p, f"{prefix}{n}") for p, n in zip(parts, ("Year", "Month", "Day"), strict=True)
    )
    if year is None:
        raise CellDateError(f"'{prefix}Year' is blank")
    if day is not None and month is None:
        raise CellDateError(f"'{prefix}Day' is filled but '{prefix}Month' is not")
    text = f"{year:04d}" if year >= 0 else f"-{-year:04d}"
    text += f"-{month:02d}" if month is not None else ""
    text += f"-{day:02d}" if day is not None else ""
    clock = cell(record, f"{prefix}Time")
    if clock:
        if day is None:
            raise CellDateError(f"'{prefix}Time' is filled but '{prefix}Day' is not")
        text += "T" + _clock(clock, prefix)
    return text


def _number(value: str | None, column: str) -> int | None:
    if value is None:
        return None
    if not re.fullmatch(r"-?\d+", value, re.ASCII):
        raise CellDateError(f"'{column}' is '{value}', not a number")
    return int(value)


def _clock(value: str, prefix: str) -> str:
    found = _TIME.fullmatch(value.strip())
    if found is None:
        raise CellDateError(f"'{prefix}Time' is '{value}', not a time like 14:30 or 2:30 PM")
    hour, minute, second = int(found[1]), int(found[2]), int(found[3] or 0)
    if found[4]:
        if not 1 <= hour <= 12:
            raise CellDateError(f"'{prefix}Time' is '{value}': no hour {hour} on a 12-hour clock")
        hour = hour % 12 + (12 if found[4].casefold() == "pm" else 0)
    return f"{hour:02d}:{minute:02d}:{second:02d}"


def _source(record: Mapping[str, str]) -> dict[str, Any] | None:
    media, credit, caption = (cell(record, c) for c in ("Media", "Media Credit", "Media Caption"))
    credit = html_text(credit) if credit else None
    url = (
        media if media and media.startswith(("http://", "https://")) and " " not in media else None
    )
    title = html_text(caption) if caption else (credit or None)
    if not (url or title):
        return None
    entry = {"title": title, "url": url, "author": credit if caption else None}
    return {k: v for k, v in entry.items() if v}
