"""An index cache: parsed event files kept in SQLite, keyed by path, size and mtime.

A second run re-parses only files that changed, and answers actor and tag filters from
an index instead of decoding every event. Rows hold data, never code (`chrono.index.rows`),
each sealed by a checksum; lookups are checked against the index's sealed summary
(`chrono.index.summary`). Any damage raises `Damage` (or an sqlite3 error), and the
callers throw the index away and answer from the files.

It must never give a stale answer: every run stats every file; a file whose size or
mtime differs is parsed again, a vanished file's rows are deleted, and a file modified
in the last two seconds is marked to be parsed again next time (its mtime could still
change without its size changing within the file system's clock resolution). A cache
from another chrono version, format or TOML reader, or a corrupt one, is rebuilt.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
import time
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence

from chrono.corroborate.facts import Facts, facts_of
from chrono.index.database import cache_dir, connect, database_for, private_file, remove
from chrono.index.facts_rows import decode_facts, encode_facts
from chrono.index.rows import (
    Damage,
    decode_event,
    decode_problems,
    encode_event,
    encode_head,
    encode_problems,
    encode_shown,
    number,
    seal,
    verify,
    verify_event_row,
)
from chrono.index.summary import Summary, event_terms
from chrono.load import Stat
from chrono.model import Event, Problem

__all__ = ["Damage", "Index", "cache_dir", "database_for", "discard"]

RACY_SECONDS = 2.0

Parse = Callable[[str], tuple[list[Event], list[Problem]]]
_EVENT_COLUMNS = "n, file, seq, id, data, head, crc"


def discard(root: str) -> None:
    """Delete the index of `root` (it will be rebuilt on the next cached run)."""
    remove(database_for(root))


class Index:
    """The parsed contents of one collection folder's event files."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._summary: Summary | None = None

    @classmethod
    def open(cls, root: str) -> Index | None:
        """Open (creating or rebuilding) the index of `root`; None if no cache can be used."""
        path = database_for(root)
        for _attempt in range(2):
            try:
                return cls(connect(path)) if private_file(path) else None
            except sqlite3.OperationalError:
                return None  # busy, or a folder we may not write: do without, keep it
            except (sqlite3.DatabaseError, UnicodeError):  # (SQLite's message may quote damage)
                if not remove(path):  # corrupt or foreign: start again from nothing
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
            changes, known = self._changes(stats)  # under the lock: another run may have synced
            rebuild = not known or len(changes) > known // 2  # cheaper to start again than to amend
            summary = Summary() if rebuild else self.summary()
            if rebuild:
                for table in ("files", "events", "terms", "shown", "facts"):
                    self.db.execute(f"DELETE FROM {table}")
                changes = sorted(stats)  # every file is stored again, not only the changed ones
            (last,) = self.db.execute("SELECT COALESCE(MAX(n), 0) FROM events").fetchone()
            numbers = itertools.count(last + 1)
            touched: set[str] = set()
            for path in changes:
                touched |= self._forget(path, summary)
                if path in stats:
                    racy = max(stats[path][1], stats[path][2]) >= fresh_after  # mtime, ctime
                    found = parse(path)
                    touched |= self._store(path, stats[path], racy, found, summary, numbers)
            self._recount_duplicates(summary, None if rebuild else touched)
            text, checksum = summary.encode()
            self._set_meta("summary", text)
            self._set_meta("summary_crc", checksum)
            racy = self.db.execute("SELECT 1 FROM files WHERE size = -1 LIMIT 1").fetchone()
            self._set_meta("digest", "" if racy else digest)
            self._summary = summary

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def _changes(self, stats: dict[str, Stat]) -> tuple[list[str], int]:
        """Paths added, changed or gone since the last sync; and how many files were known."""
        rows = self.db.execute("SELECT path, size, mtime_ns, ctime_ns, inode FROM files")
        known = {os.fsdecode(p): (s, m, c, i) for p, s, m, c, i in rows}
        changed = [p for p, st in stats.items() if known.get(p) != st]
        return sorted(changed + [p for p in known if p not in stats]), len(known)

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

    def _forget(self, path: str, summary: Summary) -> set[str]:
        """Delete a file's rows, counting its events out; returns their ids."""
        key = os.fsencode(path)
        sql = f"SELECT {_EVENT_COLUMNS} FROM events WHERE file = ?"
        gone = self._decode(list(self.db.execute(sql, (key,))))
        for event in gone:
            summary.add(event, -1)
        row = self.db.execute("SELECT problems FROM files WHERE path = ?", (key,)).fetchone()
        summary.problem_files -= row is not None and row[0] is not None
        rows = "SELECT n FROM events WHERE file = ?"
        self.db.execute(f"DELETE FROM terms WHERE n IN ({rows})", (key,))
        self.db.execute(f"DELETE FROM shown WHERE n IN ({rows})", (key,))
        self.db.execute(f"DELETE FROM facts WHERE n IN ({rows})", (key,))
        self.db.execute("DELETE FROM events WHERE file = ?", (key,))
        self.db.execute("DELETE FROM files WHERE path = ?", (key,))
        return {e.id for e in gone}

    def _store(
        self,
        path: str,
        stat: Stat,
        racy: bool,
        found: tuple[list[Event], list[Problem]],
        summary: Summary,
        numbers: Iterator[int],
    ) -> set[str]:
        """Insert a file's rows, counting its events in; returns their ids."""
        events, problems = found
        size, mtime_ns, ctime_ns, inode = stat
        if racy:
            size = -1  # too fresh to trust: parse it again next time
        key = os.fsencode(path)
        blob = encode_problems(problems) if problems else None
        crc = seal(key, blob) if blob is not None else None
        summary.problem_files += blob is not None
        row = (key, size, mtime_ns, ctime_ns, inode, blob, crc)
        self.db.execute("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", row)
        event_rows, term_rows, shown_rows, facts_rows = [], [], [], []
        for seq, event in enumerate(events):
            n, ident, data = next(numbers), os.fsencode(event.id), encode_event(event)
            head = encode_head(event)
            crc = seal(number(n), key, number(seq), ident, data, head)
            event_rows.append((n, key, seq, ident, data, head, crc))
            shown = encode_shown(event)
            shown_rows.append((n, shown, seal(number(n), shown)))
            facts = encode_facts(facts_of(event), event.sort_key())
            facts_rows.append((n, facts, seal(number(n), facts)))
            for kind, term in event_terms(event):
                term_rows.append((n, kind, term, seal(*_term_parts(n, kind, term))))
            summary.add(event, 1)
        self.db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)", event_rows)
        self.db.executemany("INSERT INTO terms VALUES (?, ?, ?, ?)", term_rows)
        self.db.executemany("INSERT INTO shown VALUES (?, ?, ?)", shown_rows)
        self.db.executemany("INSERT INTO facts VALUES (?, ?, ?)", facts_rows)
        return {e.id for e in events}

    def _recount_duplicates(self, summary: Summary, touched: set[str] | None) -> None:
        """Bring the summary's duplicated ids up to date for the ids a sync touched (or, after
        a rebuild, for all: every row was written by this very sync)."""
        if touched is None:
            sql = "SELECT id, n FROM events WHERE id IN (SELECT id FROM events GROUP BY id HAVING COUNT(*) > 1)"
            summary.duplicates = {}
            for ident, n in self.db.execute(sql):
                summary.duplicates.setdefault(os.fsdecode(ident), []).append(n)
            return
        for ident in touched:
            sql = f"SELECT {_EVENT_COLUMNS} FROM events WHERE id = ?"
            rows = list(self.db.execute(sql, (os.fsencode(ident),)))
            self._verify(rows)
            if len(rows) > 1:
                summary.duplicates[ident] = sorted(row[0] for row in rows)
            else:
                summary.duplicates.pop(ident, None)

    def problems(self) -> list[Problem]:
        """The problems found when each file was parsed (already located by line)."""
        rows = list(self.db.execute("SELECT path, problems, crc FROM files WHERE crc NOT NULL"))
        if len(rows) != self.summary().problem_files:
            raise Damage("the index has lost or gained a file's problems")
        found = []
        for path, blob, crc in rows:
            verify(crc, path, blob)
            found += decode_problems(blob)
        return found

    def events(self, numbers: Iterable[int] | None = None) -> list[Event]:
        """Events in load order (path, then position in the file); all, or those numbered."""
        if numbers is None:
            rows = list(self.db.execute(f"SELECT {_EVENT_COLUMNS} FROM events"))
            if len(rows) != self.summary().count:
                raise Damage("the index has lost or gained events")
        else:
            wanted = sorted(set(numbers))
            rows = []
            for chunk in _chunks(wanted, 500):
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT {_EVENT_COLUMNS} FROM events WHERE n IN ({marks})"
                rows += self.db.execute(sql, chunk)
            if len(rows) != len(wanted):
                raise Damage("the index has lost events it points to")
        return self._decode(rows)

    def facts(self) -> list[Facts]:
        """Every event's corroboration facts, in the one total order of the events."""
        found: list[tuple[list[object], Facts]] = []
        shared: dict[str, str] = {}
        rows = self.db.execute("SELECT n, data, crc FROM facts")
        while chunk := rows.fetchmany(1000):  # decoded a chunk at a time: one JSON call each
            for n, data, crc in chunk:
                verify(crc, number(n), data)
            found += decode_facts([data for _n, data, _crc in chunk], shared)
        if len(found) != self.summary().count:
            raise Damage("the index has lost or gained an event's facts")
        try:
            found.sort(key=_first)
        except TypeError:  # keys of types that do not compare: not what chrono wrote
            raise Damage("a cached row of facts has an order of the wrong shape") from None
        return [facts for _order, facts in found]

    def numbered(self, numbers: Iterable[int]) -> list[tuple[int, Event]]:
        """The numbered events with their numbers, in load order."""
        wanted = sorted(set(numbers))
        rows: list[tuple[object, ...]] = []
        for chunk in _chunks(wanted, 500):
            marks = ",".join("?" * len(chunk))
            rows += self.db.execute(
                f"SELECT {_EVENT_COLUMNS} FROM events WHERE n IN ({marks})", chunk
            )
        if len(rows) != len(wanted):
            raise Damage("the index has lost events it points to")
        self._verify(rows)
        rows.sort(key=lambda row: (row[1], row[2]))
        return [(row[0], decode_event(row[4])) for row in rows]  # type: ignore[misc]

    def _verify(self, rows: Iterable[tuple[object, ...]]) -> None:
        for row in rows:
            verify_event_row(row)

    def _decode(self, rows: list[tuple[object, ...]]) -> list[Event]:
        self._verify(rows)  # also proves every row's types, before they are sorted on
        rows.sort(key=lambda row: (row[1], row[2]))
        return [decode_event(row[4]) for row in rows]

    def with_terms(self, kind: str, terms: Iterable[str]) -> set[int]:
        """Numbers of the events that have any of `terms` (casefolded actors/tags, or refs)."""
        summary, wanted = self.summary(), sorted(set(terms))
        found: set[int] = set()
        rows = 0
        tag = kind.encode()
        for chunk in _chunks(wanted, 500):
            marks = ",".join("?" * len(chunk))
            # The term's own bytes: they are what is sealed (`_term_parts`), checked inline
            # because a common actor has thousands of rows.
            sql = (
                f"SELECT n, CAST(term AS BLOB), crc FROM terms WHERE kind = ? AND term IN ({marks})"
            )
            for n, term, crc in self.db.execute(sql, (kind, *chunk)):
                if type(n) is not int or type(term) is not bytes:
                    raise Damage("a cached term row has a value of the wrong type")
                if crc != zlib.crc32(b"%d\0%s\0%s" % (n, tag, term)):
                    raise Damage("a cached term fails its checksum")
                found.add(n)
                rows += 1
        if rows != sum(summary.expect(kind, t) for t in wanted):
            raise Damage("the index has lost or gained term rows")
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
        return set(self.summary().terms[kind])

    def duplicated_ids(self) -> set[int]:
        """Numbers of the events whose id occurs more than once in this folder."""
        return {n for ns in self.summary().duplicates.values() for n in ns}

    def count(self) -> int:
        """How many events the index holds."""
        return self.summary().count

    def summary(self) -> Summary:
        """The sealed account of what the index holds; Damage if it fails its seal."""
        if self._summary is None:
            self._summary = Summary.decode(self._meta("summary"), self._meta("summary_crc"))
        return self._summary


def _first(pair: tuple[list[object], Facts]) -> list[object]:
    return pair[0]


def _term_parts(n: object, kind: str, term: object) -> tuple[bytes, ...]:
    if type(term) is not str:
        raise Damage("a cached term is not text")
    return number(n), kind.encode(), term.encode("utf-8", "surrogateescape")


def _digest(stats: dict[str, Stat]) -> str:
    """One fingerprint of every file's path and stat, in the (sorted) order given.

    Paths are joined and numbers packed as 64-bit integers: at 100k files this is a few
    milliseconds, where formatting or pickling the tuples took over 100.
    """
    import hashlib

    digest = hashlib.sha256("\0".join(stats).encode("utf-8", "surrogateescape"))
    digest.update(array("q", itertools.chain.from_iterable(stats.values())).tobytes())
    return digest.hexdigest()


def _chunks(items: Sequence[object], size: int) -> Iterator[list[object]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
