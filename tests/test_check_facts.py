"""A warm `chrono check` runs the corroboration checks over the facts the index keeps of
each event (`chrono.corroborate.facts`): the same warnings as from the files, without
decoding the sound events, and never stale when the bibliography or the actors change."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from chrono.corroborate.checks import CorroborationChecks, corroboration_problems
from chrono.corroborate.facts import facts_of, lighten
from chrono.index.answer import check_corroborated
from chrono.index.database import database_for
from chrono.index.rows import decode_event
from chrono.pipeline import check_collection, load_collection
from tests.conftest import event_toml
from tests.test_cache import age

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corroborate_corpus"
CHECKS = [
    CorroborationChecks(),
    CorroborationChecks(single_source=True, window=3),
    CorroborationChecks(duplicates=False),
]


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample collection and the labelled corpus in one folder, with flaws added."""
    monkeypatch.setattr("chrono.index.store.RACY_SECONDS", -1.0)  # read the rows, not the files
    root = tmp_path / "corpus"
    shutil.copytree(ROOT / "events", root)
    shutil.copytree(CORPUS / "wire", root / "wire")
    shutil.copytree(CORPUS / "analyst", root / "analyst")
    inline = '\n[[sources]]\ntitle = "A story"\npublisher = "Somebody"\ndate = "2016-04-20"\n'
    extra = {
        "dup-a.toml": event_toml("One", id='"dup"', actors='["Iran"]'),
        "dup-b.toml": event_toml("Two", id='"dup"', actors='["Iran"]'),
        "linked.toml": 'date = "2016-04-15"\ntitle = "Linked"\nsame_as = ["nowhere"]\n' + inline,
    }
    for name, text in extra.items():
        (root / name).write_text(text, encoding="utf-8")
    age(root)
    return root


def uncached(root: Path, checks: CorroborationChecks) -> Any:
    return check_collection([str(root)], cache=False, corroborate=checks)


@pytest.mark.parametrize("checks", CHECKS)
def test_the_warm_check_equals_the_cold_one(corpus: Path, checks: CorroborationChecks) -> None:
    cold = uncached(corpus, checks)
    assert {"possible-duplicate", "sources-disagree", "unknown-link"} <= {
        p.code for p in cold.problems
    } or not checks.duplicates
    for _run in range(2):  # builds the index, then reads it
        warm = check_corroborated(str(corpus), checks)
        assert warm is not None
        assert (warm.problems, warm.valid) == (cold.problems, cold.valid)


def test_the_warm_check_decodes_only_the_suspects(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert check_corroborated(str(corpus), CorroborationChecks()) is not None  # builds it
    decoded: list[str] = []

    def counting(data: object) -> Any:
        event = decode_event(data)
        decoded.append(event.id)
        return event

    monkeypatch.setattr("chrono.index.store.decode_event", counting)
    assert check_corroborated(str(corpus), CorroborationChecks()) is not None
    assert sorted(decoded) == ["dup", "dup"]


def test_a_changed_bibliography_changes_the_warm_answer(corpus: Path) -> None:
    checks = CorroborationChecks(single_source=True)
    before = check_corroborated(str(corpus), checks)
    sources = corpus / "sources.toml"
    text = sources.read_text(encoding="utf-8")
    assert "derived_from" not in text
    # The first entry now re-reports an unknown one: its citations are warned about.
    sources.write_text(text.replace("\n[", '\nderived_from = "nowhere"\n[', 1), encoding="utf-8")
    after = check_corroborated(str(corpus), checks)
    assert before is not None and after is not None
    assert after.problems != before.problems
    cold = uncached(corpus, checks)
    assert (after.problems, after.valid) == (cold.problems, cold.valid)


def test_a_changed_actor_registry_changes_the_warm_answer(corpus: Path) -> None:
    before = check_corroborated(str(corpus), CorroborationChecks())
    (corpus / "actors.toml").unlink()  # no registry: names are their own canonical forms
    after = check_corroborated(str(corpus), CorroborationChecks())
    cold = uncached(corpus, CorroborationChecks())
    assert before is not None and after is not None
    assert (after.problems, after.valid) == (cold.problems, cold.valid)


def test_light_events_give_the_same_facts(corpus: Path) -> None:
    collection = load_collection([str(corpus)])
    events = collection.events
    assert [facts_of(lighten(e)) for e in events] == [facts_of(e) for e in events]
    found = corroboration_problems(events, collection.sources, collection.registry, CHECKS[1])
    light = [lighten(e) for e in events]
    assert (
        corroboration_problems(light, collection.sources, collection.registry, CHECKS[1]) == found
    )


def test_a_lost_or_forged_facts_row_is_damage_and_rebuilt(corpus: Path) -> None:
    cold = uncached(corpus, CorroborationChecks())
    assert check_corroborated(str(corpus), CorroborationChecks()) is not None  # builds it
    path = database_for(str(corpus))
    for damage in (
        "DELETE FROM facts WHERE n = (SELECT MIN(n) FROM facts)",
        "UPDATE facts SET data = CAST('[1]' AS BLOB)",  # fails its seal
    ):
        with sqlite3.connect(path) as db:
            db.execute(damage)
        assert check_corroborated(str(corpus), CorroborationChecks()) is None  # a miss
        warm = check_corroborated(str(corpus), CorroborationChecks())  # rebuilt
        assert warm is not None
        assert (warm.problems, warm.valid) == (cold.problems, cold.valid)
