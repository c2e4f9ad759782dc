"""Events and sources as plain dicts: the shape shared by the JSON and CSV formats."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chrono.model import Citation, Event, Source
from chrono.parse.schema import GRADE_FIELDS, SOURCE_FIELDS
from chrono.render.corroboration import grade
from chrono.render.corroboration import record as corroboration_record


def source_record(source: Source) -> dict[str, Any]:
    """A source's fields, without the empty ones; `key` is the bibliography key if any."""
    record: dict[str, Any] = {"key": source.key} if source.key else {}
    record.update({f: getattr(source, f) for f in SOURCE_FIELDS if getattr(source, f)})
    record.update({f: getattr(source, f) for f in GRADE_FIELDS if getattr(source, f)})
    return record


def citation_record(citation: Citation) -> dict[str, Any]:
    record = source_record(citation.source)
    if citation.quote:
        record["quote"] = citation.quote
    if citation.note:
        record["note"] = citation.note
    if citation.credibility is not None:
        record["credibility"] = citation.credibility
    if grade(citation).text():
        record["grade"] = grade(citation).text()
    if citation.date is not None:
        record["claimed_date"] = citation.date.text
    if citation.date_text:
        record["claimed_date_text"] = citation.date_text
    return record


def event_record(event: Event, sources: Mapping[str, Source] | None = None) -> dict[str, Any]:
    """Every field of an event. Dates stay EDTF; `display_date` is the human form;
    `corroboration` counts its sources (`sources` resolves `derived_from` links)."""

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
        "same_as": list(event.same_as) or None,
        "distinct_from": list(event.distinct_from) or None,
        "merged_from": list(event.merged_from) or None,
    }
    record.update({k: v for k, v in optional.items() if v is not None})
    record.update(corroboration_record(event, sources))
    return record
