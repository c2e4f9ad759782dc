"""RFC 5545 content lines: TEXT escaping, 75-octet folding, UIDs and date values.

Standard library only; `chrono.render.ics` builds the calendar from these.
"""

from __future__ import annotations

import hashlib
import re

from chrono.dates import civil_from_seconds

CRLF = "\r\n"
_LIMIT = 75  # octets per line, CRLF excluded (RFC 5545 §3.1)
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")  # TEXT allows no CTL but HTAB
_UID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
# RFC 5545 allows a fold inside an escape; keeping "\\," together spares naive readers.
_TOKEN = re.compile(r"\\.|.", re.DOTALL)


def text(value: str) -> str:
    """A TEXT value (§3.3.11): backslash, semicolon, comma and newline escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return _CONTROL.sub("", value)


def uri(value: str) -> str:
    """A URI value: no escaping applies, but spaces and control characters cannot appear."""
    return _CONTROL.sub("", value.replace("\t", "")).replace(" ", "%20")


def fold(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets, never splitting a UTF-8
    sequence or a backslash escape; each continuation starts with one space (§3.1)."""
    try:
        data = line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: let the token-by-token fold decide
        return fold_tokens(line)
    if len(data) <= _LIMIT:
        return line
    # Cut the encoded line, each cut as far on as the room allows and a token boundary
    # permits: a long DESCRIPTION is folded without a step per character.
    chunks = []
    start, room = 0, _LIMIT
    while len(data) - start > room:
        cut = start + room
        while not _boundary(data, cut):
            cut -= 1
        chunks.append(data[start:cut].decode("utf-8"))
        start, room = cut, _LIMIT - 1  # a continuation's leading space takes an octet
    chunks.append(data[start:].decode("utf-8"))
    return (CRLF + " ").join(chunks)


def _boundary(data: bytes, at: int) -> bool:
    """Whether `at` falls between tokens: not inside a UTF-8 sequence, and not after a
    backslash that starts an escape (one ending an odd run of backslashes)."""
    if 0x80 <= data[at] < 0xC0:
        return False
    run = 0
    while at - run > 0 and data[at - run - 1] == 0x5C:
        run += 1
    return run % 2 == 0


def fold_tokens(line: str) -> str:
    """`fold` a token (a character, or a backslash escape) at a time."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for char in _TOKEN.findall(line):
        width = len(char.encode("utf-8", "surrogateescape"))
        if size + width > _LIMIT:
            chunks.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    chunks.append("".join(current))
    return CRLF.join(chunks)


def uid(event_id: str) -> str:
    """``<id>@chrono`` with unsafe characters replaced; a hash of the original id keeps
    two ids that differ only in replaced characters apart."""
    safe = _UID_UNSAFE.sub("-", event_id)
    if safe != event_id:
        safe += "-" + hashlib.sha1(event_id.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{safe}@chrono"


def date_value(seconds: int) -> str:
    """The UTC calendar day containing `seconds`, as a DATE value (YYYYMMDD)."""
    year, month, day = civil_from_seconds(seconds)[:3]
    return f"{year:04d}{month:02d}{day:02d}"


def datetime_value(seconds: int, utc: bool) -> str:
    """A DATE-TIME value: UTC with a trailing Z, or floating (a local time, no zone)."""
    year, month, day, hour, minute, second = civil_from_seconds(seconds)
    stamp = f"{year:04d}{month:02d}{day:02d}T{hour:02d}{minute:02d}{second:02d}"
    return stamp + "Z" if utc else stamp
