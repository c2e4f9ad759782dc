"""Stage 1: find a collection's TOML files and read them into plain tables.

Nothing here knows what an event is; it only turns files into dicts and reports
files that are not readable TOML (binary, not UTF-8, syntax errors) as problems.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO, Literal

from chrono.model import Problem
from chrono.toml_versions import needs_reference_reader, normalise_newlines

Role = Literal["events", "actors", "sources"]

#: Files at a collection's root with a reserved meaning.
RESERVED: dict[str, Role] = {"actors.toml": "actors", "sources.toml": "sources"}

#: The largest file chrono reads (16 MiB, ~11,000 events of a typical size): a bigger one
#: is refused before parsing, since a syntax error on its last line would cost seconds.
MAX_FILE_BYTES = 16 * 2**20

_POSITION = r"\(at line (\d+), column (\d+)\)|\(at end of document\)"


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


Stat = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode: what the cache keys on


def scan(root: str, real: bool = False) -> tuple[list[tuple[str, Role, Stat, str]], list[Problem]]:
    """Every ``*.toml`` below `root`: (path, role, stat, real path), sorted by path, and a
    problem for each folder that could not be read. The real path is only resolved when
    `real` is asked for (it costs a few system calls per file); else it is the path.

    Hidden files and folders (such as ``.git``) are skipped; a linked folder is followed
    once (a link loop is not). The path order is the load order, which decides, for
    instance, which of two events with one id came first.
    """
    found: list[tuple[str, Role, Stat, str]] = []
    problems: list[Problem] = []
    visited: set[tuple[int, int]] = set()
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            identity = os.stat(folder)
            if (identity.st_dev, identity.st_ino) in visited:
                continue
            visited.add((identity.st_dev, identity.st_ino))
            with os.scandir(folder) as entries:
                for entry in entries:
                    _scan_entry(entry, folder == root, real, folders, found, problems)
        except OSError as err:
            problems.append(Problem(folder, 1, "unreadable", f"folder: {err.strerror or err}"))
    found.sort()
    return found, problems


def _i64(value: int) -> int:
    """`value` wrapped into a signed 64-bit integer (what SQLite stores): a time after 2262
    or a huge inode number must not break the cache, and equal stats stay equal."""
    return (value + 2**63) % 2**64 - 2**63


def _scan_entry(
    entry: os.DirEntry[str],
    at_root: bool,
    real: bool,
    folders: list[str],
    found: list[tuple[str, Role, Stat, str]],
    problems: list[Problem],
) -> None:
    if entry.name.startswith("."):
        return
    if entry.is_dir():
        folders.append(entry.path)
    elif entry.name.endswith(".toml") and not entry.is_file():
        problems.append(Problem(entry.path, 1, "not-a-file", _not_a_file(entry), "warning"))
    elif entry.name.endswith(".toml"):
        role = RESERVED.get(entry.name, "events") if at_root else "events"
        st = entry.stat()
        stat = (st.st_size, _i64(st.st_mtime_ns), _i64(st.st_ctime_ns), _i64(st.st_ino))
        found.append((entry.path, role, stat, os.path.realpath(entry.path) if real else entry.path))


def _not_a_file(entry: os.DirEntry[str]) -> str:
    """Why a ``*.toml`` entry is skipped: a dangling link, or no regular file (a FIFO would
    block the reader forever, a device could be endless)."""
    import stat

    try:
        mode = os.stat(entry.path).st_mode
    except OSError as err:
        if entry.is_symlink():
            target = os.readlink(entry.path)
            return f"a link to '{target}', which does not exist; skipped"
        return f"cannot be read: {err.strerror or err}; skipped"
    kinds = {stat.S_ISFIFO: "a FIFO", stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a device"}
    kind = next((name for test, name in kinds.items() if test(mode)), "a device")
    return f"not a regular file ({kind}); skipped"


def parse_toml(path: str, raw: bytes) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Decode and parse one file's bytes; problems carry the line (and column) at fault."""
    if b"\x00" in raw:
        return None, [Problem(path, 1, "not-text", "binary file, not TOML text")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Problem(path, line, "not-text", f"not UTF-8 text (byte {err.start})")]
    text = normalise_newlines(text.removeprefix("\ufeff"))  # a BOM, as some editors write
    fast = _fast_loads()
    if fast is not None and not needs_reference_reader(text):  # one verdict: TOML 1.0's
        try:
            return fast(text), []
        except ValueError:
            pass  # let tomllib word the error, so messages do not depend on the reader
    import tomllib  # the fallback reader, and the one that words syntax errors

    try:
        return tomllib.loads(text), []
    except tomllib.TOMLDecodeError as err:
        return None, [_syntax_problem(path, text, str(err))]
    except RecursionError:
        return None, [
            Problem(path, 1, "syntax", "TOML syntax error: arrays or tables nested too deep")
        ]


