"""Issue 8, "what a new user tripped over": one regression test per finding."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SOURCES, MakeCollection, event_toml


@pytest.fixture
def open_start(make_collection: MakeCollection) -> Path:
    return make_collection(
        {
            "sources.toml": SOURCES,
            "moon.toml": event_toml("Moon speech", '"1961-05-25"'),
            "before.toml": event_toml("Renegotiated", '"../2016-01-16"'),
            "day.toml": event_toml("Implementation Day", '"2016-01-16"'),
            "month.toml": event_toml("A January", '"2016-01"'),
        }
    )


def test_an_open_start_is_placed_by_its_end(invoke: Any, open_start: Path) -> None:
    result = invoke("show", "--events", str(open_start), "--format", "json")
    assert [e["id"] for e in json.loads(result.stdout)] == ["moon", "month", "before", "day"]


def test_an_open_start_is_filed_under_its_end_year(invoke: Any, open_start: Path) -> None:
    result = invoke("export", "--events", str(open_start), "--format", "markdown")
    headings = [line for line in result.stdout.splitlines() if line.startswith("## ")]
    assert headings == ["## 1961", "## 2016"]


def test_html_lede_names_real_years(invoke: Any, open_start: Path) -> None:
    result = invoke("export", "--events", str(open_start), "--format", "html")
    assert "4 events, 1961–2016." in result.stdout
    assert "Until" not in result.stdout


@pytest.mark.parametrize("fmt", ["markdown", "html", "timelinejs"])
def test_a_place_ending_in_a_period_gets_no_second_one(
    invoke: Any, make_collection: MakeCollection, fmt: str
) -> None:
    body = event_toml(location='"Washington, D.C."', status='"planned"')
    root = make_collection({"sources.toml": SOURCES, "a.toml": body})
    result = invoke("export", "--events", str(root), "--format", fmt)
    assert "D.C.." not in result.stdout
    assert "Washington, D.C. Status: planned." in result.stdout


@pytest.mark.parametrize(
    ("name", "start"),
    [("x.html", "<!doctype html>"), ("x.ics", "BEGIN:VCALENDAR"), ("x.mmd", "timeline"),
     ("x.json", '{\n  "format": "chrono-export"'), ("x.md", "# Chronology"), ("x.HTM", "<!doctype")],
)  # fmt: skip
def test_export_infers_the_format_from_the_extension(
    invoke: Any, open_start: Path, tmp_path: Path, name: str, start: str
) -> None:
    target = tmp_path / name
    result = invoke("export", "--events", str(open_start), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text().startswith(start)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "html", "-o", "x.md"), "--format html writes .html files, not 'x.md'"),
        (("-o", "x.txt"), "cannot tell the format from '.txt'"),
        (("--format", "csv", "-o", "x.json"), "--format csv writes .csv files"),
    ],
)
def test_export_refuses_a_format_the_file_name_contradicts(
    invoke: Any, open_start: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    args = tuple(str(tmp_path / a) if a.startswith("x.") else a for a in args)
    result = invoke("export", "--events", str(open_start), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert list(tmp_path.glob("x.*")) == []


def test_export_timelinejs_may_write_json_files(
    invoke: Any, open_start: Path, tmp_path: Path
) -> None:
    target = tmp_path / "t.json"
    result = invoke("export", "--events", str(open_start), "-f", "timelinejs", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert '"events"' in target.read_text() and "chrono-export" not in target.read_text()


def test_ics_says_how_many_events_it_really_holds(
    invoke: Any, make_collection: MakeCollection, tmp_path: Path
) -> None:
    root = make_collection(
        {
            "sources.toml": SOURCES,
            "a.toml": event_toml(),
            "bce.toml": event_toml(date='"-0043"'),
            "far.toml": event_toml(date='"Y170000002"'),
        }
    )
    target = tmp_path / "x.ics"
    result = invoke("export", "--events", str(root), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text().count("BEGIN:VEVENT") == 1
    assert "2 of 3 events cannot be written as ics and are only named in it (bce, far)" in (
        result.stderr
    )
    assert "wrote 1 event to" in result.stderr
    piped = invoke("export", "--events", str(root), "--format", "ics")
    assert "2 of 3 events cannot be written as ics" in piped.stderr


MOON_ACTORS = """
[armstrong]
name = "Neil Armstrong"
aliases = ["Armstrong", "Neil"]
[jfk]
name = "John F. Kennedy"
aliases = ["JFK", "Kennedy"]
[houston]
name = "Mission Control"
aliases = ["Houston"]
"""


@pytest.fixture
def moon(make_collection: MakeCollection) -> Path:
    return make_collection(
        {
            "sources.toml": SOURCES,
            "actors.toml": MOON_ACTORS,
            "speech.toml": event_toml("Moon speech", '"1961-05-25"', actors='["JFK"]'),
            "landing.toml": event_toml(
                "Landing", '"1969-07-20"', actors='["Houston", "Armstrong", "Neil"]',
                status='"occurred"',
            ),
            "plan.toml": event_toml("Return", '"1972"', status='"planned"'),
            "doubt.toml": event_toml("Doubt", '"1970"', status='"disputed"'),
        }
    )  # fmt: skip


@pytest.mark.parametrize("fmt", ["plain", "csv", "markdown"])
def test_actors_print_by_their_canonical_names(invoke: Any, moon: Path, fmt: str) -> None:
    result = invoke("show", "--events", str(moon), "--format", fmt)
    assert "John F. Kennedy" in result.stdout and "Mission Control" in result.stdout
    assert "JFK" not in result.stdout and "Houston" not in result.stdout


@pytest.mark.parametrize("fmt", ["markdown", "html", "ics", "timelinejs", "csv"])
def test_exports_name_actors_canonically(invoke: Any, moon: Path, fmt: str) -> None:
    result = invoke("export", "--events", str(moon), "--format", fmt)
    assert "John F. Kennedy" in result.stdout
    assert "JFK" not in result.stdout


@pytest.mark.parametrize("command", ["show", "export"])
def test_json_gives_canonical_names_and_the_names_as_written(
    invoke: Any, moon: Path, command: str
) -> None:
    result = invoke(command, "--events", str(moon), "--format", "json")
    data = json.loads(result.stdout)
    events = {e["id"]: e for e in (data if command == "show" else data["events"])}
    landing = events["landing"]
    assert landing["actors"] == ["Mission Control", "Neil Armstrong"]  # two aliases, one actor
    assert landing["actors_as_written"] == ["Houston", "Armstrong", "Neil"]


def test_search_finds_an_actor_named_through_an_alias(invoke: Any, moon: Path) -> None:
    for cache in ([], ["--no-cache"]):
        result = invoke(
            "show", "--events", str(moon), "--format", "json", "--search", "Neil Arm", *cache
        )
        assert [e["id"] for e in json.loads(result.stdout)] == ["landing"]
        result = invoke(
            "show", "--events", str(moon), "--format", "json", "--search", "kennedy", *cache
        )
        assert [e["id"] for e in json.loads(result.stdout)] == ["speech"]


def ids_of(invoke: Any, root: Path, *args: str) -> list[str]:
    result = invoke("show", "--events", str(root), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return [e["id"] for e in json.loads(result.stdout)]


def test_status_limit_and_reverse(invoke: Any, moon: Path) -> None:
    assert ids_of(invoke, moon) == ["speech", "landing", "doubt", "plan"]
    assert ids_of(invoke, moon, "--status", "planned") == ["plan"]
    assert ids_of(invoke, moon, "--status", "PLANNED", "--status", "disputed") == ["doubt", "plan"]
    assert ids_of(invoke, moon, "--reverse") == ["plan", "doubt", "landing", "speech"]
    assert ids_of(invoke, moon, "-n", "2") == ["speech", "landing"]
    assert ids_of(invoke, moon, "--reverse", "--limit", "1") == ["plan"]
    assert ids_of(invoke, moon, "-n", "0") == []


@pytest.mark.parametrize("command", ["export", "timeline"])
def test_limit_and_reverse_reach_every_selecting_command(
    invoke: Any, moon: Path, command: str
) -> None:
    result = invoke(command, "--events", str(moon), "--reverse", "-n", "1", "--status", "planned")
    assert result.exit_code == 0, result.output
    assert "Return" in result.stdout and "Landing" not in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--status", "plannd"), "--status 'plannd' is not one of occurred, reported, planned"),
        (("--status", "plannd"), "did you mean 'planned'?"),
        (("-n", "-1"), "--limit must be 0 or more, not -1"),
    ],
)
def test_bad_status_or_limit_is_a_usage_error(
    invoke: Any, moon: Path, args: tuple[str, ...], message: str
) -> None:
    result = invoke("show", "--events", str(moon), *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_add_says_a_duplicate_id_once(invoke: Any, make_collection: MakeCollection) -> None:
    root = make_collection({"sources.toml": SOURCES, "2016/taken.toml": event_toml()})
    args = ["--date", "2016-04-01", "--title", "T", "--source", "article", "--id", "taken"]
    result = invoke("add", "--events", str(root), *args)
    assert result.exit_code == 1
    assert result.stderr.count("duplicate id 'taken'") == 1, result.stderr


@pytest.mark.parametrize("source", ["article", "https://example.org/undated"])
def test_add_blames_an_unknown_phrase_not_the_source(
    invoke: Any, make_collection: MakeCollection, source: str
) -> None:
    root = make_collection({"sources.toml": SOURCES})
    result = invoke(
        "add", "--events", str(root), "--date", "sometime", "--title", "T", "--source", source
    )
    assert result.exit_code == 1
    assert re.search(
        r"--date 'sometime': (time phrase not understood|'sometime' gives no date)", result.stderr
    )
    assert "published date" not in result.stderr


def test_a_piped_table_is_plain_aligned_text(invoke: Any, moon: Path) -> None:
    """tabulate draws `show --format table` when piped: no box characters, no wrapping."""
    result = invoke("show", "--events", str(moon), "--format", "table")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Date", "Event", "Actors", "Sources"]
    assert set(lines[1]) == {"-", " "}
    landing = next(line for line in lines if "Landing" in line)
    assert landing.index("Landing") == lines[0].index("Event")
    assert "Mission Control, Neil Armstrong" in landing
    assert not set("│┃─━┏┓") & set(result.stdout)
    assert lines[lines.index("Sources:") - 1] == ""
