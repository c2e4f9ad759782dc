"""Shared fixtures: a temp collection written from TOML snippets, and a CLI runner."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chrono.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "events"

MakeCollection = Callable[[Mapping[str, str | bytes]], Path]

SOURCES = """
[article]
title = "An article"
publisher = "A publisher"
url = "https://example.org/article"
published = "2016-04-18"
"""

ACTORS = """
[iran]
name = "Iran"
kind = "state"
[irgc]
name = "IRGC"
aliases = ["Revolutionary Guards"]
member_of = ["Iran"]
[soleimani]
name = "Qassem Soleimani"
aliases = ["Soleimani"]
member_of = ["IRGC"]
[russia]
name = "Russia"
"""


def event_toml(title: str = "Something happened", date: str = '"2016-04-15"', **extra: str) -> str:
    """A valid one-event file, with extra top-level keys given as raw TOML values."""
    lines = [f"date = {date}", f'title = "{title}"']
    lines += [f"{key} = {value}" for key, value in extra.items()]
    lines += ["", "[[sources]]", 'ref = "article"', 'quote = "it happened"']
    return "\n".join(lines) + "\n"


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own index cache folder, never the user's."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("CHRONO_CACHE_DIR", str(folder))
    monkeypatch.delenv("CHRONO_NO_CACHE", raising=False)
    monkeypatch.delenv("CHRONO_EVENTS", raising=False)
    return folder


@pytest.fixture
def make_collection(tmp_path: Path) -> MakeCollection:
    """Write files (relative path → TOML text or raw bytes) into a fresh collection folder."""

    def make(files: Mapping[str, str | bytes]) -> Path:
        root = tmp_path / "events"
        root.mkdir(exist_ok=True)
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content), encoding="utf-8")
        return root

    return make


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner: CliRunner) -> Callable[..., object]:
    def run(*args: str, input: str | None = None) -> object:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run


@pytest.fixture
def small_collection(make_collection: MakeCollection) -> Path:
    """Four events, actors with aliases and membership, one source: for filter tests."""
    return make_collection(
        {
            "sources.toml": SOURCES,
            "actors.toml": ACTORS,
            "2016/trip.toml": event_toml(
                "Soleimani travels to Moscow",
                '"2016-04-14"',
                actors='["Soleimani"]',
                tags='["travel-ban"]',
                location='"Moscow"',
            ),
            "2016/guards.toml": event_toml(
                "Guards drill", '"2016-03"', actors='["Revolutionary Guards"]', tags='["drill"]'
            ),
            "2015/russia.toml": event_toml("Russia speaks", '"2015"', actors='["Russia"]'),
            "2016/later.toml": event_toml(
                "Meeting planned", '"2016-04-25/2016-05-01"', actors='["Iran", "Russia"]'
            ),
        }
    )
