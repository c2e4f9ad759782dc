"""Answering an actor or tag filter from the index cache, unpickling only what it needs.

The result must equal the uncached pipeline's: the same events, the same problems.
Cross-file checks are answered from the index too: only events with a duplicated id, an
unknown source ref or an unknown actor are loaded and put through the ordinary checks.
"""

from __future__ import annotations

from collections.abc import Sequence

from chrono.actors import Registry
from chrono.cache import Index
from chrono.model import Event, Problem
from chrono.query import Filter, actor_terms, select
from chrono.validate import Context, resolve_citations, validate

Where = tuple[str | int, ...]


def candidates(index: Index, flt: Filter, registry: Registry) -> set[int]:
    """Numbers of the events that can pass the filter's actor and tag parts."""
    found: set[int] | None = None
    if flt.actors:
        found = index.with_terms("actor", actor_terms(registry, flt.actors))
    if flt.tags:
        tagged = index.with_terms("tag", (t.casefold() for t in flt.tags))
        found = tagged if found is None else found & tagged
    assert found is not None, "the fast path needs an actor or tag filter"
    return found


def suspects(index: Index, ctx: Context) -> set[int]:
    """Events that some cross-file check would report: load these, and only these."""
    numbers = index.duplicated_ids()
    unknown_refs = index.distinct_terms("ref") - set(ctx.sources)
    numbers |= index.with_terms("ref", unknown_refs)
    if ctx.has_actors:
        unknown = {t for t in index.distinct_terms("actor") if ctx.registry.resolve(t) is None}
        numbers |= index.with_terms("actor", unknown)
    return numbers


def check_suspects(
    events: list[Event], ctx: Context
) -> tuple[set[tuple[str, Where]], list[Problem]]:
    """Run the ordinary checks on the suspects; returns (file, where) of refused events.

    Every event sharing an id is a suspect, so checking the suspects alone gives the
    same verdicts as checking everything.
    """
    kept, problems = validate(events, ctx)
    ok = {(e.file, e.where) for e in kept}
    return {(e.file, e.where) for e in events if (e.file, e.where) not in ok}, problems


def select_indexed(
    indexes: Sequence[Index], flt: Filter, ctx: Context
) -> tuple[list[Event], list[Problem]]:
    """Selected events (sorted, refs resolved) and every problem, from folder indexes."""
    if len(indexes) > 1:
        raise ValueError("the fast path serves one collection folder")
    index = indexes[0]
    problems = index.problems()
    suspect_events = index.events(suspects(index, ctx))
    refused, found = check_suspects(suspect_events, ctx)
    problems += found
    chosen = [e for e in index.events(candidates(index, flt, ctx.registry))]
    chosen = [e for e in chosen if (e.file, e.where) not in refused]
    return resolve_citations(select(chosen, flt, ctx.registry), ctx.sources), problems
