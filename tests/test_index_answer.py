"""`chrono.index.answer`: what the index answers alone must equal the full pipeline's answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from chrono.index.answer import check_fast, select_fast
from chrono.pipeline import check_collection, select_collection
from chrono.query import make_filter
from tests.conftest import SOURCES, MakeCollection, event_toml


@pytest.fixture
def flawed(small_collection: Path, make_collection: MakeCollection) -> Path:
    """The small collection plus a duplicated id, an unknown ref and an unknown actor."""
    return make_collection(
        {
            "2016/dup-a.toml": event_toml("One", id='"dup"', actors='["Iran"]'),
            "2016/dup-b.toml": event_toml("Two", id='"dup"', actors='["Iran"]'),
            "2016/stray.toml": event_toml(actors='["Nobody"]', tags='["drill"]'),
            "2016/badref.toml": event_toml(actors='["Iran"]').replace('"article"', '"nope"'),
        }
    )


@pytest.mark.parametrize(
    "options",
    [{"actors": ["Iran"]}, {"tags": ["drill"]}, {"actors": ["Russia"], "since": "2016"}],
)
def test_select_fast_equals_the_pipeline(flawed: Path, options: dict[str, list[str]]) -> None:
    flt = make_filter(**options)  # type: ignore[arg-type]
    fast = select_fast(str(flawed), flt)
    assert fast is not None
    slow = select_collection([str(flawed)], flt, cache=False)
    assert [e.id for e in fast.events] == [e.id for e in slow.events]
    assert fast.events == slow.events
    assert fast.problems == slow.problems
    assert {p.code for p in fast.problems} >= {"duplicate-id", "unknown-source-ref"}


def test_check_fast_equals_the_pipeline(flawed: Path) -> None:
    fast = check_fast(str(flawed))
    assert fast is not None
    slow = check_collection([str(flawed)], cache=False)
    assert (fast.problems, fast.valid) == (slow.problems, slow.valid)
    assert fast.valid == 5


def test_an_unusable_cache_is_no_answer(
    flawed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "cache-file"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setenv("CHRONO_CACHE_DIR", str(not_a_folder))  # no index can be made here
    assert select_fast(str(flawed), make_filter(actors=["Iran"])) is None
    assert check_fast(str(flawed)) is None


def test_a_second_answer_comes_from_the_index_unchanged(flawed: Path) -> None:
    first = check_fast(str(flawed))
    (flawed / "sources.toml").write_text(SOURCES, encoding="utf-8")  # same content, new stat
    second = check_fast(str(flawed))
    assert first is not None and second is not None
    assert (first.problems, first.valid) == (second.problems, second.valid)
