"""Events and sources as plain dicts: the shape shared by the JSON and CSV formats."""

from __future__ import annotations

from typing import Any

from chrono.model import Citation, Event, Source
from chrono.parse.schema import SOURCE_FIELDS


def source_record(source: Source) -> dict[str, Any]:
    """A source's fields, without the empty ones; `key` is the bibliography key if any."""
    record: dict[str, Any] = {"key": source.key} if source.key else {}
    record.update({f: getattr(source, f) for f in SOURCE_FIELDS if getattr(source, f)})
    return record


def citation_record(citation: Citation) -> dict[str, Any]:
    record = source_record(citation.source)
    if citation.quote:
        record["quote"] = citation.quote
    if citation.note:
        record["note"] = citation.note
    return record


def event_record(event: Event) -> dict[str, Any]:
    """Every field of an event. Dates stay EDTF; `display_date` is the human form."""
    record: dict[str, Any] = {
        "id": event.id,
        "date": event.date.text,
        "display_date": event.date.human(),
        "title": event.title,
        "actors": list(event.actors),
        "sources": [citation_record(c) for c in event.citations],
    }
    optional = {
        "date_text": event.date_text,
        "summary": event.summary,
        "location": event.location,
        "tags": list(event.tags) or None,
        "status": event.status,
        "file": event.file or None,
    }
    record.update({k: v for k, v in optional.items() if v is not None})
    return record
