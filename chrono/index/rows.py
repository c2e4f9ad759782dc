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

import json
import zlib
from typing import Any

from chrono.dates import DateError, parse_edtf
from chrono.model import Citation, Event, Problem, Source


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


def encode_event(event: Event) -> bytes:
    """One event as ASCII JSON (lone surrogates from file names survive as escapes)."""
    citations = [
        [*_source_fields(c.source), c.quote, c.note, c.ref, c.credibility,
         c.date.text if c.date else None, c.date_text]
        for c in event.citations
    ]  # fmt: skip
    fields = [
        event.id, event.date.text, event.title, citations, event.summary, list(event.actors),
        event.location, list(event.tags), event.status, event.date_text, event.file,
        list(event.where), list(event.same_as), list(event.distinct_from),
        list(event.merged_from),
    ]  # fmt: skip
    return json.dumps(fields, separators=(",", ":")).encode("ascii")


def decode_event(data: object) -> Event:
    """The event `encode_event` wrote; Damage if the data is not of that shape."""
    try:
        f = json.loads(data)  # type: ignore[arg-type]
        _texts(f[0], f[1], f[2], f[10])
        _optional_texts(f[4], f[6], f[8], f[9])
        return Event(
            f[0], parse_edtf(f[1]), f[2], tuple(_citation(c) for c in f[3]), f[4],
            _text_tuple(f[5]), f[6], _text_tuple(f[7]), f[8], f[9], f[10], _where(f[11]),
            _text_tuple(f[12]), _text_tuple(f[13]), _text_tuple(f[14]),
        )  # fmt: skip
    except (ValueError, TypeError, IndexError, KeyError, DateError) as err:
        raise Damage(f"a cached event is not chrono's: {err}") from None


def encode_problems(problems: list[Problem]) -> bytes:
    rows = [[p.file, p.line, p.code, p.message, p.severity, list(p.where)] for p in problems]
    return json.dumps(rows, separators=(",", ":")).encode("ascii")


def decode_problems(data: bytes) -> list[Problem]:
    """The problems `encode_problems` wrote; Damage if the data is not of that shape."""
    try:
        found = []
        for file, line, code, message, severity, where in json.loads(data):
            _texts(file, code, message)
            if type(line) is not int or severity not in ("error", "warning"):
                raise TypeError("not a problem")
            found.append(Problem(file, line, code, message, severity, _where(where)))
        return found
    except (ValueError, TypeError) as err:
        raise Damage(f"cached problems are not chrono's: {err}") from None


def _source_fields(s: Source) -> list[str | None]:
    return [
        s.title, s.publisher, s.url, s.published, s.author, s.accessed, s.key, s.reliability,
        s.derived_from,
    ]  # fmt: skip


def _citation(row: Any) -> Citation:
    if type(row) is not list or len(row) != 15:
        raise TypeError("not a citation")
    _optional_texts(*row[:12], *row[13:])
    credibility, date = row[12], row[13]
    if credibility is not None and type(credibility) is not int:
        raise TypeError("a credibility is not a number")
    claimed = parse_edtf(date) if date is not None else None
    return Citation(Source(*row[:9]), row[9], row[10], row[11], credibility, claimed, row[14])


def _texts(*values: object) -> None:
    for value in values:
        if type(value) is not str:
            raise TypeError("expected text")


def _optional_texts(*values: object) -> None:
    for value in values:
        if value is not None and type(value) is not str:
            raise TypeError("expected text or nothing")


def _text_tuple(values: Any) -> tuple[str, ...]:
    if type(values) is not list:
        raise TypeError("expected a list")
    _texts(*values)
    return tuple(values)


def _where(values: Any) -> tuple[str | int, ...]:
    if type(values) is not list or any(type(v) not in (str, int) for v in values):
        raise TypeError("expected a key path")
    return tuple(values)
