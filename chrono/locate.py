"""Line numbers for key paths in TOML text.

TOML parsers return plain dicts without positions. Rather than pay for positions on every
file, chrono scans the text of a file only when a problem in it needs a line number.
The scan is line-based and understands just enough TOML (headers, keys, strings, brackets)
to know where each table and key starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from chrono.model import Problem, Where

_BARE_KEY = r"[A-Za-z0-9_-]+"
_KEY = rf'(?:{_BARE_KEY}|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_KEY_LINE = rf"\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*="
_HEADER = rf"\s*(\[\[?)\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*\]\]?"


def _split_key(dotted: str) -> list[str]:
    parts = re.findall(_KEY, dotted)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


class _Scanner:
    """Tracks whether the text after a line continues a multi-line string or bracket."""

    def __init__(self) -> None:
        self.in_string: str | None = None  # '"""' or "'''"
        self.depth = 0

    def feed(self, line: str) -> None:
        i = 0
        while i < len(line):
            if self.in_string:
                end = line.find(self.in_string, i)
                if end < 0:
                    return
                i = end + 3
                self.in_string = None
                continue
            ch = line[i]
            if line.startswith(('"""', "'''"), i):
                self.in_string = line[i : i + 3]
                i += 3
            elif ch in "\"'":
                i = _skip_string(line, i)
            elif ch == "#":
                return
            else:
                self.depth += (ch in "[{") - (ch in "]}")
                i += 1


# A basic string's body, up to its closing quote: an escape skips the character after it.
_BASIC_BODY = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*')


def _skip_string(line: str, i: int) -> int:
    """Where the one-line string opening at `i` ends (past the line if it does not)."""
    if line[i] == "'":  # a literal string: no escapes
        end = line.find("'", i + 1)
    else:
        body = _BASIC_BODY.match(line, i + 1)
        assert body is not None, "the pattern matches the empty string"
        end = body.end() if body.end() < len(line) and line[body.end()] == '"' else -1
    return end + 1 if end >= 0 else len(line) + 1


_HEADER_LINE = re.compile(_HEADER)
_KEY_ASSIGNMENT = re.compile(_KEY_LINE)
# Most lines: a bare key given a one-line basic string, a number or a boolean, which leaves
# nothing open after it; matched whole, such a line needs no scanning.
_PLAIN_LINE = re.compile(
    r'\s*([A-Za-z0-9_-]+)\s*=\s*(?:"[^"\\]*(?:\\.[^"\\]*)*"|[0-9+-][0-9_.:+-]*|true|false)'
    r"[ \t]*(?:#.*)?\Z"
)


def key_lines(text: str, wanted: Iterable[Where] = ()) -> dict[Where, int]:
    """Map every table header and key in `text` to its 1-based line number.

    Arrays of tables get their element index: the second ``[[events]]`` is
    ``("events", 1)`` and its ``title`` is ``("events", 1, "title")``. With `wanted`, the
    scan stops once every path in it is found (a path's line is its first, so the lines of
    those paths are the same as from the whole text).
    """
    found: dict[Where, int] = {}
    missing = set(wanted)
    aot_index: dict[tuple[str, ...], int] = {}
    table: Where = ()
    scanner = _Scanner()
    for number, line in enumerate(text.splitlines(), start=1):
        if scanner.in_string is None and scanner.depth <= 0:  # not continuing a value
            plain = _PLAIN_LINE.match(line)
            if plain:
                path = (*table, plain.group(1))
                found.setdefault(path, number)
                missing.discard(path)
                if wanted and not missing:
                    break
                continue
            header = _HEADER_LINE.match(line)
            key = None if header else _KEY_ASSIGNMENT.match(line)
            if header:
                table = _header_path(header.group(1) == "[[", header.group(2), aot_index)
                found.setdefault(table, number)
                missing.discard(table)
                line = line[header.end() :]
            elif key:
                parts = _split_key(key.group(1))
                for path in ((*table, parts[0]), (*table, *parts)):
                    found.setdefault(path, number)
                    missing.discard(path)
                line = line[key.end() :]
            if wanted and not missing:
                break
        scanner.feed(line)
    return found


def _header_path(is_array: bool, dotted: str, aot_index: dict[tuple[str, ...], int]) -> Where:
    names = tuple(_split_key(dotted))
    if is_array:
        aot_index[names] = aot_index.get(names, -1) + 1
        for other in [k for k in aot_index if len(k) > len(names) and k[: len(names)] == names]:
            del aot_index[other]
    path: list[str | int] = []
    for i in range(len(names)):
        path.append(names[i])
        if names[: i + 1] in aot_index:
            path.append(aot_index[names[: i + 1]])
    return tuple(path)


def line_for(lines: dict[Where, int], where: Where) -> int:
    """The line of the longest known prefix of `where`; 1 when nothing matches."""
    for size in range(len(where), 0, -1):
        if where[:size] in lines:
            return lines[where[:size]]
    return 1


def place(problems: Iterable[Problem]) -> list[Problem]:
    """Fill in the line of every problem that only knows its key path."""
    problems = list(problems)
    wanted: dict[str, set[Where]] = {}  # the key paths to find, by file
    for problem in problems:
        if problem.line == 0 and problem.file:
            wanted.setdefault(problem.file, set()).add(problem.where)
    lines = {file: _lines_of(file, paths) for file, paths in wanted.items()}
    return [
        replace(p, line=line_for(lines[p.file], p.where)) if p.line == 0 and p.file else p
        for p in problems
    ]


def _lines_of(file: str, wanted: set[Where]) -> dict[Where, int]:
    try:
        return key_lines(Path(file).read_text(encoding="utf-8"), wanted)
    except (OSError, UnicodeDecodeError):
        return {}
