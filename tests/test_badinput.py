"""The bad-input corpus (`tests/badinput/`): each case's `chrono check` output, exactly.

Every case runs without the cache, with a cold cache and with a warm one: the three must
print the same lines, and never a traceback.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).parent / "badinput"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected").is_file())


@pytest.fixture
def case_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_check(invoke: Any, *extra: str) -> Any:
    return invoke("check", "--events", "events", *extra)


@pytest.mark.parametrize("case", CASES)
def test_case(case: str, invoke: Any, case_dir: Path) -> None:
    shutil.copytree(CORPUS / case / "events", case_dir / "events", symlinks=True)
    expected = (CORPUS / case / "expected").read_text(encoding="utf-8").splitlines()
    summaries = set()
    for extra in (("--no-cache",), (), ()):  # uncached, cold cache, warm cache
        result = run_check(invoke, *extra)
        assert "Traceback" not in result.output
        assert result.stdout.splitlines() == expected, extra
        errors = any("error[" in line for line in expected)
        assert result.exit_code == (1 if errors else 0)
        summaries.add(result.stderr)
    assert len(summaries) == 1, summaries  # the same counts, valid events included


def test_corpus_is_not_empty() -> None:
    assert len(CASES) >= 1


@pytest.mark.parametrize("extra", [("--no-cache",), ()])
def test_an_event_refused_while_parsing_still_holds_its_id(
    extra: tuple[str, ...], invoke: Any, case_dir: Path
) -> None:
    shutil.copytree(CORPUS / "one-run-every-problem" / "events", case_dir / "events")
    result = invoke("show", "--events", "events", "--format", "json", *extra)
    assert result.stdout.strip() == "[]"  # sound.toml's "talks" is refused too
    assert "duplicate id 'talks'" in result.stderr


# Cases git cannot hold: built here, checked like the corpus (uncached, cold, warm).


def built_case(invoke: Any, root: Path, expected: list[str]) -> None:
    for extra in (("--no-cache",), (), ()):
        result = run_check(invoke, *extra)
        assert "Traceback" not in result.output
        assert result.stdout.splitlines() == expected, extra


@pytest.fixture
def events(case_dir: Path) -> Path:
    root = case_dir / "events"
    root.mkdir()
    shutil.copy(CORPUS / "one-run-every-problem" / "events" / "sources.toml", root)
    return root


def test_a_dangling_link_is_reported(invoke: Any, events: Path) -> None:
    (events / "gone.toml").symlink_to("moved-away.toml")
    built_case(
        invoke,
        events,
        [
            "events/gone.toml:1: warning[not-a-file]: a link to 'moved-away.toml', which "
            "does not exist; skipped"
        ],
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("name", ["x.toml", "actors.toml", "2016/y.toml"])
def test_a_fifo_is_reported_not_read(invoke: Any, events: Path, name: str) -> None:
    (events / name).parent.mkdir(exist_ok=True)
    os.mkfifo(events / name)
    message = "not a regular file (a FIFO); skipped"
    built_case(invoke, events, [f"events/{name}:1: warning[not-a-file]: {message}"])


def test_a_newline_in_a_file_name_stays_on_one_line(invoke: Any, events: Path) -> None:
    (events / "two\nlines.toml").write_text('date = "2016"\n', encoding="utf-8")
    built_case(
        invoke,
        events,
        [
            "events/two\\nlines.toml:1: error[missing-field]: event has no 'title' (required)",
            "events/two\\nlines.toml:1: error[no-source]: event cites no source: add a "
            "[[sources]] table",
        ],
    )


@pytest.mark.parametrize("case", CASES)
def test_every_command_survives_the_case(case: str, invoke: Any, case_dir: Path) -> None:
    """What `check` reports, the other commands skip with a warning: never a traceback."""
    from chrono.render import EXPORT_FORMATS, SHOW_FORMATS

    shutil.copytree(CORPUS / case / "events", case_dir / "events", symlinks=True)
    runs: list[tuple[str, ...]] = [("show", "--format", fmt) for fmt in SHOW_FORMATS]
    runs += [("export", "--format", fmt) for fmt in EXPORT_FORMATS]
    runs += [("timeline",), ("timeline", "--lanes", "actor")]
    for args in runs:
        result = invoke(*args, "--events", "events")
        assert result.exit_code == 0, (args, result.output)
        assert "Traceback" not in result.output


def test_the_index_answer_also_refuses_an_id_a_broken_event_holds(
    invoke: Any, events: Path
) -> None:
    (events / "actors.toml").write_text('[iran]\nname = "Iran"\n', encoding="utf-8")
    (events / "sound.toml").write_text(
        'id = "x"\ndate = "2016"\ntitle = "Sound"\nactors = ["Iran"]\n'
        '[[sources]]\nref = "article"\n',
        encoding="utf-8",
    )
    (events / "broken.toml").write_text('id = "x"\ndate = "2016-13"\n', encoding="utf-8")
    for extra in (("--no-cache",), (), ()):  # the index answers --actor on a warm cache
        result = invoke("show", "--events", "events", "--actor", "Iran", "-f", "json", *extra)
        assert result.stdout.strip() == "[]", extra
        assert "duplicate id 'x'" in result.stderr
