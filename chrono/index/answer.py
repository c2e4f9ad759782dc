"""Answering an actor or tag filter from the index cache, unpickling only what it needs.

The result must equal the uncached pipeline's: the same events, the same problems.
Cross-file checks are answered from the index too: only events with a duplicated id, an
unknown source ref or an unknown actor are loaded and put through the ordinary checks.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from typing import TypeVar

from chrono.corroborate.checks import CorroborationChecks, facts_problems
from chrono.folder import Parts, scan_folder
from chrono.index.store import Index
from chrono.index.sync import CACHE_ERRORS, cache_failed, synced_index
from chrono.locate import place
from chrono.model import Event, Problem, Where
from chrono.parse.claims import Claim, refused_claims
from chrono.query import Filter, actor_terms, select
from chrono.registry.actors import Registry
from chrono.results import CheckReport, Collection, ordered
from chrono.validate import Context, resolve_citations, validate

T = TypeVar("T")


def answers_from_terms(flt: Filter) -> bool:
    """Whether the index answers the filter without the events: it asks nothing but actors,
    tags, dates, order and limit (text, place and status need the events themselves)."""
    simple = dataclasses.replace(
        flt, actors=(), tags=(), start=-math.inf, stop=math.inf, limit=None, reverse=False
    )
    return simple == Filter()


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


def suspects(index: Index, ctx: Context, claims: list[Claim]) -> set[int]:
    """Events that some cross-file check would report: load these, and only these."""
    numbers = index.duplicated_ids() | index.with_ids(c.id for c in claims if c.id)
    unknown_refs = (index.distinct_terms("ref") - set(ctx.sources)) | ctx.ambiguous
    numbers |= index.with_terms("ref", unknown_refs)
    if ctx.has_actors:
        unknown = {t for t in index.distinct_terms("actor") if ctx.registry.resolve(t) is None}
        numbers |= index.with_terms("actor", unknown)
    return numbers


def check_suspects(
    events: list[Event], ctx: Context, claims: list[Claim]
) -> tuple[set[tuple[str, Where]], list[Problem]]:
    """Run the ordinary checks on the suspects and the refused events' claims; returns
    (file, where) of refused events.

    Every event sharing an id (with another, or with a claim) is a suspect, so checking
    the suspects alone gives the same verdicts as checking everything.
    """
    kept, problems = validate(events, ctx, claims)
    ok = {(e.file, e.where) for e in kept}
    return {(e.file, e.where) for e in events if (e.file, e.where) not in ok}, problems


def check_indexed(index: Index, ctx: Context) -> tuple[int, list[Problem]]:
    """How many events are valid, and every problem, without loading the sound events."""
    problems, refused = _problems(index, ctx)
    return index.count() - len(refused), problems


def _problems(index: Index, ctx: Context) -> tuple[list[Problem], set[tuple[str, Where]]]:
    parsed = index.problems()
    claims = refused_claims(parsed, sorted({p.file for p in parsed}))
    refused, found = check_suspects(index.events(suspects(index, ctx, claims)), ctx, claims)
    return parsed + found, refused


def corroborated_indexed(
    index: Index, ctx: Context, checks: CorroborationChecks
) -> tuple[int, list[Problem]]:
    """`check_indexed` with the corroboration checks, run over the facts the index keeps
    of each valid event: no event is decoded but the suspects."""
    problems, refused = _problems(index, ctx)
    facts = [f for f in index.facts() if (f.file, f.where) not in refused]
    problems += facts_problems(facts, ctx.sources, ctx.registry, checks)
    return index.count() - len(refused), problems


def select_indexed(index: Index, flt: Filter, ctx: Context) -> tuple[list[Event], list[Problem]]:
    """Selected events (sorted, refs resolved) and every problem, from a folder's index."""
    problems, refused = _problems(index, ctx)
    chosen = index.events(candidates(index, flt, ctx.registry))
    chosen = [e for e in chosen if (e.file, e.where) not in refused]
    return resolve_citations(select(chosen, flt, ctx.registry), ctx.sources), problems


def select_fast(folder: str, flt: Filter) -> Collection | None:
    """`select_collection` for one folder, from its index; None if the cache is unusable."""
    answer = with_index(folder, lambda index, ctx: select_indexed(index, flt, ctx))
    if answer is None:
        return None
    chosen, ctx, problems = answer
    return Collection(chosen, ctx.registry, ctx.sources, problems, (folder,), ctx.ambiguous)


def check_fast(folder: str) -> CheckReport | None:
    """`check_collection` for one folder, from its index; None if the cache is unusable."""
    answer = with_index(folder, check_indexed)
    if answer is None:
        return None
    valid, _ctx, problems = answer
    return CheckReport(problems, valid, (folder,))


def check_corroborated(folder: str, checks: CorroborationChecks) -> CheckReport | None:
    """`check_collection` with corroboration checks for one folder, from its index; None if
    the cache is unusable."""
    answer = with_index(folder, lambda index, ctx: corroborated_indexed(index, ctx, checks))
    if answer is None:
        return None
    valid, _ctx, problems = answer
    return CheckReport(problems, valid, (folder,))


def with_index(
    folder: str, ask: Callable[[Index, Context], tuple[T, list[Problem]]]
) -> tuple[T, Context, list[Problem]] | None:
    """Sync the folder's index and ask it for an answer and its problems; the answer comes
    back with the registries and every problem (the folder's and registries' too), ordered;
    None if the cache is unusable."""
    parts = Parts()
    index = synced_index(folder, scan_folder(parts, folder))
    if index is None:
        return None
    ctx, found = parts.registries()
    try:
        with index.reading():  # one snapshot: another process may sync meanwhile
            answer, problems = ask(index, ctx)
    except CACHE_ERRORS as err:
        cache_failed(folder, err)
        return None
    finally:
        index.close()
    return answer, ctx, ordered(place([*parts.problems, *found, *problems]))
