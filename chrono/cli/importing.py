"""`chrono import` (``import`` is a keyword, hence the module name)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from chrono.cli import terminal
from chrono.cli.app import app
from chrono.cli.common import fail

if TYPE_CHECKING:
    from chrono.importers import ImportFormat
    from chrono.importers.plan import ImportPlan
    from chrono.importers.rows import ReadOptions
    from chrono.results import Collection

_CONTROL = r"[\x00-\x1f\x7f-\x9f]"  # compiled (and cached by re) on first use


@app.command("import")
def import_(
    file: Annotated[str, typer.Argument(metavar="FILE", help="The file to import.", show_default=False)],
    from_: Annotated[str, typer.Option("--from", metavar="FORMAT", help="Its format: csv, timelinejs-sheet, timelinejs, chrono-json, timesketch, acled, jrnl, markwhen.", show_default=False)],
    into: Annotated[Path | None, typer.Option("--into", metavar="DIR", help="Write the events into this collection (default: only show them).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="With --into: check against DIR and show, but write nothing.")] = False,
    partial: Annotated[bool, typer.Option("--partial", help="Import the good rows even if others are refused.")] = False,
    mapping: Annotated[list[str], typer.Option("--map", metavar="FIELD=COLUMN", help="csv: the column holding a field (repeatable), e.g. --map date=When.")] = [],  # noqa: B006
    sep: Annotated[str, typer.Option("--sep", metavar="TEXT", help="csv: the separator inside list cells (actors, tags).")] = ";",
    source: Annotated[str | None, typer.Option("--source", metavar="KEY|URL", help="Cite this sources.toml key or URL for rows that name no source.")] = None,
    add_actors: Annotated[bool, typer.Option("--add-actors", help="Draft actors.toml entries for actors it does not know.")] = False,
    events: Annotated[Path | None, typer.Option("--events", "-e", metavar="DIR", help="Without --into: the collection to compare with. Default: $CHRONO_EVENTS, else ./events.")] = None,
) -> None:  # fmt: skip
    """Import events from another tool's file: a dry run unless --into names a collection.

    Every row is checked as `chrono check` would check a file. A row that cannot be
    imported is reported as FILE:ROW: error[code]: message, and then nothing is written
    unless --partial is given. A row whose date, title and source are already in the
    collection is skipped, so importing a file twice adds nothing. New events go to
    <DIR>/<year>/<file name>.toml as [[events]] tables; no file is ever overwritten.

    \b
    Examples:
      chrono import sheet.csv --from timelinejs-sheet
      chrono import notes.csv --from csv --map date=When --map title=Headline \\
          --map actors=Who --sep "," --into events
      chrono import 2016-acled.csv --from acled --into events --partial
      chrono import journal.json --from jrnl --into events --source my-diary
    """
    from chrono.importers import IMPORT_FORMATS
    from chrono.importers.rows import ReadOptions

    fmt = IMPORT_FORMATS.get(from_)
    if fmt is None:
        fail(f"unknown format '{from_}' (choose from: {', '.join(IMPORT_FORMATS)})", 2)
    if mapping and from_ != "csv":
        fail(f"--map applies to --from csv only, not --from {from_}", 2)
    if into is not None and events is not None and into != events:
        fail(
            "--into is the collection written to and compared with; give it or --events, not both",
            2,
        )
    options = ReadOptions(_mapping(mapping), sep)
    data = _read(Path(file))
    run = Run(file, fmt, options, source, partial, add_actors)
    if into is None or dry_run:
        failed = _import(run, data, into or events, writing=False)
    else:
        failed = _import_locked(run, data, into)
    if failed:
        raise typer.Exit(1)


class Run:
    """What the command line asked for, besides the file's bytes and the target (a plain
    class: a dataclass would cost every start-up a millisecond to build)."""

    def __init__(
        self,
        file: str,
        fmt: ImportFormat,
        options: ReadOptions,
        source: str | None,
        partial: bool,
        add_actors: bool,
    ) -> None:
        self.file, self.fmt, self.options = file, fmt, options
        self.source, self.partial, self.add_actors = source, partial, add_actors


def _import_locked(run: Run, data: bytearray, into: Path) -> bool:
    """Load, check and write while holding the collection's lock (the one `chrono add` and
    `chrono extract` take), so that two imports at once add each row once."""
    from chrono.add_write import WriteRefused, collection_lock

    if into.exists() and not into.is_dir():
        fail(f"'{into}' is not a folder", 2)
    try:
        with collection_lock(str(into)):
            return _import(run, data, into, writing=True)
    except WriteRefused as err:
        fail(f"--into {into}: {err}")


def _import(run: Run, data: bytearray, into: Path | None, writing: bool) -> bool:
    """Plan, report, then show or write; True when rows were refused."""
    from chrono.importers.run import plan_import

    target, collection = _target(into)
    cite = _cite(run.source, collection) if run.source else None
    plan = plan_import(data, run.file, run.fmt, run.options, collection, target, cite)
    _report(plan)
    if not writing:
        _show(plan, run.add_actors)
    elif run.partial or not plan.errors:
        _write(plan, target, run.add_actors)
    registry = bool(collection and collection.registry.actors)
    _summary(plan, run.file, run.fmt.name, writing, run.partial, registry)
    return bool(plan.errors)


def _mapping(pairs: list[str]) -> dict[str, str]:
    result = {}
    for pair in pairs:
        name, sep, column = pair.partition("=")
        if not sep or not name.strip() or not column.strip():
            fail(f"--map '{pair}': expected FIELD=COLUMN, e.g. --map date=When", 2)
        result[name.strip()] = column.strip()
    return result


def _read(file: Path) -> bytearray:
    try:
        return bytearray(file.read_bytes())  # plan_import empties it once decoded
    except FileNotFoundError:
        fail(f"{file}: no such file", 2)
    except IsADirectoryError:
        fail(f"{file} is a folder; give the file to import", 2)
    except OSError as err:
        fail(f"cannot read {file}: {err.strerror or err}", 2)


def _target(into: Path | None) -> tuple[Path, Collection | None]:
    """The folder to write into (or to preview against) and its collection, if it exists."""
    from chrono.cli.common import load
    from chrono.load import default_dirs

    folder = into if into is not None else Path(default_dirs([])[0])
    if folder.exists() and not folder.is_dir():
        fail(f"'{folder}' is not a folder", 2)
    return folder, (load([str(folder)]) if folder.is_dir() else None)


def _cite(source: str, collection: Collection | None) -> dict[str, Any]:
    if collection is not None and source in collection.sources:
        return {"ref": source}
    if source.startswith(("http://", "https://")):
        return {"url": source}
    fail(f"--source '{source}' is neither a key in the collection's sources.toml nor a URL", 2)


def _write(plan: ImportPlan, target: Path, add_actors: bool) -> None:
    from chrono.importers.run import ImportWriteError, write_plan

    try:
        for path in write_plan(plan, target):
            terminal.out(_printable(str(path)))
    except ImportWriteError as err:
        fail(f"{err}; nothing was written")
    if add_actors and plan.unknown_actors:
        _write_actors(plan, target)


def _report(plan: ImportPlan) -> None:
    for problem in [*plan.errors, *plan.warnings, *plan.skipped]:
        terminal.err(_printable(str(problem)))


def _show(plan: ImportPlan, add_actors: bool) -> None:
    for planned in plan.files:
        terminal.out(f"# would write {_printable(str(planned.path))} ({_count(planned.count)})")
        terminal.out(_printable(planned.text, keep_newlines=True), nl=False)
    if add_actors and plan.unknown_actors:
        from chrono.importers.actors import actors_toml

        terminal.out("# would add to actors.toml")
        terminal.out(_printable(actors_toml(plan.unknown_actors), keep_newlines=True), nl=False)


def _write_actors(plan: ImportPlan, target: Path) -> None:
    from chrono.importers.actors import ActorWriteError, add_actors

    try:
        path = add_actors(target, plan.unknown_actors)
    except ActorWriteError as err:
        fail(str(err))
    terminal.out(_printable(str(path)))


def _summary(
    plan: ImportPlan, file: str, fmt: str, writing: bool, partial: bool, registry: bool
) -> None:
    added = len(plan.events)
    verb = "added" if writing and (partial or not plan.errors) else "would add"
    parts = [f"{_count(plan.rows, 'row')} read", f"{verb} {_count(added)}"]
    if plan.skipped:
        parts.append(f"{len(plan.skipped)} skipped as already there")
    if plan.errors:
        rows = len({p.line for p in plan.errors})
        parts.append(f"{_count(rows, 'row')} refused")
    terminal.err(f"chrono: {', '.join(parts)}")
    if plan.rows == 0 and not plan.errors:
        terminal.err(f"chrono: warning: no events found in {_printable(file)} as {fmt}")
    if plan.unknown_actors and registry:
        names = ", ".join(plan.unknown_actors[:8]) + (
            ", ..." if len(plan.unknown_actors) > 8 else ""
        )
        terminal.err(
            _printable(f"chrono: actors not in actors.toml: {names} (--add-actors drafts entries)")
        )
    if plan.errors and writing and not partial:
        terminal.err(
            "chrono: error: nothing was written; fix the rows above, or use --partial to import the others"
        )


def _count(n: int, noun: str = "event") -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _printable(text: str, keep_newlines: bool = False) -> str:
    """Control characters from the imported file as visible escapes, never raw."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if keep_newlines and char == "\n":
            return char
        return f"\\x{ord(char):02x}"

    return re.sub(_CONTROL, escape, text)
