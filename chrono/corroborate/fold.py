"""Several records of one happening combined into one event, in memory.

Used by `--fold-duplicates` (events linked by `same_as`) and by `chrono merge` to show
what a merged event will say. Nothing is dropped: every citation stays, and one whose
event gave another date than the combined one keeps that date as its own claim.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from chrono.corroborate.disagree import agree
from chrono.dates import SECONDS_PER_DAY, EdtfDate, civil_from_days, parse_edtf
from chrono.model import Citation, Event


def common_date(dates: Sequence[EdtfDate]) -> EdtfDate | None:
    """The span every date allows, or None when there is none.

    When one of the dates denotes exactly that span it is returned as written (keeping its
    precision and qualifiers); otherwise the span is written as whole days."""
    if not agree(dates):
        return None
    lo, hi = max(d.earliest for d in dates), min(d.latest for d in dates)
    for date in dates:
        if (date.earliest, date.latest) == (lo, hi):
            return date
    if not (lo % SECONDS_PER_DAY == 0 and (hi + 1) % SECONDS_PER_DAY == 0):
        return max(dates, key=lambda d: d.earliest)  # within a day: the latest-starting claim
    first, last = int(lo // SECONDS_PER_DAY), int(hi // SECONDS_PER_DAY)
    text = _day(first) if first == last else f"{_day(first)}/{_day(last)}"
    return parse_edtf(text)


def _day(days: int) -> str:
    year, month, day = civil_from_days(days)
    return f"{year:04d}-{month:02d}-{day:02d}"


def same_span(a: EdtfDate, b: EdtfDate) -> bool:
    """Whether two dates denote the same span (whatever their qualifiers)."""
    return (a.earliest, a.latest) == (b.earliest, b.latest)


def fold(events: Sequence[Event], actor_key: Callable[[str], str] = str.casefold) -> Event:
    """One event from `events` (the first gives id, title, summary and file).

    The date is the span all events' and citations' dates allow; when there is none, the
    first event's date, with status "disputed" and each claim kept on its citations.
    Actors are united by `actor_key` (pass the registry's canonical name, so that an alias
    and its name count once)."""
    first = events[0]
    claims = [c.date or e.date for e in events for c in e.citations]
    combined = common_date([*(e.date for e in events), *claims])
    date = combined or first.date
    citations = tuple(_keep_claim(c, e, date) for e in events for c in e.citations)
    return Event(
        first.id, date, first.title, citations,
        first.summary or _first(e.summary for e in events),
        _union((e.actors for e in events), actor_key),
        first.location or _first(e.location for e in events),
        _union(e.tags for e in events),
        first.status if combined is not None else "disputed",
        first.date_text if date is first.date else None,
        first.file, first.where,
        _union(e.same_as for e in events), _union(e.distinct_from for e in events),
        _union((*e.merged_from, e.id) for e in events),
    )  # fmt: skip


def _keep_claim(citation: Citation, event: Event, date: EdtfDate) -> Citation:
    if citation.date is not None or same_span(event.date, date):
        return citation
    return Citation(
        citation.source, citation.quote, citation.note, citation.ref, citation.credibility,
        event.date, event.date_text,
    )  # fmt: skip


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _union(
    groups: Iterable[Iterable[str]], key: Callable[[str], str] = str.casefold
) -> tuple[str, ...]:
    """Every name once, in first-seen order, compared by `key` (by default, without case)."""
    seen: dict[str, str] = {}
    for group in groups:
        for name in group:
            seen.setdefault(key(name), name)
    return tuple(seen.values())
