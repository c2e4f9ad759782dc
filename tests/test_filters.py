"""The filter options are declared once (`chrono.cli.filters`) and shared by every command
that selects events: each shows all of them in --help and applies them the same way."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any, get_type_hints

import pytest
import typer.main

from chrono.cli import app
from chrono.cli.filters import Selection

FILTERING = ["show", "export", "timeline"]


def _flag(name: str) -> str:
    """The long flag declared for a Selection field (typer.Option keeps the first one given
    in Annotated as its `default`)."""
    info = get_type_hints(Selection, include_extras=True)[name].__metadata__[0]
    return str(next(d for d in (info.default, *info.param_decls) if str(d).startswith("--")))


FLAGS = [_flag(f.name) for f in dataclasses.fields(Selection)]


def _options(name: str) -> set[str]:
    group: Any = typer.main.get_command(app)
    return {opt for param in group.commands[name].params for opt in param.opts}


def test_the_flags_are_read_from_the_declaration() -> None:
    assert FLAGS[:6] == ["--actor", "--tag", "--from", "--to", "--search", "--location"]


@pytest.mark.parametrize("name", FILTERING)
def test_every_filtering_command_has_every_filter(name: str) -> None:
    assert set(FLAGS) <= _options(name)


@pytest.mark.parametrize("name", FILTERING)
def test_every_filter_is_in_the_help(invoke: Any, name: str) -> None:
    result = invoke(name, "--help")
    for flag in FLAGS:
        assert flag in result.stdout, (name, flag)


@pytest.mark.parametrize("name", FILTERING)
def test_every_command_filters_alike(invoke: Any, small_collection: Path, name: str) -> None:
    args = [name, "--events", str(small_collection), "--actor", "Iran", "--tag", "drill"]
    result = invoke(*args, *(["--format", "csv"] if name != "timeline" else []))
    assert result.exit_code == 0, result.output
    assert "Guards drill" in result.stdout
    assert "Soleimani travels" not in result.stdout


@pytest.mark.parametrize("name", FILTERING)
def test_a_bad_date_is_a_usage_error_everywhere(
    invoke: Any, small_collection: Path, name: str
) -> None:
    result = invoke(name, "--events", str(small_collection), "--from", "someday")
    assert result.exit_code == 2
    assert "chrono: error: --from 'someday' is not a date" in result.output


def test_selection_makes_the_filter() -> None:
    flt = Selection(actor=["Iran"], tag=["x"], since="2016", search="talks").filter()
    assert (flt.actors, flt.tags, flt.search, flt.location) == (("Iran",), ("x",), "talks", None)
    assert flt.start == 1451606400 and flt.stop == math.inf
