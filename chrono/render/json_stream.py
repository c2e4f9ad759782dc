"""JSON written a piece at a time, byte for byte what ``json.dumps(..., indent=2)`` writes.

`json.dumps` needs the whole document; a large export is better written as its events
are read: each element is written as it comes, in json.dumps's layout.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

INDENT = "  "


def dumps(value: object, depth: int = 0) -> str:
    """`value` as ``json.dumps`` writes it with an indent of 2, standing at `depth`."""
    return _dump(value, INDENT * depth)


# json.dumps with an indent builds its encoder anew in Python on every call, closures that
# refer to each other: garbage only the cycle collector frees, which is off while events
# are read (chrono.folder.no_gc). Objects and arrays are laid out here instead, each
# leaf (and key) encoded by the C encoder.
_leaf = json.JSONEncoder(ensure_ascii=False).encode


def _dump(value: object, indent: str) -> str:
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        if not value:
            return "{}"
        inner = indent + INDENT
        members = (f"{inner}{_leaf(k)}: {_dump(v, inner)}" for k, v in value.items())
        return "{\n" + ",\n".join(members) + "\n" + indent + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = indent + INDENT
        return "[\n" + ",\n".join(inner + _dump(v, inner) for v in value) + "\n" + indent + "]"
    if isinstance(value, dict):  # keys json.dumps would turn into strings: let it
        text = json.dumps(value, ensure_ascii=False, indent=len(INDENT))
        return text.replace("\n", "\n" + indent)
    return _leaf(value)


def array(items: Iterable[object], depth: int = 0) -> Iterator[str]:
    """A JSON array of `items`, standing at `depth`, one element per piece."""
    inner = INDENT * (depth + 1)
    empty = True
    for item in items:
        yield ("[\n" if empty else ",\n") + inner + dumps(item, depth + 1)
        empty = False
    yield "[]" if empty else "\n" + INDENT * depth + "]"


def member(key: str, value: object) -> str:
    """``"key": value`` as a member of a top-level object (without the comma)."""
    return f"{INDENT}{dumps(key)}: {dumps(value, 1)}"
