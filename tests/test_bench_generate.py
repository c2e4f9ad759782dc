"""Smoke test of the benchmark generator (bench/generate.py): its collections are valid.

Both layouts must pass `chrono check`, and the rare and common actor filters must find
exactly the events the generator's manifest promises (jrnl is compared on those sets).
"""

from __future__ import annotations

import importlib
import json
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

try:
    from typer.testing import CliRunner

    from chrono.cli import app
except Exception as err:  # chrono may be mid-edit: any import failure skips, not only ImportError
    pytest.skip(
        f"chrono.cli does not import ({type(err).__name__}: {err}); generator not checked",
        allow_module_level=True,
    )

BENCH = Path(__file__).resolve().parent.parent / "bench"
LAYOUTS = ("per-event", "per-year")


def bench_module(name: str) -> ModuleType:
    """Import a module of bench/ (a folder of scripts, not a package)."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module(name)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Any:
    generate = bench_module("generate")
    params = bench_module("dataset").Params(events=50, seed=7)
    return generate.ensure(params, tmp_path_factory.mktemp("bench-data"))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_generated_collection_passes_check(generated: Any, layout: str) -> None:
    result = CliRunner().invoke(app, ["check", "--events", str(generated.layout(layout))])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "OK: 50 valid events" in result.stderr


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("which", ["rare", "common"])
def test_actor_filters_find_the_promised_events(generated: Any, layout: str, which: str) -> None:
    actor = generated.manifest[which]
    args = ["show", "--events", str(generated.layout(layout)), "--actor", actor["name"]]
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == actor["count"]


def test_reused_when_parameters_match(generated: Any) -> None:
    generate = bench_module("generate")
    again = generate.ensure(
        bench_module("dataset").Params(events=50, seed=7), generated.root.parent
    )
    assert again.manifest == generated.manifest


@pytest.mark.parametrize(
    "text",
    [
        'say "no" \\ twice',
        "tab\there, newline\nthere, nul \x00, escape \x1b, delete \x7f",
        "Erdoğan, Çavuşoğlu, Türkiye",
        "astral 😀 and line separator \u2028",
        "",
    ],
)
def test_toml_str_round_trips(text: str) -> None:
    toml_str = bench_module("writers").toml_str
    assert tomllib.loads(f"key = {toml_str(text)}")["key"] == text
