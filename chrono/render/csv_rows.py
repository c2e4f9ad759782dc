"""CSV: one row per event, a header row, lists joined with ``; ``.

The columns are the schema's keys in order, each followed by what is derived from it:
``display_date`` after ``date``, ``quotes`` and ``urls`` after ``sources``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from typing import cast

from chrono.model import Citation, Event
from chrono.parse.schema import EVENT_SCHEMA
from chrono.render.citations import source_label
from chrono.render.facts import event_fields
from chrono.render.options import RenderOptions

_AFTER = {"date": ("display_date",), "sources": ("quotes", "urls")}
COLUMNS = tuple(c for key in EVENT_SCHEMA for c in (key.name, *_AFTER.get(key.name, ())))


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """RFC 4180 CSV (CRLF line ends, as Python's csv module writes and reads it)."""
    return "".join(chunks(events, options))


def chunks(events: Sequence[Event], options: RenderOptions) -> Iterator[str]:
    """The CSV row by row (the header first)."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in (COLUMNS, *(_row(e) for e in events)):
        writer.writerow(row)
        yield out.getvalue()
        out.seek(0)
        out.truncate()


def _row(event: Event) -> list[str]:
    row: list[str] = []
    for key, value in event_fields(event):
        if key.kind == "date":
            row += [event.date.text, event.date.human()]
        elif key.kind == "citations":
            row += _citation_cells(event.citations)
        elif key.kind == "texts":
            row.append("; ".join(cast("tuple[str, ...]", value)))
        else:
            row.append(cast("str | None", value) or "")
    return row


def _citation_cells(cites: tuple[Citation, ...]) -> list[str]:
    """Sources (each once), quotes and URLs."""
    return [
        "; ".join(dict.fromkeys(source_label(c.source) for c in cites)),
        "; ".join(f"“{c.quote}”" for c in cites if c.quote),
        "; ".join(c.source.url for c in cites if c.source.url),
    ]
