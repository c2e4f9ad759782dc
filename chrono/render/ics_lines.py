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
