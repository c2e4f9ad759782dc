"""Imported events as TOML, laid out as a person would write an ``[[events]]`` file.

The values are only strings and lists of strings, so this writes them itself: a JSON
string is a TOML basic string once DEL is escaped too (JSON leaves it raw; TOML does not
allow it), and every other control character JSON already escapes. tomli_w would do the
same at a tenth of the speed, which a 100,000-row import notices. A lone surrogate (JSON can
smuggle one in) passes through; `chrono.importers.plan` refuses the row, since it cannot
be written as UTF-8.
"""

from __future__ import annotations

from json.encoder import encode_basestring  # the C function, without dumps() around it
from typing import Any


def event_toml(table: dict[str, Any]) -> str:
    """One ``[[events]]`` table, then its ``[[events.sources]]``."""
    lines = ["[[events]]"]
    lines += [f"{key} = {_value(value)}" for key, value in table.items() if key != "sources"]
    for source in table.get("sources", ()):
        lines += ["", "[[events.sources]]"]
        lines += [f"{key} = {_value(value)}" for key, value in source.items()]
    return "\n".join(lines) + "\n"


def _value(value: Any) -> str:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "[" + ", ".join(_string(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} values")  # the parser let it through


def _string(text: str) -> str:
    quoted: str = encode_basestring(text)
    return quoted.replace("\x7f", "\\u007f") if "\x7f" in text else quoted
