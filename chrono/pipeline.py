"""The whole pipeline in one call: load → parse → merge → validate (→ select).

This is the library's front door: ``load_collection(["events"])`` returns every valid
event, the actor registry, the bibliography and every problem found, located by line.
``select_collection`` does the same for a filter and ``check_collection`` for a check,
answering from the index cache when they may (see `chrono.index.answer`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from chrono.folder import Parts, no_gc, parse_path, scan_folder
from chrono.index.sync import events_from_index
from chrono.load import Stat
from chrono.locate import place
from chrono.model import Event
from chrono.parse.claims import refused_claims
from chrono.query import Filter, actor_terms, matches, select
from chrono.results import CheckReport, Collection, Shown, ShownSelection, ordered
from chrono.validate import resolve_citations, validate

if TYPE_CHECKING:
    from chrono.corroborate.checks import CorroborationChecks
    from chrono.registry.actors import Registry

__all__ = [
    "CheckReport",
    "Collection",
    "CollectionError",
    "check_collection",
    "load_collection",
    "select_collection",
    "select_shown",
]


class CollectionError(Exception):
    """A collection folder that cannot be used at all (missing, not a folder)."""


def check_dirs(dirs: Sequence[str]) -> None:
    """Raise CollectionError unless every folder exists."""
    for folder in dirs:
        if not os.path.exists(folder):
            raise CollectionError(f"collection folder '{folder}' does not exist")
        if not os.path.isdir(folder):
            raise CollectionError(f"'{folder}' is not a folder")


def load_collection(
    dirs: Sequence[str],
    *,
    cache: bool = False,
    resolve: bool = True,
    slim: bool = False,
    keep: Filter | None = None,
    lighten: Callable[[Event], Event] | None = None,
) -> Collection:
    """Load, parse, merge and validate the collections in `dirs` (in that order).

    With `cache`, unchanged files are not parsed again but read from the index cache.
    Without `resolve`, ``ref`` citations keep a placeholder source (checks need no more).
    With `slim`, events keep no prose (see `Event.slim`); with `keep`, only the events that
    pass that filter keep theirs (the others are needed whole only by the checks); with
    `lighten`, each event parsed is replaced by what it gives back. A file
    reached through two of the folders (one inside the other, or a link) is loaded once.
    """
    check_dirs(dirs)
    seen: set[tuple[str, str]] | None = set() if len(dirs) > 1 else None
    with no_gc():
        parts = Parts()
        stats = [scan_folder(parts, folder, seen) for folder in dirs]  # registries first
        ctx, found = parts.registries()
        thin = _thinner(slim, keep, ctx.registry, lighten)
        for folder, folder_stats in zip(dirs, stats, strict=True):
            parts.events += _load_folder(parts, folder, folder_stats, cache, thin)
        claims = refused_claims(parts.problems, [path for s in stats for path in s])
        events, checked = validate(parts.events, ctx, claims)
        events.sort(key=Event.sort_key)
        if resolve:
            events = resolve_citations(events, ctx.sources)
    problems = ordered(place([*parts.problems, *found, *checked]))
    return Collection(events, ctx.registry, ctx.sources, problems, tuple(dirs), ctx.ambiguous)


Thinner = Callable[[list[Event]], list[Event]]


def _thinner(
    slim: bool, keep: Filter | None, registry: Registry, lighten: Callable[[Event], Event] | None
) -> Thinner | None:
    """What to do to each file's events as they are parsed, to spare memory."""
    if lighten is not None:
        return lambda events: [lighten(e) for e in events]
    if slim:
        return lambda events: [e.slim() for e in events]
    if keep is None:
        return None
    names = actor_terms(registry, keep.actors) if keep.actors else None
    return lambda events: [e if matches(e, keep, names, registry) else e.slim() for e in events]


def _load_folder(
    parts: Parts, folder: str, stats: dict[str, Stat], cache: bool, thin: Thinner | None
) -> list[Event]:
    cached = events_from_index(folder, stats) if cache else None
    if cached is not None:
        problems, events = cached
        parts.problems += problems
        return events
    events = []
    for path in stats:
        found, problems = parse_path(path)
        events += thin(found) if thin else found
        parts.problems += problems
    return events


