"""Issue 8.1: the index cache holds data, never code; damage is a miss that is rebuilt.

A planted pickle must not run; random flipped bytes anywhere in the database must never
give a traceback or an answer other than the uncached one; the cache is the user's alone.
"""

from __future__ import annotations

import os
import pickle
import random
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from chrono.index.database import cache_dir, database_for
from tests.conftest import ACTORS, SOURCES, MakeCollection, event_toml
from tests.test_cache import age

COMMANDS = (
    ("show", "--format", "json", "--actor", "Iran"),
    ("show", "--format", "json", "--tag", "x"),
    ("show", "--format", "json"),
    ("show", "--format", "plain", "--actor", "Iran"),  # rows ready to print
    ("show", "--format", "table", "--from", "2013"),  # (piped: tabulate's)
    ("check", "--format", "json"),
    ("export", "--format", "markdown", "--from", "2013"),  # streamed from the index
)


class Planted:
    """Unpickling this creates a marker file: proof that cached bytes ran as code."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (self.marker, "w"))


@pytest.fixture
def root(make_collection: MakeCollection, monkeypatch: pytest.MonkeyPatch) -> Path:
    # A file's change time cannot be backdated, and the index re-parses files changed in
    # the last RACY_SECONDS; without this every run would re-parse, never read, the rows.
    monkeypatch.setattr("chrono.index.store.RACY_SECONDS", -1.0)
    files: dict[str, str | bytes] = {"sources.toml": SOURCES, "actors.toml": ACTORS}
    for i in range(12):
        actors = ['["Soleimani"]', '["Russia", "IRGC"]', '["Nobody"]'][i % 3]
        tags = '["x"]' if i % 2 else '["y"]'
        files[f"{2010 + i}/e{i}.toml"] = event_toml(
            f"Event {i} in Tehran", f'"{2010 + i}-0{1 + i % 9}"', actors=actors, tags=tags
        )
    files["dup1.toml"] = event_toml(id='"same"')
    files["dup2.toml"] = event_toml(id='"same"')
    files["bad.toml"] = event_toml(date='"2016-13"')
    root = make_collection(files)
    age(root)
    return root


def answers(invoke: Any, root: Path, *flags: str) -> list[tuple[int, str, str]]:
    runs = [invoke(*command, "--events", str(root), *flags) for command in COMMANDS]
    return [(r.exit_code, r.stdout, r.stderr) for r in runs]


def test_a_planted_pickle_never_runs(invoke: Any, root: Path, tmp_path: Path) -> None:
    truth = answers(invoke, root, "--no-cache")
    assert answers(invoke, root) == truth  # builds the index
    assert answers(invoke, root) == truth  # reads it
    marker = tmp_path / "PWNED"
    payload = pickle.dumps(Planted(str(marker)))
    with sqlite3.connect(database_for(str(root))) as db:
        db.execute("UPDATE events SET data = ?", (payload,))
        db.execute("UPDATE shown SET data = ?", (payload,))
        db.execute("UPDATE files SET problems = ?", (payload,))
        db.execute("UPDATE facts SET data = ?", (payload,))
    assert answers(invoke, root) == truth
    assert not marker.exists()
    assert answers(invoke, root) == truth  # and the index was rebuilt


def test_flipped_bytes_never_give_a_traceback_or_a_wrong_answer(invoke: Any, root: Path) -> None:
    truth = answers(invoke, root, "--no-cache")
    assert answers(invoke, root) == truth
    path = database_for(str(root))
    assert not Path(f"{path}-wal").exists()  # everything is in the one file
    pristine = path.read_bytes()
    rng = random.Random(8)
    # Every byte from the first row on, sampled; a flip in free space changes nothing.
    for offset in rng.sample(range(100, len(pristine)), 120):
        damaged = bytearray(pristine)
        damaged[offset] ^= rng.randrange(1, 256)
        for side in ("-wal", "-shm"):
            Path(f"{path}{side}").unlink(missing_ok=True)
        path.write_bytes(bytes(damaged))
        assert answers(invoke, root) == truth, f"byte {offset} flipped"


def test_the_cache_is_private_to_the_user(invoke: Any, root: Path) -> None:
    os.chmod(cache_dir(), 0o755)  # as a permissive umask would leave it
    assert answers(invoke, root)[0][0] == 0
    path = database_for(str(root))
    assert stat.S_IMODE(cache_dir().stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_new_cache_folder_is_made_private(
    invoke: Any, root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHRONO_CACHE_DIR", str(tmp_path / "new" / "cache"))
    assert answers(invoke, root)[0][0] == 0
    assert stat.S_IMODE(cache_dir().stat().st_mode) == 0o700
    assert stat.S_IMODE(database_for(str(root)).stat().st_mode) == 0o600


def test_every_field_of_an_event_survives_the_index() -> None:
    from chrono.dates import parse_edtf
    from chrono.index.rows import decode_event, decode_problems, encode_event, encode_problems
    from chrono.model import Citation, Event, Problem, Source

    source = Source("T", "P", "https://x.org/é", "2016-04~", "A", "2016-05", None)
    event = Event(
        id="odd-\udcff-id",  # a file name that is not UTF-8
        date=parse_edtf("2016-04-25~/2016-05-01~"),
        title="Title ‘quoted’ \x1b",
        citations=(Citation(source, "q", "n", None), Citation(Source(key="k"), None, None, "k")),
        summary="S",
        actors=("Iran", "IRGC"),
        location="Moscow",
        tags=("a", "b"),
        status="planned",
        date_text="next week",
        file="/f/2016/x.toml",
        where=("events", 3),
    )
    assert decode_event(encode_event(event)) == event
    problems = [Problem("f", 3, "bad-date", "m", "warning", ("events", 1, "date"))]
    assert decode_problems(encode_problems(problems)) == problems


def test_a_damaged_schema_that_sqlite_cannot_word_is_rebuilt(invoke: Any, root: Path) -> None:
    truth = answers(invoke, root, "--no-cache")
    assert answers(invoke, root) == truth
    path = database_for(str(root))
    damaged = path.read_bytes().replace(b"PRIMARY KEY", b"PRIMARY \xe1EY", 1)
    path.write_bytes(damaged)  # SQLite quotes it in its error: not UTF-8
    assert answers(invoke, root) == truth
    assert answers(invoke, root) == truth


@pytest.mark.parametrize(
    "planted",
    [
        b"[1]",
        b'"a row"',
        b"1,2",
        b'[0,1,["k"],"d","t",[1],[],"2016"]',  # an actor that is not text
        b'[0,1,["k"],"d","t",[],[["article",null,"2",null]],"2016"]',  # credibility as text
        b'[0,1,["k"],"d","t",[],[[null,[1],null,null]],"2016"]',  # a source field a number
        b'[0,1,["k"],"d","t",[],[[null,null,null,"2016-13"]],"2016"]',  # a claimed non-date
    ],
)
def test_a_planted_resealed_shown_row_is_a_miss(invoke: Any, root: Path, planted: bytes) -> None:
    """A shown row of the wrong shape, even under a valid checksum, is damage: the answer
    comes from the files, and the index is rebuilt."""
    import zlib

    truth = answers(invoke, root, "--no-cache")
    assert answers(invoke, root) == truth
    with sqlite3.connect(database_for(str(root))) as db:
        for (n,) in list(db.execute("SELECT n FROM shown")):
            crc = zlib.crc32(b"%d\0%s" % (n, planted))
            db.execute("UPDATE shown SET data = ?, crc = ? WHERE n = ?", (planted, crc, n))
    assert answers(invoke, root) == truth
    assert answers(invoke, root) == truth
