"""`chrono add` under races and on hostile ground: real parallel processes, killed runs'
leftovers, a year folder that links out of the collection, ids and titles no file can hold.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SOURCES, MakeCollection, event_toml

CHRONO = [sys.executable, "-c", "from chrono.cli import main; main()"]
#: chrono with every file write held back half a second: the window between "is the id
#: free?" and the write, which a real race hits now and then, is then hit every time.
SLOW_WRITES = [
    sys.executable,
    "-c",
    "import time, chrono.write as w; write = w.atomic_write; "
    "w.atomic_write = lambda *a, **k: (time.sleep(0.5), write(*a, **k))[1]; "
    "from chrono.cli import main; main()",
]


def run(*args: str | bytes, chrono: list[str] = CHRONO) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*chrono, *args], capture_output=True, timeout=120, check=False)


def event_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.toml") if p.name != "sources.toml")


@pytest.fixture
def root(make_collection: MakeCollection) -> Path:
    return make_collection({"sources.toml": SOURCES})


def test_parallel_adds_of_one_id_make_one_event(root: Path) -> None:
    """20 processes add the id `race-year` with 20 different years (20 different files):
    exactly one may succeed, the others must be refused, and `show` keeps that one."""

    def add(year: int) -> subprocess.CompletedProcess[bytes]:
        return run(
            "add", "--events", str(root), "--id", "race-year", "--date", str(year),
            "--title", f"Race {year}", "--source", "article", chrono=SLOW_WRITES,
        )  # fmt: skip

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(add, range(2000, 2020)))
    codes = sorted(r.returncode for r in results)
    assert codes == [0] + [1] * 19, [r.stderr.decode() for r in results]
    assert all(b"Traceback" not in r.stderr for r in results)
    refused = [r.stderr.decode() for r in results if r.returncode]
    assert all("duplicate id 'race-year'" in text for text in refused), refused
    assert len(event_files(root)) == 1
    shown = run("show", "--events", str(root), "--format", "json", "--no-cache")
    assert shown.returncode == 0 and shown.stdout.count(b'"id": "race-year"') == 1


def test_parallel_adds_of_different_ids_all_succeed(root: Path) -> None:
    def add(n: int) -> subprocess.CompletedProcess[bytes]:
        return run(
            "add", "--events", str(root), "--id", f"ok-{n}", "--date", "2016",
            "--title", "T", "--source", "article",
        )  # fmt: skip

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(add, range(4)))
    assert [r.returncode for r in results] == [0] * 4, [r.stderr.decode() for r in results]
    assert len(event_files(root)) == 4


def add(invoke: Any, root: Path, *args: str) -> Any:
    return invoke("add", "--events", str(root), "--source", "article", *args)


def test_stale_temp_files_of_a_killed_add_are_cleaned(invoke: Any, root: Path) -> None:
    year = root / "2016"
    year.mkdir()
    stale = year / ".killed.toml.k2j4_x9q.tmp"  # what a SIGKILLed write leaves behind
    stale.write_text("half an event")
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    fresh = year / ".busy.toml.a8d0mm1z.tmp"  # another writer's, still being written
    fresh.write_text("being written")
    other_year = root / "1999"
    other_year.mkdir()
    elsewhere = other_year / ".old.toml.00000000.tmp"  # killed in another year's folder
    elsewhere.write_text("half an event")
    os.utime(elsewhere, (hour_ago, hour_ago))
    mine = year / ".notes.tmp"  # not chrono's pattern: never touched
    mine.write_text("a user's file")
    os.utime(mine, (hour_ago, hour_ago))
    result = add(invoke, root, "--date", "2016-04-27", "--title", "New")
    assert result.exit_code == 0, result.output
    assert not stale.exists() and not elsewhere.exists()
    assert fresh.exists() and mine.exists()


def test_a_killed_add_leaves_no_event_and_its_temp_is_cleaned_next_time(root: Path) -> None:
    """A real SIGKILL in the middle of a write (held there by a slow fsync)."""
    code = (
        "import os, time; os.fsync = lambda fd: time.sleep(60); from chrono.cli import main; main()"
    )
    args = ["add", "--events", str(root), "--id", "killed", "--date", "2016"]
    args += ["--title", "T", "--source", "article"]
    proc = subprocess.Popen([sys.executable, "-c", code, *args])
    deadline = time.monotonic() + 60
    while not list((root / "2016").glob(".killed.toml.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    temps = list((root / "2016").glob(".killed.toml.*.tmp"))
    assert len(temps) == 1 and not (root / "2016" / "killed.toml").exists()
    hour_ago = time.time() - 3600
    os.utime(temps[0], (hour_ago, hour_ago))
    done = run("add", "--events", str(root), "--id", "next", "--date", "2016", "--title", "T",
               "--source", "article")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert not temps[0].exists()


def test_a_year_folder_linking_out_of_the_collection_is_refused(
    invoke: Any, root: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (root / "2016").symlink_to(outside, target_is_directory=True)
    result = add(invoke, root, "--date", "2016-04-27", "--title", "Escape")
    assert result.exit_code == 1
    assert "outside the collection" in result.stderr
    assert list(outside.iterdir()) == []


def test_a_collection_reached_through_a_link_is_written(
    invoke: Any, root: Path, tmp_path: Path
) -> None:
    link = tmp_path / "linked"
    link.symlink_to(root, target_is_directory=True)
    result = add(invoke, link, "--date", "2016-04-27", "--title", "Through a link")
    assert result.exit_code == 0, result.output
    assert (root / "2016" / "through-a-link.toml").exists()


def test_an_id_too_long_for_a_file_name_is_refused(invoke: Any, root: Path) -> None:
    result = add(invoke, root, "--id", "x" * 251, "--date", "2016", "--title", "Long")
    assert result.exit_code == 1
    assert "id is 251 characters long; at most 200" in result.stderr
    assert event_files(root) == []


def test_a_title_that_is_not_utf8_is_refused(root: Path) -> None:
    result = run("add", "--events", str(root), "--date", "2016", "--title", b"bad \xff",
                 "--source", "article")  # fmt: skip
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert b"--title is not valid UTF-8 text" in result.stderr
    assert event_files(root) == []


def test_an_existing_broken_event_still_holds_its_id(
    invoke: Any, make_collection: MakeCollection
) -> None:
    root = make_collection(
        {"sources.toml": SOURCES, "2016/held.toml": event_toml(date='"2016-13"')}
    )
    result = add(invoke, root, "--id", "held", "--date", "2017", "--title", "T")
    assert result.exit_code == 1
    assert "duplicate id 'held'" in result.stderr


def test_a_held_lock_makes_add_wait_then_give_up_clearly(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import FileLock

    from chrono import add_write

    monkeypatch.setattr(add_write, "LOCK_TIMEOUT", 0.2)
    target = root / "2016" / "x.toml"
    with (
        FileLock(add_write.lock_path(str(root))),
        pytest.raises(add_write.WriteRefused, match="another chrono run has held"),
    ):
        add_write.write_new_event(target, "text", str(root), lambda: None)
    assert not target.exists()
    add_write.write_new_event(target, "text", str(root), lambda: None)  # released: written
    assert target.read_text() == "text"


def test_a_line_break_in_a_bad_value_stays_on_one_line(invoke: Any, root: Path) -> None:
    result = add(invoke, root, "--date", "2016", "--title", "T", "--status", "gone\nwrong")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "gone\\nwrong" in result.stderr


@pytest.mark.parametrize(
    ("typed", "hint"),
    [("197", "write 197X for the 1970s, or 0197 for the year 197"), ("19", "write 19XX")],
)
def test_a_short_year_is_not_silently_a_year_of_the_first_millennium(
    invoke: Any, root: Path, typed: str, hint: str
) -> None:
    result = add(invoke, root, "--date", typed, "--title", "T", "--dry-run")
    assert result.exit_code == 1 and hint in result.stderr
