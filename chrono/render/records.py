"""Events and sources as plain dicts: the shape shared by the JSON and CSV formats."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from chrono.model import Citation, Event, Source
from chrono.parse.schema import GRADE_FIELDS, SOURCE_FIELDS
from chrono.registry.actors import Registry
from chrono.render.actors import canonical_actors
from chrono.render.corroboration import grade
from chrono.render.corroboration import record as corroboration_record
from chrono.render.facts import event_fields


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
    if citation.date is not None:  # the date this source gives, as in the event file
        record["date"] = citation.date.text
    if citation.date_text:
        record["date_text"] = citation.date_text
    return record


def event_record(
    event: Event, registry: Registry | None = None, sources: Mapping[str, Source] | None = None
) -> dict[str, Any]:
    """Every field of an event, in schema order; optional text left out when absent. Dates
    stay EDTF; `display_date` is the human form; `actors` are the registry's canonical
    names and `actors_as_written` the file's; `file` is where the event was read;
    `corroboration` counts its sources (`sources` resolves `derived_from` links) and
    `sources_disagree` lists the claims when they cannot all be true."""
    record: dict[str, Any] = {}
    for key, value in event_fields(event):
        if key.kind == "date":
            record |= {"date": event.date.text, "display_date": event.date.human()}
        elif key.kind == "citations":
            record["sources"] = [citation_record(c) for c in event.citations]
        elif key.name == "actors":
            record["actors"] = list(canonical_actors(event, registry))
            record["actors_as_written"] = list(event.actors)
        elif key.kind in ("texts", "merged"):
            record[key.name] = list(cast("tuple[str, ...]", value))
        elif value is not None:
            record[key.name] = value
    if event.file:
        record["file"] = event.file
    return record | corroboration_record(event, sources)
