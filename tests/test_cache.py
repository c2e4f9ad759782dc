"""The index cache never gives a stale answer, survives damage, and agrees with --no-cache."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chrono.index.store import database_for
from chrono.pipeline import load_collection, select_collection
from chrono.query import make_filter
from tests.conftest import ACTORS, SOURCES, MakeCollection, event_toml

HOUR_AGO = time.time() - 3600


def age(root: Path, seconds_ago: float = 3600) -> None:
    """Backdate every file, so the cache trusts their mtimes (fresh files are re-parsed)."""
    stamp = time.time() - seconds_ago
    for path in root.rglob("*.toml"):
        os.utime(path, (stamp, stamp))


def shown(invoke: Any, root: Path, *args: str) -> list[str]:
    result = invoke("show", "--events", str(root), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return [e["title"] for e in json.loads(result.stdout)]


@pytest.fixture
def root(make_collection: MakeCollection) -> Path:
    files = {
        "sources.toml": SOURCES,
        "actors.toml": ACTORS,
        "2016/a.toml": event_toml("Alpha", actors='["Soleimani"]'),
        "2016/b.toml": event_toml("Bravo", '"2016-05"', actors='["Russia"]'),
    }
    root = make_collection(files)
    age(root)
    return root


def test_second_run_uses_the_index(invoke: Any, root: Path) -> None:
    assert shown(invoke, root, "--actor", "Iran") == ["Alpha"]
    assert database_for(str(root)).exists()
    assert shown(invoke, root, "--actor", "Iran") == ["Alpha"]


def test_edit_same_size_is_seen(invoke: Any, root: Path) -> None:
    assert shown(invoke, root, "--actor", "Iran") == ["Alpha"]
    path = root / "2016" / "a.toml"
    path.write_text(path.read_text().replace("Alpha", "Omega"))
    os.utime(path, (HOUR_AGO + 60, HOUR_AGO + 60))
    assert shown(invoke, root, "--actor", "Iran") == ["Omega"]


def test_fresh_edit_within_the_same_second_is_seen(invoke: Any, root: Path) -> None:
    path = root / "2016" / "a.toml"
    path.write_text(path.read_text())  # fresh mtime: stored as untrusted
    assert shown(invoke, root, "--actor", "Iran") == ["Alpha"]
    stat = path.stat()
    path.write_text(path.read_text().replace("Alpha", "Gamma"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    assert shown(invoke, root, "--actor", "Iran") == ["Gamma"]


def test_added_deleted_and_renamed_files_are_seen(invoke: Any, root: Path) -> None:
    assert shown(invoke, root) == ["Alpha", "Bravo"]
    (root / "2016" / "c.toml").write_text(event_toml("Charlie", actors='["IRGC"]'))
    assert shown(invoke, root, "--actor", "Iran") == ["Alpha", "Charlie"]
    (root / "2016" / "a.toml").unlink()
    assert shown(invoke, root, "--actor", "Iran") == ["Charlie"]
    (root / "2016" / "c.toml").rename(root / "2016" / "d.toml")
    assert shown(invoke, root, "--actor", "Iran") == ["Charlie"]
    ids = json.loads(invoke("show", "--events", str(root), "--format", "json").stdout)
    assert [e["id"] for e in ids] == ["d", "b"]


def test_registry_change_is_seen_without_touching_events(invoke: Any, root: Path) -> None:
    assert shown(invoke, root, "--actor", "Iran") == ["Alpha"]
    actors = (root / "actors.toml").read_text().replace('[russia]\nname = "Russia"', "")
    actors += '\n[russia]\nname = "Russia"\nmember_of = ["Iran"]\n'
    (root / "actors.toml").write_text(actors)
    assert shown(invoke, root, "--actor", "Iran") == ["Alpha", "Bravo"]


@pytest.mark.parametrize(
    "damage", [b"", b"not a database at all" * 100, b"SQLite format 3\x00junk"]
)
def test_corrupt_cache_is_rebuilt(invoke: Any, root: Path, damage: bytes) -> None:
    assert shown(invoke, root, "--actor", "Iran") == ["Alpha"]
    database_for(str(root)).write_bytes(damage)
    assert shown(invoke, root, "--actor", "Iran") == ["Alpha"]
    assert shown(invoke, root, "--actor", "Iran") == ["Alpha"]


def test_foreign_cache_is_rebuilt(invoke: Any, root: Path) -> None:
    import sqlite3

    path = database_for(str(root))
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('format', 'someone-else')")
    db.commit()
    db.close()
    assert shown(invoke, root, "--actor", "Iran") == ["Alpha"]


def test_no_cache_neither_reads_nor_writes(invoke: Any, root: Path) -> None:
    assert shown(invoke, root, "--actor", "Iran", "--no-cache") == ["Alpha"]
    assert not database_for(str(root)).exists()


def test_problems_are_the_same_from_the_cache(invoke: Any, make_collection: MakeCollection) -> None:
    files = {
        "sources.toml": SOURCES,
        "actors.toml": ACTORS,
        "a.toml": event_toml(id='"x"', actors='["Iran"]'),
        "b.toml": event_toml(id='"x"', actors='["Iran"]'),
        "c.toml": event_toml(actors='["Nobody", "Iran"]').replace('"article"', '"missing"'),
        "d.toml": event_toml(date='"2016-13"'),
    }
    root = make_collection(files)
    age(root)
    runs = [invoke("check", "--events", str(root), *flag) for flag in ([], [], ["--no-cache"])]
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout
    assert runs[0].stderr == runs[1].stderr == runs[2].stderr  # the valid-event count too
    # both "x" refused; c.toml's unknown actor is reported beside its unknown ref
    assert "4 error(s), 1 warning(s); 0 valid events" in runs[0].stderr
    assert "duplicate-id" in runs[0].stdout and "unknown-source-ref" in runs[0].stdout
    fast = [
        invoke("show", "--events", str(root), "--actor", "Iran", *f) for f in ([], ["--no-cache"])
    ]
    assert fast[0].stdout == fast[1].stdout
    assert fast[0].stderr == fast[1].stderr


def _run_show(root: str, queue: Any) -> None:
    from typer.testing import CliRunner

    from chrono.cli import app

    for _ in range(5):
        result = CliRunner().invoke(
            app, ["show", "--events", root, "--format", "json", "--actor", "Iran"]
        )
        queue.put(
            (result.exit_code, len(json.loads(result.stdout)) if result.exit_code == 0 else -1)
        )


def test_concurrent_runs_do_not_corrupt_the_cache(
    invoke: Any, make_collection: MakeCollection
) -> None:
    files = {"sources.toml": SOURCES, "actors.toml": ACTORS}
    files |= {f"2016/e{i}.toml": event_toml(f"E{i}", actors='["IRGC"]') for i in range(60)}
    root = make_collection(files)
    age(root)
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    workers = [ctx.Process(target=_run_show, args=(str(root), queue)) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    results = [queue.get(timeout=5) for _ in range(15)]
    assert results == [(0, 60)] * 15
    assert len(shown(invoke, root, "--actor", "Iran")) == 60


EVENT_POOL = [
    ("a", '"2016-04-15"', '["Soleimani"]', '["x"]'),
    ("b", '"2016-05"', '["Russia", "IRGC"]', '["y"]'),
    ("c", '"2015~"', '["Nobody"]', '["x", "y"]'),
    ("d", '"2016-04-10/2016-04-20"', '["Iran"]', "[]"),
    ("e", '"../2016-01"', '["Revolutionary Guards"]', '["x"]'),
]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    chosen=st.lists(st.sampled_from(EVENT_POOL), min_size=1, max_size=8),
    actor=st.sampled_from(["Iran", "IRGC", "Nobody", "russia", "Soleimani"]),
    tag=st.sampled_from([None, "x", "y"]),
    bad_ref=st.booleans(),
)
def test_indexed_selection_equals_full_selection(
    tmp_path_factory: pytest.TempPathFactory,
    chosen: list[tuple[str, str, str, str]],
    actor: str,
    tag: str | None,
    bad_ref: bool,
) -> None:
    root = tmp_path_factory.mktemp("events")
    (root / "sources.toml").write_text(SOURCES)
    (root / "actors.toml").write_text(ACTORS)
    for n, (name, date, actors, tags) in enumerate(chosen):
        text = event_toml(f"T{n}", date, id=f'"{name}"', actors=actors, tags=tags)
        if bad_ref and n == 0:
            text = text.replace('"article"', '"nope"')
        (root / f"{n}.toml").write_text(text)
    age(root)
    flt = make_filter([actor], [tag] if tag else [])
    full = select_collection([str(root)], flt, cache=False)
    for _ in range(2):  # building the index, then reading it
        fast = select_collection([str(root)], flt, cache=True)
        assert [e.id for e in fast.events] == [e.id for e in full.events]
        assert fast.events == full.events
        assert fast.problems == full.problems
    assert load_collection([str(root)], cache=True).problems == full.problems


def test_many_new_files_at_once_keep_the_unchanged_ones(invoke: Any, root: Path) -> None:
    """Regression: when more than half the files changed, the index started again but stored
    only the changed files, so the next answers lost every unchanged event (six parallel
    `chrono add` runs were enough)."""

    def valid() -> str:
        result = invoke("check", "--events", str(root))
        return str((result.stdout + result.stderr).strip().splitlines()[-1])

    assert valid().endswith("2 valid events in " + str(root))
    assert shown(invoke, root, "--actor", "Iran") == ["Alpha"]
    for n in range(5):
        (root / "2016" / f"new{n}.toml").write_text(event_toml(f"New {n}", '"2016-07"'))
    age(root)
    assert valid().endswith("7 valid events in " + str(root))
    assert valid().endswith("7 valid events in " + str(root))
    assert shown(invoke, root, "--actor", "Iran") == ["Alpha"]
