"""What importers share: drafts, the options they read, decoding, CSV records, cells.

Every byte of an imported file is hostile: it is decoded strictly (not UTF-8 is an error
that names the line), never evaluated, and a cell that looks like a spreadsheet formula
stays the text it is.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from chrono.model import Problem

_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Draft:
    """One event table drafted from the input, and the line (or entry) it came from."""

    row: int
    table: dict[str, Any]


@dataclass
class Drafted:
    """What an importer read: the drafts, and a problem for each row it could not read."""

    drafts: list[Draft] = field(default_factory=list)
    #: Instead of `drafts`, an iterator that reads the file as it is consumed (it may add
    #: to `problems` and raise ReadError as it goes): a big CSV is never all in memory.
    stream: Iterator[Draft] | None = None
    problems: list[Problem] = field(default_factory=list)
    #: Bibliography entries the file defines (key -> source fields), for ``ref`` citations
    #: whose key the receiving collection lacks.
    bibliography: dict[str, dict[str, Any]] = field(default_factory=dict)

    def refuse(self, path: str, row: int, code: str, message: str) -> None:
        self.problems.append(Problem(path, row, code, message))


@dataclass(frozen=True)
class ReadOptions:
    """Options of `chrono import`: --map (chrono field -> column) and --sep (list cells)."""

    mapping: Mapping[str, str] = field(default_factory=dict)
    sep: str = ";"


class ReadError(ValueError):
    """The whole file cannot be read (not UTF-8, not JSON, no header); `line` locates it."""

    def __init__(self, line: int, code: str, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.code = code


def decode(data: bytes | bytearray) -> str:
    """UTF-8 text without a byte-order mark; ReadError naming the line of a bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        byte = data[err.start : err.start + 1].hex()
        msg = f"not UTF-8 (byte 0x{byte} at line {line}); save the file as UTF-8 and try again"
        raise ReadError(line, "not-text", msg) from None
    return text.removeprefix(_BOM)


def csv_records(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(first line of the record, {header: cell}) for each non-blank record after the header.

    Quoted cells may hold newlines and commas; CRLF and LF both end a record. Cells beyond
    the header's are not read; missing ones are missing from the dict.
    """
    rows = csv_rows(text)
    names = next(rows)[1]
    for line, cells in rows:
        yield line, dict(zip(names, cells, strict=False))


def csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(1, the header's names, stripped), then (first line, cells) for each non-blank record."""
    reader = csv.reader(_lines(text))
    try:
        header = next(reader)
    except StopIteration:
        raise ReadError(1, "empty-file", "empty file: expected a header row") from None
    except csv.Error as err:
        raise ReadError(1, "syntax", f"CSV header: {err}") from None
    yield 1, [name.strip() for name in header]
    line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise ReadError(line, "syntax", f"CSV: {err}") from None
        if any(cells) and any(cell.strip() for cell in cells):
            yield line, cells
        line = reader.line_num + 1


def _lines(text: str) -> Iterator[str]:
    """The text's lines with their ends, one at a time (a StringIO would copy the whole
    text into four bytes a character)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


def cell(record: Mapping[str, Any], name: str) -> str | None:
    """The stripped text of a cell, None when it is missing or blank."""
    value = record.get(name)
    if value is None or value == "":
        return None
    text = value if isinstance(value, str) else str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # a spreadsheet's line ends in a cell
    text = text.strip()
    if text[:1] == "'" and text[1:2] in _FORMULA_STARTS:  # a cell a CSV writer defused
        text = text[1:]
    return text or None


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def split_cell(value: str | None, sep: str) -> list[str]:
    """A list cell's items, stripped, blanks dropped: a JSON array of strings (as chrono's
    CSV export writes lists), else the cell split on `sep` (the whole cell when it is empty)."""
    if not value:
        return []
    if value.startswith("[") and value.endswith("]"):
        items = _json_strings(value)
        if items is not None:
            return [item.strip() for item in items if item.strip()]
    parts = value.split(sep) if sep else [value]
    return [p.strip() for p in parts if p.strip()]


def _json_strings(value: str) -> list[str] | None:
    import json

    try:
        items = json.loads(value)
    except ValueError:
        return None
    if isinstance(items, list) and all(isinstance(item, str) for item in items):
        return items
    return None


def tidy(table: dict[str, Any]) -> dict[str, Any]:
    """The table without empty values, so that a blank cell is the same as a missing one."""
    return {k: v for k, v in table.items() if v not in (None, "", [], ())}


def draft_each(
    data: object,
    key: str,
    noun: str,
    kind: str,
    table: Callable[[dict[str, Any]], dict[str, Any]],
    path: str,
    date_error: type[Exception],
) -> Drafted:
    """One draft per object in the JSON list `data[key]`, each made by `table`; `noun`
    names an item in problems (numbered from 1), `kind` the format a file without that
    list is not. An item that is no object, or whose date `table` refuses with
    `date_error`, is refused alone."""
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ReadError(1, "bad-value", f'not {kind}: expected {{"{key}": [...]}}')
    drafted = Drafted()
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            drafted.refuse(path, number, "wrong-type", f"{noun} #{number} is not a JSON object")
            continue
        try:
            drafted.drafts.append(Draft(number, table(item)))
        except date_error as err:
            drafted.refuse(path, number, "bad-date", f"{noun} #{number}: {err}")
    return drafted
