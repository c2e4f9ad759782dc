"""Stage 4: checks across the merged collection, each a small function.

Each check sees every event, and the claims of the events refused while parsing (see
`chrono.parse.claims`), so that one run reports every problem; it returns those that pass
it, with the problems it found. An event is kept only if every check passes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from chrono.model import Event, Problem, Source
from chrono.parse.claims import Claim
from chrono.registry.actors import Registry

#: An event, or what a refused one still claims: the checks look at both alike.
Claimant = Event | Claim
#: Events, or claims checked in their place (an event not wanted whole): what `validate` keeps.
C = TypeVar("C", bound=Claimant)
Check = Callable[[Sequence[Claimant], "Context"], tuple[list[Claimant], list[Problem]]]


class Context:
    """What the checks may consult besides the events."""

    def __init__(
        self,
        registry: Registry,
        sources: dict[str, Source],
        has_actors: bool,
        ambiguous: set[str] | None = None,
    ) -> None:
        self.registry = registry
        self.sources = sources
        self.has_actors = has_actors
        self.ambiguous = ambiguous or set()  # source keys two collections define differently


def _problem(
    event: Claimant, key: str | None, code: str, message: str, warn: bool = False
) -> Problem:
    where = (*event.where, key) if key else event.where
    return Problem(event.file, 0, code, message, "warning" if warn else "error", where)


def unique_ids(events: Sequence[Claimant], ctx: Context) -> tuple[list[Claimant], list[Problem]]:
    """An id names one event across everything loaded. Every event sharing an id is refused:
    nothing says which is the real one, and showing either could hide the other. An event
    refused for another reason still holds its id."""
    holders: dict[str | None, list[Claimant]] = {}
    for event in events:
        holders.setdefault(event.id, []).append(event)
    kept: list[Claimant] = []
    problems = []
    for event in events:
        others = [e for e in holders[event.id] if e is not event and e.id is not None]
        if not others:
            kept.append(event)
            continue
        where = ", ".join(sorted({_place(e) for e in others}))
        msg = f"duplicate id '{event.id}': also used in {where}"
        problems.append(_problem(event, "id", "duplicate-id", msg))
    return kept, problems


def _place(event: Claimant) -> str:
    if event.where and event.where[0] == "events":
        return f"{event.file} (event #{int(event.where[1]) + 1})"
    return event.file


def known_refs(events: Sequence[Claimant], ctx: Context) -> tuple[list[Claimant], list[Problem]]:
    """Every ``ref`` must name a bibliography entry; an event citing an unknown one is refused."""
    kept: list[Claimant] = []
    problems = []
    for event in events:
        bad = [
            (index, c.ref)
            for index, c in enumerate(event.citations)
            if c.ref is not None and (c.ref not in ctx.sources or c.ref in ctx.ambiguous)
        ]
        for index, ref in bad:
            where = (*event.where, "sources", index, "ref")
            code, msg = _ref_problem(ref, ctx)
            problems.append(Problem(event.file, 0, code, msg, "error", where))
        if not bad:
            kept.append(event)
    return kept, problems


def _ref_problem(ref: str, ctx: Context) -> tuple[str, str]:
    if ref in ctx.ambiguous:
        msg = f"source ref '{ref}' is ambiguous: two collections define '{ref}' differently"
        return "ambiguous-source-ref", msg
    known = ", ".join(sorted(ctx.sources)) or "none"
    return "unknown-source-ref", f"source ref '{ref}' is not in sources.toml (known: {known})"


def resolve_citations(events: Iterable[Event], sources: dict[str, Source]) -> list[Event]:
    """The events with each ``ref`` citation's placeholder replaced by its bibliography entry.

    Done after selection, for the events that are shown: refs were checked by `known_refs`.
    """
    resolved = []
    for event in events:
        if any(c.ref is not None for c in event.citations):
            citations = tuple(
                c if c.ref is None else c.with_source(sources[c.ref]) for c in event.citations
            )
            event = event.with_citations(citations)
        resolved.append(event)
    return resolved


def known_actors(events: Sequence[Claimant], ctx: Context) -> tuple[list[Claimant], list[Problem]]:
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


def validate(
    events: Sequence[C], ctx: Context, claims: Sequence[Claim] = ()
) -> tuple[list[C], list[Problem]]:
    """Run every check on every event and claim; the events returned passed them all
    (`events` may hold claims standing for valid events: those that pass are returned)."""
    everything: list[Claimant] = [*events, *claims]
    problems: list[Problem] = []
    refused: set[int] = set()
    for check in CHECKS:
        kept, found = check(everything, ctx)
        problems.extend(found)
        if len(kept) < len(everything):  # the usual case, all passed, costs nothing more
            passed = {id(e) for e in kept}
            refused.update(id(e) for e in everything if id(e) not in passed)
    if not refused:
        return list(events), problems
    return [e for e in events if id(e) not in refused], problems