def select_collection(dirs: Sequence[str], flt: Filter, *, cache: bool = False) -> Collection:
    """The collection with only the events that pass `flt`, sorted; problems are complete.

    With `cache` and an actor or tag filter on one folder, the index answers the filter.
    """
    check_dirs(dirs)
    if cache and len(dirs) == 1 and (flt.actors or flt.tags):
        from chrono.index.answer import select_fast

        with no_gc():
            fast = select_fast(dirs[0], flt)
        if fast is not None:
            return fast
    collection = load_collection(dirs, cache=cache, resolve=False, keep=flt)
    chosen = resolve_citations(
        select(collection.events, flt, collection.registry), collection.sources
    )
    return Collection(
        chosen,
        collection.registry,
        collection.sources,
        collection.problems,
        collection.dirs,
        collection.ambiguous,
    )


def select_shown(dirs: Sequence[str], flt: Filter, *, cache: bool = False) -> ShownSelection:
    """What `show` prints of the events that pass `flt` (actors by their canonical names),
    in the one total order; problems are complete.

    With `cache` on one folder and a filter of actors, tags, dates, order and limit only,
    the rows are read ready to print from the index, and no event is decoded.
    """
    check_dirs(dirs)
    if cache and len(dirs) == 1:
        from chrono.index.printed import answers_from_rows, shown_fast

        if answers_from_rows(flt):
            with no_gc():
                fast = shown_fast(dirs[0], flt)
            if fast is not None:
                return fast
    found = select_collection(dirs, flt, cache=cache)
    return shown_selection(found, found.events)


def shown_selection(collection: Collection, events: Sequence[Event]) -> ShownSelection:
    """The rows `show` prints of some of a collection's events (actors renamed)."""
    from chrono.render.actors import with_canonical_actors

    rows = [Shown.of(e) for e in with_canonical_actors(events, collection.registry)]
    return ShownSelection(
        rows, collection.registry, collection.sources, collection.problems, collection.dirs
    )


def check_collection(
    dirs: Sequence[str], *, cache: bool = False, corroborate: CorroborationChecks | None = None
) -> CheckReport:
    """Every problem in `dirs`, without keeping what checks do not need in memory.

    With `cache` on one folder the index answers, loading only the suspect events.
    With `corroborate`, the corroboration checks run too (over each event's `Facts`, which
    the index keeps: a warm check decodes no event).
    """
    check_dirs(dirs)
    if corroborate is not None:
        return _check_corroboration(dirs, cache, corroborate)
    if cache and len(dirs) == 1:
        from chrono.index.answer import check_fast

        with no_gc():
            fast = check_fast(dirs[0])
        if fast is not None:
            return fast
    collection = load_collection(dirs, cache=cache, resolve=False, slim=True)
    return CheckReport(collection.problems, len(collection.events), collection.dirs)


def _check_corroboration(
    dirs: Sequence[str], cache: bool, checks: CorroborationChecks
) -> CheckReport:
    from chrono.corroborate.checks import facts_problems
    from chrono.corroborate.facts import facts_of, lighten

    if cache and len(dirs) == 1:
        from chrono.index.answer import check_corroborated

        with no_gc():
            fast = check_corroborated(dirs[0], checks)
        if fast is not None:
            return fast
    collection = load_collection(dirs, cache=cache, resolve=False, lighten=lighten)
    with no_gc():  # every event is in memory: a collection would go through them all again
        facts = [facts_of(e) for e in collection.events]
        found = facts_problems(facts, collection.sources, collection.registry, checks)
    problems = ordered([*collection.problems, *place(found)])
    return CheckReport(problems, len(collection.events), collection.dirs)


@contextmanager
def streaming_selection(
    dirs: Sequence[str], flt: Filter, *, cache: bool = False
) -> Iterator[Collection]:
    """`select_collection` for writing out as it is read: with `cache` on one folder, the
    events come from the index a chunk at a time while they are iterated inside the `with`
    (memory holds each event's sort key, not the event); otherwise all are loaded first.

    Raises CollectionError if the index turns out damaged while being read (it is then
    discarded; the next run rebuilds it).
    """
    check_dirs(dirs)
    if cache and len(dirs) == 1:
        from chrono.index.stream import streamed_selection
        from chrono.index.sync import CACHE_ERRORS, cache_failed

        with no_gc(), streamed_selection(dirs[0], flt) as streamed:
            if streamed is not None:
                try:
                    yield streamed
                except CACHE_ERRORS as err:
                    cache_failed(dirs[0], err)
                    raise CollectionError(
                        "the index cache was damaged while it was read and has been removed; "
                        "run the command again"
                    ) from None
                return
    yield select_collection(dirs, flt, cache=cache)
