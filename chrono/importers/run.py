"""One import from bytes to a plan, and writing a plan: the library face of `chrono import`."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from chrono.importers import ImportFormat
from chrono.importers.plan import Batch, ImportPlan, lay_out, slug
from chrono.importers.rows import Draft, Drafted, ReadError, ReadOptions, decode
from chrono.model import Event, Problem, Source
from chrono.results import Collection

__all__ = ["ImportWriteError", "plan_import", "write_plan"]


class ImportWriteError(OSError):
    """A planned file could not be created; the files this import created are removed."""


def plan_import(
    data: bytes | bytearray,
    path: str,
    fmt: ImportFormat,
    options: ReadOptions,
    collection: Collection | None,
    into: Path,
    cite: dict[str, Any] | None = None,
) -> ImportPlan:
    """Read `data` (the file at `path`) as `fmt` and plan the files to add under `into`.

    A bytearray is emptied once decoded, so that a big import does not hold its file twice.
    `collection` is what the rows are checked against (ids, duplicates, actors, source
    keys); `cite` is the citation given to rows that name no source of their own
    (default: the imported file, by name).
    """
    batch = Batch(path, collection.events if collection else [])
    plan = ImportPlan(0)
    try:
        text = decode(data)
        if isinstance(data, bytearray):
            data.clear()
        drafted = fmt.reader()(text, path, options)
        del text  # a reader that streams keeps it only as long as it reads
        _offer_all(drafted, batch, plan, collection, cite or {"title": os.path.basename(path)})
    except ReadError as err:
        return ImportPlan(0, errors=[Problem(path, err.line, err.code, str(err))])
    plan.rows += len({p.line for p in drafted.problems})
    plan.errors += [p for p in drafted.problems if p.severity == "error"]
    plan.warnings += [p for p in drafted.problems if p.severity == "warning"]
    _validate(batch, collection, plan)
    plan.errors.sort(key=lambda p: p.line)
    plan.events = [item.event for item in batch.accepted]
    plan.files = lay_out(batch.accepted, into, slug(Path(path).stem) or "imported")
    return plan


def _offer_all(
    drafted: Drafted,
    batch: Batch,
    plan: ImportPlan,
    collection: Collection | None,
    citation: dict[str, Any],
) -> None:
    """Each draft, given a source if it names none and its refs settled, to the batch."""
    known = collection.sources if collection else {}
    by_fields = _bibliography_index(known, collection.ambiguous if collection else set())
    for draft in drafted.stream or _one_by_one(drafted.drafts):
        plan.rows += 1
        if not draft.table.get("sources"):
            draft.table["sources"] = [dict(citation)]
        _settle_refs(draft, drafted.bibliography, known, batch.path, plan)
        _cite_known(draft, by_fields)
        batch.offer(draft, plan)


def _one_by_one(drafts: list[Draft]) -> Iterator[Draft]:
    """The drafts in order, each let go of once handed out, so that a big import holds
    its events and not every row's table as well."""
    pending = drafts[::-1]
    drafts.clear()
    while pending:
        yield pending.pop()


def _settle_refs(
    draft: Draft,
    bibliography: dict[str, dict[str, Any]],
    known: dict[str, Source],
    path: str,
    plan: ImportPlan,
) -> None:
    """A ``ref`` stays a ref when the collection has that key with the same fields as the
    imported file's entry; otherwise the entry is cited inline (and the key is lost)."""
    sources = draft.table.get("sources")
    if not isinstance(sources, list):
        return
    for index, entry in enumerate(sources):
        key = entry.get("ref") if isinstance(entry, dict) else None
        if not isinstance(key, str) or key not in bibliography:
            continue
        fields = bibliography[key]
        mine = known.get(key)
        if mine is not None and _fields(mine) == fields:
            continue
        inline = {k: v for k, v in entry.items() if k != "ref"}
        sources[index] = {**fields, **inline}
        why = "differs from" if mine is not None else "is not in"
        msg = f"source '{key}' {why} the collection's sources.toml; cited inline"
        if not any(p.code == "inline-source" and f"'{key}'" in p.message for p in plan.warnings):
            plan.warnings.append(Problem(path, draft.row, "inline-source", msg, "warning"))


