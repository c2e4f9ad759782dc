"""Atomic file writes that never overwrite by accident."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def atomic_write(path: str | Path, text: str | Iterable[str], *, overwrite: bool = False) -> None:
    """Write `text` (a string, or pieces of one) to `path` through a temp file in the same
    folder, then move it in place.

    Without `overwrite`, an existing file raises FileExistsError and is left untouched,
    even if another process creates it between our check and our move (a hard link,
    unlike a rename, refuses to replace a file).
    """
    target = Path(path)
    if overwrite and target.is_symlink():
        target = Path(os.path.realpath(target))  # --force writes through a link, keeps it
    if not overwrite and (target.exists() or target.is_symlink()):
        raise FileExistsError(f"{target} already exists")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, _mode_for(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.writelines([text] if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp, target)
        else:
            _link_no_replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, else what a plain open() would give (0666 - umask);
    mkstemp's 0600 would hide new events and exports from everyone else."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _link_no_replace(tmp: str, target: Path) -> None:
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise FileExistsError(f"{target} already exists") from None
    except OSError:  # file systems without hard links: best effort after the check above
        if target.exists():
            raise FileExistsError(f"{target} already exists") from None
        os.rename(tmp, target)
