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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from chrono.folder import Parts, Want, Wanted, no_gc, parse_files, scan_folder, sort_wanted
from chrono.index.sync import events_from_index
from chrono.load import Stat
from chrono.locate import place
from chrono.model import Event, Problem
from chrono.parse.claims import Claim, refused_claims
from chrono.parse.wire import FileParse
from chrono.query import Filter, actor_terms, matches, select
from chrono.results import CheckReport, Collection, Shown, ShownSelection, ordered
from chrono.validate import Claimant, Context, resolve_citations, validate

if TYPE_CHECKING:
    from chrono.corroborate.checks import CorroborationChecks
    from chrono.corroborate.facts import Facts
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
    lighten: Callable[[Event], Event] | None = None,
) -> Collection:
    """Load, parse, merge and validate the collections in `dirs` (in that order).

    With `cache`, unchanged files are not parsed again but read from the index cache.
    Without `resolve`, ``ref`` citations keep a placeholder source (checks need no more).
    With `lighten`, each event parsed is replaced by what it gives back (to spare memory).
    A file reached through two of the folders (one inside the other, or a link) is
    loaded once.
    """
    gathered = _gather(dirs, cache, lambda registry: None, lighten)
    ctx, events = gathered.ctx, gathered.events
    with no_gc():
        events.sort(key=Event.sort_key)
        if resolve:
            events = resolve_citations(events, ctx.sources)
    return Collection(events, ctx.registry, ctx.sources, gathered.problems, tuple(dirs),
                      ctx.ambiguous)  # fmt: skip


@dataclass(frozen=True)
class _Gathered:
    """What `_gather` found: the wanted events that passed every check (in no particular
    order), how many events passed in all, the registries and every problem, ordered."""

    events: list[Event]
    valid: int
    ctx: Context
    problems: list[Problem]


def _gather(
    dirs: Sequence[str],
    cache: bool,
    wanting: Callable[[Registry], Want],
    lighten: Callable[[Event], Event] | None = None,
) -> _Gathered:
    """Load and validate `dirs`, keeping whole only the events that `wanting` (given the
    registry) asks for, each put through `lighten` if given; the others are checked as
    claims, as are the refused ones."""
    check_dirs(dirs)
    seen: set[tuple[str, str]] | None = set() if len(dirs) > 1 else None
    with no_gc():
        parts = Parts()
        stats = [scan_folder(parts, folder, seen) for folder in dirs]  # registries first
        ctx, found = parts.registries()
        want = wanting(ctx.registry)
        claims: list[Claim] = []
        for folder, folder_stats in zip(dirs, stats, strict=True):
            for part in _parse_folder(folder, folder_stats, cache, want):
                parts.events += map(lighten, part.events) if lighten else part.events
                claims += part.claims
                parts.problems += part.problems
        refused = refused_claims(parts.problems, [path for s in stats for path in s])
        candidates: list[Claimant] = [*parts.events, *claims]
        passed, checked = validate(candidates, ctx, refused)
        events = [e for e in passed if type(e) is Event]
    problems = ordered(place([*parts.problems, *found, *checked]))
    return _Gathered(events, len(passed), ctx, problems)


def _parse_folder(folder: str, stats: dict[str, Stat], cache: bool, want: Want) -> list[FileParse]:
    cached = events_from_index(folder, stats) if cache else None
    if cached is not None:
        problems, events = cached
        return [sort_wanted(events, problems, want)]
    return parse_files(stats, want)


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
    gathered = _gather(dirs, cache, lambda registry: _matcher(flt, registry))
    ctx = gathered.ctx
    chosen = resolve_citations(select(gathered.events, flt, ctx.registry), ctx.sources)
    return Collection(chosen, ctx.registry, ctx.sources, gathered.problems, tuple(dirs),
                      ctx.ambiguous)  # fmt: skip


def _matcher(flt: Filter, registry: Registry) -> Want:
    names = actor_terms(registry, flt.actors) if flt.actors else None
    tags = {t.casefold() for t in flt.tags}

    def skim(table: dict[str, Any]) -> bool:
        """Whether a table's actors or tags, as the quick parser would take them (a list
        of strings), surely fail the filter: then `matches` would refuse its event."""
        if names is not None and not _any_in(table.get("actors"), names):
            return True
        return bool(tags) and not _any_in(table.get("tags"), tags)

    narrow = names is not None or bool(tags)
    return Wanted(lambda event: matches(event, flt, names, registry), skim, narrow)


def _any_in(value: object, terms: set[str]) -> bool:
    """False only for a list of strings none of which is one of `terms` (casefolded)."""
    if type(value) is not list:
        return value is not None  # a lone string, or worse: the careful parser decides
    return any(type(v) is not str or v.casefold() in terms for v in value)


def select_shown(dirs: Sequence[str], flt: Filter, *, cache: bool = False) -> ShownSelection:
    """What `show` prints of the events that pass `flt` (actors by their canonical names),
    in the one total order; problems are complete.

    With `cache` on one folder and a filter of actors, tags, dates, order and limit only,
    the rows are read ready to print from the index, and no event is decoded.
    """
    check_dirs(dirs)
    if cache and len(dirs) == 1:
        from chrono.index.answer import answers_from_terms
        from chrono.index.printed import shown_fast

        if answers_from_terms(flt):
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
    gathered = _gather(dirs, cache, lambda registry: _NOTHING)
    return CheckReport(gathered.problems, gathered.valid, tuple(dirs))


_NOTHING = Wanted(lambda event: False, lambda table: True)  # check: every event a claim


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
    valid = len(collection.events)
    with no_gc():  # every event is in memory: a collection would go through them all again
        facts = _facts_releasing(collection.events, facts_of)
        found = facts_problems(facts, collection.sources, collection.registry, checks)
    problems = ordered([*collection.problems, *place(found)])
    return CheckReport(problems, valid, collection.dirs)


def _facts_releasing(events: list[Event], facts_of: Callable[[Event], Facts]) -> list[Facts]:
    """Each event's facts, in order, letting go of each event once read (and emptying
    `events`): the events and their facts are never all in memory at once, which at 100k
    events kept a cold check 200 MiB above a warm one."""
    facts = []
    for i, event in enumerate(events):
        facts.append(facts_of(event))
        events[i] = None  # type: ignore[call-overload]
    events.clear()
    return facts


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
