"""An index cache: parsed event files kept in SQLite, keyed by path, size and mtime.

A second run re-parses only files that changed, and answers actor and tag filters from
an index instead of unpickling every event. One database per collection folder, in the
platform cache folder (``~/.cache/chrono`` on Linux; ``$CHRONO_CACHE_DIR`` overrides).

It must never give a stale answer: every run stats every file; a file whose size or
mtime differs is parsed again, a vanished file's rows are deleted, and a file modified
in the last two seconds is marked to be parsed again next time (its mtime could still
change without its size changing within the file system's clock resolution). A cache
from another chrono version or format, or a corrupt one, is thrown away and rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import pickle
import sqlite3
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from chrono import __version__
from chrono.load import Stat
from chrono.model import Event, Problem

FORMAT = "chrono-index-4"  # bump when the schema or what is pickled changes shape
RACY_SECONDS = 2.0

Parse = Callable[[str], tuple[list[Event], list[Problem]]]

# Paths are stored as bytes (os.fsencode), so that any file name the OS allows works.
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(path BLOB PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER,
                   inode INTEGER, problems BLOB);
CREATE TABLE events(n INTEGER PRIMARY KEY, file BLOB NOT NULL, seq INTEGER NOT NULL,
                    id BLOB NOT NULL, data BLOB NOT NULL);
CREATE INDEX events_file ON events(file, seq);
CREATE INDEX events_id ON events(id);
CREATE TABLE terms(n INTEGER NOT NULL, kind TEXT NOT NULL, term TEXT NOT NULL);
CREATE INDEX terms_term ON terms(kind, term);
CREATE INDEX terms_n ON terms(n);
"""


