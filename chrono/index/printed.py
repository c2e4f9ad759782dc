"""`show`'s rows read ready to print from the index, without decoding a single event.

Beside each event the index keeps a sealed row of what `show` prints of it, and what
orders and date-filters it (`chrono.index.rows.encode_shown`). A filter the index answers
(actors, tags, dates, order, limit) is answered from those rows alone; their sources are
resolved and their actors renamed here, at query time, because the bibliography and the
registry may change without any event file changing.

The result equals making `Shown` rows of `chrono.pipeline.select_collection`'s events:
the same rows in the same order, the same problems.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

from chrono.dates import parse_edtf
from chrono.index.answer import candidates, check_suspects, suspects, with_index
from chrono.index.rows import Damage, ShownRow, decode_shown, verify_shown
from chrono.index.store import Index
from chrono.model import Citation, Problem, Source
from chrono.parse.claims import refused_claims
from chrono.query import Filter
from chrono.registry.actors import Registry
from chrono.results import Shown, ShownSelection
from chrono.validate import Context


def shown_fast(folder: str, flt: Filter) -> ShownSelection | None:
    """The rows `show` prints for one folder, from its index; None if the cache is unusable."""
    answer = with_index(folder, lambda index, ctx: _select(index, flt, ctx))
    if answer is None:
        return None
    rows, ctx, problems = answer
    return ShownSelection(rows, ctx.registry, ctx.sources, problems, (folder,))


def _select(index: Index, flt: Filter, ctx: Context) -> tuple[list[Shown], list[Problem]]:
    """The chosen rows in the one total order, ready to print, and every problem."""
    problems, refused = _refused(index, ctx)
    wanted = candidates(index, flt, ctx.registry) if flt.actors or flt.tags else None
    numbers, blobs = _rows(index, wanted)
    start, stop = flt.start, flt.stop
    try:  # a date bound or sort key of another type (a planted row) cannot be compared
        keyed = [
            row
            for n, row in zip(numbers, decode_shown(blobs), strict=True)
            if n not in refused and row[0] <= stop and start <= row[1]
        ]
        # Keys are unique: ids are, once duplicates are refused.
        keyed.sort(key=itemgetter(2), reverse=flt.reverse)
    except TypeError:
        raise Damage("a cached row's date or sort key is not chrono's") from None
    chosen = keyed if flt.limit is None else keyed[: flt.limit]
    return _printable(chosen, ctx), problems


def _refused(index: Index, ctx: Context) -> tuple[list[Problem], set[int]]:
    """Every problem, and the numbers of the events the cross-file checks refuse."""
    parsed = index.problems()
    claims = refused_claims(parsed, sorted({p.file for p in parsed}))
    numbered = index.numbered(suspects(index, ctx, claims))
    refused_at, found = check_suspects([e for _n, e in numbered], ctx, claims)
    return parsed + found, {n for n, e in numbered if (e.file, e.where) in refused_at}


def _rows(index: Index, wanted: set[int] | None) -> tuple[list[int], list[bytes]]:
    """Numbers and data of every shown row, or of the wanted ones, each checked against its
    seal; Damage if the index has lost or gained any."""
    if wanted is None:
        expected = index.count()
        queries: list[tuple[str, list[int]]] = [("SELECT n, data, crc FROM shown", [])]
    else:
        expected = len(wanted)
        ordered = sorted(wanted)
        chunks = [ordered[i : i + 500] for i in range(0, len(ordered), 500)]
        queries = [
            (f"SELECT n, data, crc FROM shown WHERE n IN ({','.join('?' * len(c))})", c)
            for c in chunks
        ]
    found = []
    for sql, args in queries:
        found += index.db.execute(sql, args).fetchall()
    if len(found) != expected:
        raise Damage("the index has lost or gained shown rows")
    verify_shown(found)
    numbers = [n for n, _data, _crc in found]
    blobs = [data for _n, data, _crc in found]
    return numbers, blobs


def _printable(rows: list[ShownRow], ctx: Context) -> list[Shown]:
    """Rows with their sources resolved and their actors as the registry names them."""
    rename = _renamer(ctx.registry, rows)
    cite = _citer(ctx.sources)
    return [
        Shown(human, title, rename(actors), tuple(map(cite, citations)), edtf)
        for _earliest, _latest, _key, human, title, actors, citations, edtf in rows
    ]


def _renamer(registry: Registry, rows: list[ShownRow]) -> Callable[[list[str]], tuple[str, ...]]:
    """Actors by their canonical names, each once (as `chrono.render.actors` does); each
    distinct name is looked up once, and the per-row work stays in C."""
    if not registry.names:
        return tuple
    typed: set[str] = set().union(*(row[5] for row in rows))
    canonical = {name: registry.canonical(name) for name in typed}.__getitem__
    return lambda actors: tuple(dict.fromkeys(map(canonical, actors)))


def _citer(sources: dict[str, Source]) -> Callable[[Any], Citation]:
    """A stored citation as the `Citation` the marks and notes read (no quote or note):
    a ref resolved to its bibliography entry, as `resolve_citations` does. Damage if the
    stored citation is not of the shape `encode_shown` writes."""
    made: dict[tuple[object, ...], Citation] = {}  # a ref cited alike is one Citation

    def cite(stored: Any) -> Citation:  # JSON, of any shape until proved
        try:
            ref, fields, credibility, date = stored
            if fields is None:  # a ref: most are cited alike many times, and made once
                found = made.get((ref, credibility, date))
                if found is not None:
                    return found
            return make(ref, fields, credibility, date)
        except (TypeError, ValueError) as err:  # not four values, or unhashable ones
            raise Damage(f"a cached citation is not chrono's: {err}") from None

    def make(ref: Any, fields: Any, credibility: Any, date: Any) -> Citation:
        """TypeError or ValueError (DateError) if the values are not a citation's."""
        if type(credibility) not in _CREDIBILITY or type(ref) not in _TEXT:
            raise TypeError("not a citation")
        source = sources[ref] if isinstance(ref, str) else _source(fields)
        when = None if date is None else parse_edtf(date)
        found = Citation(source, None, None, ref, credibility, when)
        if ref is not None and fields is None:
            made[ref, credibility, date] = found
        return found

    return cite


def _source(fields: object) -> Source:
    """An inline source from its stored fields; TypeError unless they are Source's, each
    text or empty (every use of a field tests it for truth first)."""
    if type(fields) is not list:
        raise TypeError("not a source")
    "".join(filter(None, fields))  # a TypeError unless every field given is text, found in C
    return Source(*fields)


_TEXT = (str, type(None))
_CREDIBILITY = (int, type(None))
