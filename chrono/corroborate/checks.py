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
from chrono.corroborate.duplicates import likely_duplicates
from chrono.corroborate.independence import corroboration
from chrono.model import Event, Problem, Source
from chrono.registry.actors import Registry


@dataclass(frozen=True)
class CorroborationChecks:
    """Which corroboration checks to run."""

    single_source: bool = False  # warn about events with one independent source
    window: int = 0  # days between dates still close enough for a possible duplicate
    duplicates: bool = True


def _warning(event: Event, key: str | tuple[str, int], code: str, message: str) -> Problem:
    where = (*event.where, *((key,) if isinstance(key, str) else key))
    return Problem(event.file, 0, code, message, "warning", where)


def corroboration_problems(
    events: Sequence[Event],
    sources: Mapping[str, Source],
    registry: Registry,
    checks: CorroborationChecks,
) -> list[Problem]:
    """Every corroboration warning about `events`."""
    problems = []
    ids = {e.id for e in events}
    for event in events:
        problems += _event_problems(event, sources, ids, checks)
    if checks.duplicates:
        for pair in likely_duplicates(events, registry, checks.window):
            other = pair.second
            msg = (
                f"possible duplicate of '{other.id}' ({other.file}): {pair.text()}"
                f" (score {pair.score:.0f}); settle it with same_as or distinct_from"
            )
            problems.append(_warning(pair.first, "title", "possible-duplicate", msg))
    return problems


def _event_problems(
    event: Event, sources: Mapping[str, Source], ids: set[str], checks: CorroborationChecks
) -> list[Problem]:
    problems = []
    claims = disagreement(event)
    if claims:
        msg = f"{disagreement_text(claims)}; the event says {event.date.human()}"
        if event.status != "disputed":
            msg += ' (status = "disputed" may fit)'
        problems.append(_warning(event, "date", "sources-disagree", msg))
    if checks.single_source and corroboration(event, sources).independent == 1:
        msg = "backed by a single independent source"
        problems.append(_warning(event, ("sources", 0), "single-source", msg))
    for index, citation in enumerate(event.citations):
        parent = citation.source.derived_from
        if parent is not None and parent not in sources:
            name = citation.source.key or citation.source.title or "this source"
            msg = f"'{name}' is derived_from '{parent}', which is not in sources.toml"
            problems.append(_warning(event, ("sources", index), "unknown-source-ref", msg))
    for key in ("same_as", "distinct_from"):
        for other in getattr(event, key):
            if other not in ids:
                msg = f"{key} names '{other}', which is not an event here"
                problems.append(_warning(event, key, "unknown-link", msg))
    return problems
