"""What a refused event still claims: its id, its actors and its source refs.

An event with an error is left out of the collection, but the collection-wide checks must
still see it, or a second run would report what the first could have (its duplicate id,
its unknown ref, its unknown actor). Only files with an error are read again for this.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from chrono.load import read_file
from chrono.model import Citation, Problem, Source, Where
from chrono.parse import parse_event_file
from chrono.parse.claim import Claim

__all__ = ["Claim", "refused_claims", "rejected_claims"]


def refused_claims(problems: Iterable[Problem], event_files: Iterable[str]) -> list[Claim]:
    """The claims of the events refused in those of `event_files` that have an error."""
    broken = {p.file for p in problems if p.severity == "error"}
    return [claim for path in event_files if path in broken for claim in rejected_claims(path)]


def rejected_claims(path: str) -> list[Claim]:
    """The claims of every event table in `path` that did not become an event."""
    raw, _problems = read_file(path, "events")
    if raw is None or not raw.data:
        return []
    events, _found = parse_event_file(raw)
    accepted = {e.where for e in events}
    tables = raw.data.get("events")
    if "events" not in raw.data:
        stem = os.path.splitext(os.path.basename(path))[0]
        return [] if () in accepted else [_claim(raw.data, (), stem, path)]
    if not isinstance(tables, list):
        return []
    return [
        _claim(table, ("events", index), None, path)
        for index, table in enumerate(tables)
        if isinstance(table, dict) and ("events", index) not in accepted
    ]


def _claim(table: dict[str, Any], where: Where, default_id: str | None, path: str) -> Claim:
    event_id = table.get("id")
    if not (isinstance(event_id, str) and event_id.strip()):
        event_id = default_id
    return Claim(event_id, _names(table.get("actors")), _refs(table.get("sources")), path, where)


def _names(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(v.strip() for v in value if isinstance(v, str) and v.strip())


def _refs(entries: object) -> tuple[Citation, ...]:
    """One citation per ``ref`` entry, at its index among the sources (others are None-free
    placeholders without a ref, so that indices still match the file)."""
    if not isinstance(entries, list):
        return ()
    return tuple(
        Citation(Source(key=ref), None, None, ref)
        if isinstance(entry, dict) and isinstance(ref := entry.get("ref"), str) and ref.strip()
        else Citation(Source())
        for entry in entries
    )
