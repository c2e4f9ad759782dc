"""What `chrono check` says about corroboration, as warnings located on the events:
`sources-disagree`, `possible-duplicate`, `unknown-link`, `unknown-source-ref` (a
`derived_from` to no bibliography entry) and (when asked) `single-source`.

None of these is an error: each is a judgement for the analyst to make. The events given
must have their ``ref`` citations resolved (publishers and grades come from there).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from chrono.corroborate.disagree import disagreement, disagreement_text
from chrono.corroborate.duplicates import duplicate_facts
from chrono.corroborate.facts import Facts, facts_of
from chrono.corroborate.independence import corroboration
from chrono.model import Event, Problem, Source
from chrono.registry.actors import Registry


@dataclass(frozen=True)
class CorroborationChecks:
    """Which corroboration checks to run."""

    single_source: bool = False  # warn about events with one independent source
    window: int = 0  # days between dates still close enough for a possible duplicate
    duplicates: bool = True


def _warning(event: Facts, key: str | tuple[str, int], code: str, message: str) -> Problem:
    where = (*event.where, *((key,) if isinstance(key, str) else key))
    return Problem(event.file, 0, code, message, "warning", where)


def corroboration_problems(
    events: Sequence[Event],
    sources: Mapping[str, Source],
    registry: Registry,
    checks: CorroborationChecks,
) -> list[Problem]:
    """Every corroboration warning about `events`."""
    return facts_problems([facts_of(e) for e in events], sources, registry, checks)


def facts_problems(
    events: Sequence[Facts],
    sources: Mapping[str, Source],
    registry: Registry,
    checks: CorroborationChecks,
) -> list[Problem]:
    """Every corroboration warning about the events whose facts are `events` (in the one
    total order), their refs known to `sources`."""
    problems = []
    ids: set[str] | None = None
    for event in events:
        if ids is None and (event.same_as or event.distinct_from):
            ids = {e.id for e in events}
        problems += _event_problems(event, sources, ids or set(), checks)
    if checks.duplicates:
        for pair in duplicate_facts(events, registry, checks.window):
            other = pair.second
            msg = (
                f"possible duplicate of '{other.id}' ({other.file}): {pair.text()}"
                f" (score {pair.score:.0f}); settle it with same_as or distinct_from"
            )
            problems.append(_warning(pair.first, "title", "possible-duplicate", msg))
    return problems


def _event_problems(
    event: Facts, sources: Mapping[str, Source], ids: set[str], checks: CorroborationChecks
) -> list[Problem]:
    problems = []
    whole = None  # the event's date and citations, built only for the checks that read them
    if any(c.date is not None for c in event.cited):
        whole = event.event(sources)
        claims = disagreement(whole)
        if claims:
            msg = f"{disagreement_text(claims)}; the event says {whole.date.human()}"
            if event.status != "disputed":
                msg += ' (status = "disputed" may fit)'
            problems.append(_warning(event, "date", "sources-disagree", msg))
    if checks.single_source:
        whole = whole or event.event(sources)
        if corroboration(whole, sources).independent == 1:
            msg = "backed by a single independent source"
            problems.append(_warning(event, ("sources", 0), "single-source", msg))
    for index, cited in enumerate(event.cited):
        source = cited.resolved(sources)
        parent = source.derived_from
        if parent is not None and parent not in sources:
            name = source.key or source.title or "this source"
            msg = f"'{name}' is derived_from '{parent}', which is not in sources.toml"
            problems.append(_warning(event, ("sources", index), "unknown-source-ref", msg))
    for key in ("same_as", "distinct_from"):
        for other in getattr(event, key):
            if other not in ids:
                msg = f"{key} names '{other}', which is not an event here"
                problems.append(_warning(event, key, "unknown-link", msg))
    return problems
