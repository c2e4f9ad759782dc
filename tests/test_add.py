"""`chrono add`: validated first, written atomically, never overwriting, nothing on error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ACTORS, SOURCES, MakeCollection, event_toml


@pytest.fixture
def root(make_collection: MakeCollection) -> Path:
    return make_collection(
        {"sources.toml": SOURCES, "actors.toml": ACTORS, "2016/existing.toml": event_toml()}
    )


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file and folder with its content and mode: what "nothing changed" means."""
    return {
        str(p): (p.read_bytes() if p.is_file() else b"", p.stat().st_mode)
        for p in sorted(root.rglob("*"))
    }


def add(invoke: Any, root: Path, *args: str) -> Any:
    return invoke("add", "--events", str(root), *args)


def test_add_round_trips(invoke: Any, root: Path) -> None:
    result = add(
        invoke, root, "--date", "27 April 2016", "--title", "Dehghan meets Shoigu",
        "--actor", "Iran", "--tag", "diplomacy", "--source", "article", "--quote", "they met",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    path = root / "2016" / "dehghan-meets-shoigu.toml"
    assert result.stdout.strip() == str(path)
    text = path.read_text()
    assert 'date = "2016-04-27"' in text
    shown = json.loads(invoke("show", "--events", str(root), "--format", "json").stdout)
    assert [e["id"] for e in shown] == ["existing", "dehghan-meets-shoigu"]
    assert invoke("check", "--events", str(root)).exit_code == 0


@pytest.mark.parametrize(
    ("written", "edtf"), [("2016-04-27", "2016-04-27"), ("April 2016", "2016-04"), ("2016", "2016")]
)
def test_written_dates_keep_their_precision(
    invoke: Any, root: Path, written: str, edtf: str
) -> None:
    result = add(
        invoke, root, "--date", written, "--title", "T", "--source", "article", "--dry-run"
    )
    assert result.exit_code == 0, result.output
    assert f'date = "{edtf}"' in result.stdout


def test_phrase_resolved_against_the_source_not_today(invoke: Any, root: Path) -> None:
    args = ("--date", "next week", "--title", "Meeting", "--source", "article", "--dry-run")
    result = add(invoke, root, *args)
    assert result.exit_code == 0, result.output
    assert 'date = "2016-04-25/2016-05-01"' in result.stdout
    assert 'date_text = "next week"' in result.stdout


def test_phrase_without_a_dated_source_is_refused(invoke: Any, root: Path) -> None:
    before = snapshot(root)
    args = ("--date", "next week", "--title", "T", "--source", "https://example.org/x")
    result = add(invoke, root, *args)
    assert result.exit_code == 1
    assert "never resolves dates against today" in result.stderr
    assert snapshot(root) == before


def test_existing_id_is_refused_and_nothing_changes(invoke: Any, root: Path) -> None:
    before = snapshot(root)
    args = ("--date", "2016", "--title", "T", "--source", "article", "--id", "existing")
    result = add(invoke, root, *args)
    assert result.exit_code == 1
    assert "duplicate id 'existing'" in result.stderr
    assert snapshot(root) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--date", "2016-02-30", "--title", "T", "--source", "article"), "is not EDTF"),
        (("--date", "31 April 2016", "--title", "T", "--source", "article"), "no such date"),
        (("--date", "2016", "--title", "T", "--source", "nokey"), "neither a key in sources.toml"),
        (
            ("--date", "2016", "--title", "T", "--source", "article", "--id", "Bad Id"),
            "may use only",
        ),
        (("--date", "2016", "--title", "T", "--source", "article", "--status", "maybe"), "status"),
    ],
)
def test_errors_leave_disk_unchanged(
    invoke: Any, root: Path, args: tuple[str, ...], message: str
) -> None:
    before = snapshot(root)
    result = add(invoke, root, *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "nothing was written" in result.stderr
    assert snapshot(root) == before


def test_missing_values_without_a_terminal_name_the_flags(invoke: Any, root: Path) -> None:
    result = add(invoke, root, "--title", "T")
    assert result.exit_code == 2
    assert "missing --date, --source" in result.stderr


def test_inline_url_source(invoke: Any, root: Path) -> None:
    result = add(
        invoke, root, "--date", "2016-04-20", "--title", "Inline", "--source",
        "https://example.org/b", "--source-title", "B", "--publisher", "P",
        "--published", "20 April 2016",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (root / "2016" / "inline.toml").read_text()
    assert 'url = "https://example.org/b"' in text
    assert 'published = "2016-04-20"' in text


def test_unknown_actor_warns_but_adds(invoke: Any, root: Path) -> None:
    args = ("--date", "2016", "--title", "T", "--source", "article", "--actor", "Nobody")
    result = add(invoke, root, *args)
    assert result.exit_code == 0
    assert "actor 'Nobody' is not in actors.toml" in result.stderr


@pytest.mark.parametrize(
    ("phrase", "edtf"),
    [("in 2007", "2007"), ("mid-2016", "2016-05/2016-08"), ("in April 2016", "2016-04")],
)
def test_phrases_that_need_no_anchor_need_no_dated_source(
    invoke: Any, root: Path, phrase: str, edtf: str
) -> None:
    args = ("--date", phrase, "--title", "T", "--source", "https://example.org/x", "--dry-run")
    result = add(invoke, root, *args)
    assert result.exit_code == 0, result.output
    assert f'date = "{edtf}"' in result.stdout
    assert f'date_text = "{phrase}"' in result.stdout


def test_an_ancient_source_date_is_an_error_not_a_traceback(invoke: Any, root: Path) -> None:
    args = ("--date", "next week", "--title", "T", "--source", "https://example.org/x")
    result = add(invoke, root, *args, "--published", "-0100-03-15")
    assert result.exit_code == 1
    assert "outside years 1–9999" in result.stderr


def test_an_id_held_by_a_broken_event_is_refused(invoke: Any, root: Path) -> None:
    (root / "2015").mkdir()
    (root / "2015" / "talks.toml").write_text(event_toml("Talks", date='"2016-13"'))
    before = snapshot(root)
    result = add(invoke, root, "--date", "2016", "--title", "Talks", "--source", "article")
    assert result.exit_code == 1
    assert f"duplicate id 'talks': also used in {root}/2015/talks.toml" in result.stderr
    assert snapshot(root) == before
