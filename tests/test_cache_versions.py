"""Issue 8.2: the index is keyed on every reader version that can change a parse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import chrono.load
from tests.conftest import SOURCES, MakeCollection, event_toml
from tests.test_cache import age, shown

rtoml = pytest.importorskip("rtoml")


@pytest.fixture(autouse=True)
def fresh_reader(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("CHRONO_TOML_READER", raising=False)
    chrono.load.forget_reader()
    yield
    chrono.load.forget_reader()


def test_an_upgraded_toml_reader_rebuilds_the_index(
    invoke: Any, make_collection: MakeCollection, monkeypatch: pytest.MonkeyPatch
) -> None:
    root: Path = make_collection({"sources.toml": SOURCES, "a.toml": event_toml("New")})
    age(root)
    monkeypatch.setattr("chrono.index.store.RACY_SECONDS", -1.0)  # trust the fresh ctime
    real = rtoml.loads

    def old_reader(text: str) -> Any:  # an older release that read the title otherwise
        data = real(text)
        return {**data, "title": "Old"} if "title" in data else data

    with monkeypatch.context() as old:
        old.setattr(rtoml, "loads", old_reader)
        old.setattr(rtoml, "__version__", "0.11.0", raising=False)
        chrono.load.forget_reader()
        assert shown(invoke, root) == ["Old"]
    chrono.load.forget_reader()  # after `pip install -U rtoml`
    assert shown(invoke, root, "--no-cache") == ["New"]
    assert shown(invoke, root) == ["New"]
