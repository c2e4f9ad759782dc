"""Reading one collection folder: its registries, and its event files parsed.

The index (`chrono.index`) calls `parse_path` for each file that changed; the pipeline
calls `parse_files` for every file when there is no index, which shares a large load of
mostly claims (`show` and `check`) among several processes (`chrono.parallel`).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from chrono.load import Stat, read_file, scan
from chrono.locate import place
from chrono.merge import merge_bibliographies
from chrono.model import Actor, Event, Problem, Source
from chrono.parallel import map_files
from chrono.parse import Skim, parse_event_file, parse_tables
from chrono.parse.claim import Claim, claim_of
from chrono.parse.wire import FileParse, decode, encode
from chrono.registry.actors import build_registry, parse_actors
from chrono.registry.bibliography import parse_bibliography
from chrono.validate import Context


@dataclass
class Parts:
    """What the folders hold before validation: events in load order, registries, problems."""

    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    bibliographies: list[tuple[str, dict[str, Source]]] = field(default_factory=list)
    has_actors: bool = False

    def registries(self) -> tuple[Context, list[Problem]]:
        """The merged actor registry and bibliography, and what was wrong with them."""
        registry, problems = build_registry(self.actors)
        sources, ambiguous, found = merge_bibliographies(self.bibliographies)
        return Context(registry, sources, self.has_actors, ambiguous), problems + found


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading.

    Parsing allocates many small objects that all survive; the collector would scan
    them again and again for nothing (about 40% of load time at 100k events).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_path(path: str) -> tuple[list[Event], list[Problem]]:
    """Read and parse one event file; its problems come back located by line."""
    raw, problems = read_file(path, "events")
    if raw is None:
        return [], problems
    events, found = parse_event_file(raw)
    return events, problems + place(found)


@dataclass(frozen=True)
class Wanted:
    """Which valid events a load keeps whole; the others it keeps only as claims."""

    event: Callable[[Event], bool]
    #: True for an event table whose event `event` would surely refuse (only its claim
    #: is then built); it may answer False for any table.
    skim: Skim
    #: Whether `skim` passes over most tables (an actor or tag filter, or a check): then
    #: a large load is shared among processes (see `parse_files`).
    narrow: bool = True


Want = Wanted | None


def parse_for(path: str, want: Want) -> FileParse:
    """Parse one file, keeping whole only the events `want` asks for."""
    raw, problems = read_file(path, "events")
    if raw is None:
        return FileParse([], [], problems)
    found, located = parse_tables(raw, None if want is None else want.skim)
    return sort_wanted(found, problems + place(located), want)


def sort_wanted(found: Sequence[Event | Claim], problems: list[Problem], want: Want) -> FileParse:
    """The events `want` asks for, and the claims of the others."""
    if want is None:
        return FileParse([e for e in found if type(e) is Event], [], problems)
    wanted: list[Event] = []
    claims: list[Claim] = []
    for item in found:
        if isinstance(item, Claim):
            claims.append(item)
        elif want.event(item):
            wanted.append(item)
        else:
            claims.append(claim_of(item))
    return FileParse(wanted, claims, problems)


def parse_files(stats: dict[str, Stat], want: Want) -> list[FileParse]:
    """`parse_for` every file of `stats`, in order; several processes share a large load
    when most events come back as claims (a whole event costs the parent about as much to
    decode as to parse: sharing a load of whole events saved no time on two cores)."""
    if want is None or not want.narrow:
        return [parse_for(path, want) for path in stats]
    paths = list(stats)
    sizes = [stat[0] for stat in stats.values()]
    return map_files(paths, sizes, lambda path: parse_for(path, want), encode, decode)


def read_registry(parts: Parts, path: str, role: str) -> None:
    """Read an ``actors.toml`` or ``sources.toml`` into `parts`."""
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


def scan_folder(
    parts: Parts, folder: str, seen: set[tuple[str, str]] | None = None
) -> dict[str, Stat]:
    """Read the folder's registries into `parts`; return its event files' stats.

    Files in `seen` (real path and name, already loaded from another folder) are skipped,
    so that overlapping folders do not load a file twice; `seen` is updated. The name
    counts because it is the default id: a link under another name is another event.
    """
    entries, problems = scan(folder, real=seen is not None)
    parts.problems += problems
    stats: dict[str, Stat] = {}
    for path, role, stat, real in entries:
        if seen is not None:
            key = (real, os.path.basename(path))
            if key in seen:
                continue
            seen.add(key)
        if role == "events":
            stats[path] = stat
        else:
            read_registry(parts, path, role)
    return stats
