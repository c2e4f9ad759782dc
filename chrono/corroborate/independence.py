"""How many sources back an event, and how many of them are independent.

A source that says ``derived_from = "KEY"`` re-reports another (a story rewriting a wire
story); following those links to their end gives the original. Independent sources are
the distinct publishers of those originals: two stories from one wire are one source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from chrono.model import Cited, Source


@dataclass(frozen=True, slots=True)
class Corroboration:
    """The number of distinct sources an event cites, and of independent ones."""

    sources: int
    independent: int

    def text(self) -> str:
        """ "3 sources, 2 independent"; "2 sources" when all are independent; "1 source"."""
        if self.sources == 1:
            return "1 source"
        if self.independent == self.sources:
            return f"{self.sources} sources"
        return f"{self.sources} sources, {self.independent} independent"

    def as_dict(self) -> dict[str, int]:
        return {"sources": self.sources, "independent": self.independent}


def origin(source: Source, sources: Mapping[str, Source]) -> Source:
    """The source at the end of its `derived_from` links (itself if it has none).

    A link to an unknown key ends the walk there; a cycle ends where it closes."""
    seen = {source.key} if source.key else set()
    while source.derived_from and source.derived_from in sources:
        if source.derived_from in seen:
            break
        seen.add(source.derived_from)
        source = sources[source.derived_from]
    return source


def publisher(source: Source) -> str:
    """Who stands behind a source: its publisher, else the source itself."""
    if source.publisher:
        return "publisher:" + " ".join(source.publisher.casefold().split())
    return source.identity


def corroboration(event: Cited, sources: Mapping[str, Source]) -> Corroboration:
    """Distinct sources the event cites, and distinct publishers of their originals."""
    cited = {c.source.identity: c.source for c in event.citations}
    origins = {publisher(origin(s, sources)) for s in cited.values()}
    return Corroboration(len(cited), len(origins))
