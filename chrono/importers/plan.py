"""Drafts to checked events, ids and files: what `chrono import --into` would write.

Each draft goes through the parser every event file goes through (`chrono.parse`), then
the whole batch through the collection's checks (`chrono.validate`), so that an imported
event is exactly one `chrono check` accepts. A row whose date, title and source are
already in the collection (or earlier in the same file) is skipped with a warning, so
importing a file twice adds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chrono.importers.rows import Draft, tidy
from chrono.importers.toml_out import event_toml
from chrono.model import Citation, Event, Problem
from chrono.parse.fields import Collector
from chrono.parse.quick import quick_event
from chrono.parse.schema import EVENT_KEYS

_ID_UNSAFE = re.compile(r"[^a-z0-9._-]+")
_DRAFT_ID = "imported-draft"  # stands in until the row's id is chosen


@dataclass(frozen=True)
class PlannedFile:
    """One file to create, in pieces (one per event), and how many events it holds."""

    path: Path
    pieces: list[str]

    @property
    def count(self) -> int:
        return len(self.pieces)

    @property
    def text(self) -> str:
        return "\n".join(self.pieces)


@dataclass
class ImportPlan:
    """What an import would do: files to write, rows refused, rows skipped as duplicates."""

    rows: int
    #: The events to add, slim (`Event.slim`): the planned files hold their prose.
    events: list[Event] = field(default_factory=list)
    files: list[PlannedFile] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    unknown_actors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Accepted:
    row: int
    text: str  # the event's [[events]] table, as it will be written
    event: Event


def slug(text: str) -> str:
    """Lowercase words joined by hyphens, at most 50 characters."""
    return "-".join(re.findall(r"[a-z0-9]+", text.casefold()))[:50].rstrip("-")


def source_labels(citations: Iterable[Citation]) -> set[str]:
    """What names the sources of a citation list: keys, URLs and titles."""
    return {
        label for c in citations for label in (c.source.key, c.source.url, c.source.title) if label
    }


def dedupe_keys(event: Event) -> set[tuple[str, str, str]]:
    """(date, title, source) triples: one shared with another event makes a duplicate."""
    title = " ".join(event.title.casefold().split())
    return {(event.date.text, title, label) for label in source_labels(event.citations)}


class Batch:
    """The rows accepted so far, against a collection's events and ids."""

    def __init__(self, path: str, existing: Sequence[Event]) -> None:
        self.path = path
        #: Where each (date, title, source) was seen: an event's file, or a row number.
        self.seen: dict[tuple[str, str, str], str | int] = {}
        for event in existing:
            for key in dedupe_keys(event):
                self.seen.setdefault(key, event.file or event.id)
        self.ids = {e.id for e in existing}
        self.accepted: list[_Accepted] = []

    def offer(self, draft: Draft, plan: ImportPlan) -> None:
        """Parse one draft; refuse it, skip it as a duplicate, or accept it with an id."""
        table = tidy(draft.table)
        given = table.pop("id", None)
        col = Collector(self.path)
        where = ("events", len(self.accepted))
        event = _parse(table, where, col)
        if event is None:
            plan.errors += [_at_row(p, draft.row) for p in col.problems if p.severity == "error"]
            return
        keys = dedupe_keys(event)
        earlier = next((self.seen[k] for k in keys if k in self.seen), None)
        if earlier is not None:
            origin = (
                f"a duplicate of row {earlier}"
                if isinstance(earlier, int)
                else f"already in the collection ({earlier})"
            )
            msg = f"{origin}: same date, title and source; skipped"
            plan.skipped.append(Problem(self.path, draft.row, "duplicate-row", msg, "warning"))
            return
        for key in keys:
            self.seen[key] = draft.row
        chosen = self._new_id(given, event)
        event = _renamed(event, chosen)
        ordered = {k: table[k] for k in EVENT_KEYS if k in table and k != "id"}
        text = event_toml({"id": chosen, **ordered})
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            msg = "text holds a lone surrogate (\\ud800-\\udfff), which is not Unicode"
            plan.errors.append(Problem(self.path, draft.row, "bad-value", msg))
            return
        # The text holds the prose; the checks still to come need only the slim event.
        self.accepted.append(_Accepted(draft.row, text, event.slim()))

    def _new_id(self, given: object, event: Event) -> str:
        base = _ID_UNSAFE.sub("-", str(given).casefold()).strip("-._") if given else ""
        if not base:
            days = "/".join(part.split("T")[0] for part in event.date.text.split("/"))
            date = _ID_UNSAFE.sub("-", days.casefold()).strip("-")[:32]
            base = "-".join(p for p in (slug(event.title), date) if p) or "event"
        chosen, n = base, 1
        while chosen in self.ids:
            n += 1
            chosen = f"{base}-{n}"
        self.ids.add(chosen)
        return chosen


def _renamed(event: Event, new_id: str) -> Event:
    """The event under its chosen id (spelled out: dataclasses.replace is slow in bulk)."""
    return Event(
        new_id, event.date, event.title, event.citations, event.summary, event.actors,
        event.location, event.tags, event.status, event.date_text, event.file, event.where,
    )  # fmt: skip


def _parse(table: dict[str, Any], where: tuple[str | int, ...], col: Collector) -> Event | None:
    from chrono.parse import careful_event

    return quick_event(table, where, _DRAFT_ID, col.file) or careful_event(
        table, where, _DRAFT_ID, col
    )


def _at_row(problem: Problem, row: int) -> Problem:
    return Problem(problem.file, row, problem.code, problem.message, problem.severity)


def lay_out(accepted: list[_Accepted], into: Path, stem: str) -> list[PlannedFile]:
    """One ``[[events]]`` file per year folder, named after the imported file; a name
    already taken on disk gets a counter, so that nothing is ever overwritten."""
    by_year: dict[str, list[str]] = {}
    for item in sorted(accepted, key=lambda a: a.event.sort_key()):
        by_year.setdefault(year_folder(item.event), []).append(item.text)
    files = []
    for year, texts in sorted(by_year.items()):
        folder = into / year
        name, n = f"{stem}.toml", 1
        while (folder / name).exists() or (folder / name).is_symlink():
            n += 1
            name = f"{stem}-{n}.toml"
        files.append(PlannedFile(folder / name, texts))
    return files


def year_folder(event: Event) -> str:
    """The folder `chrono add` would use: the year of the date's known start (or end)."""
    point = event.date.start or event.date.end
    assert point is not None, "EDTF has no date without a closed end"
    return str(point.year)
