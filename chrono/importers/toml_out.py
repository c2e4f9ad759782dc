"""Imported events as TOML, laid out as a person would write an ``[[events]]`` file.

The values are JSON's (strings and lists of strings, mostly), so this writes them itself: a JSON
string is a TOML basic string once DEL is escaped too (JSON leaves it raw; TOML does not
allow it), and every other control character JSON already escapes. tomli_w would do the
same at a tenth of the speed, which a 100,000-row import notices. A lone surrogate (JSON can
smuggle one in) passes through; `chrono.importers.plan` refuses the row, since it cannot
be written as UTF-8.
"""

from __future__ import annotations

import math
import re
from json.encoder import encode_basestring  # the C function, without dumps() around it
from typing import Any

from chrono.parse.schema import CITATION_KEYS, EVENT_KEYS

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_SCHEMA_KEYS = frozenset((*EVENT_KEYS, *CITATION_KEYS))


def event_toml(table: dict[str, Any]) -> str:
    """One ``[[events]]`` table, then its ``[[events.sources]]``."""
    lines = ["[[events]]"]
    _pairs(lines, table, skip="sources")
    for source in table.get("sources", ()):
        lines += ["", "[[events.sources]]"]
        _pairs(lines, source)
    return "\n".join(lines) + "\n"


def _pairs(lines: list[str], table: dict[str, Any], skip: str | None = None) -> None:
    """``key = value`` lines; a schema key and a string value skip the general path."""
    for key, value in table.items():
        if key == skip:
            continue
        name = key if key in _SCHEMA_KEYS else _key(key)
        text = _string(value) if type(value) is str else _value(value)
        lines.append(f"{name} = {text}")


def _value(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is list and all(type(v) is str for v in value):
        return "[" + ", ".join(map(_string, value)) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} values")  # the parser let it through


def _key(key: str) -> str:
    if key in _SCHEMA_KEYS:
        return key
    return key if _BARE.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    quoted: str = encode_basestring(text)
    return quoted.replace("\x7f", "\\u007f") if "\x7f" in text else quoted
