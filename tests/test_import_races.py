"""`chrono import --into` beside other writers: real parallel processes, and a year folder
that links out of the collection."""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from chrono.pipeline import load_collection
from tests.test_add_races import SLOW_WRITES

FIXTURES = Path(__file__).resolve().parent / "import_fixtures"


def run_import(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*SLOW_WRITES, "import", *args], capture_output=True, timeout=180, check=False
    )


def test_parallel_imports_of_one_file_add_each_row_once(tmp_path: Path) -> None:
    """Four processes import the same ACLED file (under four names, so that their files
    would not collide) into one collection at once, every write held back half a second:
    they take turns under the collection's lock, so each row is added exactly once."""
    folder = tmp_path / "events"
    copies = []
    for n in range(4):
        copy = tmp_path / f"acled-{n}.csv"
        copy.write_bytes((FIXTURES / "acled.csv").read_bytes())
        copies.append(copy)

    def one(copy: Path) -> subprocess.CompletedProcess[bytes]:
        return run_import(str(copy), "--from", "acled", "--into", str(folder))

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(one, copies))
    assert [r.returncode for r in results] == [0, 0, 0, 0], [r.stderr.decode() for r in results]
    added = sorted(r.stderr.decode().count("added 3 events") for r in results)
    assert added == [0, 0, 0, 1]
    collection = load_collection([str(folder)])
    assert collection.errors == []
    assert sorted(e.id for e in collection.events) == ["syr1001", "syr1002", "syr1003"]


def test_a_year_folder_linking_outside_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "events"
    outside = tmp_path / "elsewhere"
    folder.mkdir()
    outside.mkdir()
    (folder / "2016").symlink_to(outside)
    result = run_import(str(FIXTURES / "acled.csv"), "--from", "acled", "--into", str(folder))
    assert result.returncode == 1
    assert b"leads outside the collection" in result.stderr
    assert list(outside.iterdir()) == []
