"""A cold load shared among forked workers gives the serial answer, byte for byte, and a
worker that dies or fails costs its share being done again, never a hang or a traceback."""

from __future__ import annotations

import itertools
import os
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chrono import parallel
from chrono.parallel import map_files, split
from chrono.pipeline import check_collection, load_collection, select_collection
from chrono.query import make_filter
from tests.conftest import ACTORS, SOURCES, MakeCollection, event_toml

PARENT = os.getpid()


def _files() -> dict[str, str | bytes]:
    """Forty files of every kind: good ones, one-event and [[events]] files, bad data,
    a duplicate id across files, unknown refs and actors."""
    files: dict[str, str | bytes] = {"sources.toml": SOURCES, "actors.toml": ACTORS}
    for n in range(30):
        actor = ["Iran", "Russia", "Soleimani", "Nobody"][n % 4]
        files[f"{n // 10}/e{n:02}.toml"] = event_toml(
            f"Event {n}", f'"2016-{n % 12 + 1:02}-{n % 27 + 1:02}"', actors=f'["{actor}"]'
        )
    many = "".join(
        f'[[events]]\nid = "m{n}"\ndate = "201{n % 10}"\ntitle = "Many {n}"\n'
        f'actors = ["Iran"]\n[[events.sources]]\nref = "article"\n\n'
        for n in range(20)
    )
    files["many.toml"] = many + '[[events]]\nid = "m3"\ndate = "2019-13"\ntitle = "Bad"\n'
    files["bad/syntax.toml"] = 'date = "2016\ntitle = oops\n'
    files["bad/binary.toml"] = b"\x00\x01\x02"
    files["bad/ref.toml"] = 'date = "2016"\ntitle = "T"\n[[sources]]\nref = "nowhere"\n'
    files["bad/dup.toml"] = event_toml("Dup", id='"e03"')
    files["bad/empty.toml"] = ""
    files["bad/date.toml"] = event_toml("Bad date", '"2016-02-30"')
    return files


@pytest.fixture
def collection(make_collection: MakeCollection) -> Path:
    return make_collection(_files())


def _pooled(monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    monkeypatch.setattr(parallel, "POOL_BYTES", 0)
    monkeypatch.setenv("CHRONO_WORKERS", str(workers))


@pytest.mark.parametrize("workers", [2, 3, 7])
def test_pooled_loads_equal_serial(
    collection: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.setenv("CHRONO_WORKERS", "1")
    dirs = [str(collection)]
    flt = make_filter(actors=["Iran"])
    wide = make_filter(search="event")  # no actor or tag: not shared, the same answer

    def loads() -> tuple[object, ...]:
        return (
            load_collection(dirs),
            select_collection(dirs, flt),
            select_collection(dirs, wide),
            check_collection(dirs),
        )

    serial = loads()
    assert check_collection(dirs).errors and select_collection(dirs, flt).events
    _pooled(monkeypatch, workers)
    assert loads() == serial


def test_pooled_show_and_check_print_the_same(
    collection: Path, monkeypatch: pytest.MonkeyPatch, invoke: Callable[..., object]
) -> None:
    def outputs() -> list[tuple[int, str]]:
        found = []
        for args in (["show", "--actor", "Iran"], ["check", "--no-corroboration"], ["check"]):
            result = invoke(*args, "--no-cache", "--events", str(collection))
            found.append((result.exit_code, result.output))  # type: ignore[attr-defined]
        return found

    monkeypatch.setenv("CHRONO_WORKERS", "1")
    serial = outputs()
    _pooled(monkeypatch, 2)
    assert outputs() == serial


def _dies(path: str) -> str:
    if os.getpid() != PARENT and path.endswith("e07.toml"):
        os.kill(os.getpid(), signal.SIGKILL)
    return path


def _raises(path: str) -> str:
    if os.getpid() != PARENT:
        raise RuntimeError("a worker fails")
    return path


def _exits(path: str) -> str:
    if os.getpid() != PARENT:
        raise SystemExit(0)  # leaves without writing: its results cannot be read
    return path


@pytest.mark.parametrize("work", [_dies, _raises, _exits])
def test_a_failing_worker_costs_its_share_again(
    monkeypatch: pytest.MonkeyPatch, work: Callable[[str], str]
) -> None:
    _pooled(monkeypatch, 3)
    paths = [f"{n // 10}/e{n:02}.toml" for n in range(30)]
    found = map_files(paths, [1] * len(paths), work, lambda p: p, str)
    assert found == paths


def test_an_error_in_the_parent_is_raised_as_serially(monkeypatch: pytest.MonkeyPatch) -> None:
    _pooled(monkeypatch, 2)

    def broken(path: str) -> str:
        raise ValueError(path)

    started: list[int] = []
    start = parallel._start

    def recorded(*args: Any) -> tuple[int, int]:
        child = start(*args)
        started.append(child[0])
        return child

    monkeypatch.setattr(parallel, "_start", recorded)
    with pytest.raises(ValueError, match="a"):
        map_files(["a", "b"], [1, 1], broken, lambda p: p, str)
    assert len(started) == 1 and started[0] > 0
    with pytest.raises(ChildProcessError):  # the worker was ended and reaped
        os.waitpid(started[0], os.WNOHANG)


def test_no_fork_beside_another_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    _pooled(monkeypatch, 3)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        pids = map_files(["a", "b", "c"], [1] * 3, lambda p: os.getpid(), lambda p: p, _int)
    finally:
        stop.set()
        thread.join()
    assert pids == [os.getpid()] * 3


def test_a_small_load_forks_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHRONO_WORKERS", "4")

    def work(path: str) -> int:
        return os.getpid()

    assert set(map_files(["a", "b", "c"], [100] * 3, work, lambda p: p, _int)) == {os.getpid()}


@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=60), st.data())
def test_split_makes_contiguous_shares(sizes: list[int], data: st.DataObject) -> None:
    count = data.draw(st.integers(1, len(sizes)))
    shares = split(sizes, count)
    assert len(shares) == count
    assert shares[0][0] == 0 and shares[-1][1] == len(sizes)
    assert all(lo < hi for lo, hi in shares)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(shares))


def test_a_large_load_is_shared(monkeypatch: pytest.MonkeyPatch) -> None:
    _pooled(monkeypatch, 3)

    def work(path: str) -> int:
        return os.getpid()

    pids = map_files([str(n) for n in range(9)], [1] * 9, work, lambda p: p, _int)
    assert len(set(pids)) == 3 and pids[:3] == [os.getpid()] * 3


def _int(value: object) -> int:
    assert type(value) is int
    return value
