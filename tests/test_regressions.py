"""One regression test per bug found in review, named after it."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path
from typing import Any

import pytest

from chrono.dates import DateError, parse_edtf
from tests.conftest import SOURCES, MakeCollection, event_toml

HOUR_AGO = time.time() - 3600


def ids(invoke: Any, *args: str) -> list[str]:
    result = invoke("show", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return [e["id"] for e in json.loads(result.stdout)]


def test_every_event_sharing_an_id_is_refused(invoke: Any, make_collection: MakeCollection) -> None:
    root = make_collection(
        {
            "sources.toml": SOURCES,
            "a.toml": event_toml("Real", id='"x"'),
            "b.toml": event_toml("Copy", id='"x"'),
        }
    )
    out = invoke("check", "--events", str(root)).stdout
    assert (
        f"{root}/a.toml:3: error[duplicate-id]: duplicate id 'x': also used in {root}/b.toml" in out
    )
    assert (
        f"{root}/b.toml:3: error[duplicate-id]: duplicate id 'x': also used in {root}/a.toml" in out
    )
    assert ids(invoke, "--events", str(root)) == []


def test_a_source_key_defined_twice_is_ambiguous_not_silently_first(
    invoke: Any, tmp_path: Path
) -> None:
    for name, title in (("m1", "One"), ("m2", "Two")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "sources.toml").write_text(f'[article]\ntitle = "{title}"\n')
        (tmp_path / name / f"{name}.toml").write_text(event_toml(f"From {name}"))
    result = invoke("check", "--events", str(tmp_path / "m1"), "--events", str(tmp_path / "m2"))
    assert result.exit_code == 1
    assert (
        "error[duplicate-source]: source 'article' is already defined differently" in result.stdout
    )
    assert "error[ambiguous-source-ref]: source ref 'article' is ambiguous" in result.stdout


def test_overlapping_folders_load_each_file_once(
    invoke: Any, make_collection: MakeCollection
) -> None:
    root = make_collection({"sources.toml": SOURCES, "2016/a.toml": event_toml()})
    result = invoke(
        "check", "--events", str(root), "--events", str(root / "2016"), "--events", f"{root}/"
    )
    assert result.exit_code == 0, result.output
    assert "OK: 1 valid event in " in result.stderr


def test_a_link_loop_does_not_crash_the_scan(invoke: Any, make_collection: MakeCollection) -> None:
    root = make_collection({"sources.toml": SOURCES, "a.toml": event_toml()})
    (root / "loop").symlink_to(root, target_is_directory=True)
    result = invoke("check", "--events", str(root))
    assert result.exit_code == 0, result.output


def test_an_unusable_cache_folder_falls_back_quietly(
    invoke: Any, make_collection: MakeCollection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_collection({"sources.toml": SOURCES, "a.toml": event_toml()})
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("CHRONO_CACHE_DIR", str(blocker / "cache"))
    assert ids(invoke, "--events", str(root)) == ["a"]


def test_swapped_files_with_kept_size_and_mtime_are_seen(
    invoke: Any, make_collection: MakeCollection
) -> None:
    root = make_collection(
        {"sources.toml": SOURCES, "c.toml": event_toml("Title C"), "d.toml": event_toml("Title D")}
    )
    for path in root.glob("*.toml"):
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    result = invoke("show", "--events", str(root), "--format", "json")
    assert [e["title"] for e in json.loads(result.stdout)] == ["Title C", "Title D"]
    (root / "c.toml").rename(root / "tmp")
    (root / "d.toml").rename(root / "c.toml")
    (root / "tmp").rename(root / "d.toml")
    result = invoke("show", "--events", str(root), "--format", "json")
    assert [(e["id"], e["title"]) for e in json.loads(result.stdout)] == [
        ("c", "Title D"),
        ("d", "Title C"),
    ]


@pytest.mark.parametrize("reader", ["rtoml", "tomllib"])
def test_a_byte_order_mark_is_not_an_error(
    invoke: Any, make_collection: MakeCollection, monkeypatch: pytest.MonkeyPatch, reader: str
) -> None:
    from chrono.load import forget_reader

    root = make_collection(
        {"sources.toml": SOURCES, "a.toml": b"\xef\xbb\xbf" + event_toml().encode()}
    )
    monkeypatch.setenv("CHRONO_TOML_READER", reader)
    forget_reader()
    try:
        result = invoke("check", "--events", str(root), "--no-cache")
    finally:
        forget_reader()
    assert result.exit_code == 0, result.output


def test_new_files_are_readable_by_others(
    invoke: Any, make_collection: MakeCollection, tmp_path: Path
) -> None:
    root = make_collection({"sources.toml": SOURCES})
    old = os.umask(0o022)
    try:
        result = invoke(
            "add", "--events", str(root), "--date", "2016", "--title", "T", "--source", "article"
        )
        assert result.exit_code == 0, result.output
        assert stat.S_IMODE((root / "2016" / "t.toml").stat().st_mode) == 0o644
        out = tmp_path / "out.md"
        assert invoke("export", "--events", str(root), "-o", str(out)).exit_code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
    finally:
        os.umask(old)


def test_force_keeps_the_mode_and_writes_through_a_link(
    invoke: Any, make_collection: MakeCollection, tmp_path: Path
) -> None:
    root = make_collection({"sources.toml": SOURCES, "a.toml": event_toml()})
    real = tmp_path / "real.md"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert invoke("export", "--events", str(root), "-o", str(link), "--force").exit_code == 0
    assert link.is_symlink()
    assert real.read_text().startswith("# Chronology")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


@pytest.mark.parametrize("text", ["٢٠١٦-٠٤-٢٧", "２０１６", "2016-０4"])
def test_edtf_digits_are_ascii(text: str) -> None:
    with pytest.raises(DateError):
        parse_edtf(text)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "notaurl", "https://e.org/a> <img src=x onerror=alert(1)>"]
)
def test_source_urls_must_be_plain_web_addresses(
    invoke: Any, make_collection: MakeCollection, url: str
) -> None:
    text = event_toml().replace('ref = "article"', f'title = "T"\nurl = {json.dumps(url)}')
    root = make_collection({"a.toml": text})
    result = invoke("check", "--events", str(root))
    assert result.exit_code == 1
    assert "error[bad-value]: url" in result.stdout
    assert "is not a web address" in result.stdout


def test_deep_nesting_is_a_syntax_problem(invoke: Any, make_collection: MakeCollection) -> None:
    root = make_collection({"a.toml": "a = " + "[" * 100_000 + "]" * 100_000 + "\n"})
    result = invoke("check", "--events", str(root), "--no-cache")
    assert result.exit_code == 1
    assert "error[syntax]" in result.stdout


def test_mixed_list_message_names_the_odd_item(
    invoke: Any, make_collection: MakeCollection
) -> None:
    root = make_collection({"sources.toml": SOURCES, "a.toml": event_toml(actors='["a", 3]')})
    out = invoke("check", "--events", str(root)).stdout
    assert "'actors' must be a list of strings, not a list holding a number" in out


def test_duplicate_table_message_names_the_table(
    invoke: Any, make_collection: MakeCollection
) -> None:
    root = make_collection({"sources.toml": '[dup]\ntitle = "a"\n[dup]\ntitle = "b"\n'})
    out = invoke("check", "--events", str(root), "--no-cache").stdout
    assert "Cannot declare [dup] twice" in out


def test_timeline_gutter_is_as_wide_as_the_layout_needs() -> None:
    # Found by the timeline's property test: text pushed starts apart so the layout used
    # more gutter columns than the estimate from time alone, and painting overran the grid.
    from chrono.model import Citation, Event, Source
    from chrono.render.options import RenderOptions
    from chrono.timeline import render

    cite = (Citation(Source(title="An article")),)
    texts = [
        "0001-01",
        "0001-01",
        "0001-01-01",
        "Y170000002",
        "Y170000002",
        "0001-01",
        "0001-01/0001-02",
    ]
    events = sorted(
        (Event(f"e{i}", parse_edtf(t), f"<0{i}> ", cite) for i, t in enumerate(texts)),
        key=Event.sort_key,
    )
    out = render(events, RenderOptions(width=30))
    assert all(len(line) <= 30 for line in out.splitlines())
    assert all(f"<0{i}>" in out for i in range(7))


def test_a_file_dated_after_2262_does_not_break_the_cache(
    invoke: Any, make_collection: MakeCollection
) -> None:
    root = make_collection({"sources.toml": SOURCES, "a.toml": event_toml()})
    far = 10_500_000_000  # seconds: the year 2302, past a signed 64-bit count of nanoseconds
    os.utime(root / "a.toml", (far, far))
    assert ids(invoke, "--events", str(root)) == ["a"]
    assert ids(invoke, "--events", str(root)) == ["a"]


def test_a_file_name_that_is_not_utf8_works_with_the_cache(
    invoke: Any, make_collection: MakeCollection
) -> None:
    root = make_collection({"sources.toml": SOURCES})
    with open(os.path.join(os.fsencode(root), b"\xfeok.toml"), "wb") as handle:
        handle.write(event_toml().encode())
    first = invoke("check", "--events", str(root))
    second = invoke("check", "--events", str(root))
    assert first.exit_code == second.exit_code == 0, first.output
    assert "OK: 1 valid event in " in second.stderr
    assert invoke("export", "--events", str(root), "--format", "ics").exit_code == 0


def test_add_survives_unwritable_places(invoke: Any, make_collection: MakeCollection) -> None:
    root = make_collection({"sources.toml": SOURCES})
    (root / "2016").write_text("a file where the year folder should be")
    result = invoke(
        "add", "--events", str(root), "--date", "2016", "--title", "T", "--source", "article"
    )
    assert result.exit_code == 1
    assert "chrono: error:" in result.stderr and "nothing was written" in result.stderr
    assert result.stderr.count("nothing was written") == 1


def test_add_sees_an_escaped_id_held_by_a_broken_event(
    invoke: Any, make_collection: MakeCollection
) -> None:
    broken = event_toml("Broken", date='"2016-13-01"', id='"h\\u0065ld"')
    root = make_collection({"sources.toml": SOURCES, "broken.toml": broken})
    args = ("--date", "2016", "--title", "X", "--id", "held", "--source", "article")
    result = invoke("add", "--events", str(root), *args)
    assert result.exit_code == 1
    assert "duplicate id 'held'" in result.stderr


def test_add_refuses_an_ambiguous_source(invoke: Any, tmp_path: Path) -> None:
    for name, title in (("m1", "One"), ("m2", "Two")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "sources.toml").write_text(f'[article]\ntitle = "{title}"\n')
    folders = ("--events", str(tmp_path / "m1"), "--events", str(tmp_path / "m2"))
    result = invoke("add", *folders, "--date", "2016", "--title", "T", "--source", "article")
    assert result.exit_code == 1
    assert "--source 'article' is ambiguous" in result.stderr


def test_markdown_keeps_ampersands_and_tildes_literal() -> None:
    from chrono.render.markdown import escape

    assert escape("AT&amp;T ~~struck~~") == "AT\\&amp;T \\~\\~struck\\~\\~"


def test_overlapping_folders_give_the_same_answer_in_any_order(
    invoke: Any, make_collection: MakeCollection
) -> None:
    root = make_collection(
        {"sources.toml": SOURCES, "a.toml": event_toml(), "sub/x.toml": event_toml(id='"a"')}
    )
    (root / "sub" / "link.toml").symlink_to(root / "a.toml")
    one = invoke("check", "--events", str(root), "--events", str(root / "sub"))
    two = invoke("check", "--events", str(root / "sub"), "--events", str(root))
    assert one.exit_code == two.exit_code == 1
    assert one.stdout.count("duplicate-id") == two.stdout.count("duplicate-id") == 2


def test_a_damaged_summary_in_the_index_is_recomputed(
    invoke: Any, make_collection: MakeCollection
) -> None:
    import sqlite3

    from chrono.index.store import database_for

    root = make_collection({"sources.toml": SOURCES, "a.toml": event_toml()})
    for path in root.glob("*.toml"):
        os.utime(path, (HOUR_AGO, HOUR_AGO))
    assert ids(invoke, "--events", str(root)) == ["a"]
    db = sqlite3.connect(database_for(str(root)))
    db.execute("UPDATE meta SET value = '{}' WHERE key = 'summary'")
    db.commit()
    db.close()
    assert invoke("check", "--events", str(root)).exit_code == 0
    assert ids(invoke, "--events", str(root), "--actor", "x") == []
