"""The model's dataclasses as JSON lists: every field, in declaration order, read from the
dataclass itself, so that a field another change adds to the model is stored without an
edit here. Encoder and decoder always agree: the index records a stamp of chrono's code
and is rebuilt when it changes (`chrono.index.database`).

Decoding rebuilds each field by its annotation: an EDTF date from its text, a nested
dataclass from its list, lists as tuples. A row of the wrong shape raises TypeError or
ValueError, which the caller reports as damage.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any

from chrono.dates import EdtfDate, parse_edtf
from chrono.model import Citation, Event, Problem, Source

Convert = Callable[[Any], object]

#: The dataclasses a row may hold, by the name their annotations use.
NESTED: dict[str, type] = {"Source": Source, "Citation": Citation}
ROOTS = (Event, Problem)


def plain(value: object) -> object:
    """`value` as JSON data: a dataclass as the list of its fields, a date as its EDTF
    text, a tuple as a list."""
    if isinstance(value, EdtfDate):
        return value.text
    cls: type = type(value)
    if cls in _DATACLASSES:
        return [plain(getattr(value, name)) for name, _convert in fields_of(cls)]
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if value is None or type(value) in (str, int, bool, float):
        return value
    raise TypeError(f"the index cannot store a {type(value).__name__}")


def rebuild(cls: type, row: object) -> Any:
    """An instance of `cls` from the list `plain` made of it; TypeError if it is not one."""
    converters = _converters(cls)
    if type(row) is not list or len(row) != len(converters):
        raise TypeError(f"not a {cls.__name__}")
    return cls(*[v if c is None else c(v) for c, v in zip(converters, row)])  # noqa: B905


@functools.cache
def _converters(cls: type) -> tuple[Convert | None, ...]:
    """Each field's converter; None where the JSON value is the field's value as it is."""
    return tuple(None if c is _same else c for _name, c in fields_of(cls))


@functools.cache
def fields_of(cls: type) -> tuple[tuple[str, Convert], ...]:
    """Each field's name and how to rebuild its value from JSON."""
    return tuple((f.name, _converter(str(f.type))) for f in dataclasses.fields(cls))


def _converter(annotation: str) -> Convert:
    if annotation == "EdtfDate":
        return _date
    if annotation == "EdtfDate | None":
        return lambda v: None if v is None else _date(v)
    for name, cls in NESTED.items():
        if annotation == name:
            return functools.partial(rebuild, cls)
        if annotation == f"tuple[{name}, ...]":
            return functools.partial(_many, cls)
    return _SIMPLE.get(annotation, _tuples)


def _date(value: object) -> EdtfDate:
    if type(value) is not str:
        raise TypeError("a date is not text")
    return parse_edtf(value)


def _many(cls: type, rows: object) -> tuple[object, ...]:
    if type(rows) is not list:
        raise TypeError(f"not a list of {cls.__name__}")
    return tuple(rebuild(cls, row) for row in rows)


def _same(value: object) -> object:
    return value


def _text_tuple(value: object) -> tuple[object, ...]:
    if type(value) is not list:
        raise TypeError("expected a list")
    return tuple(value)


def _int(value: object) -> object:
    if type(value) is not int:
        raise TypeError("expected an integer")
    return value


def _tuples(value: object) -> object:
    """Lists as tuples, all the way down (the model holds tuples); other values as they are."""
    if type(value) is list:
        return tuple(_tuples(v) for v in value)
    return value


# Text needs no converting, and every row is checksummed; a row forged with a number for
# a title could only mislead the user who owns the cache folder, never run anything.
_SIMPLE: dict[str, Convert] = {
    "str": _same,
    "str | None": _same,
    "int": _int,
    "tuple[str, ...]": _text_tuple,
    "Where": _text_tuple,
    "tuple[str | int, ...]": _text_tuple,
}
_DATACLASSES = frozenset((*NESTED.values(), *ROOTS))
