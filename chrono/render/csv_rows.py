"""CSV: one row per event, a header row; list cells hold JSON arrays.

Two rules make the file safe and lossless:

- **Lists as JSON.** Titles and quotes contain "; " themselves, so joining with it cannot
  be undone. Every list cell (actors, tags, sources, quotes, urls) is a JSON array of
  strings (``[]`` when empty): ``json.loads`` gives the items back exactly.
- **No formulas.** A spreadsheet runs a cell beginning with ``=``, ``+``, ``-`` or ``@``
  (``=HYPERLINK(...)``), and some read a leading tab or CR the same way. Such a cell gets a
  leading ``'`` (the OWASP rule for CSV injection); a reader of the text strips it. This
  applies to every cell, the EDTF date too (``'-1985`` is 1986 BCE).

The columns are the schema's keys in order, each followed by what is derived from it:
``display_date`` after ``date``; ``quotes``, ``urls``, the citations' ``grades`` and the
corroboration counts and disagreement after ``sources``.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterator, Sequence
from typing import cast

from chrono.model import Citation, Event
from chrono.parse.schema import EVENT_SCHEMA
from chrono.render.citations import source_label
from chrono.render.corroboration import grade
from chrono.render.facts import event_fields
from chrono.render.options import RenderOptions

_CORROBORATION = ("grades", "sources_count", "independent_sources", "sources_disagree")
_AFTER = {"date": ("display_date",), "sources": ("quotes", "urls", *_CORROBORATION)}
COLUMNS = tuple(c for key in EVENT_SCHEMA for c in (key.name, *_AFTER.get(key.name, ())))
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutral(cell: str) -> str:
    """The cell as a spreadsheet shows it and never runs it."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def json_list(items: Sequence[str]) -> str:
    """A list cell that splits back exactly."""
    return json.dumps(list(items), ensure_ascii=False)


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """RFC 4180 CSV (CRLF line ends, as Python's csv module writes and reads it)."""
    return "".join(chunks(events, options))


def chunks(events: Sequence[Event], options: RenderOptions) -> Iterator[str]:
    """The CSV row by row (the header first)."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in itertools.chain([COLUMNS], (_row(e, options) for e in events)):  # lazily
        writer.writerow([neutral(cell) for cell in row])
        yield out.getvalue()
        out.seek(0)
        out.truncate()


def _row(event: Event, options: RenderOptions) -> list[str]:
    row: list[str] = []
    for key, value in event_fields(event):
        if key.kind == "date":
            row += [event.date.text, event.date.human()]
        elif key.kind == "citations":
            row += _citation_cells(event.citations) + _corroboration_cells(event, options)
        elif key.kind in ("texts", "merged"):
            row.append(json_list(cast("tuple[str, ...]", value)))
        else:
            row.append(cast("str | None", value) or "")
    return row


def _citation_cells(cites: tuple[Citation, ...]) -> list[str]:
    """Sources (each once), quotes and URLs."""
    return [
        json_list(list(dict.fromkeys(source_label(c.source) for c in cites))),  # each once
        json_list([c.quote for c in cites if c.quote]),
        json_list([c.source.url for c in cites if c.source.url]),
    ]


def _corroboration_cells(event: Event, options: RenderOptions) -> list[str]:
    """Each citation's grade ("" when ungraded), the number of sources and of independent
    ones, and the sources' disagreement about the date."""
    from chrono.corroborate.disagree import disagreement, disagreement_text
    from chrono.corroborate.independence import corroboration

    counted = corroboration(event, options.sources or {})
    claims = disagreement(event)
    return [
        json_list([grade(c).text() for c in event.citations]),
        str(counted.sources),
        str(counted.independent),
        disagreement_text(claims) if claims else "",
    ]
