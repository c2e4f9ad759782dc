"""Citations whose dates cannot all be true together.

A citation may give the date *its* source gives (`date`); one that gives none stands for
the event's own date, unless another citation of the same source gives that source's date. The claims agree when one instant lies within every claim's span;
on a line, that is when the latest start is not after the earliest end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chrono.dates import EdtfDate
from chrono.model import Cited, Source


@dataclass(frozen=True, slots=True)
class Claim:
    """One source's date for an event."""

    date: EdtfDate
    source: str  # a short name: publisher, title or key


def claims(event: Cited) -> list[Claim]:
    """Each distinct (date, source) the citations give, in citation order."""
    dated = {c.source.identity for c in event.citations if c.date is not None}
    found = {
        (c.date or event.date, short_name(c.source)): None
        for c in event.citations
        if c.date is not None or c.source.identity not in dated
    }
    return [Claim(date, name) for date, name in found]


def short_name(source: Source) -> str:
    return source.publisher or source.title or source.key or source.url or "a source"


def agree(dates: Sequence[EdtfDate]) -> bool:
    """Whether some instant lies within every date's span."""
    return max(d.earliest for d in dates) <= min(d.latest for d in dates)


def disagreement(event: Cited) -> list[Claim] | None:
    """The claims, when they cannot all be true together; None when they can (or when no
    citation gives a date of its own, so nothing but the event's date is claimed)."""
    if not any(c.date is not None for c in event.citations):
        return None
    found = claims(event)
    return None if agree([c.date for c in found]) else found


def disagreement_text(found: Sequence[Claim]) -> str:
    """ "sources disagree: 15 Apr 2016 (TASS) / 16–17 Apr 2016 (Reuters)", by date."""
    by_date: dict[str, list[str]] = {}
    for claim in sorted(found, key=lambda c: c.date.sort_key()):
        names = by_date.setdefault(claim.date.human(), [])
        if claim.source not in names:
            names.append(claim.source)
    parts = [f"{date} ({', '.join(names)})" for date, names in by_date.items()]
    return "sources disagree: " + " / ".join(parts)
