"""Writing new events: one writer per collection, inside the collection only.

`chrono add` checks that an id is free long before it writes (loading a collection takes
a while); two runs could both find it free. The check is therefore made again, and the
file written, while holding the collection's lock, so the two are one step. The lock is
the operating system's (flock, or msvcrt on Windows): a killed run never leaves it held.
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from chrono.write import atomic_write

#: The lock file in the collection, where the cache folder cannot hold it (hidden, so scans
#: skip it; it stays, since waiters must share its inode).
LOCK_NAME = ".chrono-add.lock"
#: How long to wait for another `chrono add` on the same collection.
LOCK_TIMEOUT = 60.0
#: A temp file of `atomic_write` older than this belongs to a killed run, not a slow one.
STALE_SECONDS = 60.0
_TEMP = re.compile(r"\..+\.toml\.[A-Za-z0-9_]{8}\.tmp\Z")  # mkstemp's 8 random characters


class WriteRefused(Exception):
    """The event cannot be written; the message says why."""


_HELD: dict[str, Any] = {}  # one lock object per collection: nested holds by one run re-enter


@contextmanager
def collection_lock(root: str) -> Iterator[None]:
    """Hold the collection's lock (every command that writes events into `root` takes it,
    so that checking what is there and writing are one step). The lock file lives in
    chrono's cache folder, named after the collection's real path, so the collection itself
    gains no file; where that folder cannot be made, a hidden LOCK_NAME in `root` serves.
    Nested holds in one process re-enter. Raises WriteRefused when another run holds it
    for longer than LOCK_TIMEOUT."""
    from filelock import FileLock, Timeout

    path = lock_path(root)
    lock = _HELD.setdefault(path, FileLock(path, timeout=LOCK_TIMEOUT))
    try:
        lock.acquire()
    except Timeout:
        raise WriteRefused(
            f"another chrono run has held {root} for {LOCK_TIMEOUT:.0f} s; try again"
        ) from None
    try:
        yield
    finally:
        lock.release()


def lock_path(root: str) -> str:
    """The lock file of the collection at `root` (see `collection_lock`)."""
    import hashlib

    from chrono.index.database import cache_dir

    real = os.path.realpath(root)
    try:
        folder = cache_dir() / "locks"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        os.makedirs(real, exist_ok=True)  # the lock needs the folder; the caller writes there
        return os.path.join(real, LOCK_NAME)
    return str(folder / f"{hashlib.sha256(real.encode()).hexdigest()[:24]}.lock")


def write_new_event(
    path: Path,
    text: str,
    root: str,
    holder: Callable[[], str | None],
) -> None:
    """Write `text` to `path` inside the collection `root`, unless `holder()` (asked under
    the lock) names a file that already holds the event's id. Raises WriteRefused, or
    FileExistsError/OSError from the write."""
    inside(path.parent, root)
    with collection_lock(root):
        taken = holder()
        if taken is not None:
            raise WriteRefused(taken)
        path.parent.mkdir(parents=True, exist_ok=True)
        inside(path.parent, root)  # a link may have appeared where the folder was missing
        for folder in year_folders(root):
            clean_stale_temps(folder)
        atomic_write(path, text)


def inside(folder: Path, root: str) -> None:
    """Raise WriteRefused if `folder` (or the part of it that exists) resolves to a place
    outside the collection's real path: a year folder must not link elsewhere."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(folder)
    if os.path.commonpath([real_root, real]) != real_root:
        raise WriteRefused(
            f"{folder} leads outside the collection (to {real}); chrono writes only inside "
            f"{real_root}"
        )


def year_folders(root: str) -> list[Path]:
    """The folders `chrono add` writes into: the collection's own subfolders (not links)."""
    try:
        with os.scandir(root) as entries:
            return [Path(e.path) for e in entries if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def clean_stale_temps(folder: Path, now: float | None = None) -> list[str]:
    """Delete the temp files a killed write left in `folder` (chrono's own pattern only,
    older than STALE_SECONDS so that a write in progress is not disturbed)."""
    now = time.time() if now is None else now
    removed = []
    for name in _names(folder):
        path = folder / name
        try:
            st = path.lstat()
            if now - st.st_mtime > STALE_SECONDS and stat.S_ISREG(st.st_mode):
                path.unlink()
                removed.append(name)
        except OSError:
            continue  # gone already, or not ours to remove: not a reason to fail the write
    return removed


def _names(folder: Path) -> Sequence[str]:
    try:
        return [n for n in os.listdir(folder) if _TEMP.match(n)]
    except OSError:
        return []
