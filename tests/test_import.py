"""`chrono import`: dry run, writing, duplicates, refused rows, hostile input, the options."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ACTORS, SAMPLE, SOURCES

FIXTURES = Path(__file__).resolve().parent / "import_fixtures"
AWKWARD_MAP = ["--map", "date=When", "--map", "title=Headline", "--map", "actors=Who"]
AWKWARD_MAP += ["--map", "tags=Tags", "--map", "url=Link", "--map", "summary=Note"]


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def target(tmp_path: Path) -> Path:
    folder = tmp_path / "collection"
    folder.mkdir()
    (folder / "sources.toml").write_text(SOURCES, encoding="utf-8")
    (folder / "actors.toml").write_text(ACTORS, encoding="utf-8")
    return folder


def test_dry_run_prints_the_events_and_writes_nothing(invoke: Any, target: Path) -> None:
    before = files_under(target)
    result = invoke(
        "import", str(FIXTURES / "acled.csv"), "--from", "acled", "--into", str(target), "--dry-run"
    )
    assert result.exit_code == 0, result.stderr
    assert f"# would write {target}/2016/acled.toml (3 events)" in result.stdout
    assert 'id = "syr1001"' in result.stdout
    assert "chrono: 3 rows read, would add 3 events" in result.stderr
    assert files_under(target) == before


def test_without_into_nothing_is_written(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("import", str(FIXTURES / "jrnl.json"), "--from", "jrnl")
    assert "# would write events/2016/jrnl.toml (2 events)" in result.stdout
    assert not (tmp_path / "events").exists()


def test_events_names_the_collection_a_dry_run_compares_with(invoke: Any, target: Path) -> None:
    """`import` had no --events: a dry run against another collection needed $CHRONO_EVENTS."""
    args = ("import", str(FIXTURES / "acled.csv"), "--from", "acled")
    assert invoke(*args, "--into", str(target)).exit_code == 0
    before = files_under(target)
    again = invoke(*args, "--events", str(target))
    assert again.exit_code == 0, again.stderr
    assert "would add 0 events, 3 skipped as already there" in again.stderr
    assert files_under(target) == before
    both = invoke(*args, "--events", str(target), "--into", str(target.parent / "other"))
    assert both.exit_code == 2
    assert "give it or --events, not both" in both.stderr


def test_into_writes_files_that_check_accepts(invoke: Any, target: Path) -> None:
    result = invoke("import", str(FIXTURES / "acled.csv"), "--from", "acled", "--into", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == f"{target}/2016/acled.toml"
    assert "added 3 events" in result.stderr
    check = invoke("check", "--events", str(target))
    assert check.exit_code == 0, check.stdout + check.stderr
    assert "error[" not in check.stdout  # only warnings: actors the registry lacks


def test_importing_twice_adds_nothing(invoke: Any, target: Path) -> None:
    args = ("import", str(FIXTURES / "acled.csv"), "--from", "acled", "--into", str(target))
    invoke(*args)
    before = files_under(target)
    again = invoke(*args)
    assert again.exit_code == 0
    assert "added 0 events, 3 skipped as already there" in again.stderr
    assert (
        f"acled.csv:2: warning[duplicate-row]: already in the collection ({target}/2016/acled.toml)"
        in again.stderr
    )
    assert files_under(target) == before


def test_a_refused_row_stops_the_import(invoke: Any, target: Path) -> None:
    before = files_under(target)
    result = invoke("import", str(FIXTURES / "jrnl.json"), "--from", "jrnl", "--into", str(target))
    assert result.exit_code == 1
    assert "jrnl.json:3: error[bad-date]: entry #3: no 'date'" in result.stderr
    assert "nothing was written" in result.stderr
    assert files_under(target) == before


def test_partial_imports_the_other_rows_and_still_fails(invoke: Any, target: Path) -> None:
    args = (
        "import",
        str(FIXTURES / "jrnl.json"),
        "--from",
        "jrnl",
        "--into",
        str(target),
        "--partial",
    )
    result = invoke(*args)
    assert result.exit_code == 1
    assert "jrnl.json:3: error[bad-date]" in result.stderr
    assert "added 2 events, 1 row refused" in result.stderr
    assert invoke("check", "--events", str(target)).exit_code == 0


def test_awkward_csv(invoke: Any, target: Path) -> None:
    """BOM, CRLF, a quoted newline, blank cells, partial dates, a formula, a duplicate row,
    a blank line and a blank date, in one file."""
    args = ("import", str(FIXTURES / "awkward.csv"), "--from", "csv", *AWKWARD_MAP)
    result = invoke(*args, "--into", str(target), "--partial")
    assert result.exit_code == 1
    assert "awkward.csv:6: error[missing-field]: event has no 'date' (required)" in result.stderr
    assert "awkward.csv:7: warning[duplicate-row]: a duplicate of row 2" in result.stderr
    assert "added 4 events" in result.stderr
    text = (target / "2016" / "awkward.toml").read_text(encoding="utf-8")
    assert 'title = "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"' in text  # text, as written
    assert 'summary = "Talks in Moscow,\\nover two days."' in text  # CRLF inside a cell -> \n
    assert 'date = "2016-04"' in text and 'date = "2016"' in text  # the precision written
    assert 'date = "2016-04-18~/2016-04-24"' in text
    assert "\ufeff" not in text


def test_non_utf8_is_a_clear_error(invoke: Any, target: Path) -> None:
    result = invoke("import", str(FIXTURES / "latin1.csv"), "--from", "csv", "--into", str(target))
    assert result.exit_code == 1
    assert "latin1.csv:2: error[not-text]: not UTF-8 (byte 0xe9 at line 2)" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_control_characters_never_reach_the_terminal(invoke: Any, tmp_path: Path) -> None:
    sheet = tmp_path / "evil.csv"
    sheet.write_text(
        "date,title,summary\n2016,Title \x1b[31mred,bad\x07 bell\n2016x,\x1b]0;x\x07,\n",
        encoding="utf-8",
    )
    result = invoke("import", str(sheet), "--from", "csv")
    assert "\x1b" not in result.stdout + result.stderr
    assert "\x07" not in result.stdout + result.stderr
    assert "Title \\u001b[31mred" in result.stdout  # TOML's own escape


def test_ids_are_made_unique_and_files_never_overwritten(
    invoke: Any, target: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "notes.csv"
    sheet.write_text(
        "date,title,url\n2016-04-27,Talks,https://example.org/a\n2016-04-27,Talks,https://example.org/b\n",
        encoding="utf-8",
    )
    (target / "2016").mkdir()
    (target / "2016" / "notes.toml").write_text("# someone else's file\n", encoding="utf-8")
    result = invoke("import", str(sheet), "--from", "csv", "--into", str(target))
    assert result.exit_code == 0, result.stderr
    assert (target / "2016" / "notes.toml").read_text(encoding="utf-8") == "# someone else's file\n"
    text = (target / "2016" / "notes-2.toml").read_text(encoding="utf-8")
    assert 'id = "talks-2016-04-27"' in text and 'id = "talks-2016-04-27-2"' in text


def test_an_id_taken_in_the_collection_gets_a_counter(invoke: Any, target: Path) -> None:
    invoke("import", str(FIXTURES / "acled.csv"), "--from", "acled", "--into", str(target))
    sheet = target.parent / "other.csv"
    sheet.write_text(
        "id,date,title,url\nSYR1001,2020,Another,https://example.org/x\n", encoding="utf-8"
    )
    result = invoke("import", str(sheet), "--from", "csv", "--into", str(target))
    assert result.exit_code == 0, result.stderr
    assert 'id = "syr1001-2"' in (target / "2020" / "other.toml").read_text(encoding="utf-8")


def test_source_option_cites_a_bibliography_key(invoke: Any, target: Path) -> None:
    args = ("import", str(FIXTURES / "jrnl.json"), "--from", "jrnl", "--into", str(target))
    result = invoke(*args, "--source", "article", "--partial")
    assert 'ref = "article"' in (target / "2016" / "jrnl.toml").read_text(encoding="utf-8")
    assert result.exit_code == 1  # entry 3 still has no date


def test_unknown_actors_are_listed_and_drafted(invoke: Any, target: Path) -> None:
    args = ("import", str(FIXTURES / "acled.csv"), "--from", "acled", "--into", str(target))
    result = invoke(*args, "--dry-run", "--add-actors")
    assert "actors not in actors.toml: Islamic State (Syria)" in result.stderr
    assert '[islamic-state-syria]\nname = "Islamic State (Syria)"' in result.stdout
    invoke(*args, "--add-actors")
    actors = (target / "actors.toml").read_text(encoding="utf-8")
    assert actors.startswith(ACTORS)  # what was there stays as it was
    check = invoke("check", "--events", str(target), "--strict")
    assert check.exit_code == 0, check.stdout + check.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "excel"], "unknown format 'excel' (choose from: csv, timelinejs-sheet"),
        (["--from", "csv", "--map", "date"], "--map 'date': expected FIELD=COLUMN"),
        (["--from", "csv", "--source", "nowhere"], "--source 'nowhere' is neither a key"),
        (["--from", "acled", "--map", "date=When"], "--map applies to --from csv only"),
    ],
)
def test_usage_errors(invoke: Any, target: Path, args: list[str], message: str) -> None:
    result = invoke("import", str(FIXTURES / "awkward.csv"), "--into", str(target), *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_missing_file_is_a_usage_error(invoke: Any, tmp_path: Path) -> None:
    result = invoke("import", str(tmp_path / "nope.csv"), "--from", "csv")
    assert result.exit_code == 2
    assert "nope.csv: no such file" in result.stderr


def test_a_map_to_a_missing_column_names_the_columns(invoke: Any, target: Path) -> None:
    result = invoke("import", str(FIXTURES / "awkward.csv"), "--from", "csv", "--map", "date=Wen")
    assert result.exit_code == 1
    assert (
        "awkward.csv:1: error[missing-field]: --map date=Wen: no such column (columns: When, Headline"
        in result.stderr
    )


def test_an_empty_file(invoke: Any, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    result = invoke("import", str(empty), "--from", "csv")
    assert result.exit_code == 1
    assert "empty.csv:1: error[empty-file]" in result.stderr


def test_into_an_empty_new_folder(invoke: Any, tmp_path: Path) -> None:
    folder = tmp_path / "new"
    result = invoke(
        "import",
        str(FIXTURES / "timesketch.jsonl"),
        "--from",
        "timesketch",
        "--into",
        str(folder),
        "--partial",
    )
    assert (folder / "2015" / "timesketch.toml").exists()
    assert "timesketch.jsonl:3: error[syntax]" in result.stderr


def test_the_sample_collection_stays_untouched(invoke: Any, tmp_path: Path) -> None:
    copy = tmp_path / "events"
    shutil.copytree(SAMPLE, copy)
    before = files_under(copy)
    exported = tmp_path / "all.json"
    invoke("export", "--events", str(copy), "--format", "json", "-o", str(exported))
    result = invoke("import", str(exported), "--from", "chrono-json", "--into", str(copy))
    assert result.exit_code == 0
    assert "added 0 events, 10 skipped as already there" in result.stderr
    assert files_under(copy) == before


def test_every_import_format_has_a_readme_section() -> None:
    from chrono.importers import IMPORT_FORMATS
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### `chrono import`") : readme.index("## The index cache")]
    for name in IMPORT_FORMATS:
        assert f"| `{name}` |" in section
        assert f"#### `{name}`" in section
        assert f"--from {name}" in section


def test_a_failed_write_takes_back_the_files_it_made(invoke: Any, target: Path) -> None:
    sheet = target.parent / "two-years.csv"
    sheet.write_text(
        "date,title,url\n2015,First,https://example.org/1\n2016,Second,https://example.org/2\n",
        encoding="utf-8",
    )
    (target / "2016").write_text("not a folder\n", encoding="utf-8")
    before = files_under(target)
    result = invoke("import", str(sheet), "--from", "csv", "--into", str(target))
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "nothing was written" in result.stderr
    assert files_under(target) == before
    assert not (target / "2015").exists()


def test_a_file_with_no_events_says_so(invoke: Any, tmp_path: Path) -> None:
    notes = tmp_path / "notes.mw"
    notes.write_text("Just some notes, no dates.\n", encoding="utf-8")
    result = invoke("import", str(notes), "--from", "markwhen")
    assert f"chrono: warning: no events found in {notes} as markwhen" in result.stderr


def test_a_row_longer_than_the_header_is_refused(invoke: Any, tmp_path: Path) -> None:
    """Cells past the header cannot be placed: the row is refused, not silently cut; empty
    trailing cells (a trailing comma) are fine."""
    sheet = tmp_path / "long.csv"
    sheet.write_text(
        "date,title,url\n2016,A,https://example.org/a,\n2016,B,https://example.org/b, oops\n",
        encoding="utf-8",
    )
    result = invoke("import", str(sheet), "--from", "csv")
    assert "long.csv:3: error[bad-value]: 4 cells, but the header names 3 columns" in result.stderr
    assert "would add 1 event" in result.stderr


def test_regression_a_refused_import_creates_no_folder(invoke: Any, tmp_path: Path) -> None:
    """`--into` a folder that does not exist yet: when nothing is written, it is not made."""
    new = tmp_path / "new-collection"
    result = invoke("import", str(FIXTURES / "jrnl.json"), "--from", "jrnl", "--into", str(new))
    assert result.exit_code == 1
    assert not new.exists()
