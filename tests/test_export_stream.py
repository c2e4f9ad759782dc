"""Issue 12: exports stream from the index in the one total order, byte for byte the same."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

from chrono.index.stream import IndexedEvents
from chrono.pipeline import select_collection, streaming_selection
from chrono.query import Filter, make_filter
from chrono.render import EXPORT_FORMATS, SHOW_FORMATS
from tests.conftest import ACTORS, SOURCES, MakeCollection, event_toml
from tests.test_cache import age

FILTERS = [
    (),
    ("--actor", "Iran"),
    ("--tag", "x", "--from", "2016-04"),
    ("--to", "2016-04-12"),
    ("--search", "tehran"),
    ("--location", "moscow", "--actor", "Russia"),
]


@pytest.fixture
def root(make_collection: MakeCollection, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("chrono.index.store.RACY_SECONDS", -1.0)  # read rows, not re-parse
    dates = ['"2016-04-15"', '"2016-05"', '"2015~"', '"2016-04-10/2016-04-20"', '"../2016-01"']
    actors = ['["Soleimani"]', '["Russia", "IRGC"]', '["Nobody"]', '["Iran"]', "[]"]
    files: dict[str, str | bytes] = {"sources.toml": SOURCES, "actors.toml": ACTORS}
    for i in range(25):
        files[f"{i % 3}/e{i}.toml"] = event_toml(
            f"Event {i} in {'Tehran' if i % 4 else 'Moscow'}",
            dates[i % 5],
            actors=actors[i % 5],
            tags='["x"]' if i % 2 else '["y"]',
            location='"Moscow"' if i % 3 else '"Tehran"',
        )
    # A year iCalendar cannot hold, an open end, and sources that disagree about a date.
    files["bce.toml"] = event_toml("Long ago", '"-0050"', actors='["Iran"]', tags='["x"]')
    files["open.toml"] = event_toml("Still going", '"2016-04-10/.."', actors='["Russia"]')
    files["said.toml"] = event_toml("Disputed", '"2016-04-12"', actors='["Iran"]') + (
        '\n[[sources]]\nurl = "https://example.org/other"\ntitle = "Other"\n'
        'date = "2016-04-14"\ndate_text = "on Thursday"\n'
    )
    files["dup1.toml"] = event_toml(id='"same"', actors='["Iran"]')
    files["dup2.toml"] = event_toml(id='"same"')
    files["bad-ref.toml"] = event_toml(actors='["Iran"]').replace('"article"', '"nope"')
    root = make_collection(files)
    age(root)
    return root


@pytest.mark.parametrize("fmt", list(EXPORT_FORMATS))
@pytest.mark.parametrize("flags", FILTERS, ids=" ".join)
def test_a_streamed_export_equals_the_uncached_one(
    invoke: Any, root: Path, fmt: str, flags: tuple[str, ...]
) -> None:
    _same_as_uncached(invoke, "export", "--events", str(root), "--format", fmt, *flags)


TIMELINES = [(), ("--lanes", "actor"), ("--lanes", "tag"), ("--group-by", "member")]


@pytest.mark.parametrize("mode", TIMELINES, ids=lambda mode: " ".join(mode) or "vertical")
@pytest.mark.parametrize("flags", [*FILTERS, ("--reverse", "-n", "4")], ids=" ".join)
def test_a_streamed_timeline_equals_the_uncached_one(
    invoke: Any, root: Path, mode: tuple[str, ...], flags: tuple[str, ...]
) -> None:
    _same_as_uncached(invoke, "timeline", "--events", str(root), "--width", "90", *mode, *flags)


@pytest.mark.parametrize("fmt", list(SHOW_FORMATS))
def test_every_show_format_from_the_index_equals_the_uncached_one(
    invoke: Any, root: Path, fmt: str
) -> None:
    _same_as_uncached(invoke, "show", "--events", str(root), "--format", fmt, "--actor", "Iran")


def test_the_streamed_formats_render_as_the_library_does(root: Path) -> None:
    """Each format's pieces are its `render` text, for the events from the index too."""
    from chrono.render.options import RenderOptions

    for name, fmt in EXPORT_FORMATS.items():
        module = importlib.import_module(fmt.module)
        full = select_collection([str(root)], Filter(), cache=False)
        options = RenderOptions(registry=full.registry, sources=full.sources)
        truth = module.render(full.events, options)
        select_collection([str(root)], Filter(), cache=True)  # build the index
        with streaming_selection([str(root)], Filter(), cache=True) as streamed:
            assert "".join(module.chunks(streamed.events, options)) == truth, name


