"""A selection read from the index in the one total order, a few events at a time.

For exports of large collections: instead of every event in memory, the selection holds
each chosen event's number and sort key, ordered without decoding the events; the events
themselves are decoded a chunk at a time while the output is written. Every row of the
selection is checked against its checksum before anything is printed, so damage found
later cannot leave half an export behind (only rows altered *and* re-sealed could).

The result equals `chrono.pipeline.select_collection`'s: the same events in the same
order, the same problems.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import cast, overload

from chrono.folder import Parts, scan_folder
from chrono.index.answer import answers_from_terms, candidates, check_suspects, suspects
from chrono.index.rows import Damage, decode_event, decode_head, verify_event_row
from chrono.index.store import Index
from chrono.index.sync import CACHE_ERRORS, cache_failed, synced_index
from chrono.locate import place
from chrono.model import Event, Problem, Source
from chrono.parse.claims import refused_claims
from chrono.query import Filter, actor_terms, matches
from chrono.results import Collection, ordered
from chrono.validate import Context, resolve_citations

CHUNK = 256
_ROW = "n, file, seq, id, data, head, crc"


class IndexedEvents(Sequence[Event]):
    """Events of an open index, by number, in a given order; decoded as they are read."""

    def __init__(self, index: Index, numbers: list[int], sources: dict[str, Source]) -> None:
        self._index, self._numbers, self._sources = index, numbers, sources

    def __len__(self) -> int:
        return len(self._numbers)

    def __iter__(self) -> Iterator[Event]:
        for chunk in _chunks(self._numbers, CHUNK):
            marks = ",".join("?" * len(chunk))
            rows = {
                row[0]: row
                for row in self._index.db.execute(
                    f"SELECT {_ROW} FROM events WHERE n IN ({marks})", chunk
                )
            }
            if len(rows) != len(chunk):
                raise Damage("the index lost events while they were read")
            for n in chunk:
                verify_event_row(rows[n])
            events = [decode_event(rows[n][4]) for n in chunk]
            yield from resolve_citations(events, self._sources)

    @overload
    def __getitem__(self, i: int) -> Event: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Event]: ...
    def __getitem__(self, i: int | slice) -> Event | Sequence[Event]:
        if isinstance(i, slice):
            return IndexedEvents(self._index, self._numbers[i], self._sources)
        return next(iter(IndexedEvents(self._index, [self._numbers[i]], self._sources)))


@contextmanager
def streamed_selection(folder: str, flt: Filter) -> Iterator[Collection | None]:
    """`select_collection` for one folder whose events are read from the index while the
    caller iterates them (inside the `with`); None when the index cannot be used."""
    parts = Parts()
    index = synced_index(folder, scan_folder(parts, folder))
    if index is None:
        yield None
        return
    ctx, found = parts.registries()
    try:
        with index.reading():  # one snapshot for the whole export
            try:
                numbers, problems = _select(index, flt, ctx)
            except CACHE_ERRORS as err:
                cache_failed(folder, err)
                numbers = None
            if numbers is None:
                yield None
                return
            # Typed as the list it stands in for: read-only, it offers what renderers use
            # (len, iteration, indexing), and only inside the `with`.
            events = cast("list[Event]", IndexedEvents(index, numbers, ctx.sources))
            problems = ordered(place([*parts.problems, *found, *problems]))
            yield Collection(events, ctx.registry, ctx.sources, problems, (folder,), ctx.ambiguous)
    finally:
        index.close()


def _select(index: Index, flt: Filter, ctx: Context) -> tuple[list[int], list[Problem]]:
    """The chosen events' numbers in the one total order, and every problem."""
    parsed = index.problems()
    claims = refused_claims(parsed, sorted({p.file for p in parsed}))
    numbered = index.numbered(suspects(index, ctx, claims))
    refused_at, found = check_suspects([e for _n, e in numbered], ctx, claims)
    refused = {n for n, e in numbered if (e.file, e.where) in refused_at}
    wanted = candidates(index, flt, ctx.registry) if flt.actors or flt.tags else None
    names = actor_terms(ctx.registry, flt.actors) if flt.actors else None
    keyed = []
    whole = not answers_from_terms(flt)  # else each candidate goes through `matches`
    for row in _rows(index, wanted):
        verify_event_row(row)
        n = cast(int, row[0])  # verified: an int
        earliest, latest, key = decode_head(row[5])
        if n in refused or not (earliest <= flt.stop and flt.start <= latest):
            continue
        if whole and not matches(decode_event(row[4]), flt, names):
            continue
        keyed.append((key, n))
    keyed.sort(reverse=flt.reverse)  # keys are unique: ids are, once duplicates are refused
    numbers = [n for _key, n in keyed]
    return numbers if flt.limit is None else numbers[: flt.limit], parsed + found


def _rows(index: Index, wanted: set[int] | None) -> Iterator[tuple[object, ...]]:
    """Every events row, or the wanted ones; Damage if the index has lost any."""
    expected = index.count() if wanted is None else len(wanted)
    seen = 0
    if wanted is None:
        for row in index.db.execute(f"SELECT {_ROW} FROM events"):
            seen += 1
            yield row
    else:
        for chunk in _chunks(sorted(wanted), 500):
            marks = ",".join("?" * len(chunk))
            for row in index.db.execute(f"SELECT {_ROW} FROM events WHERE n IN ({marks})", chunk):
                seen += 1
                yield row
    if seen != expected:
        raise Damage("the index has lost or gained events")


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
