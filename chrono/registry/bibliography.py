"""The shared bibliography, ``sources.toml``: one table per source, keyed by a short name."""

from __future__ import annotations

from chrono.load import RawFile
from chrono.model import Problem, Source
from chrono.parse import parse_source
from chrono.parse.fields import Collector
from chrono.parse.schema import GRADE_FIELDS, SOURCE_FIELDS

BIBLIOGRAPHY_KEYS = (*SOURCE_FIELDS, *GRADE_FIELDS, "note")


def parse_bibliography(raw: RawFile) -> tuple[dict[str, Source], list[Problem]]:
    """Every well-formed entry of a ``sources.toml``, by key."""
    col = Collector(raw.path)
    sources: dict[str, Source] = {}
    for key, entry in raw.data.items():
        if not isinstance(entry, dict):
            msg = f"'{key}' must be a table: write [{key}] with title, publisher, url ..."
            col.error((key,), "wrong-type", msg)
            continue
        col.unknown_keys(entry, BIBLIOGRAPHY_KEYS, (key,))
        col.text(entry, "note", (key,))
        source = parse_source(entry, (key,), col, key=key)
        if source is not None:
            sources[key] = source
    return sources, col.problems
