"""What the commands share: option types, loading with usage errors, warnings, output."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from chrono.cli import terminal

if TYPE_CHECKING:
    from chrono.pipeline import Collection
    from chrono.query import Filter
    from chrono.render import Format
    from chrono.results import ShownSelection

EventsOpt = Annotated[
    list[str],
    typer.Option(
        "--events", "-e", metavar="DIR",
        help="Collection folder (repeatable; merged). Default: $CHRONO_EVENTS, else ./events.",
    ),
]  # fmt: skip
NoCacheOpt = Annotated[
    bool,
    typer.Option("--no-cache", help="Parse every file; neither read nor update the index cache."),
]


def fail(message: str, code: int = 1) -> NoReturn:
    """Print `chrono: error: ...` to stderr and exit with `code`."""
    terminal.err(f"chrono: error: {message}")
    raise typer.Exit(code)


def use_cache(no_cache: bool) -> bool:
    """The index cache is on unless --no-cache or CHRONO_NO_CACHE=1 says otherwise."""
    return not (no_cache or os.environ.get("CHRONO_NO_CACHE", "") not in ("", "0"))


def load(dirs: Sequence[str], no_cache: bool = False) -> Collection:
    """Load the collections, turning an unusable folder into a usage error (exit 2)."""
    from chrono.load import default_dirs
    from chrono.pipeline import CollectionError, load_collection

    try:
        return load_collection(default_dirs(dirs), cache=use_cache(no_cache))
    except CollectionError as err:
        fail(str(err), 2)


def load_selected(dirs: Sequence[str], no_cache: bool, flt: Filter) -> Collection:
    """Load the collections with only the events `flt` keeps (from the index if it can)."""
    from chrono.load import default_dirs
    from chrono.pipeline import CollectionError, select_collection

    try:
        return select_collection(default_dirs(dirs), flt, cache=use_cache(no_cache))
    except CollectionError as err:
        fail(str(err), 2)


def load_shown(dirs: Sequence[str], no_cache: bool, flt: Filter) -> ShownSelection:
    """The rows `show` prints of the events `flt` keeps (ready made in the index if it can)."""
    from chrono.load import default_dirs
    from chrono.pipeline import CollectionError, select_shown

    try:
        return select_shown(default_dirs(dirs), flt, cache=use_cache(no_cache))
    except CollectionError as err:
        fail(str(err), 2)


@contextmanager
def streaming_selected(
    dirs: Sequence[str], no_cache: bool, flt: Filter, streams: bool
) -> Iterator[Collection]:
    """`load_selected` for a format that writes as it goes: the events are read from the
    index while they are iterated inside the `with` (see `streaming_selection`)."""
    if not streams:
        yield load_selected(dirs, no_cache, flt)
        return
    from chrono.load import default_dirs
    from chrono.pipeline import CollectionError, streaming_selection

    try:
        with streaming_selection(default_dirs(dirs), flt, cache=use_cache(no_cache)) as found:
            yield found
    except CollectionError as err:
        fail(str(err), 2)


def warn_skipped(collection: Collection | ShownSelection, actors: Sequence[str] = ()) -> None:
    """Tell stderr about errors in the data (events with errors are left out; the command
    still works), and about --actor names the registry does not know."""
    errors = collection.errors
    for problem in errors[:5]:
        terminal.err(f"chrono: warning: {problem}")
    if errors:
        more = f", {len(errors) - 5} not shown" if len(errors) > 5 else ""
        count = "1 error" if len(errors) == 1 else f"{len(errors)} errors"
        note = f"{count} in the data{more}; events with errors are left out; run `chrono check`"
        terminal.err(f"chrono: warning: {note}")
    _unknown_actors(collection, actors)


def _unknown_actors(collection: Collection | ShownSelection, actors: Sequence[str]) -> None:
    registry = collection.registry
    if not registry.actors:
        return
    for name in actors:
        if registry.resolve(name) is None:
            import difflib

            names = [n for a in registry.actors.values() for n in (a.name, *a.aliases)]
            hint = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
            tip = f"; did you mean '{hint[0]}'?" if hint else ""
            terminal.err(f"chrono: warning: no actor '{name}' in actors.toml{tip}")


def choice(name: str, formats: dict[str, Format], extra: Sequence[str] = ()) -> Format | None:
    if name in extra:
        return None
    if name not in formats:
        names = ", ".join([*extra, *formats])
        fail(f"unknown format '{name}' (choose from: {names})", 2)
    return formats[name]


def write_output(path: str, text: Iterable[str], force: bool) -> None:
    from chrono.write import atomic_write

    try:
        atomic_write(path, text, overwrite=force)
    except FileExistsError:
        fail(f"{path} already exists; use --force to overwrite it", 1)
    except OSError as err:
        fail(f"cannot write {path}: {err.strerror or err}", 1)
