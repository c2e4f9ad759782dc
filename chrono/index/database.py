"""Where an index database lives, who may read it, what it is made of, and whose it is.

One database per collection folder, in the platform cache folder (``~/.cache/chrono`` on
Linux; ``$CHRONO_CACHE_DIR`` overrides). The folder is made private to the user (0700)
and each database is created 0600 before SQLite opens it (SQLite gives its journal and
WAL files the database's mode). A folder or database owned by someone else is not used.

A database records the index format, chrono's version, a stamp of chrono's code and the
TOML reader with its version; one that records anything else is thrown away and rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

from chrono import __version__

FORMAT = "chrono-index-10"  # bump when the schema or the encoding of rows changes shape

# Paths are stored as bytes (os.fsencode), so that any file name the OS allows works.
# Every row that answers a question carries `crc` (see `chrono.index.rows`).
SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(path BLOB PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER,
                   inode INTEGER, problems BLOB, crc INTEGER);
CREATE TABLE events(n INTEGER PRIMARY KEY, file BLOB NOT NULL, seq INTEGER NOT NULL,
                    id BLOB NOT NULL, data BLOB NOT NULL, head BLOB NOT NULL,
                    crc INTEGER NOT NULL);
CREATE INDEX events_file ON events(file, seq);
CREATE INDEX events_id ON events(id);
CREATE TABLE terms(n INTEGER NOT NULL, kind TEXT NOT NULL, term TEXT NOT NULL,
                   crc INTEGER NOT NULL);
CREATE INDEX terms_term ON terms(kind, term, n, crc);  -- covering: a lookup reads no table row
CREATE INDEX terms_n ON terms(n);
CREATE TABLE shown(n INTEGER PRIMARY KEY, data BLOB NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE facts(n INTEGER PRIMARY KEY, data BLOB NOT NULL, crc INTEGER NOT NULL);
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


def private_file(path: Path) -> bool:
    """Make `path` (and its folder) exist and be the user's alone; False if they are not
    the user's to use. Raises OSError when the folder cannot be made."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _own_alone(path.parent, 0o700):
        return False
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        return _own_alone(fd, 0o600)
    finally:
        os.close(fd)


def _own_alone(target: Path | int, mode: int) -> bool:
    """Whether the user owns `target`; narrows its mode to `mode` if others could use it."""
    if not hasattr(os, "getuid"):
        return True  # Windows: the per-user cache folder's ACL already keeps others out
    st = os.stat(target)
    if st.st_uid != os.getuid():
        return False
    if stat.S_IMODE(st.st_mode) & 0o077:
        os.chmod(target, mode)
    return True


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if empty) the database; DatabaseError if it is not this chrono's."""
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    db.text_factory = _text
    try:
        db.execute("PRAGMA busy_timeout = 30000")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA trusted_schema = OFF")  # a planted view or trigger never runs
        tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            _create(db)
        elif not _same_meta(_meta(db), expected_meta()):
            raise sqlite3.DatabaseError("not this chrono's index")
    except BaseException:
        db.close()
        raise
    return db


def _text(raw: bytes) -> str:
    """Text as stored; bytes that are not UTF-8 (damage) are kept, to fail their checksum."""
    return raw.decode("utf-8", "surrogateescape")


def _create(db: sqlite3.Connection) -> None:
    db.execute("BEGIN IMMEDIATE")
    tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:  # another process may have created it while we waited for the lock
        for statement in SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(expected_meta().items()))
    db.commit()


def _same_meta(recorded: dict[str, str], expected: dict[str, str]) -> bool:
    """Whether a database records what this chrono expects (other keys are its own data).
    `expected` is computed once: stamping chrono's code stats every one of its modules."""
    return {k: v for k, v in recorded.items() if k in expected} == expected


def _meta(db: sqlite3.Connection) -> dict[str, str]:
    return dict(db.execute("SELECT key, value FROM meta"))


def expected_meta() -> dict[str, str]:
    """What a usable database records about the chrono that wrote it."""
    from chrono.load import reader_key

    return {"format": FORMAT, "chrono": __version__, "code": _code_stamp(), "reader": reader_key()}


def _code_stamp() -> str:
    """Changes whenever chrono's own code does (so a new parse rule is applied at once)."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # all of chrono/
    stamp = hashlib.sha256()
    for folder, _dirs, files in sorted(os.walk(package)):
        for name in sorted(f for f in files if f.endswith(".py")):
            st = os.stat(os.path.join(folder, name))
            stamp.update(f"{folder}/{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return stamp.hexdigest()[:16]


def remove(path: Path) -> bool:
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
