"""Stage 4: checks across the merged collection, each a small function.

Each check takes the events that survived the checks before it and returns the events
that pass it, with the problems it found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from chrono.actors import Registry
from chrono.model import Citation, Event, Problem, Source

Check = Callable[[Sequence[Event], "Context"], tuple[list[Event], list[Problem]]]


class Context:
    """What the checks may consult besides the events."""

    def __init__(self, registry: Registry, sources: dict[str, Source], has_actors: bool) -> None:
        self.registry = registry
        self.sources = sources
        self.has_actors = has_actors


def _problem(event: Event, key: str | None, code: str, message: str, warn: bool = False) -> Problem:
    where = (*event.where, key) if key else event.where
    return Problem(event.file, 0, code, message, "warning" if warn else "error", where)


def unique_ids(events: Sequence[Event], ctx: Context) -> tuple[list[Event], list[Problem]]:
    """An id names one event across everything loaded; the later duplicate is refused."""
    first: dict[str, Event] = {}
    kept, problems = [], []
    for event in events:
        if event.id in first:
            msg = f"duplicate id '{event.id}': also used in {first[event.id].file}"
            problems.append(_problem(event, "id", "duplicate-id", msg))
            continue
        first[event.id] = event
        kept.append(event)
    return kept, problems


def known_refs(events: Sequence[Event], ctx: Context) -> tuple[list[Event], list[Problem]]:
    """Every ``ref`` must name a bibliography entry; an event citing an unknown one is refused."""
    kept, problems = [], []
    for event in events:
        bad = [
            (index, c.ref)
            for index, c in enumerate(event.citations)
            if c.ref is not None and c.ref not in ctx.sources
        ]
        for index, ref in bad:
            known = ", ".join(sorted(ctx.sources)) or "none: there is no sources.toml"
            msg = f"source ref '{ref}' is not in sources.toml (known: {known})"
            where = (*event.where, "sources", index, "ref")
            problems.append(Problem(event.file, 0, "unknown-source-ref", msg, "error", where))
        if not bad:
            kept.append(event)
    return kept, problems


def resolve_citations(events: Iterable[Event], sources: dict[str, Source]) -> list[Event]:
    """The events with each ``ref`` citation's placeholder replaced by its bibliography entry.

    Done after selection, for the events that are shown: refs were checked by `known_refs`.
    """
    resolved = []
    for event in events:
        if any(c.ref is not None for c in event.citations):
            citations = tuple(
                c if c.ref is None else Citation(sources[c.ref], c.quote, c.note, c.ref)
                for c in event.citations
            )
            event = event.with_citations(citations)
        resolved.append(event)
    return resolved


def known_actors(events: Sequence[Event], ctx: Context) -> tuple[list[Event], list[Problem]]:
    """Warn about actors the registry does not know, when there is a registry at all."""
    problems = []
    if ctx.has_actors:
        for event in events:
            for name in event.actors:
                if ctx.registry.resolve(name) is None:
                    msg = f"actor '{name}' is not in actors.toml (add it, or use a known alias)"
                    problems.append(_problem(event, "actors", "unknown-actor", msg, warn=True))
    return list(events), problems


CHECKS: list[Check] = [unique_ids, known_refs, known_actors]


def validate(events: Sequence[Event], ctx: Context) -> tuple[list[Event], list[Problem]]:
    """Run every check in turn; the events returned passed them all."""
    problems: list[Problem] = []
    current = list(events)
    for check in CHECKS:
        current, found = check(current, ctx)
        problems.extend(found)
    return current, problems
