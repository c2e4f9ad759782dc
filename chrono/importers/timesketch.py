"""``--from timesketch``: a Timesketch (or plaso) timeline as CSV or JSONL.

Timesketch's documentation names three fields every row has: ``message``, ``datetime``
(ISO 8601) and ``timestamp_desc`` (what the time means, e.g. "Write time"); ``timestamp``
(microseconds since 1970, UTC) stands in for a missing ``datetime``. The message becomes
the title (its first line, cut at 200 characters; the whole of it goes to the summary
when cut), ``timestamp_desc`` and any ``tag`` values become tags, and every other column
is kept in the summary as ``name: value`` lines. A file whose first character is ``{``
is JSONL, one object per line; anything else is CSV.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from typing import Any

from chrono.importers.dates import CellDateError, edtf_from_cell
from chrono.importers.rows import Draft, Drafted, ReadError, ReadOptions, cell, csv_records

_USED = {"message", "datetime", "timestamp", "timestamp_desc", "tag"}
_TITLE_MAX = 200


def read(text: str, path: str, options: ReadOptions) -> Drafted:
    """One draft per row (CSV) or line (JSONL)."""
    drafted = Drafted()
    rows = _jsonl(text, path, drafted) if text.lstrip().startswith("{") else csv_records(text)
    for line, record in rows:
        if not drafted.drafts and not drafted.problems and "message" not in record:
            raise ReadError(line, "missing-field", "not a Timesketch timeline: no 'message' field")
        try:
            drafted.drafts.append(Draft(line, event_table(record)))
        except CellDateError as err:
            drafted.refuse(path, line, "bad-date", str(err))
    return drafted


def _jsonl(text: str, path: str, drafted: Drafted) -> Iterator[tuple[int, dict[str, Any]]]:
    for line, content in enumerate(text.splitlines(), start=1):
        if not content.strip():
            continue
        try:
            record = json.loads(content)
        except json.JSONDecodeError as err:
            drafted.refuse(path, line, "syntax", f"not a JSON object: {err.msg}")
            continue
        if isinstance(record, dict):
            yield line, record
        else:
            drafted.refuse(path, line, "wrong-type", "not a JSON object")


def event_table(record: Mapping[str, Any]) -> dict[str, Any]:
    """The event table for one timeline row."""
    message = cell(record, "message")
    first = message.splitlines()[0] if message else None
    title = first if first is None or len(first) <= _TITLE_MAX else first[: _TITLE_MAX - 1] + "…"
    extras = [
        f"{k}: {_text(v)}"
        for k, v in record.items()
        if k not in _USED and not k.startswith("_") and _text(v)
    ]
    whole = message if message and title != message else None
    return {
        "date": _when(record),
        "title": title,
        "summary": "\n".join(p for p in (whole, *extras) if p) or None,
        "tags": [t for t in (cell(record, "timestamp_desc"), *_tags(record.get("tag"))) if t],
    }


def _when(record: Mapping[str, Any]) -> str:
    text = cell(record, "datetime")
    if text:
        return edtf_from_cell(text)
    stamp = cell(record, "timestamp")
    if stamp and stamp.lstrip("-").isdigit():
        try:
            moment = dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(microseconds=int(stamp))
        except OverflowError:
            raise CellDateError(f"'timestamp' {stamp} is out of range") from None
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    raise CellDateError("neither 'datetime' nor 'timestamp' holds a time")


def _tags(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    if isinstance(value, str) and value.strip():
        text = value.strip()
        if text.startswith("["):
            try:
                return _tags(json.loads(text))
            except json.JSONDecodeError:
                pass
        return [t.strip() for t in text.split(",") if t.strip()]
    return []


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    return json.dumps(value, ensure_ascii=False)
