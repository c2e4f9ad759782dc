"""``--from jrnl``: jrnl's JSON export (``jrnl --format json``).

Its shape, from jrnl's JSON exporter: ``{"tags": {...}, "entries": [{"title", "body",
"date": "YYYY-MM-DD", "time": "HH:MM", "tags": ["@tag", ...], "starred": bool}]}``. An
entry becomes an event at its minute (a local time: jrnl keeps no zone), its body the
summary, its tags without the tag symbol, and ``starred`` a tag.
"""

from __future__ import annotations

from typing import Any

from chrono.importers.chrono_json import load_json
from chrono.importers.dates import CellDateError, edtf_from_cell
from chrono.importers.rows import Drafted, ReadOptions, draft_each

_TAG_SYMBOLS = "@#"


def read(text: str, path: str, options: ReadOptions) -> Drafted:
    """One draft per entry; entries are numbered from 1 in problems."""
    return draft_each(
        load_json(text), "entries", "entry", "a jrnl JSON export", entry_table, path, CellDateError
    )


def entry_table(entry: dict[str, Any]) -> dict[str, Any]:
    """The event table for one journal entry."""
    day, time = entry.get("date"), entry.get("time")
    if not isinstance(day, str) or not day.strip():
        raise CellDateError("no 'date'")
    when = f"{day.strip()}T{time.strip()}" if isinstance(time, str) and time.strip() else day
    tags = [str(t).lstrip(_TAG_SYMBOLS) for t in entry.get("tags") or [] if isinstance(t, str)]
    if entry.get("starred") is True:
        tags.append("starred")
    body = entry.get("body")
    return {
        "date": edtf_from_cell(when),
        "title": entry.get("title"),
        "summary": body.strip() if isinstance(body, str) else body,
        "tags": list(dict.fromkeys(t for t in tags if t)),
    }
