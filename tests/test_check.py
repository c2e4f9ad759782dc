"""`chrono check`: every problem in one run, as path:line: error[code]: message."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import ACTORS, SOURCES, MakeCollection, event_toml


def check(invoke: Any, root: Path, *extra: str) -> Any:
    return invoke("check", "--events", str(root), *extra)


def test_clean_collection_exits_zero(invoke: Any, make_collection: MakeCollection) -> None:
    root = make_collection({"sources.toml": SOURCES, "2016/a.toml": event_toml()})
    result = check(invoke, root)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "OK: 1 valid event in " in result.stderr


def test_every_problem_reported_in_one_run(invoke: Any, make_collection: MakeCollection) -> None:
    root = make_collection(
        {
            "sources.toml": SOURCES,
            "syntax.toml": 'title = "unterminated\n',
            "types.toml": event_toml(tags="3", status='"happened"'),
            "missing.toml": '# nothing but\ntitle = "No date"\n',
            "unknown.toml": event_toml(titel='"typo"'),
            "binary.toml": b"\x00\x01\x02",
            "empty.toml": "",
            "dup1.toml": event_toml(id='"same"'),
            "dup2.toml": event_toml(id='"same"'),
            "badref.toml": event_toml().replace('ref = "article"', 'ref = "nope"'),
            "baddate.toml": event_toml(date='"2019-02-29"'),
        }
    )
    result = check(invoke, root)
    assert result.exit_code == 1
    out = result.stdout
    r = str(root)
    assert f"{r}/syntax.toml:1: error[syntax]: TOML syntax error" in out
    assert (
        f"{r}/types.toml:3: error[wrong-type]: 'tags' must be a list of strings, not a number"
        in out
    )
    assert f"{r}/types.toml:4: error[bad-value]: status 'happened' is not one of" in out
    assert f"{r}/missing.toml:1: error[missing-field]: event has no 'date' (required)" in out
    assert f"{r}/missing.toml:1: error[no-source]: event cites no source" in out
    assert (
        f"{r}/unknown.toml:3: error[unknown-key]: unknown key 'titel'; did you mean 'title'?" in out
    )
    assert f"{r}/binary.toml:1: error[not-text]: binary file" in out
    assert f"{r}/empty.toml:1: error[empty-file]" in out
    assert (
        f"{r}/dup2.toml:3: error[duplicate-id]: duplicate id 'same': also used in {r}/dup1.toml"
        in out
    )
    assert (
        f"{r}/badref.toml:5: error[unknown-source-ref]: source ref 'nope' is not in sources.toml"
        in out
    )
    assert f"{r}/baddate.toml:1: error[bad-date]: 'date': " in out
    assert "Traceback" not in result.output


def test_syntax_error_has_line_and_column(invoke: Any, make_collection: MakeCollection) -> None:
    root = make_collection({"a.toml": 'date = "2016"\ntitle = \n'})
    result = check(invoke, root)
    assert f"{root}/a.toml:2: error[syntax]: TOML syntax error at column 9" in result.stdout


def test_many_events_file_locates_each_event(invoke: Any, make_collection: MakeCollection) -> None:
    text = """\
    [[events]]
    id = "one"
    date = "2016"
    title = "One"
    [[events.sources]]
    title = "Inline"

    [[events]]
    id = "two"
    date = "2016-13"
    title = "Two"
    [[events.sources]]
    title = "Inline"
    """
    root = make_collection({"bulk.toml": text})
    result = check(invoke, root)
    assert result.exit_code == 1
    assert f"{root}/bulk.toml:10: error[bad-date]" in result.stdout
    assert "1 valid event in " in result.stderr


def test_toml_date_literal_is_accepted(invoke: Any, make_collection: MakeCollection) -> None:
    root = make_collection({"sources.toml": SOURCES, "a.toml": event_toml(date="2016-04-27")})
    result = invoke("show", "--events", str(root), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["date"] == "2016-04-27"


def test_unknown_actor_is_a_warning_unless_strict(
    invoke: Any, make_collection: MakeCollection
) -> None:
    files = {
        "sources.toml": SOURCES,
        "actors.toml": ACTORS,
        "a.toml": event_toml(actors='["Nobody"]'),
    }
    root = make_collection(files)
    result = check(invoke, root)
    assert result.exit_code == 0
    assert (
        f"{root}/a.toml:3: warning[unknown-actor]: actor 'Nobody' is not in actors.toml"
        in result.stdout
    )
    assert check(invoke, root, "--strict").exit_code == 1


def test_json_format_lists_problems(invoke: Any, make_collection: MakeCollection) -> None:
    root = make_collection({"sources.toml": SOURCES, "a.toml": event_toml(date='"20050924"')})
    result = check(invoke, root, "--format", "json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    codes = {p["code"] for p in problems}
    assert codes == {"bad-date"}
    assert all(set(p) == {"file", "line", "severity", "code", "message"} for p in problems)


def test_missing_folder_is_a_usage_error(invoke: Any, tmp_path: Path) -> None:
    result = invoke("check", "--events", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_bibliography_and_registry_problems(invoke: Any, make_collection: MakeCollection) -> None:
    files = {
        "sources.toml": '[bad]\npublisher = "No title or url"\n[alsobad]\ntitel = "x"\n',
        "actors.toml": '[a]\nname = "A"\nmember_of = ["Ghost"]\n[b]\nname = "B"\naliases = ["A"]\n',
    }
    root = make_collection(files)
    out = check(invoke, root).stdout
    assert (
        f"{root}/sources.toml:1: error[missing-field]: source has neither 'title' nor 'url'" in out
    )
    assert (
        f"{root}/sources.toml:4: error[unknown-key]: unknown key 'titel'; did you mean 'title'?"
        in out
    )
    assert (
        f"{root}/actors.toml:3: error[unknown-actor]: 'A' is a member of unknown actor 'Ghost'"
        in out
    )
    assert (
        f"{root}/actors.toml:6: error[ambiguous-alias]: alias 'A' of 'B' already names 'A'" in out
    )


def test_env_var_chooses_collection(runner: Any, make_collection: MakeCollection) -> None:
    from chrono.cli import app

    root = make_collection({"sources.toml": SOURCES, "a.toml": event_toml()})
    result = runner.invoke(app, ["check"], env={"CHRONO_EVENTS": str(root)})
    assert result.exit_code == 0
    assert str(root) in result.stderr


def test_pure_python_reader_gives_the_same_problems(
    invoke: Any, make_collection: MakeCollection, monkeypatch: Any
) -> None:
    from chrono.load import forget_reader

    root = make_collection(
        {"sources.toml": SOURCES, "a.toml": 'date = "2016"\ntitle = \n', "b.toml": event_toml()}
    )
    fast = check(invoke, root, "--no-cache")
    monkeypatch.setenv("CHRONO_TOML_READER", "tomllib")
    forget_reader()
    try:
        slow = check(invoke, root, "--no-cache")
    finally:
        forget_reader()
    assert slow.stdout == fast.stdout
    assert f"{root}/a.toml:2: error[syntax]: TOML syntax error at column 9" in slow.stdout


def test_registry_duplicates_and_cycles(invoke: Any, make_collection: MakeCollection) -> None:
    actors = (
        '[a]\nname = "A"\nmember_of = ["B"]\n[b]\nname = "B"\nmember_of = ["A"]\n[a2]\nname = "A"\n'
    )
    root = make_collection({"actors.toml": actors})
    out = check(invoke, root).stdout
    assert (
        f"{root}/actors.toml:8: error[duplicate-actor]: actor 'A' is defined twice in this file (also [a])"
        in out
    )
    assert (
        f"{root}/actors.toml:3: warning[membership-cycle]: 'A' is, through membership, a member of itself"
        in out
    )


def test_an_empty_collection_is_not_reported_as_ok(invoke: Any, tmp_path: Path) -> None:
    result = invoke("check", "--events", str(tmp_path))
    assert result.exit_code == 0
    assert f"chrono: warning: no events in {tmp_path} (no *.toml files?)" in result.stderr
    assert "OK" not in result.stderr
