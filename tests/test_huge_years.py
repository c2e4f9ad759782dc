"""Years far from now: every output works for |year| ≤ 10^11 (the Big Bang is 13.8 billion
years ago), and a year beyond that is a clear `bad-date`, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chrono.dates import DateError, parse_edtf
from chrono.render import EXPORT_FORMATS, SHOW_FORMATS
from tests.conftest import SOURCES, MakeCollection, event_toml

DATES = {
    "big-bang": "Y-13800000000",
    "first-stars": "Y-13600000000~",
    "floor": "Y-100000000000",
    "ceiling": "Y100000000000",
    "rome": "-0753-04-21",
    "interval": "-0044/2016-04",
    "moon": "1969-07-20",
    "open": "../1969",
}


@pytest.fixture
def root(make_collection: MakeCollection) -> Path:
    files: dict[str, str | bytes] = {"sources.toml": SOURCES}
    for name, date in DATES.items():
        files[f"{name}.toml"] = event_toml(name, f'"{date}"', tags='["cosmos"]')
    return make_collection(files)


def test_check_accepts_the_supported_range(invoke: Any, root: Path) -> None:
    result = invoke("check", "--events", str(root))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("fmt", sorted(SHOW_FORMATS))
def test_show(invoke: Any, root: Path, fmt: str) -> None:
    result = invoke("show", "--events", str(root), "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "big-bang" in result.stdout


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_export(invoke: Any, root: Path, fmt: str) -> None:
    result = invoke("export", "--events", str(root), "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout


@pytest.mark.parametrize("extra", [(), ("--lanes", "tag"), ("--ascii", "--width", "60")])
def test_timeline(invoke: Any, root: Path, extra: tuple[str, ...]) -> None:
    result = invoke("timeline", "--events", str(root), *extra)
    assert result.exit_code == 0, result.output
    assert "moon" in result.stdout


@pytest.mark.parametrize(
    "text",
    [
        "Y1" + "0" * 301,
        "Y1" + "0" * 5000,
        "Y-" + "9" * 4300,
        "Y100000000001",
        "Y-100000000001",
        "Y100000000001~",
    ],
)
def test_beyond_the_range_is_a_bad_date(text: str) -> None:
    with pytest.raises(DateError, match=r"years beyond ±100,000,000,000 are not supported"):
        parse_edtf(text)


def test_beyond_the_range_in_a_file_is_one_clear_line(
    invoke: Any, make_collection: MakeCollection
) -> None:
    huge = "Y-" + "9" * 4300
    root = make_collection({"sources.toml": SOURCES, "a.toml": event_toml(date=f'"{huge}"')})
    for extra in ((), ("--no-cache",)):
        result = invoke("check", "--events", str(root), *extra)
        assert result.exit_code == 1
        lines = result.stdout.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"{root}/a.toml:1: error[bad-date]: ")
        assert "not supported" in lines[0] and len(lines[0]) < 300
        shown = invoke("show", "--events", str(root), "--format", "json", *extra)
        assert shown.exit_code == 0 and shown.stdout.strip() == "[]"