def cache_dir() -> Path:
    """Where index databases live: $CHRONO_CACHE_DIR, else the platform's user cache dir."""
    override = os.environ.get("CHRONO_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("chrono", appauthor=False))


def database_for(root: str) -> Path:
    """The database file of one collection folder (named by its absolute path's hash)."""
    key = hashlib.sha256(os.fsencode(os.path.abspath(root))).hexdigest()[:20]
    return cache_dir() / f"{key}.sqlite"


def discard(root: str) -> None:
    """Delete the index of `root` (it will be rebuilt on the next cached run)."""
    _remove(database_for(root))


class Index:
    """The parsed contents of one collection folder's event files."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._cached_summary: dict[str, Any] | None = None

    @classmethod
    def open(cls, root: str) -> Index | None:
        """Open (creating or rebuilding) the index of `root`; None if no cache can be used."""
        path = database_for(root)
        for _attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                return cls(_connect(path))
            except sqlite3.OperationalError:
                return None  # busy, or a folder we may not write: do without, keep it
            except sqlite3.DatabaseError:
                if not _remove(path):  # corrupt or foreign: start again from nothing
                    return None
            except OSError:
                return None
        return None

    def close(self) -> None:
        self.db.close()

    def sync(self, stats: dict[str, Stat], parse: Parse) -> None:
        """Bring the index up to date with the files on disk (`stats`: path -> file stat)."""
        digest = _digest(stats)
        if self._meta("digest") == digest:
            return  # the very stats of the last sync, with no file too fresh to trust
        # Files modified this close to the scan could change again within the clock's
        # resolution without changing their stat; taken before parsing, to err on the safe side.
        fresh_after = (time.time() - RACY_SECONDS) * 1e9
        with self._write():
            for path in self._changes(stats):  # under the lock: another run may have synced
                self._forget(path)
                if path in stats:
                    racy = max(stats[path][1], stats[path][2]) >= fresh_after  # mtime, ctime
                    self._store(path, stats[path], racy, *parse(path))
            racy = self.db.execute("SELECT 1 FROM files WHERE size = -1 LIMIT 1").fetchone()
            self._set_meta("digest", "" if racy else digest)
            self._cached_summary = self._compute_summary()
            self._set_meta("summary", json.dumps(self._cached_summary))

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def _changes(self, stats: dict[str, Stat]) -> list[str]:
        rows = self.db.execute("SELECT path, size, mtime_ns, ctime_ns, inode FROM files")
        known = {os.fsdecode(p): (s, m, c, i) for p, s, m, c, i in rows}
        changed = [p for p, st in stats.items() if known.get(p) != st]
        return sorted(changed + [p for p in known if p not in stats])

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """Every query inside sees one state of the index, whatever other processes write."""
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.rollback()

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.rollback()
            raise
        self.db.commit()

    def _forget(self, path: str) -> None:
        key = os.fsencode(path)
        rows = "SELECT n FROM events WHERE file = ?"
        self.db.execute(f"DELETE FROM terms WHERE n IN ({rows})", (key,))
        self.db.execute("DELETE FROM events WHERE file = ?", (key,))
        self.db.execute("DELETE FROM files WHERE path = ?", (key,))

    def _store(
        self, path: str, stat: Stat, racy: bool, events: list[Event], problems: list[Problem]
    ) -> None:
        size, mtime_ns, ctime_ns, inode = stat
        if racy:
            size = -1  # too fresh to trust: parse it again next time
        blob = pickle.dumps(problems, protocol=5) if problems else None
        key = os.fsencode(path)
        row = (key, size, mtime_ns, ctime_ns, inode, blob)
        self.db.execute("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?)", row)
        for seq, event in enumerate(events):
            data = pickle.dumps(event, protocol=5)
            cur = self.db.execute(
                "INSERT INTO events(file, seq, id, data) VALUES (?, ?, ?, ?)",
                (key, seq, os.fsencode(event.id), data),  # an id from a file name may not be UTF-8
            )
            terms = [("actor", a.casefold()) for a in event.actors]
            terms += [("tag", t.casefold()) for t in event.tags]
            terms += [("ref", c.ref) for c in event.citations if c.ref is not None]
            self.db.executemany(
                "INSERT INTO terms VALUES (?, ?, ?)", [(cur.lastrowid, k, t) for k, t in terms]
            )

    def problems(self) -> list[Problem]:
        """The problems found when each file was parsed (already located by line)."""
        rows = self.db.execute("SELECT problems FROM files WHERE problems IS NOT NULL")
        return [p for (blob,) in rows for p in pickle.loads(blob)]

    def events(self, numbers: Iterable[int] | None = None) -> list[Event]:
        """Events in load order (path, then position in the file); all, or those numbered."""
        if numbers is None:
            rows = self.db.execute("SELECT data FROM events ORDER BY file, seq")
            return [pickle.loads(d) for (d,) in rows]
        found = []
        for chunk in _chunks(sorted(set(numbers)), 500):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT file, seq, data FROM events WHERE n IN ({marks})"
            found += list(self.db.execute(sql, chunk))
        found.sort(key=lambda row: (row[0], row[1]))
        return [pickle.loads(d) for _f, _s, d in found]

    def with_terms(self, kind: str, terms: Iterable[str]) -> set[int]:
        """Numbers of the events that have any of `terms` (casefolded actors/tags, or refs)."""
        found: set[int] = set()
        for chunk in _chunks(sorted(set(terms)), 500):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT n FROM terms WHERE kind = ? AND term IN ({marks})"
            found.update(n for (n,) in self.db.execute(sql, (kind, *chunk)))
        return found

    def with_ids(self, ids: Iterable[str]) -> set[int]:
        """Numbers of the events whose id is one of `ids`."""
        found: set[int] = set()
        for chunk in _chunks(sorted({os.fsencode(i) for i in ids}), 500):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT n FROM events WHERE id IN ({marks})"
            found.update(n for (n,) in self.db.execute(sql, chunk))
        return found

    def distinct_terms(self, kind: str) -> set[str]:
        """Every distinct actor (casefolded) or ref the events use."""
        return set(self._summary()[kind])

    def duplicated_ids(self) -> set[int]:
        """Numbers of the events whose id occurs more than once in this folder."""
        return set(self._summary()["duplicates"])

    def count(self) -> int:
        """How many events the index holds."""
        return int(self._summary()["count"])

    def _summary(self) -> dict[str, Any]:
        """What every query asks (distinct actors and refs, duplicates, the count), kept in
        the meta table and recomputed only after a change: at 100k events the queries
        behind it take ~30 ms, the stored answer well under one."""
        if self._cached_summary is None:
            try:
                stored = json.loads(self._meta("summary") or "")
            except ValueError:
                stored = None
            self._cached_summary = stored if _summary_ok(stored) else self._compute_summary()
        return self._cached_summary

    def _compute_summary(self) -> dict[str, Any]:
        def terms(kind: str) -> list[str]:
            sql = "SELECT DISTINCT term FROM terms WHERE kind = ?"
            return [t for (t,) in self.db.execute(sql, (kind,))]

        dups = "SELECT n FROM events WHERE id IN (SELECT id FROM events GROUP BY id HAVING COUNT(*) > 1)"
        (count,) = self.db.execute("SELECT COUNT(*) FROM events").fetchone()
        return {
            "actor": terms("actor"),
            "ref": terms("ref"),
            "duplicates": [n for (n,) in self.db.execute(dups)],
            "count": count,
        }


def _summary_ok(summary: object) -> bool:
    """Whether a stored summary has the shape `_compute_summary` gives (else: recompute)."""
    if not isinstance(summary, dict) or not isinstance(summary.get("count"), int):
        return False
    return all(isinstance(summary.get(k), list) for k in ("actor", "ref", "duplicates"))


def _digest(stats: dict[str, Stat]) -> str:
    """One fingerprint of every file's path and stat, in the (sorted) order given.

    Paths are joined and numbers packed as 64-bit integers: at 100k files this is a few
    milliseconds, where formatting or pickling the tuples took over 100.
    """
    digest = hashlib.sha256("\0".join(stats).encode("utf-8", "surrogateescape"))
    digest.update(array("q", itertools.chain.from_iterable(stats.values())).tobytes())
    return digest.hexdigest()


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        db.execute("PRAGMA busy_timeout = 30000")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            _create(db)
        elif {k: v for k, v in _meta(db).items() if k in _expected_meta()} != _expected_meta():
            raise sqlite3.DatabaseError("not this chrono's index")
    except BaseException:
        db.close()
        raise
    return db


def _create(db: sqlite3.Connection) -> None:
    db.execute("BEGIN IMMEDIATE")
    tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:  # another process may have created it while we waited for the lock
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(_expected_meta().items()))
    db.commit()


def _meta(db: sqlite3.Connection) -> dict[str, str]:
    return dict(db.execute("SELECT key, value FROM meta"))


def _expected_meta() -> dict[str, str]:
    return {"format": FORMAT, "chrono": __version__, "code": _code_stamp(), "reader": _reader()}


def _code_stamp() -> str:
    """Changes whenever chrono's own code does (so a new parse rule is applied at once)."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # all of chrono/
    stamp = hashlib.sha256()
    for folder, _dirs, files in sorted(os.walk(package)):
        for name in sorted(f for f in files if f.endswith(".py")):
            st = os.stat(os.path.join(folder, name))
            stamp.update(f"{folder}/{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return stamp.hexdigest()[:16]


def _reader() -> str:
    from chrono.load import reader_name

    return reader_name()


def _remove(path: Path) -> bool:
    """Delete a database and its side files; False if that was not possible."""
    removed = True
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            Path(f"{path}{suffix}").unlink()
        except FileNotFoundError:
            pass
        except OSError:
            removed = False
    return removed


def _chunks(items: Sequence[object], size: int) -> Iterator[list[object]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
