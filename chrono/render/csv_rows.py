"""CSV: one row per event, a header row, lists joined with ``; ``."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from chrono.model import Event
from chrono.render.citations import source_label
from chrono.render.corroboration import grade
from chrono.render.options import RenderOptions

COLUMNS = (
    "id", "date", "display_date", "title", "summary", "actors", "tags",
    "location", "status", "date_text", "sources", "quotes", "urls",
    "grades", "sources_count", "independent_sources", "sources_disagree",
)  # fmt: skip


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """RFC 4180 CSV (CRLF line ends, as Python's csv module writes and reads it)."""
    return "".join(chunks(events, options))


def chunks(events: Sequence[Event], options: RenderOptions) -> Iterator[str]:
    """The CSV row by row (the header first)."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in (COLUMNS, *(_row(e, options) for e in events)):
        writer.writerow(row)
        yield out.getvalue()
        out.seek(0)
        out.truncate()


def _row(event: Event, options: RenderOptions) -> list[str]:
    from chrono.corroborate.disagree import disagreement, disagreement_text
    from chrono.corroborate.independence import corroboration

    cites = event.citations
    counted = corroboration(event, options.sources or {})
    claims = disagreement(event)
    return [
        event.id,
        event.date.text,
        event.date.human(),
        event.title,
        event.summary or "",
        "; ".join(event.actors),
        "; ".join(event.tags),
        event.location or "",
        event.status or "",
        event.date_text or "",
        "; ".join(dict.fromkeys(source_label(c.source) for c in cites)),  # each source once
        "; ".join(f"“{c.quote}”" for c in cites if c.quote),
        "; ".join(c.source.url for c in cites if c.source.url),
        "; ".join(grade(c).text() or "-" for c in cites)
        if any(grade(c).text() for c in cites)
        else "",
        str(counted.sources),
        str(counted.independent),
        disagreement_text(claims) if claims else "",
    ]
