"""``--from chrono-json``: chrono's own JSON, as ``export --format json`` or
``show --format json`` writes it, read back field for field.

Every event key and citation key chrono's schema knows is carried over as it is (the actors
as the file wrote them, ``actors_as_written``, when the export has them); what only the
export adds (``display_date``, ``file``, ``source_numbers``) is left behind. A
citation of a bibliography entry (``key``) stays a ``ref`` when the receiving collection
has that entry with the same fields; otherwise it is written inline (see `chrono.importers.run`).
"""

from __future__ import annotations

import json
from typing import Any

from chrono.importers.rows import Draft, Drafted, ReadError, ReadOptions
from chrono.parse.schema import CITATION_KEYS, EVENT_KEYS, GRADE_FIELDS, SOURCE_FIELDS

_NEWEST = 1


def read(text: str, path: str, options: ReadOptions) -> Drafted:
    """One draft per entry of ``events``; entries are numbered from 1 in problems."""
    records, bibliography = _document(load_json(text))
    drafted = Drafted(bibliography=bibliography)
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            drafted.refuse(path, number, "wrong-type", f"event #{number} is not a JSON object")
            continue
        drafted.drafts.append(Draft(number, event_table(record)))
    return drafted


def load_json(text: str) -> Any:
    """Parsed JSON; ReadError with the line of the first syntax error."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ReadError(
            err.lineno, "syntax", f"not JSON: {err.msg} (line {err.lineno}, column {err.colno})"
        ) from None


def _document(data: Any) -> tuple[list[Any], dict[str, dict[str, Any]]]:
    if isinstance(data, list):  # show --format json
        return data, {}
    if not isinstance(data, dict) or data.get("format") != "chrono-export":
        raise ReadError(
            1,
            "bad-value",
            'not chrono\'s JSON: expected {"format": "chrono-export", ...} or a list of events',
        )
    version = data.get("version")
    if not isinstance(version, int) or version > _NEWEST:
        raise ReadError(
            1, "bad-value", f"chrono-export version {version!r} is not one this chrono reads (1)"
        )
    events = data.get("events")
    if not isinstance(events, list):
        raise ReadError(1, "wrong-type", "'events' must be a list")
    listed = data.get("sources")
    sources = listed if isinstance(listed, list) else []
    bibliography = {
        s["key"]: {k: v for k, v in s.items() if k in SOURCE_FIELDS or k in GRADE_FIELDS}
        for s in sources
        if isinstance(s, dict) and isinstance(s.get("key"), str)
    }
    return events, bibliography


_NOT_COPIED = ("sources", "merged_from")
_SOURCE_ONLY = (*SOURCE_FIELDS, *GRADE_FIELDS)  # a ref's bibliography entry says these


def event_table(record: dict[str, Any]) -> dict[str, Any]:
    """An event file's table for one exported event record."""
    # merged_from is exported as ids only: the originals it recorded are not in the export.
    table = {k: v for k, v in record.items() if k in EVENT_KEYS and k not in _NOT_COPIED}
    if isinstance(record.get("actors_as_written"), list):  # `actors` holds canonical names
        table["actors"] = record["actors_as_written"]
    citations = record.get("sources")
    if isinstance(citations, list):
        table["sources"] = [_citation(c) for c in citations]
    elif citations is not None:
        table["sources"] = citations  # the parser says what is wrong with it
    return table


def _citation(record: Any) -> Any:
    if not isinstance(record, dict):
        return record
    key = record.get("key")
    if isinstance(key, str):
        extra = {k: record[k] for k in CITATION_KEYS if k in record and k not in _SOURCE_ONLY}
        return {"ref": key, **extra}
    return {k: v for k, v in record.items() if k in CITATION_KEYS and k != "key"}
