"""Keeping a collection folder's index in step with its files, and reading events from it.

Used by the full pipeline (`chrono.pipeline`) and the index answers (`chrono.index.answer`);
reading the folder itself is `chrono.folder`'s job.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from chrono.folder import parse_path
from chrono.index.rows import Damage
from chrono.load import Stat
from chrono.model import Event, Problem

if TYPE_CHECKING:
    from chrono.index.store import Index

#: What a damaged, foreign or busy cache can raise while being read. SQLite's message
#: about a damaged schema can quote its bytes, which Python then fails to decode.
CACHE_ERRORS = (sqlite3.Error, Damage, UnicodeError)


def cache_failed(folder: str, err: Exception) -> None:
    """Give up on the cache for this run; throw it away only if it is damaged, not if it
    is merely busy or read-only (sqlite3.OperationalError)."""
    from chrono.index.store import discard

    if not isinstance(err, sqlite3.OperationalError):
        discard(folder)


def synced_index(folder: str, stats: dict[str, Stat]) -> Index | None:
    """The folder's up-to-date index, or None when the cache cannot be used (never fatal)."""
    from chrono.index.store import Index

    index = Index.open(folder)
    if index is None:
        return None
    try:
        index.sync(stats, parse_path)
    except CACHE_ERRORS as err:
        index.close()
        cache_failed(folder, err)
        return None
    return index


def events_from_index(
    folder: str, stats: dict[str, Stat]
) -> tuple[list[Problem], list[Event]] | None:
    """Every event and parse problem of the folder, from its index; None without one."""
    index = synced_index(folder, stats)
    if index is None:
        return None
    try:
        with index.reading():
            return index.problems(), index.events()
    except CACHE_ERRORS as err:
        cache_failed(folder, err)  # the caller parses every file instead
        return None
    finally:
        index.close()
