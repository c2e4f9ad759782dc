"""`chrono add` on a terminal: missing values are asked for, and a bad answer is asked again."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time

import pytest

from tests.conftest import SOURCES, MakeCollection

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


def run_on_a_terminal(args: list[str], answers: list[str], timeout: float = 30) -> tuple[int, str]:
    """Run chrono with a pseudo-terminal as stdin and stdout, answering prompts in order."""
    main, secondary = os.openpty()
    code = "from chrono.cli import main; main()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdin=secondary, stdout=secondary, stderr=secondary
    )
    os.close(secondary)
    output, pending, deadline = b"", list(answers), time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the other side closed: the process ended
                break
            output += chunk
            if pending and chunk.rstrip().endswith(b":"):
                os.write(main, pending.pop(0).encode() + b"\n")
        elif proc.poll() is not None:
            break
    proc.kill() if proc.poll() is None else None
    os.close(main)
    return proc.wait(), output.decode("utf-8", "replace")


def test_prompts_ask_again_until_an_answer_is_usable(make_collection: MakeCollection) -> None:
    root = make_collection({"sources.toml": SOURCES})
    answers = ["A new event", "nokey", "article", "banana", "next week"]
    code, out = run_on_a_terminal(["add", "--events", str(root), "--dry-run"], answers)
    assert code == 0, out
    assert "Error: --source 'nokey' is neither a key in sources.toml" in out
    assert "Error: --date 'banana'" in out
    assert 'date = "2016-04-25/2016-05-01"' in out
    assert 'date_text = "next week"' in out
    assert not list(root.rglob("a-new-event.toml"))  # a dry run writes nothing
