"""Issue 8, "what a new user tripped over": one regression test per finding."""

from __future__ import annotations

import json
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
