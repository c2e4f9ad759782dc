"""``--from acled``: an ACLED CSV extract, one event per row.

Columns used (ACLED codebook): ``event_id_cnty`` (the id), ``event_date`` with
``time_precision`` (1: the day is known; 2: the week is, and ACLED codes a day inside
it, so the event becomes the week around that day; 3: only the month is), ``actor1``,
``actor2``, ``assoc_actor_1``, ``assoc_actor_2`` (``;``-separated), ``location``,
``admin1``, ``country``, ``event_type``, ``sub_event_type``, ``disorder_type`` (tags),
``notes`` (the summary), ``fatalities`` and ``source`` (``;``-separated: one citation each).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from chrono.importers.dates import CellDateError, edtf_from_cell
from chrono.importers.rows import (
    Draft,
    Drafted,
    ReadError,
    ReadOptions,
    cell,
    csv_records,
    split_cell,
)

REQUIRED = ("event_date", "actor1", "source")
_TAG_COLUMNS = ("disorder_type", "event_type", "sub_event_type")


def read(text: str, path: str, options: ReadOptions) -> Drafted:
    """One draft per row; a row with an unreadable date or precision is refused."""
    drafted = Drafted()
    for number, (line, record) in enumerate(csv_records(text)):
        if number == 0:
            _check_header(record)
        try:
            drafted.drafts.append(Draft(line, event_table(record)))
        except CellDateError as err:
            drafted.refuse(path, line, "bad-date", str(err))
    return drafted


def _check_header(record: Mapping[str, str]) -> None:
    missing = [c for c in REQUIRED if c not in record]
    if missing:
        raise ReadError(1, "missing-field", f"not an ACLED extract: no {', '.join(missing)} column")


def event_table(record: Mapping[str, str]) -> dict[str, Any]:
    """The event table for one ACLED row."""
    event_id = cell(record, "event_id_cnty")
    actors = [cell(record, "actor1"), cell(record, "actor2")]
    for column in ("assoc_actor_1", "assoc_actor_2"):
        actors += split_cell(cell(record, column), ";")
    where = [cell(record, c) for c in ("location", "admin1", "country")]
    return {
        "id": event_id.casefold() if event_id else None,
        "date": acled_date(cell(record, "event_date"), cell(record, "time_precision")),
        "title": _title(record),
        "summary": _summary(record),
        "actors": list(dict.fromkeys(a for a in actors if a)),
        "location": ", ".join(dict.fromkeys(w for w in where if w)) or None,
        "tags": list(dict.fromkeys(t for t in (cell(record, c) for c in _TAG_COLUMNS) if t)),
        "status": "reported",
        "sources": _sources(record, event_id),
    }


def acled_date(text: str | None, precision: str | None) -> str:
    """EDTF for an ACLED date at its time precision (1 day, 2 week, 3 month)."""
    if not text:
        raise CellDateError("'event_date' is blank")
    day = edtf_from_cell(text)
    if precision in (None, "", "1"):
        return day
    if precision not in ("2", "3") or len(day) != 10:
        raise CellDateError(
            f"'time_precision' {precision!r} with 'event_date' {text!r}: expected 1, 2 or 3 and a day"
        )
    if precision == "3":
        return day[:7]
    middle = dt.date.fromisoformat(day)
    first, last = middle - dt.timedelta(days=3), middle + dt.timedelta(days=3)
    return f"{first.isoformat()}/{last.isoformat()}"


def _title(record: Mapping[str, str]) -> str | None:
    kind = cell(record, "sub_event_type") or cell(record, "event_type")
    place = cell(record, "location") or cell(record, "admin1") or cell(record, "country")
    if kind and place:
        return f"{kind} in {place}"
    return kind or place


def _summary(record: Mapping[str, str]) -> str | None:
    notes = cell(record, "notes")
    fatalities = cell(record, "fatalities")
    tail = f"Fatalities: {fatalities}." if fatalities and fatalities != "0" else None
    return "\n\n".join(p for p in (notes, tail) if p) or None


def _sources(record: Mapping[str, str], event_id: str | None) -> list[dict[str, Any]]:
    via = f"as cited by ACLED ({event_id})" if event_id else "as cited by ACLED"
    return [{"title": name, "note": via} for name in split_cell(cell(record, "source"), ";")]
