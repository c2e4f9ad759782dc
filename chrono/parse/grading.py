"""The corroboration keys of an event file: grades, the dates citations give, and the
``[[merged_from]]`` record of a merge (`same_as` and `distinct_from` are plain lists)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chrono.corroborate.grades import credibility_problem, reliability_problem
from chrono.dates import DateError, EdtfDate, from_toml
from chrono.model import Where
from chrono.parse.fields import Collector
from chrono.parse.schema import MERGED_KEYS


def source_grade(entry: Mapping[str, Any], where: Where, col: Collector) -> dict[str, Any]:
    """`reliability` and `derived_from` of a source, checked (bad ones are reported)."""
    reliability = entry.get("reliability")
    if reliability is not None:
        problem = reliability_problem(reliability)
        if problem:
            col.error((*where, "reliability"), "bad-grade", problem)
            reliability = None
    return {"reliability": reliability, "derived_from": col.text(entry, "derived_from", where)}


def claim(
    entry: Mapping[str, Any], where: Where, col: Collector
) -> tuple[int | None, EdtfDate | None, str | None]:
    """A citation's `credibility`, `date` and `date_text`, checked."""
    credibility = entry.get("credibility")
    if credibility is not None:
        problem = credibility_problem(credibility)
        if problem:
            col.error((*where, "credibility"), "bad-grade", problem)
            credibility = None
    date = None
    if entry.get("date") is not None:
        try:
            date = from_toml(entry["date"])
        except DateError as err:
            col.error((*where, "date"), "bad-date", f"'date': {err}")
    date_text = col.text(entry, "date_text", where)
    if date_text is not None and date is None and "date" not in entry:
        msg = "'date_text' of a source needs the 'date' it stands for"
        col.error((*where, "date_text"), "missing-field", msg)
    return credibility, date, date_text


def merged_ids(table: Mapping[str, Any], where: Where, col: Collector) -> tuple[str, ...]:
    """The ids of the originals a ``[[merged_from]]`` array records (each table checked)."""
    value = table.get("merged_from")
    if value is None:
        return ()
    here = (*where, "merged_from")
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        col.error(here, "wrong-type", "'merged_from' must be [[merged_from]] tables")
        return ()
    ids = []
    for index, entry in enumerate(value):
        col.unknown_keys(entry, MERGED_KEYS, (*here, index))
        if col.require(entry, "id", (*here, index), "merged_from entry"):
            found = col.text(entry, "id", (*here, index))
            if found:
                ids.append(found)
    return tuple(ids)
