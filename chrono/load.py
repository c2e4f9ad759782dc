"""Stage 1: find a collection's TOML files and read them into plain tables.

Nothing here knows what an event is; it only turns files into dicts and reports
files that are not readable TOML (binary, not UTF-8, syntax errors) as problems.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from chrono.model import Problem

Role = Literal["events", "actors", "sources"]

#: Files at a collection's root with a reserved meaning.
RESERVED: dict[str, Role] = {"actors.toml": "actors", "sources.toml": "sources"}

_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


@dataclass(frozen=True, slots=True)
class RawFile:
    """One TOML file read into a dict, with the role its place in the collection gives it."""

    path: str
    role: Role
    data: dict[str, Any]


def default_dirs(given: Sequence[str], environ: dict[str, str] | None = None) -> list[str]:
    """The collection folders: `--events` values, else $CHRONO_EVENTS, else ./events."""
    if given:
        return list(given)
    env = (os.environ if environ is None else environ).get("CHRONO_EVENTS", "")
    dirs = [d for d in env.split(os.pathsep) if d]
    return dirs or ["events"]


def find_files(root: str) -> list[tuple[str, Role]]:
    """Every ``*.toml`` below `root`, sorted, with its role. Hidden folders are skipped."""
    found: list[tuple[str, Role]] = []
    for folder, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        at_root = os.path.samefile(folder, root)
        for name in sorted(files):
            if name.endswith(".toml") and not name.startswith("."):
                role = RESERVED.get(name, "events") if at_root else "events"
                found.append((os.path.join(folder, name), role))
    return found


def parse_toml(path: str, raw: bytes) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Decode and parse one file's bytes; problems carry the line (and column) at fault."""
    if b"\x00" in raw:
        return None, [Problem(path, 1, "not-text", "binary file, not TOML text")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Problem(path, line, "not-text", f"not UTF-8 text (byte {err.start})")]
    try:
        return tomllib.loads(text), []
    except tomllib.TOMLDecodeError as err:
        return None, [_syntax_problem(path, text, str(err))]


def _syntax_problem(path: str, text: str, message: str) -> Problem:
    match = _POSITION.search(message)
    if match and match.group(1):
        line, column = int(match.group(1)), int(match.group(2))
    else:
        line, column = text.count("\n") + 1, 1
    reason = _POSITION.sub("", message).strip()
    return Problem(path, line, "syntax", f"TOML syntax error at column {column}: {reason}")


def read_files(files: Iterable[tuple[str, Role]]) -> tuple[list[RawFile], list[Problem]]:
    """Read and parse each file; unreadable files become problems, never exceptions."""
    raws: list[RawFile] = []
    problems: list[Problem] = []
    for path, role in files:
        try:
            content = Path(path).read_bytes()
        except OSError as err:
            problems.append(Problem(path, 0, "unreadable", err.strerror or str(err)))
            continue
        data, found = parse_toml(path, content)
        problems.extend(found)
        if data is not None:
            raws.append(RawFile(path, role, data))
    return raws, problems
