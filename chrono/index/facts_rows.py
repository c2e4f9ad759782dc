"""Each event's corroboration facts (`chrono.corroborate.facts`) as an index row.

A row is one JSON list, the fields of `Facts` in order (an inline source as the list of
its fields, as `chrono.index.codec` writes it), sealed like every other row with a CRC-32
of the event's number and the data (`chrono.index.rows`). Read back with `json.loads`
and rebuilt field by field: a row of another shape raises `Damage`.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from chrono.corroborate.facts import Cited, Facts
from chrono.index.codec import fields_of, plain
from chrono.index.rows import Damage
from chrono.model import Source

_NUMBERS = (int, float)
_SOURCE_FIELDS = len(fields_of(Source))  # all text or None: nothing to convert


def encode_facts(facts: Facts, order: tuple[object, ...]) -> bytes:
    """The facts, with their event's place in the one total order (`Event.sort_key`), as
    ASCII JSON (lone surrogates from file names survive as escapes)."""
    row = [
        facts.id, facts.file, facts.where, facts.date, facts.earliest, facts.latest,
        order[:-1], facts.title, facts.lead, facts.quotes, facts.actors, facts.location,
        facts.status, [_cited(c) for c in facts.cited], facts.same_as, facts.distinct_from,
        facts.merged_from,
    ]  # fmt: skip
    return json.dumps(row, separators=(",", ":")).encode("ascii")


def _cited(cited: Cited) -> list[object]:
    return [cited.ref, None if cited.source is None else plain(cited.source), cited.date]


def decode_facts(rows: list[bytes], shared: dict[str, str]) -> list[tuple[list[object], Facts]]:
    """The facts `encode_facts` wrote, one per row (each already checked against its seal),
    each with its place in the total order, read as one JSON array; Damage if any row is
    not of that shape. Text that repeats from row to row (file names, actors, places,
    dates) is kept once, in `shared`."""
    try:
        found = json.loads(b"[" + b",".join(rows) + b"]")
        return [_facts(row, shared) for row in found]
    except (ValueError, TypeError, KeyError, RecursionError) as err:
        raise Damage(f"a cached row of facts is not chrono's: {err}") from None


def _facts(row: object, shared: dict[str, str]) -> tuple[list[object], Facts]:
    if type(row) is not list:
        raise TypeError("not a list")
    (ident, file, where, date, earliest, latest, order, title, lead, quotes, actors,
     location, status, cited, same_as, distinct_from, merged_from) = row  # fmt: skip
    if type(earliest) not in _NUMBERS or type(latest) not in _NUMBERS:
        raise TypeError("a date bound is not a number")
    once = shared.setdefault
    if type(order) is not list:
        raise TypeError("not an order")
    order.append(ident)
    return order, Facts(
        ident, once(file, file), tuple([once(w, w) if type(w) is str else w for w in where]),
        once(date, date), earliest, latest, title, lead, tuple(quotes),
        tuple([once(a, a) for a in actors]), location and once(location, location),
        status and once(status, status), tuple([_cited_of(c, once) for c in cited]),
        tuple(same_as), tuple(distinct_from), tuple(merged_from),
    )  # fmt: skip


def _cited_of(row: object, once: Callable[[str, str], str]) -> Cited:
    if type(row) is not list or len(row) != 3:
        raise TypeError("not a citation")
    ref, source, date = row
    if source is None:
        if ref is None:
            raise TypeError("a citation is neither a ref nor an inline source")
        return Cited(ref, None, date)
    if ref is not None or type(source) is not list or len(source) != _SOURCE_FIELDS:
        raise TypeError("not an inline source")
    publisher = source[1]
    if type(publisher) is str:
        source[1] = once(publisher, publisher)
    return Cited(None, Source(*source), date)
