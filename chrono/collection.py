"""The whole pipeline in one call: load → parse → merge → validate.

This is the library's front door: ``load_collection(["events"])`` returns every valid
event, the actor registry, the bibliography and every problem found, located by line.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from chrono.actors import Registry, build_registry, parse_actors
from chrono.bibliography import parse_bibliography
from chrono.load import RawFile, find_files, read_files
from chrono.locate import place
from chrono.merge import merge_bibliographies
from chrono.model import Actor, Event, Problem, Source
from chrono.parse import parse_event_files
from chrono.validate import Context, validate


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


def load_collection(dirs: Sequence[str]) -> Collection:
    """Load, parse, merge and validate the collections in `dirs` (in that order)."""
    check_dirs(dirs)
    files = [entry for folder in dirs for entry in find_files(folder)]
    raws, problems = read_files(files)
    events, found = parse_event_files(r for r in raws if r.role == "events")
    problems += found
    registry, sources, has_actors, found = _registries(raws)
    problems += found
    events, found = validate(events, Context(registry, sources, has_actors))
    problems += found
    events.sort(key=Event.sort_key)
    return Collection(events, registry, sources, _ordered(place(problems)), tuple(dirs))


def _registries(raws: list[RawFile]) -> tuple[Registry, dict[str, Source], bool, list[Problem]]:
    problems: list[Problem] = []
    actors: list[Actor] = []
    bibliographies = []
    for raw in raws:
        if raw.role == "actors":
            found_actors, found = parse_actors(raw)
            actors += found_actors
            problems += found
        elif raw.role == "sources":
            found_sources, found = parse_bibliography(raw)
            bibliographies.append((raw.path, found_sources))
            problems += found
    registry, found = build_registry(actors)
    sources, merge_problems = merge_bibliographies(bibliographies)
    has_actors = any(r.role == "actors" for r in raws)
    return registry, sources, has_actors, problems + found + merge_problems


def _ordered(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line, p.code, p.message))