def reader_key() -> str:
    """Every version that can change what a file parses to: the TOML readers in use and
    their versions (tomllib's is Python's). The index cache is rebuilt when this changes."""
    import platform

    key = f"tomllib {platform.python_version()}"
    fast = _fast_loads()
    if fast is not None:
        import rtoml

        key += f"; rtoml {getattr(rtoml, '__version__', 'unknown')}"
    return key


@functools.cache
def _fast_loads() -> Callable[[str], dict[str, Any]] | None:
    """rtoml (compiled, ~6x faster than tomllib) when installed and not disabled."""
    if os.environ.get("CHRONO_TOML_READER", "") == "tomllib":
        return None
    try:
        import rtoml
    except ImportError:
        return None
    loads: Callable[[str], dict[str, Any]] = rtoml.loads
    return loads


def forget_reader() -> None:
    """Choose the TOML reader again on the next read (after CHRONO_TOML_READER changed)."""
    _fast_loads.cache_clear()


def _syntax_problem(path: str, text: str, message: str) -> Problem:
    match = re.search(_POSITION, message)
    if match and match.group(1):
        line, column = int(match.group(1)), int(match.group(2))
    else:
        line, column = text.count("\n") + 1, 1
    reason = re.sub(_POSITION, "", message).strip()
    # tomllib names keys as Python tuples: "Cannot declare ('a', 'b') twice" -> [a.b]
    reason = re.sub(
        r"\(((?:'[^']*',? ?)+)\)",
        lambda m: "[" + ".".join(re.findall(r"'([^']*)'", m[1])) + "]",
        reason,
    )
    return Problem(path, line, "syntax", f"TOML syntax error at column {column}: {reason}")


def read_file(path: str, role: Role) -> tuple[RawFile | None, list[Problem]]:
    """Read and parse one file; an unreadable file is a problem, never an exception."""
    try:
        with open(path, "rb") as handle:
            content = _read_capped(handle)
    except OSError as err:
        return None, [Problem(path, 1, "unreadable", err.strerror or str(err))]
    if len(content) > MAX_FILE_BYTES:
        return None, [_too_large(path)]
    data, problems = parse_toml(path, content)
    return (RawFile(path, role, data) if data is not None else None), problems


def _read_capped(handle: BinaryIO) -> bytes:
    """The file's bytes, at most MAX_FILE_BYTES + 1 of them (more means too large). Asking
    for that many at once made Python allocate 16 MiB for each file, which cost more than
    reading a small one; the file's size is asked first, and a file that grew since is
    read on, to the same limit."""
    size = os.fstat(handle.fileno()).st_size
    content = handle.read(min(size, MAX_FILE_BYTES) + 1)
    if size < len(content) <= MAX_FILE_BYTES:
        content += handle.read(MAX_FILE_BYTES + 1 - len(content))
    return content


def _too_large(path: str) -> Problem:
    limit = MAX_FILE_BYTES // 2**20
    message = (
        f"file is larger than {limit} MiB, the most chrono reads: split it (e.g. a file per year)"
    )
    return Problem(path, 1, "too-large", message)
