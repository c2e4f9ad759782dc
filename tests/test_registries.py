"""`chrono actors`, `chrono tags`, `chrono sources`: the registries with counts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SOURCES, MakeCollection, event_toml


@pytest.fixture
def root(small_collection: Path, make_collection: MakeCollection) -> Path:
    """The small collection plus an unknown actor, a tag in two cases, an inline source."""
    inline = event_toml("Inline", actors='["Nobody Known"]', tags='["DRILL"]').replace(
        'ref = "article"', 'url = "https://example.org/inline"'
    )
    return make_collection({"2016/inline.toml": inline})


def rows(invoke: Any, root: Path, command: str) -> list[dict[str, Any]]:
    result = invoke(command, "--events", str(root), "--format", "json")
    assert result.exit_code == 0, result.output
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


def test_actors_with_counts(invoke: Any, root: Path) -> None:
    found = {r["name"]: r for r in rows(invoke, root, "actors")}
    assert [(n, r["events"], r["with_members"]) for n, r in found.items()] == [
        ("Iran", 1, 3), ("IRGC", 1, 2), ("Qassem Soleimani", 1, 1), ("Russia", 2, 2),
        ("Nobody Known", 1, 1),
    ]  # fmt: skip
    assert found["IRGC"]["aliases"] == ["Revolutionary Guards"]
    assert found["IRGC"]["member_of"] == ["Iran"]
    assert found["Nobody Known"]["in_registry"] is False


def test_actors_as_a_table(invoke: Any, root: Path) -> None:
    result = invoke("actors", "--events", str(root))
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "actor",
        "kind",
        "events",
        "with",
        "members",
        "member",
        "of",
        "aliases",
    ]
    assert set(lines[1]) == {"-", " "}
    irgc = next(line for line in lines if line.startswith("IRGC"))
    assert irgc.split() == ["IRGC", "1", "2", "Iran", "Revolutionary", "Guards"]
    assert any(line.startswith("Nobody Known *") for line in lines)


def test_tags_with_counts(invoke: Any, root: Path) -> None:
    assert rows(invoke, root, "tags") == [
        {"name": "drill", "events": 2},
        {"name": "travel-ban", "events": 1},
    ]


def test_sources_with_counts(invoke: Any, root: Path) -> None:
    found = rows(invoke, root, "sources")
    assert found[0]["key"] == "article" and found[0]["events"] == 4
    assert found[1]["key"] is None and found[1]["title"] == "(1 inline source)"
    result = invoke("sources", "--events", str(root))
    assert "article" in result.stdout and "An article" in result.stdout


@pytest.mark.parametrize("command", ["actors", "tags", "sources"])
def test_an_empty_folder_says_so(invoke: Any, tmp_path: Path, command: str) -> None:
    result = invoke(command, "--events", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout == "None found.\n"


@pytest.mark.parametrize("command", ["actors", "tags", "sources"])
def test_a_bad_format_is_a_usage_error(invoke: Any, root: Path, command: str) -> None:
    result = invoke(command, "--events", str(root), "--format", "yaml")
    assert result.exit_code == 2
    assert "--format must be text or json, not 'yaml'" in result.stderr


def test_hostile_names_are_escaped(invoke: Any, make_collection: MakeCollection) -> None:
    root = make_collection({"sources.toml": SOURCES, "a.toml": event_toml(tags='["x\\u001b[2J"]')})
    result = invoke("tags", "--events", str(root))
    assert "\x1b" not in result.stdout and "x\\u001b[2J" in result.stdout


def test_with_members_is_what_actor_keeps(invoke: Any, root: Path) -> None:
    for row in rows(invoke, root, "actors"):
        shown = invoke("show", "--events", str(root), "--actor", row["name"], "--format", "json")
        assert len(json.loads(shown.stdout)) == row["with_members"], row["name"]
