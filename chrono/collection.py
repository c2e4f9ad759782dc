"""The whole pipeline in one call: load → parse → merge → validate (→ select).

This is the library's front door: ``load_collection(["events"])`` returns every valid
event, the actor registry, the bibliography and every problem found, located by line.
``select_collection`` does the same for a filter, answering actor and tag filters from
the index cache when it may, so that it unpickles only the events it needs.
"""

from __future__ import annotations

import gc
import os
import pickle
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from chrono.actors import Registry, build_registry, parse_actors
from chrono.bibliography import parse_bibliography
from chrono.load import read_file, scan
from chrono.locate import place
from chrono.merge import merge_bibliographies
from chrono.model import Actor, Event, Problem, Source
from chrono.parse import parse_event_file
from chrono.query import Filter, select
from chrono.validate import Context, resolve_citations, validate

if TYPE_CHECKING:
    from chrono.cache import Index

#: What a damaged or foreign cache can raise while being read; the cache is then discarded.
CACHE_ERRORS = (
    sqlite3.Error,
    pickle.UnpicklingError,
    EOFError,
    AttributeError,
    TypeError,
    ImportError,
    ValueError,
)


class CollectionError(Exception):
    """A collection folder that cannot be used at all (missing, not a folder)."""


@dataclass(frozen=True)
class Collection:
    """Valid events in the one total order, with what they refer to and what was wrong."""

    events: list[Event]
    registry: Registry
    sources: dict[str, Source]
    problems: list[Problem] = field(default_factory=list)
    dirs: tuple[str, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def check_dirs(dirs: Sequence[str]) -> None:
    """Raise CollectionError unless every folder exists."""
    for folder in dirs:
        if not os.path.exists(folder):
            raise CollectionError(f"collection folder '{folder}' does not exist")
        if not os.path.isdir(folder):
            raise CollectionError(f"'{folder}' is not a folder")


def parse_path(path: str) -> tuple[list[Event], list[Problem]]:
    """Read and parse one event file; its problems come back located by line."""
    raw, problems = read_file(path, "events")
    if raw is None:
        return [], problems
    events, found = parse_event_file(raw)
    return events, problems + place(found)


@contextmanager
def _no_gc() -> Iterator[None]:
    # Parsing allocates many small objects that all survive; the cyclic collector would
    # scan them again and again for nothing (about 40% of load time at 100k events).
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class Parts:
    """What the folders hold before validation: events in load order, registries, problems."""

    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    bibliographies: list[tuple[str, dict[str, Source]]] = field(default_factory=list)
    has_actors: bool = False

    def registries(self) -> tuple[Context, list[Problem]]:
        registry, problems = build_registry(self.actors)
        sources, found = merge_bibliographies(self.bibliographies)
        return Context(registry, sources, self.has_actors), problems + found


def read_registry(parts: Parts, path: str, role: str) -> None:
    raw, problems = read_file(path, "actors" if role == "actors" else "sources")
    parts.problems += problems
    if raw is None:
        return
    if raw.role == "actors":
        parts.has_actors = True
        actors, found = parse_actors(raw)
        parts.actors += actors
    else:
        sources, found = parse_bibliography(raw)
        parts.bibliographies.append((raw.path, sources))
    parts.problems += found


def load_collection(
    dirs: Sequence[str], *, cache: bool = False, resolve: bool = True, slim: bool = False
) -> Collection:
    """Load, parse, merge and validate the collections in `dirs` (in that order).

    With `cache`, unchanged files are not parsed again but read from the index cache.
    Without `resolve`, ``ref`` citations keep a placeholder source (checks need no more);
    with `slim`, events keep no prose (see `Event.slim`).
    """
    check_dirs(dirs)
    with _no_gc():
        parts = Parts()
        for folder in dirs:
            events = _load_folder(parts, folder, cache, slim)
            parts.events += events
        ctx, found = parts.registries()
        events, checked = validate(parts.events, ctx)
        events.sort(key=Event.sort_key)
        if resolve:
            events = resolve_citations(events, ctx.sources)
    problems = ordered(place([*parts.problems, *found, *checked]))
    return Collection(events, ctx.registry, ctx.sources, problems, tuple(dirs))


def scan_folder(parts: Parts, folder: str) -> dict[str, tuple[int, int]]:
    """Read the folder's registries into `parts`; return its event files' size and mtime."""
    stats = {}
    for path, role, size, mtime in scan(folder):
        if role == "events":
            stats[path] = (size, mtime)
        else:
            read_registry(parts, path, role)
    return stats


def _load_folder(parts: Parts, folder: str, cache: bool, slim: bool) -> list[Event]:
    stats = scan_folder(parts, folder)
    cached = _from_index(folder, stats) if cache else None
    if cached is not None:
        problems, events = cached
        parts.problems += problems
        return events
    events = []
    for path in stats:
        found, problems = parse_path(path)
        events += [e.slim() for e in found] if slim else found
        parts.problems += problems
    return events


def _from_index(
    folder: str, stats: dict[str, tuple[int, int]]
) -> tuple[list[Problem], list[Event]] | None:
    from chrono.cache import discard

    index = synced_index(folder, stats)
    if index is None:
        return None
    try:
        return index.problems(), index.events()
    except CACHE_ERRORS:
        discard(folder)  # unreadable after all: the caller parses every file instead
        return None
    finally:
        index.close()


def synced_index(folder: str, stats: dict[str, tuple[int, int]]) -> Index | None:
    """The folder's synced index, or None when the cache cannot be used (never fatal)."""
    from chrono.cache import Index, discard

    index = Index.open(folder)
    if index is None:
        return None
    try:
        index.sync(stats, parse_path)
    except CACHE_ERRORS:
        index.close()
        discard(folder)
        return None
    return index


def select_collection(dirs: Sequence[str], flt: Filter, *, cache: bool = False) -> Collection:
    """The collection with only the events that pass `flt`, sorted; problems are complete.

    With `cache` and an actor or tag filter on one folder, the index answers the filter.
    """
    check_dirs(dirs)
    if cache and len(dirs) == 1 and (flt.actors or flt.tags):
        from chrono.fastpath import select_fast

        with _no_gc():
            fast = select_fast(dirs[0], flt)
        if fast is not None:
            return fast
    collection = load_collection(dirs, cache=cache, resolve=False)
    chosen = resolve_citations(
        select(collection.events, flt, collection.registry), collection.sources
    )
    return Collection(
        chosen, collection.registry, collection.sources, collection.problems, collection.dirs
    )


@dataclass(frozen=True)
class CheckReport:
    """What `chrono check` needs: every problem, and how many events passed."""

    problems: list[Problem]
    valid: int
    dirs: tuple[str, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def check_collection(dirs: Sequence[str], *, cache: bool = False) -> CheckReport:
    """Every problem in `dirs`, without keeping what checks do not need in memory.

    With `cache` on one folder the index answers, loading only the suspect events.
    """
    check_dirs(dirs)
    if cache and len(dirs) == 1:
        from chrono.fastpath import check_fast

        with _no_gc():
            fast = check_fast(dirs[0])
        if fast is not None:
            return fast
    collection = load_collection(dirs, cache=cache, resolve=False, slim=True)
    return CheckReport(collection.problems, len(collection.events), collection.dirs)


def ordered(problems: list[Problem]) -> list[Problem]:
    """Problems by file, line, code, message: the order `chrono check` prints them in."""
    return sorted(problems, key=lambda p: (p.file, p.line, p.code, p.message))
