"""What an event claims: its id, its actors and its source refs, all the collection checks
read. A refused event keeps its claim (`chrono.parse.claims`), and so does a valid event a
load does not want whole (one a filter refuses, or any event for `chrono check`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from chrono.model import Citation, Event, Source, Where


@dataclass(frozen=True, slots=True)
class Claim:
    """The parts of an event that the collection checks look at (as `Event` names them);
    never shown, only checked."""

    id: str | None
    actors: tuple[str, ...]
    citations: tuple[Citation, ...]
    file: str
    where: Where


def claim_of(event: Event) -> Claim:
    """What a valid event that is not wanted whole still claims: the checks see it through
    this, and its prose is not kept."""
    refs = tuple(ref_citation(c.ref) for c in event.citations)
    return Claim(event.id, event.actors, refs, event.file, event.where)


@functools.lru_cache(maxsize=4096)
def ref_citation(ref: str | None) -> Citation:
    """The placeholder citation of a ``ref`` (or of an inline source, for None): all a
    claim needs, one shared object per ref, as the model's objects are immutable."""
    return Citation(Source(key=ref), None, None, ref) if ref is not None else Citation(Source())
