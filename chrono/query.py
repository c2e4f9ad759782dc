"""Stage 5: select events by actor, tag, date range, text and place, in the one total order.

Filters of different kinds combine with AND; repeated values of one kind (two ``--actor``)
combine with OR. A date range keeps every event whose possible span overlaps it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from chrono.dates import DateError, EdtfDate, parse_edtf
from chrono.model import STATUSES, Event
from chrono.registry.actors import Registry


class QueryError(ValueError):
    """A filter value that cannot be understood (e.g. a --from that is not a date)."""


@dataclass(frozen=True)
class Filter:
    """What to keep. Empty fields keep everything."""

    actors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    start: float | int = -math.inf  # earliest instant of --from
    stop: float | int = math.inf  # latest instant of --to
    search: str | None = None
    location: str | None = None
    statuses: tuple[str, ...] = ()
    limit: int | None = None  # at most this many, counted in the order given
    reverse: bool = False  # latest first


def range_date(text: str, flag: str) -> EdtfDate:
    """An EDTF date (or a plainly written one like "April 2016") given to --from or --to."""
    try:
        return parse_edtf(text.strip())
    except DateError as err:
        from chrono.dates.written import parse_written

        written = parse_written(text)
        if written is None:
            raise QueryError(f"{flag} '{text}' is not a date: {err}") from err
        return parse_edtf(written)


def make_filter(
    actors: Sequence[str] = (),
    tags: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    location: str | None = None,
    statuses: Sequence[str] = (),
    limit: int | None = None,
    reverse: bool = False,
) -> Filter:
    """Build a Filter from command-line style values; raises QueryError on a bad date, an
    unknown status or a negative limit."""
    start = range_date(since, "--from").earliest if since else -math.inf
    stop = range_date(until, "--to").latest if until else math.inf
    if start > stop:
        raise QueryError(f"--from '{since}' is after --to '{until}'")
    for status in statuses:
        if status.casefold() not in STATUSES:
            import difflib

            near = difflib.get_close_matches(status.casefold(), STATUSES, n=1)
            hint = f"; did you mean '{near[0]}'?" if near else ""
            raise QueryError(f"--status '{status}' is not one of {', '.join(STATUSES)}{hint}")
    if limit is not None and limit < 0:
        raise QueryError(f"--limit must be 0 or more, not {limit}")
    found = tuple(s.casefold() for s in statuses)
    return Filter(tuple(actors), tuple(tags), start, stop, search, location, found, limit, reverse)


def actor_terms(registry: Registry, groups: Sequence[str]) -> set[str]:
    """Every casefolded name or alias that `--actor` for these groups matches: the groups
    themselves and every actor that is in one of them, through membership."""
    terms = {g.casefold() for g in groups}
    for actor in registry.members(groups):
        terms.update(n.casefold() for n in (actor.name, *actor.aliases))
    return terms


def matches(
    event: Event,
    flt: Filter,
    actor_names: set[str] | None = None,
    registry: Registry | None = None,
) -> bool:
    """Whether one event passes every filter (`actor_names`: from `actor_terms`; `registry`
    lets --search find an actor by its canonical name when the file used an alias)."""
    if flt.statuses and (event.status or "").casefold() not in flt.statuses:
        return False
    if actor_names is not None and not any(a.casefold() in actor_names for a in event.actors):
        return False
    if flt.tags and not {t.casefold() for t in flt.tags} & {t.casefold() for t in event.tags}:
        return False
    if not event.date.overlaps(flt.start, flt.stop):
        return False
    if flt.location and flt.location.casefold() not in (event.location or "").casefold():
        return False
    return not flt.search or flt.search.casefold() in _haystack(event, registry)


def _haystack(event: Event, registry: Registry | None) -> str:
    parts: list[str] = [event.id, event.title, event.summary or "", event.location or ""]
    parts += [event.date_text or "", *event.actors, *event.tags]
    if registry is not None:
        parts += [registry.canonical(a) for a in event.actors]
    parts += [c.quote or "" for c in event.citations]
    return "\n".join(parts).casefold()


def select(events: Iterable[Event], flt: Filter, registry: Registry) -> list[Event]:
    """The events that pass `flt`, in the one total order (latest first with `reverse`),
    the first `limit` of them."""
    names = actor_terms(registry, flt.actors) if flt.actors else None
    kept = (e for e in events if matches(e, flt, names, registry))
    chosen = sorted(kept, key=Event.sort_key, reverse=flt.reverse)
    return chosen if flt.limit is None else chosen[: flt.limit]
