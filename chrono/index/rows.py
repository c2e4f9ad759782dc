"""What the index stores for events, what `show` prints of them, and problems: plain JSON
data, each row sealed by a checksum.

Nothing here is code: a row is a JSON list of strings, numbers and lists, read back with
`json.loads` and rebuilt field by field, so a damaged or planted cache can at worst fail
its check, never run anything. Every row carries a CRC-32 of its content and of the keys
that locate it (event number, file, position; for a shown row, its event's number); any
mismatch or any value of the wrong shape raises `Damage`, which the callers treat as a
miss: the index is thrown away and rebuilt, and the answer comes from the files.

CRC-32 finds every error within 32 consecutive bits, so any single flipped byte; it is
not a defence against someone who may write the cache folder, which is private to the
user (see `chrono.index.store`).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from typing import Any, TypeVar

from chrono.index.codec import plain, rebuild
from chrono.model import Event, Problem

T = TypeVar("T")


class Damage(Exception):
    """A cached row that fails its checksum or does not have the shape chrono writes."""


def seal(*parts: bytes) -> int:
    """The checksum of a row's parts (joined by NUL, so that parts cannot trade bytes)."""
    return zlib.crc32(b"\0".join(parts))


def verify(checksum: object, *parts: object) -> None:
    """Raise Damage unless every part is bytes and `checksum` is their seal."""
    if any(type(part) is not bytes for part in parts):
        raise Damage("a cached row has a value of the wrong type")
    if checksum != seal(*parts):  # type: ignore[arg-type]
        raise Damage("a cached row fails its checksum")


def number(n: object) -> bytes:
    """An integer column as bytes to seal; Damage if it is not an integer."""
    if type(n) is not int:
        raise Damage("a cached number is not an integer")
    return b"%d" % n


def verify_event_row(row: tuple[object, ...]) -> None:
    """Raise Damage unless an events row (n, file, seq, id, data, head, crc) is as written."""
    n, file, seq, ident, data, head, crc = row
    verify(crc, number(n), file, number(seq), ident, data, head)


def encode_head(event: Event) -> bytes:
    """What orders and date-filters an event without decoding it: the first and last instant
    its date can denote, then its place in the one total order (`Event.sort_key`)."""
    head = [event.date.earliest, event.date.latest, *event.sort_key()]
    return json.dumps(head, separators=(",", ":")).encode("ascii")


def decode_head(data: object) -> tuple[int | float, int | float, tuple[object, ...]]:
    """(earliest, latest, sort key) as `encode_head` wrote them; Damage if not of that shape."""
    try:
        head = json.loads(data)  # type: ignore[arg-type]
    except (ValueError, TypeError, RecursionError) as err:
        raise Damage(f"a cached sort key is not chrono's: {err}") from None
    if type(head) is not list or len(head) < 3 or not all(type(v) in _SCALARS for v in head):
        raise Damage("a cached sort key is not chrono's")
    if type(head[0]) is str or type(head[1]) is str:
        raise Damage("a cached date bound is not a number")
    return head[0], head[1], tuple(head[2:])


_SCALARS = (int, float, str)


def encode_event(event: Event) -> bytes:
    """One event as ASCII JSON (lone surrogates from file names survive as escapes)."""
    return _dumps(event)


def decode_event(data: object) -> Event:
    """The event `encode_event` wrote; Damage if the data is not of that shape."""
    event: Event = _loads(data, lambda value: rebuild(Event, value))
    return event


def encode_shown(event: Event) -> bytes:
    """What `show` prints of an event, beside what orders and date-filters it, so that a
    warm `show` decodes no event: [earliest, latest, sort key, the date as a person writes
    it, title, actors as written, citations, EDTF date]. Each citation is [ref, inline
    source (None for a ref: the bibliography may change without the event's file), its
    credibility, its own EDTF date]. Actors are renamed at query time, for the same reason."""
    citations = [
        [c.ref, None if c.ref is not None else plain(c.source), c.credibility,
         None if c.date is None else c.date.text]
        for c in event.citations
    ]  # fmt: skip
    date = event.date
    row = [date.earliest, date.latest, list(event.sort_key()), date.human(), event.title,
           list(event.actors), citations, date.text]  # fmt: skip
    return json.dumps(row, separators=(",", ":")).encode("ascii")


#: A decoded shown row (a JSON list): earliest, latest, sort key (a list), human date,
#: title, actors, citations, EDTF date; each citation still to be checked as it is read.
ShownRow = list[Any]


def verify_shown(rows: list[tuple[int, bytes, object]]) -> None:
    """Raise Damage unless every shown row (n, data, crc) is as written: `verify` in one
    pass, for a long answer checks thousands. (n is the table's integer key.)"""
    try:
        if all(crc == zlib.crc32(b"%d\0%s" % (n, data)) for n, data, crc in rows):
            return
    except TypeError:  # data that is not bytes
        raise Damage("a cached row has a value of the wrong type") from None
    raise Damage("a cached row fails its checksum")


def decode_shown(blobs: list[bytes]) -> list[ShownRow]:
    """The rows `encode_shown` wrote, each already checked against its seal, decoded in one
    pass; Damage if any is not of that shape."""
    try:
        rows = json.loads(b"[" + b",".join(blobs) + b"]")
    except (ValueError, TypeError, RecursionError) as err:
        raise Damage(f"a cached row is not chrono's: {err}") from None
    if len(rows) != len(blobs):  # a blob that was not one JSON value
        raise Damage("a cached row is not chrono's")
    for row in rows:
        if not _shown_shape(row):
            raise Damage("a cached row is not chrono's")
    return rows  # type: ignore[no-any-return]


def _shown_shape(row: object) -> bool:
    """Whether a row has the shape printing relies on (bounds and sort key are proved where
    they are compared: `chrono.index.printed`)."""
    if type(row) is not list or len(row) != 8:
        return False
    _earliest, _latest, key, human, title, actors, citations, edtf = row
    if type(human) is not str or type(title) is not str or type(edtf) is not str:
        return False
    if type(actors) is not list or type(citations) is not list or type(key) is not list:
        return False
    try:
        "".join(actors)  # a TypeError unless every actor is text, found in C
    except TypeError:
        return False
    return True


def encode_problems(problems: list[Problem]) -> bytes:
    return _dumps(problems)


def decode_problems(data: object) -> list[Problem]:
    """The problems `encode_problems` wrote; Damage if the data is not of that shape."""
    return _loads(data, _problem_list)


def _problem_list(rows: object) -> list[Problem]:
    if type(rows) is not list:
        raise TypeError("not a list of problems")
    return [rebuild(Problem, row) for row in rows]


def _dumps(value: object) -> bytes:
    return json.dumps(plain(value), separators=(",", ":")).encode("ascii")


def _loads(data: object, build: Callable[[object], T]) -> T:
    try:
        return build(json.loads(data))  # type: ignore[arg-type]
    except (ValueError, TypeError, KeyError, RecursionError) as err:  # DateError is a ValueError
        raise Damage(f"a cached row is not chrono's: {err}") from None