def _same_as_uncached(invoke: Any, *args: str) -> None:
    truth = invoke(*args, "--no-cache")
    for _ in range(2):  # building the index, then reading it
        run = invoke(*args)
        assert (run.exit_code, run.stdout, run.stderr) == (
            truth.exit_code,
            truth.stdout,
            truth.stderr,
        )


def test_the_streamed_selection_reads_events_only_while_iterated(root: Path) -> None:
    flt = make_filter(["Iran"], [])
    full = select_collection([str(root)], flt)
    select_collection([str(root)], flt, cache=True)  # build the index
    with streaming_selection([str(root)], flt, cache=True) as streamed:
        assert isinstance(streamed.events, IndexedEvents)
        assert list(streamed.events) == full.events
        assert streamed.problems == full.problems
        assert streamed.events[1] == full.events[1]
        assert list(streamed.events[1:3]) == full.events[1:3]


def test_an_event_found_damaged_while_streaming_stops_the_export_cleanly(
    invoke: Any, root: Path
) -> None:
    import sqlite3

    from chrono.index.rows import number, seal
    from chrono.index.store import database_for

    args = ("export", "--events", str(root), "--format", "csv")
    truth = invoke(*args, "--no-cache")
    assert invoke(*args).stdout == truth.stdout
    with sqlite3.connect(database_for(str(root))) as db:  # re-sealed: only a forger could
        n, file, seq, ident, head = db.execute(
            "SELECT n, file, seq, id, head FROM events ORDER BY n LIMIT 1"
        ).fetchone()
        data = b'{"~type": "Event"}'
        crc = seal(number(n), file, number(seq), ident, data, head)
        db.execute("UPDATE events SET data = ?, crc = ? WHERE n = ?", (data, crc, n))
    damaged = invoke(*args)
    assert damaged.exit_code == 2
    assert damaged.stderr.endswith(
        "chrono: error: the index cache was damaged while it was read and has been removed; "
        "run the command again\n"
    )
    assert not database_for(str(root)).exists()
    assert invoke(*args).stdout == truth.stdout


@pytest.mark.parametrize("command", [("export", "--format", "ics"), ("timeline",)])
def test_damage_found_while_streaming_leaves_no_output_file(
    invoke: Any, root: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    import sqlite3

    from chrono.index.rows import number, seal
    from chrono.index.store import database_for

    args = (*command, "--events", str(root))
    assert invoke(*args).exit_code == 0  # builds the index
    with sqlite3.connect(database_for(str(root))) as db:  # the last row: found late
        n, file, seq, ident, head = db.execute(
            "SELECT n, file, seq, id, head FROM events ORDER BY n DESC LIMIT 1"
        ).fetchone()
        data = b'{"~type": "Event"}'
        crc = seal(number(n), file, number(seq), ident, data, head)
        db.execute("UPDATE events SET data = ?, crc = ? WHERE n = ?", (data, crc, n))
    out = tmp_path / "out.ics"
    extra = ("-o", str(out)) if command[0] == "export" else ()
    damaged = invoke(*args, *extra)
    assert damaged.exit_code == 2
    assert damaged.stdout == ""
    assert damaged.stderr.endswith("run the command again\n")
    assert not out.exists()
    assert not database_for(str(root)).exists()
