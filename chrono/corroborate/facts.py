"""What the corroboration checks read of an event: its `Facts`, a light profile.

The checks compare every event with its neighbours, so they should not need every event
whole. `facts_of` keeps what they read: the date (its text and bounds), the words that are
compared (title, the summary's lead, the quotes), the actors and place, the citations'
refs, inline sources and dates, and the links to other events. The index keeps each
event's facts as a sealed row (`chrono.index.facts_rows`), so that a warm `chrono check`
decodes no event at all. Refs stay unresolved and actors as written: the bibliography and
the actor registry can change without an event file changing, so they are read at check
time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from chrono.dates import parse_edtf
from chrono.model import Citation, Event, Source, Where

LEAD = 200  # characters of a summary compared


@dataclass(frozen=True, slots=True)
class Cited:
    """One citation as the checks read it: a bibliography ref or an inline source, and the
    date that source gives (EDTF text), if it gives its own."""

    ref: str | None
    source: Source | None  # the inline source; None for a ref (resolved at check time)
    date: str | None

    def resolved(self, sources: Mapping[str, Source]) -> Source:
        """The source cited: the bibliography's entry for a ref."""
        if self.ref is not None:
            return sources[self.ref]
        assert self.source is not None, "an inline citation keeps its source"
        return self.source


@dataclass(frozen=True, slots=True)
class Facts:
    """What the corroboration checks read of one event (see the module's docstring).

    The checks take a list of facts in the one total order (`Event.sort_key`) of their
    events; the facts do not repeat it."""

    id: str
    file: str
    where: Where
    date: str  # EDTF text
    earliest: float
    latest: float
    title: str
    lead: str  # the summary's first LEAD characters
    quotes: tuple[str, ...]  # each citation's quote, stripped, once each, sorted
    actors: tuple[str, ...]  # as written
    location: str | None
    status: str | None
    cited: tuple[Cited, ...]
    same_as: tuple[str, ...]
    distinct_from: tuple[str, ...]
    merged_from: tuple[str, ...]

    def event(self, sources: Mapping[str, Source]) -> Event:
        """The event as far as its date and citations go, refs resolved: what the date
        disagreement and independence checks take (built only when they need it)."""
        citations = tuple(
            Citation(
                c.resolved(sources), ref=c.ref, date=None if c.date is None else parse_edtf(c.date)
            )
            for c in self.cited
        )
        return Event(self.id, parse_edtf(self.date), self.title, citations, status=self.status,
                     file=self.file, where=self.where)  # fmt: skip


def facts_of(event: Event) -> Facts:
    """The facts of a parsed event (refs resolved or not: only the ref is kept)."""
    date = event.date
    return Facts(
        event.id, event.file, event.where, date.text, date.earliest, date.latest,
        event.title, (event.summary or "")[:LEAD],
        tuple(sorted({c.quote.strip() for c in event.citations if c.quote})),
        event.actors, event.location, event.status,
        tuple(_cited(c) for c in event.citations),
        event.same_as, event.distinct_from, event.merged_from,
    )  # fmt: skip


def _cited(citation: Citation) -> Cited:
    date = None if citation.date is None else citation.date.text
    if citation.ref is not None:
        return Cited(citation.ref, None, date)
    return Cited(None, _needed(citation.source), date)


def _needed(source: Source) -> Source:
    """The source without what no check reads (its dates, author, reliability)."""
    unread = (source.published, source.author, source.accessed, source.reliability)
    if unread == (None, None, None, None):
        return source
    return Source(source.title, source.publisher, source.url, key=source.key,
                  derived_from=source.derived_from)  # fmt: skip


def lighten(event: Event) -> Event:
    """A copy keeping of its prose only what `facts_of` reads (the summary's lead and the
    quotes), without tags, and its inline sources without what no check reads: a cold
    check holds every event in memory until the checks have run."""
    if event.summary is None or len(event.summary) <= LEAD:
        summary = event.summary
    else:
        summary = event.summary[:LEAD]
    citations = tuple(
        Citation(_needed(c.source), c.quote, None, c.ref, c.credibility, c.date)
        for c in event.citations
    )
    return Event(
        event.id, event.date, event.title, citations, summary, event.actors, event.location,
        (), event.status, None, event.file, event.where, event.same_as,
        event.distinct_from, event.merged_from,
    )  # fmt: skip