def _bibliography_index(
    known: dict[str, Source], ambiguous: set[str]
) -> dict[frozenset[tuple[str, Any]], str]:
    """Bibliography entries by their fields; fields two keys share name neither."""
    index: dict[frozenset[tuple[str, Any]], str] = {}
    clashes = set()
    for key, source in known.items():
        # Matched on bibliographic fields alone: formats that carry no grade still find it.
        fields = frozenset(_fields(source, grades=False).items())
        if key in ambiguous or fields in index:
            clashes.add(fields)
        index[fields] = key
    return {k: v for k, v in index.items() if k not in clashes}


def _cite_known(draft: Draft, by_fields: dict[frozenset[tuple[str, Any]], str]) -> None:
    """An inline source whose fields are exactly a sources.toml entry's is cited by its key."""
    from chrono.parse.schema import GRADE_FIELDS, SOURCE_FIELDS

    own = (*SOURCE_FIELDS, *GRADE_FIELDS)  # what the bibliography entry says of a source
    sources = draft.table.get("sources")
    if not by_fields or not isinstance(sources, list):
        return
    for index, entry in enumerate(sources):
        if not isinstance(entry, dict) or "ref" in entry:
            continue
        fields = frozenset((k, v) for k, v in entry.items() if k in SOURCE_FIELDS)
        key = by_fields.get(fields)
        if key is not None:
            rest = {k: v for k, v in entry.items() if k not in own}
            sources[index] = {"ref": key, **rest}


def _fields(source: Source, grades: bool = True) -> dict[str, Any]:
    """A source's fields; `grades` adds its reliability and derived_from."""
    from chrono.parse.schema import GRADE_FIELDS, SOURCE_FIELDS

    names = (*SOURCE_FIELDS, *GRADE_FIELDS) if grades else SOURCE_FIELDS
    return {f: getattr(source, f) for f in names if getattr(source, f)}


def _validate(batch: Batch, collection: Collection | None, plan: ImportPlan) -> None:
    """The collection's checks over old and new events; a new row with an error is refused."""
    from chrono.registry.actors import Registry
    from chrono.validate import Context, validate

    registry = collection.registry if collection else Registry()
    sources = collection.sources if collection else {}
    ambiguous = collection.ambiguous if collection else set()
    ctx = Context(registry, sources, bool(registry.actors), ambiguous)
    old: Sequence[Event] = collection.events if collection else []
    _checked, found = validate([*old, *(item.event for item in batch.accepted)], ctx)
    refused: set[int] = set()
    for problem in found:
        # A new event's where is ("events", its index among the accepted rows).
        new = problem.file == batch.path and len(problem.where) > 1
        row = batch.accepted[int(problem.where[1])].row if new else None
        if row is None:
            continue
        if problem.code == "unknown-actor":
            continue  # listed once, by name, in plan.unknown_actors
        moved = Problem(batch.path, row, problem.code, problem.message, problem.severity)
        (plan.errors if problem.severity == "error" else plan.warnings).append(moved)
        if problem.severity == "error":
            refused.add(row)
    batch.accepted = [a for a in batch.accepted if a.row not in refused]
    names = {a for item in batch.accepted for a in item.event.actors}
    plan.unknown_actors = sorted(n for n in names if registry.resolve(n) is None)


def _joined(pieces: list[str]) -> Iterator[str]:
    for index, piece in enumerate(pieces):
        yield ("\n" if index else "") + piece


def write_plan(plan: ImportPlan, root: Path) -> list[Path]:
    """Create the planned files inside the collection `root` atomically, never overwriting;
    on a failure, remove the files and folders this call created and raise ImportWriteError.
    A year folder that leads outside `root` (a link) is a failure too."""
    from chrono.add_write import WriteRefused, inside
    from chrono.write import atomic_write

    written: list[Path] = []
    folders: list[Path] = []
    try:
        for planned in plan.files:
            folder = planned.path.parent
            inside(folder, str(root))
            if not folder.is_dir():
                folders += [p for p in (folder, *folder.parents) if not p.exists()][::-1]
                folder.mkdir(parents=True, exist_ok=True)
            atomic_write(planned.path, _joined(planned.pieces))
            written.append(planned.path)
    except WriteRefused as err:
        _take_back(written, folders)
        raise ImportWriteError(str(err)) from err
    except OSError as err:
        _take_back(written, folders)
        reason = err.strerror or str(err)
        raise ImportWriteError(
            f"cannot write {getattr(err, 'filename', '') or planned.path}: {reason}"
        ) from err
    return written


def _take_back(files: list[Path], folders: list[Path]) -> None:
    for path in files:
        path.unlink(missing_ok=True)
    for folder in reversed(folders):
        with contextlib.suppress(OSError):  # not empty: someone else wrote there meanwhile
            folder.rmdir()
