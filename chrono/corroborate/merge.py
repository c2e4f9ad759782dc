"""`chrono merge`: several event files combined into one, planned first, then applied.

The merged event unites every citation (quote, grade and all), actor and tag; its date is
the span every claim allows (else the first event's, with status "disputed", and each
citation keeping the date its event gave). Each original file is kept whole, comments and
all, in a ``[[merged_from]]`` table (`id`, `file`, `text`): nothing is lost, and `split`
gives the originals back. Applying writes the new file first and only then removes the
old ones, so an interruption leaves every original in place.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chrono.corroborate.fold import fold, same_span
from chrono.model import Event
from chrono.results import Collection

_ID = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")


class MergeError(ValueError):
    """The merge cannot be planned; the message says why."""


@dataclass(frozen=True)
class MergePlan:
    """What a merge would write and remove."""

    path: Path  # the new file, written first (renamed to `final` once the old are gone)
    final: Path
    text: str
    remove: tuple[Path, ...]
    event: Event  # the merged event, as chrono will read it
    disputed: bool  # no date fits every claim


def plan_merge(ids: Sequence[str], into: str | None, collection: Collection) -> MergePlan:
    """Plan merging the events `ids` of `collection` into one with id `into` (default: the
    first). Raises MergeError for unknown ids, fewer than two events, or an event that
    shares its file with others."""
    events = _events(ids, collection)
    target = into or events[0].id
    if not _ID.match(target):  # it names the new file: nothing may lead it out of the folder
        msg = f"id '{target}' cannot name a file: use --into with a-z, 0-9, '.', '_' and '-'"
        raise MergeError(msg)
    if target not in {e.id for e in events} and target in {e.id for e in collection.events}:
        raise MergeError(f"--into '{target}' is another event's id; choose a new one")
    lead = next((e for e in events if e.id == target), events[0])
    ordered = [lead, *(e for e in events if e is not lead)]
    registry = collection.registry
    merged = fold(ordered, lambda name: registry.canonical(name).casefold())
    disputed = merged.status == "disputed" and lead.status != "disputed"
    table = _table(ordered, merged, target)
    folder = Path(lead.file).parent
    path, text = folder / f"{target}.merged.toml", dumps(table)
    return MergePlan(
        path, folder / f"{target}.toml", text, tuple(Path(e.file) for e in ordered),
        _parsed(path, text), disputed,
    )  # fmt: skip


def _parsed(path: Path, text: str) -> Event:
    """The merged file as chrono will read it; a merge that would not read back is refused."""
    from chrono.load import RawFile
    from chrono.parse import parse_event_file

    events, problems = parse_event_file(RawFile(str(path), "events", tomllib.loads(text)))
    errors = [p.message for p in problems if p.severity == "error"]
    if errors or len(events) != 1:
        raise MergeError("the merged event would not be valid: " + "; ".join(errors))
    return events[0]


def _events(ids: Sequence[str], collection: Collection) -> list[Event]:
    wanted = list(dict.fromkeys(ids))
    if len(wanted) < 2:
        raise MergeError("give at least two different event ids to merge")
    by_id = {e.id: e for e in collection.events}
    missing = [i for i in wanted if i not in by_id]
    if missing:
        raise MergeError(f"no valid event with id {', '.join(repr(m) for m in missing)}")
    events = [by_id[i] for i in wanted]
    for event in events:
        if event.where:
            msg = f"'{event.id}' is one of several events in {event.file}; merge only moves whole one-event files"
            raise MergeError(msg)
    return events


def _table(events: Sequence[Event], merged: Event, target: str) -> dict[str, Any]:
    raws = [_read(e.file) for e in events]
    ids = {e.id for e in events}
    table: dict[str, Any] = {"id": target, "date": merged.date.text}
    if merged.date_text:
        table["date_text"] = merged.date_text
    table["title"] = merged.title
    for key in ("summary", "location"):
        if getattr(merged, key):
            table[key] = getattr(merged, key)
    table["actors"] = list(merged.actors)
    table["tags"] = list(merged.tags)
    if merged.status:
        table["status"] = merged.status
    for key in ("same_as", "distinct_from"):
        others = [i for i in getattr(merged, key) if i not in ids]
        if others:
            table[key] = others
    table["sources"] = [
        _source(entry, event, merged) for event, raw in zip(events, raws, strict=True)
        for entry in raw[1].get("sources", [])
    ]  # fmt: skip
    table["merged_from"] = [
        {"id": e.id, "file": e.file, "text": text}
        for e, (text, _) in zip(events, raws, strict=True)
    ]
    return {k: v for k, v in table.items() if v not in ([], None)}


def _read(path: str) -> tuple[str, dict[str, Any]]:
    try:
        text = Path(path).read_text(encoding="utf-8")
        return text, tomllib.loads(text.removeprefix("\ufeff"))
    except (OSError, UnicodeError, tomllib.TOMLDecodeError) as err:
        raise MergeError(f"cannot read {path}: {err}") from err


def _source(entry: dict[str, Any], event: Event, merged: Event) -> dict[str, Any]:
    """A citation as written; if its event's date is not the merged one, that date becomes
    the citation's own claim (unless it has one already)."""
    if "date" in entry or same_span(event.date, merged.date):
        return dict(entry)
    claim = {"date": event.date.text}
    if event.date_text:
        claim["date_text"] = event.date_text
    return {**entry, **claim}


def dumps(table: dict[str, Any]) -> str:
    """An event table as a person would write it: keys, then ``[[sources]]``, then
    ``[[merged_from]]`` with each original file in a multi-line literal-safe string."""
    import tomli_w

    arrays = ("sources", "merged_from")
    head = {k: v for k, v in table.items() if k not in arrays}
    parts = [tomli_w.dumps(head, multiline_strings=True)]
    for key in arrays:
        for entry in table.get(key, []):
            parts.append(f"\n[[{key}]]\n" + tomli_w.dumps(entry, multiline_strings=True))
    return "".join(parts)


def split(text: str) -> list[tuple[str, str]]:
    """The (file, text) of every original a merged file records."""
    data = tomllib.loads(text)
    return [(str(m.get("file", "")), str(m["text"])) for m in data.get("merged_from", [])]


def apply_merge(plan: MergePlan, between: Callable[[], None] | None = None) -> Path:
    """Write the merged file, then remove the originals, then give the new file its final
    name if that is free. `between` runs after the write and before any removal (tests
    inject a failure there). Returns where the merged event ended up."""
    from chrono.write import atomic_write

    atomic_write(plan.path, plan.text)
    if between is not None:
        between()
    for path in plan.remove:
        path.unlink()
    try:
        os.link(plan.path, plan.final)  # unlike a rename, never replaces a file
    except OSError:
        return plan.path  # the final name is taken (or links unsupported): keep this one
    plan.path.unlink()
    return plan.final
