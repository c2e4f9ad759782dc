"""What the index stores for events and problems: plain JSON data, each row sealed by a checksum.

Nothing here is code: a row is a JSON list of strings, numbers and lists, read back with
`json.loads` and rebuilt field by field, so a damaged or planted cache can at worst fail
its check, never run anything. Every row carries a CRC-32 of its content and of the keys
that locate it (event number, file, position); any mismatch or any value of the wrong
shape raises `Damage`, which the callers treat as a miss: the index is thrown away and
rebuilt, and the answer comes from the files.

CRC-32 finds every error within 32 consecutive bits, so any single flipped byte; it is
not a defence against someone who may write the cache folder, which is private to the
user (see `chrono.index.store`).
"""

from __future__ import annotations

import dataclasses
import json
import zlib
from typing import Any, TypeVar

from chrono.dates import DateError, EdtfDate, parse_edtf
from chrono.model import Citation, Event, Problem, Source

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


#: The only types a row may name; a row naming anything else is damage.
_TYPES: dict[str, type] = {cls.__name__: cls for cls in (Event, Citation, Source, Problem)}


def encode_event(event: Event) -> bytes:
    """One event as ASCII JSON (lone surrogates from file names survive as escapes)."""
    return _dumps(event)


def decode_event(data: object) -> Event:
    """The event `encode_event` wrote; Damage if the data is not of that shape."""
    return _loads(data, Event)


def encode_problems(problems: list[Problem]) -> bytes:
    return _dumps(problems)


def decode_problems(data: object) -> list[Problem]:
    """The problems `encode_problems` wrote; Damage if the data is not of that shape."""
    found = _loads(data, tuple)
    if not all(type(p) is Problem for p in found):
        raise Damage("cached problems are not chrono's")
    return list(found)


def _dumps(value: object) -> bytes:
    return json.dumps(_plain(value), separators=(",", ":")).encode("ascii")


def _plain(value: object) -> object:
    """`value` as JSON data: a dataclass as an object of its fields, named by its type (so
    that fields other branches add to the model are kept without a change here); a date as
    its EDTF text; tuples as lists."""
    if isinstance(value, EdtfDate):
        return {"~edtf": value.text}
    if type(value).__name__ in _TYPES:
        fields = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}  # type: ignore[arg-type]
        return {"~type": type(value).__name__, **fields}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if value is None or type(value) in (str, int, bool, float):
        return value
    raise TypeError(f"the index cannot store a {type(value).__name__}")


def _loads(data: object, expected: type[T]) -> T:
    try:
        value = json.loads(data, object_hook=_rebuild)  # type: ignore[arg-type]
        value = _tuples(value)
    except (ValueError, TypeError, KeyError, RecursionError, DateError) as err:
        raise Damage(f"a cached row is not chrono's: {err}") from None
    if type(value) is not expected:
        raise Damage(f"a cached row is not a {expected.__name__}")
    return value


def _rebuild(obj: dict[str, Any]) -> object:
    """A dataclass or date from the object `_plain` made of it (json.loads calls this for
    every object, innermost first). Unknown types, unknown or missing fields are errors."""
    if "~edtf" in obj:
        text = obj["~edtf"]
        if len(obj) != 1 or type(text) is not str:
            raise TypeError("not a date")
        return parse_edtf(text)
    cls = _TYPES[obj.pop("~type")]
    return cls(**{k: _tuples(v) for k, v in obj.items()})


def _tuples(value: object) -> object:
    """Lists as tuples, all the way down (the model holds tuples)."""
    if type(value) is list:
        return tuple(_tuples(v) for v in value)
    return value
