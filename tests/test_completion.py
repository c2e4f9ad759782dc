"""Shell completion: typer's install options, and values from the collection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chrono.cli import app


def complete(runner: CliRunner, line: str) -> list[str]:
    """What zsh would be offered for the last word of `line`."""
    env = {"_CHRONO_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
    result = runner.invoke(app, [], env=env, prog_name="chrono")
    assert result.exit_code == 0, result.output
    if result.stdout.strip() == "_files":  # zsh's fallback: nothing to offer
        return []
    return [w.strip('"') for w in result.stdout.split("(", 2)[-1].rstrip(")'\n").split("\n") if w]


def test_install_and_show_completion_are_offered(invoke: Any) -> None:
    result = invoke("--help")
    assert "--install-completion" in result.stdout and "--show-completion" in result.stdout


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("chrono show --events {root} --actor Qa", ["Qassem Soleimani"]),
        ("chrono show --events {root} --actor Sol", ["Soleimani"]),
        ("chrono timeline --events {root} --actor Revo", ["Revolutionary Guards"]),
        ("chrono export --events {root} --tag tr", ["travel-ban"]),
        ("chrono add --events {root} --source art", ["article"]),
        ("chrono add --events {root} --actor Ru", ["Russia"]),
        ("chrono show --events {root} --status p", ["planned"]),
    ],
)
def test_values_come_from_the_collection(
    runner: CliRunner, small_collection: Path, line: str, expected: list[str]
) -> None:
    assert complete(runner, line.format(root=small_collection)) == expected


def test_a_missing_folder_offers_nothing(runner: CliRunner, tmp_path: Path) -> None:
    assert complete(runner, f"chrono show --events {tmp_path / 'nope'} --actor x") == []
