"""Stage 2: turn the tables of event files into Event objects.

A file holds one event as top-level keys, or many as an ``[[events]]`` array. Every
problem is collected; an event with an error is left out of the result, never half-built.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from chrono.dates import DateError, from_toml
from chrono.load import RawFile
from chrono.model import STATUSES, Citation, Event, Problem, Source, Where
from chrono.parse.claim import Claim
from chrono.parse.fields import Collector
from chrono.parse.grading import claim, merged_ids, source_grade
from chrono.parse.quick import quick_claim, quick_event
from chrono.parse.schema import (
    CITATION_KEYS,
    DATED_FIELDS,
    EVENT_KEYS,
    GRADE_FIELDS,
    PLAIN_KEYS,
    SOURCE_FIELDS,
    web_url,
)

#: Whether an event table is surely not wanted whole: then only its claim is built.
Skim = Callable[[dict[str, Any]], bool]


def parse_event_file(raw: RawFile) -> tuple[list[Event], list[Problem]]:
    """Parse one file: a single event, or an ``[[events]]`` array of them."""
    found, problems = parse_tables(raw, None)
    return [e for e in found if type(e) is Event], problems


def parse_tables(raw: RawFile, skim: Skim | None) -> tuple[list[Event | Claim], list[Problem]]:
    """`parse_event_file`, giving only the claim of a valid event whose table `skim`
    passes over (every problem is found all the same)."""
    col = Collector(raw.path)
    data = raw.data
    if not data:
        col.error((), "empty-file", "empty file: expected an event (date, title, [[sources]])")
        return [], col.problems
    if "events" in data:
        return _parse_many(raw, col, skim)
    event = _parse_event(data, (), _stem(raw.path), col, skim)
    return ([event] if event else []), col.problems


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def _parse_many(
    raw: RawFile, col: Collector, skim: Skim | None
) -> tuple[list[Event | Claim], list[Problem]]:
    tables = raw.data["events"]
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        col.error(("events",), "wrong-type", "'events' must be an array of tables ([[events]])")
        return [], col.problems
    others = [k for k in raw.data if k != "events"]
    for key in others:
        msg = f"key '{key}' beside [[events]]: put it inside each [[events]] table"
        col.error((key,), "unknown-key", msg)
    if not tables:
        msg = "'events' is an empty array: this file holds no events"
        col.warning(("events",), "no-events", msg)
    events: list[Event | Claim] = []
    for index, table in enumerate(tables):
        event = _parse_event(table, ("events", index), None, col, skim)
        if event:
            events.append(event)
    return events, col.problems


def _parse_event(
    table: dict[str, Any], where: Where, default_id: str | None, col: Collector, skim: Skim | None
) -> Event | Claim | None:
    if skim is not None and skim(table):
        claim = quick_claim(table, where, default_id, col.file)
        if claim is not None:
            return claim
    return quick_event(table, where, default_id, col.file) or careful_event(
        table, where, default_id, col
    )


def careful_event(
    table: dict[str, Any], where: Where, default_id: str | None, col: Collector
) -> Event | None:
    """Check every key of an event table, collecting every problem; None if any."""
    before = len(col.problems)
    col.unknown_keys(table, EVENT_KEYS, where)
    what = "event" if default_id else f"event #{int(where[-1]) + 1}"
    event_id = col.text(table, "id", where) or default_id
    if event_id is None and "id" not in table:
        col.error(where, "missing-field", f"{what} has no 'id' (required in [[events]])")
    date = _date(table, "date", where, col) if col.require(table, "date", where, what) else None
    title = col.text(table, "title", where) if col.require(table, "title", where, what) else None
    status = col.text(table, "status", where)
    if status is not None and status not in STATUSES:
        allowed = ", ".join(STATUSES)
        col.error((*where, "status"), "bad-value", f"status '{status}' is not one of: {allowed}")
    citations = _citations(table, where, what, col)
    fields = _plain_fields(table, where, col)
    fields["merged_from"] = merged_ids(table, where, col)
    if len(col.problems) > before or not (event_id and date and title):
        return None
    return Event(
        id=event_id,
        date=date,
        title=title,
        citations=citations,
        status=status,
        file=col.file,
        where=where,
        **fields,
    )


def _plain_fields(table: dict[str, Any], where: Where, col: Collector) -> dict[str, Any]:
    """The schema's optional strings and lists, read by their kind."""
    read = {"text": col.text, "texts": col.texts}
    return {key.name: read[key.kind](table, key.name, where) for key in PLAIN_KEYS}


def _date(table: dict[str, Any], key: str, where: Where, col: Collector) -> Any:
    value = table.get(key)
    if value is None:
        return None
    try:
        return from_toml(value)
    except DateError as err:
        col.error((*where, key), "bad-date", f"'{key}': {err}")
        return None


def _citations(
    table: dict[str, Any], where: Where, what: str, col: Collector
) -> tuple[Citation, ...]:
    entries = table.get("sources")
    if entries is None or entries == []:
        col.error(where, "no-source", f"{what} cites no source: add a [[sources]] table")
        return ()
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        col.error((*where, "sources"), "wrong-type", "'sources' must be [[sources]] tables")
        return ()
    found = (parse_citation(e, (*where, "sources", i), col) for i, e in enumerate(entries))
    return tuple(c for c in found if c is not None)


def parse_citation(entry: dict[str, Any], where: Where, col: Collector) -> Citation | None:
    """One ``[[sources]]`` entry: ``ref`` into the bibliography, or an inline source."""
    col.unknown_keys(entry, CITATION_KEYS, where)
    quote, note = col.text(entry, "quote", where), col.text(entry, "note", where)
    credibility, date, date_text = claim(entry, where, col)
    ref = col.text(entry, "ref", where)
    if ref is not None:
        extra = [k for k in (*SOURCE_FIELDS, *GRADE_FIELDS) if k in entry]
        if extra:
            msg = (
                "a source with 'ref' takes only 'quote', 'note', 'credibility', 'date' and"
                f" 'date_text', not {', '.join(extra)} (set those in sources.toml)"
            )
            col.error((*where, extra[0]), "conflicting-keys", msg)
        return Citation(Source(key=ref), quote, note, ref, credibility, date, date_text)
    source = parse_source(entry, where, col)
    return Citation(source, quote, note, None, credibility, date, date_text) if source else None


def parse_source(
    entry: dict[str, Any], where: Where, col: Collector, key: str | None = None
) -> Source | None:
    """The bibliographic fields of a source; it needs at least a title or a URL."""
    values = {
        name: col.text(entry, name, where) for name in SOURCE_FIELDS if name not in DATED_FIELDS
    }
    for name in DATED_FIELDS:
        date = _date(entry, name, where, col)
        values[name] = date.text if date is not None else None
    if not (values["title"] or values["url"]):
        col.error(where, "missing-field", "source has neither 'title' nor 'url' (nor 'ref')")
        return None
    if values["url"] is not None and not web_url(values["url"]):
        msg = f"url '{values['url']}' is not a web address (http:// or https://)"
        col.error((*where, "url"), "bad-value", msg)
        return None
    return Source(key=key, **values, **source_grade(entry, where, col))
