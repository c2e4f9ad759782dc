"""Each event's corroboration facts (`chrono.corroborate.facts`) as an index row.

A row is one JSON list, the fields of `Facts` in order (an inline source as the list of
its fields, as `chrono.index.codec` writes it), sealed like every other row with a CRC-32
of the event's number and the data (`chrono.index.rows`). Read back with `json.loads`
and rebuilt field by field: a row of another shape raises `Damage`.
"""

from __future__ import annotations

import json

from chrono.corroborate.facts import Cited, Facts
from chrono.index.codec import fields_of, plain
from chrono.index.rows import Damage
from chrono.model import Source

_NUMBERS = (int, float)
_SOURCE_FIELDS = len(fields_of(Source))  # all text or None: nothing to convert


def encode_facts(facts: Facts) -> bytes:
    """The facts as ASCII JSON (lone surrogates from file names survive as escapes)."""
    row = [
        facts.id, facts.file, facts.where, facts.date, facts.earliest, facts.latest,
        facts.order, facts.title, facts.lead, facts.quotes, facts.actors, facts.location,
        facts.status, [_cited(c) for c in facts.cited], facts.same_as, facts.distinct_from,
        facts.merged_from,
    ]  # fmt: skip
    return json.dumps(row, separators=(",", ":")).encode("ascii")


def _cited(cited: Cited) -> list[object]:
    return [cited.ref, None if cited.source is None else plain(cited.source), cited.date]


def decode_facts(rows: list[bytes]) -> list[Facts]:
    """The facts `encode_facts` wrote, one per row (each already checked against its seal),
    read as one JSON array; Damage if any row is not of that shape."""
    try:
        found = json.loads(b"[" + b",".join(rows) + b"]")
        return [_facts(row) for row in found]
    except (ValueError, TypeError, KeyError, RecursionError) as err:
        raise Damage(f"a cached row of facts is not chrono's: {err}") from None


def _facts(row: object) -> Facts:
    if type(row) is not list:
        raise TypeError("not a list")
    (ident, file, where, date, earliest, latest, order, title, lead, quotes, actors,
     location, status, cited, same_as, distinct_from, merged_from) = row  # fmt: skip
    if type(earliest) not in _NUMBERS or type(latest) not in _NUMBERS:
        raise TypeError("a date bound is not a number")
    return Facts(
        ident, file, tuple(where), date, earliest, latest, tuple(order), title, lead,
        tuple(quotes), tuple(actors), location, status, tuple(map(_cited_of, cited)),
        tuple(same_as), tuple(distinct_from), tuple(merged_from),
    )  # fmt: skip


def _cited_of(row: object) -> Cited:
    if type(row) is not list or len(row) != 3:
        raise TypeError("not a citation")
    ref, source, date = row
    if source is None:
        if ref is None:
            raise TypeError("a citation is neither a ref nor an inline source")
        return Cited(ref, None, date)
    if ref is not None or type(source) is not list or len(source) != _SOURCE_FIELDS:
        raise TypeError("not an inline source")
    return Cited(None, Source(*source), date)
