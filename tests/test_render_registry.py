"""The format registry: every module is what its entry says (mypy checks the Protocols)."""

from __future__ import annotations

import importlib

import pytest

from chrono.pipeline import load_collection
from chrono.render import (
    EXPORT_FORMATS,
    SHOW_FORMATS,
    Format,
    FormatModule,
    StreamingModule,
    csv_rows,
    html,
    ics,
    json_events,
    json_export,
    markdown,
    mermaid,
    plain,
    timelinejs,
)
from chrono.render.options import RenderOptions
from tests.conftest import SAMPLE

# Assignments mypy checks: a module that drifts from its Protocol fails `make test`.
STREAMING: list[StreamingModule] = [csv_rows, markdown, plain]
WHOLE: list[FormatModule] = [html, ics, json_events, json_export, mermaid, timelinejs]
FORMATS = sorted({*SHOW_FORMATS.values(), *EXPORT_FORMATS.values()}, key=lambda f: f.module)


def test_every_module_in_the_registry_is_checked() -> None:
    modules = [*STREAMING, *WHOLE]
    assert {f.module for f in FORMATS} == {getattr(m, "__name__", "") for m in modules}


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.module)
def test_streams_says_whether_the_module_streams(fmt: Format) -> None:
    module = importlib.import_module(fmt.module)
    assert hasattr(module, "chunks") == fmt.streams


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.module)
def test_the_pieces_make_the_whole(fmt: Format) -> None:
    events = load_collection([str(SAMPLE)]).events
    module = importlib.import_module(fmt.module)
    options = RenderOptions()
    assert "".join(fmt.chunks()(events, options)) == module.render(events, options)
