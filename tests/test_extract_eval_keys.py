"""The evaluation set's answer keys stay self-consistent (offsets, sentences, recomputed dates)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECKER = Path(__file__).parent / "extract_eval" / "check_keys.py"


def test_every_key_in_the_evaluation_set_checks_clean() -> None:
    run = subprocess.run(
        [sys.executable, str(CHECKER)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert ", 0 problems" in run.stdout
    assert run.stdout.count(".key.toml") >= 11
