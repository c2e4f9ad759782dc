"""`chrono show | head -1`: a reader that stops early is not a data problem."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SOURCES, MakeCollection

MAIN = "from chrono.cli import main; main()"


@pytest.fixture
def big(make_collection: MakeCollection) -> Path:
    """Enough events that the output outgrows a pipe's buffer."""
    rows = [
        f'[[events]]\nid = "e{n}"\ndate = "2016-04-{n % 28 + 1:02d}"\n'
        f'title = "Event number {n} with a title long enough to fill the pipe"\n'
        '[[events.sources]]\nref = "article"\n'
        for n in range(1500)
    ]
    return make_collection({"sources.toml": SOURCES, "many.toml": "\n".join(rows)})


@pytest.mark.parametrize(
    "args",
    [
        ("show", "--format", "plain"),
        ("show", "--format", "csv"),
        ("export", "--format", "markdown"),
    ],
)
def test_a_closed_pipe_exits_141_without_a_word(big: Path, args: tuple[str, ...]) -> None:
    env = {**os.environ, "CHRONO_NO_CACHE": "1"}
    command = [sys.executable, "-c", MAIN, *args, "--events", str(big)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # what `head -1` does after its line
    stderr = proc.stderr.read()
    assert proc.wait(timeout=60) == 141
    assert stderr == b""
