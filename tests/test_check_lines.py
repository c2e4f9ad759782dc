"""Every line `chrono check` prints is one problem, whatever the file names and values hold
(issue 8: a line break in a file name or a date value split a problem in two)."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SOURCES
from tests.test_parse_quick_property import one_change

LINE = re.compile(r"^.+:\d+: (error|warning)\[[a-z-]+\]: .+$")
NAMES = st.text(alphabet="ab\n\r\u2028 .-", min_size=1, max_size=8)
BREAKS = st.sampled_from(["2016\n04", "x\r\ny", "\u2028", "ok"])


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.randoms(use_true_random=False), NAMES, BREAKS)
def test_each_line_is_one_problem(
    invoke: Any, tmp_path_factory: pytest.TempPathFactory, rng: random.Random, name: str,
    value: str,
) -> None:  # fmt: skip
    root = tmp_path_factory.mktemp("lines") / "events"
    root.mkdir()
    (root / "sources.toml").write_text(SOURCES, encoding="utf-8")
    table, _default = one_change(rng)
    table.setdefault("title", "T")
    table[rng.choice(["date", "title", "status", "id"])] = value
    path = root / f"{name.replace('/', '_')}.toml"
    path.write_text(tomli_w.dumps({"events": [table]}), encoding="utf-8")
    result = invoke("check", "--events", str(root), "--no-cache")
    assert "Traceback" not in result.output
    for line in result.stdout.splitlines():
        assert LINE.match(line), line
    assert len(result.stdout.splitlines()) == result.stdout.count("\n")
