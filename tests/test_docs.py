"""The docs stay honest: every command, format and event key is in the README, and help texts
have examples. (That only the CLI layer uses typer or rich is checked in test_imports.py.)"""

from __future__ import annotations

import re
from typing import Any

import pytest

from chrono.cli import app
from chrono.parse.schema import EVENT_KEYS
from chrono.render import EXPORT_FORMATS, SHOW_FORMATS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(
    c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands
)


def test_there_are_commands() -> None:
    assert {"check", "show", "add", "export"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_readme_section(command: str) -> None:
    assert f"### `chrono {command}`" in README


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example(invoke: Any, command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"chrono {command}" in result.stdout


def _section(heading: str) -> str:
    start = README.index(heading)
    end = README.find("\n### ", start + len(heading))
    return README[start : end if end >= 0 else len(README)]


@pytest.mark.parametrize("name", sorted(EXPORT_FORMATS))
def test_every_export_format_is_in_the_export_section(name: str) -> None:
    assert f"| `{name}` |" in _section("### `chrono export`")


@pytest.mark.parametrize("name", sorted({*SHOW_FORMATS, "table"}))
def test_every_show_format_is_in_the_show_section(name: str) -> None:
    assert re.search(rf"--format [a-z|]*\b{name}\b", _section("### `chrono show`"))


def test_every_event_key_is_in_the_key_table_in_schema_order() -> None:
    section = README[README.index("| key | type | meaning |") :]
    rows = re.findall(r"^\| `\[*([a-z_]+)\]*` \|", section.split("\n\n")[0], re.MULTILINE)
    assert rows == list(EVENT_KEYS)


def test_the_module_map_names_everything_in_the_package() -> None:
    start = README.index("```\nchrono/\n")
    block = README[start : README.index("```", start + 3)]
    entries = [p for p in (ROOT / "chrono").iterdir() if not p.name.startswith("__")]
    names = [p.name + ("/" if p.is_dir() else "") for p in entries]
    assert [n for n in names if n not in block] == []


def test_readme_starts_with_the_two_commands() -> None:
    commands = [line for line in README.splitlines()[:12] if line.startswith("make ")]
    assert [c.split()[1] for c in commands] == ["run", "test"]


def test_version(invoke: Any) -> None:
    from chrono import __version__

    result = invoke("--version")
    assert result.stdout.strip() == f"chrono {__version__}"


def test_top_level_help_has_examples(invoke: Any) -> None:
    result = invoke("--help")
    assert "Examples:" in result.stdout
    assert "chrono show --actor Iran" in result.stdout
