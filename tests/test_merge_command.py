"""`chrono merge`: planning, applying, interruption, and the round trip through merged_from."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chrono.corroborate.merge import MergeError, apply_merge, plan_merge, split
from chrono.pipeline import load_collection
from tests.conftest import ACTORS, SOURCES, MakeCollection

CORPUS = Path(__file__).resolve().parent / "corroborate_corpus"
SAMPLE = Path(__file__).resolve().parent.parent / "events"

TRIP = """\
# Written from the wire: the comment must survive the merge.
id = "trip"
date = "2016-04-15"
title = "Soleimani travels to Moscow"
actors = ["Soleimani"]
tags = ["travel-ban"]
location = "Moscow"

[[sources]]
ref = "article"
quote = "he traveled to Moscow"
credibility = 2
"""
VISIT = """\
id = "visit"
date = "2016-04-14/2016-04-16"
title = "Qassem Soleimani visits Moscow"
actors = ["Qassem Soleimani", "Russia"]
tags = ["diplomacy"]

[[sources]]
title = "Notes"
publisher = "Desk"
quote = "visited Moscow"
"""


@pytest.fixture
def pair(make_collection: MakeCollection) -> Path:
    return make_collection(
        {
            "sources.toml": SOURCES,
            "actors.toml": ACTORS,
            "2016/trip.toml": TRIP,
            "b/visit.toml": VISIT,
        }
    )


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.toml"))}


def test_dry_run_prints_the_merged_file_and_changes_nothing(invoke: Any, pair: Path) -> None:
    before = _snapshot(pair)
    result = invoke("merge", "trip", "visit", "--events", str(pair))
    assert result.exit_code == 0
    assert f"# would write {pair / '2016' / 'trip.toml'}:" in result.stdout
    assert "# would remove: " in result.stdout and "visit.toml" in result.stdout
    assert _snapshot(pair) == before


def test_apply_unites_everything_and_check_is_clean_afterwards(invoke: Any, pair: Path) -> None:
    result = invoke("merge", "trip", "visit", "--events", str(pair), "--apply")
    assert result.exit_code == 0, result.output
    assert not (pair / "b" / "visit.toml").exists()
    merged = tomllib.loads((pair / "2016" / "trip.toml").read_text(encoding="utf-8"))
    assert merged["date"] == "2016-04-15"  # the span both allow
    assert merged["actors"] == ["Soleimani", "Russia"]  # an alias and its name count once
    assert merged["tags"] == ["travel-ban", "diplomacy"]
    assert [s.get("quote") for s in merged["sources"]] == [
        "he traveled to Moscow",
        "visited Moscow",
    ]
    assert merged["sources"][0]["credibility"] == 2
    assert merged["sources"][1]["date"] == "2016-04-14/2016-04-16"  # its event's claim kept
    assert [m["id"] for m in merged["merged_from"]] == ["trip", "visit"]
    assert "# Written from the wire" in merged["merged_from"][0]["text"]
    check = invoke("check", "--events", str(pair), "--strict")
    assert check.exit_code == 0, check.output


def test_dates_no_claim_shares_give_a_disputed_event(pair: Path) -> None:
    (pair / "b" / "visit.toml").write_text(VISIT.replace("2016-04-14/2016-04-16", "2016-04-20"))
    plan = plan_merge(["trip", "visit"], None, load_collection([str(pair)]))
    assert plan.disputed and plan.event.status == "disputed"
    assert plan.event.date.text == "2016-04-15"


@pytest.mark.parametrize(
    ("ids", "into", "message"),
    [
        (["trip"], None, "at least two different event ids"),
        (["trip", "trip"], None, "at least two different event ids"),
        (["trip", "nope"], None, "no valid event with id 'nope'"),
        (["trip", "visit"], "../outside", "id '../outside' cannot name a file"),
        (["trip", "visit"], "Trip", "id 'Trip' cannot name a file"),
    ],
)
def test_bad_merges_are_refused(pair: Path, ids: list[str], into: str | None, message: str) -> None:
    with pytest.raises(MergeError, match=message):
        plan_merge(ids, into, load_collection([str(pair)]))


def test_an_event_sharing_its_file_is_not_merged(
    make_collection: MakeCollection, invoke: Any
) -> None:
    many = '[[events]]\nid = "x"\ndate = "2016"\ntitle = "X"\n[[events.sources]]\nref = "article"\n'
    root = make_collection({"sources.toml": SOURCES, "many.toml": many, "trip.toml": TRIP})
    result = invoke("merge", "x", "trip", "--events", str(root))
    assert result.exit_code == 1
    assert "one of several events" in result.output


def test_a_failure_between_write_and_removal_leaves_the_old_files_intact(pair: Path) -> None:
    before = _snapshot(pair)
    plan = plan_merge(["trip", "visit"], None, load_collection([str(pair)]))

    def interrupt() -> None:
        raise OSError("disk pulled out")

    with pytest.raises(OSError):
        apply_merge(plan, between=interrupt)
    after = _snapshot(pair)
    assert {k: v for k, v in after.items() if k in before} == before  # every original intact
    assert set(after) - set(before) == {"2016/trip.merged.toml"}  # and the merged one beside


def test_a_killed_merge_process_leaves_the_old_files_intact(pair: Path) -> None:
    """A real process, killed (SIGKILL) after writing the merged file and before removing."""
    before = _snapshot(pair)
    script = (
        "import os, signal, sys\n"
        "from chrono.corroborate.merge import apply_merge, plan_merge\n"
        "from chrono.pipeline import load_collection\n"
        "plan = plan_merge(['trip', 'visit'], None, load_collection([sys.argv[1]]))\n"
        "apply_merge(plan, between=lambda: os.kill(os.getpid(), signal.SIGKILL))\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", script, str(pair)], cwd=root, check=False)
    assert done.returncode == -9
    after = _snapshot(pair)
    assert {k: v for k, v in after.items() if k in before} == before
    assert "2016/trip.merged.toml" in after


def test_merge_then_split_gives_back_the_originals(pair: Path) -> None:
    plan = plan_merge(["trip", "visit"], None, load_collection([str(pair)]))
    assert [text for _file, text in split(plan.text)] == [TRIP, VISIT]


_WORDS = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=12
).filter(str.strip)  # an empty quote is refused, as it should be


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    quotes=st.lists(_WORDS, min_size=1, max_size=3), comment=_WORDS, tag=st.sampled_from(["a", "b"])
)
def test_property_merge_keeps_every_citation_and_split_restores_each_file(
    tmp_path: Path, quotes: list[str], comment: str, tag: str
) -> None:
    root = Path(tempfile.mkdtemp(dir=tmp_path))  # hypothesis reuses tmp_path
    (root / "sources.toml").write_text(SOURCES, encoding="utf-8")
    import tomli_w

    cites = "".join(
        f'\n[[sources]]\nref = "article"\nquote = {tomli_w.dumps({"q": q})[4:]}' for q in quotes
    )
    first = f'# {" ".join(comment.split())}\ndate = "2016"\ntitle = "A"\ntags = ["{tag}"]\n{cites}'
    (root / "a.toml").write_text(first, encoding="utf-8")
    (root / "b.toml").write_text(VISIT, encoding="utf-8")
    plan = plan_merge(["a", "visit"], None, load_collection([str(root)]))
    assert [c.quote for c in plan.event.citations] == [*quotes, "visited Moscow"]
    assert set(plan.event.tags) == {tag, "diplomacy"}
    assert [text for _f, text in split(plan.text)] == [first, VISIT]
    shutil.rmtree(root)


def test_the_labelled_pair_merges_and_check_is_clean(invoke: Any, tmp_path: Path) -> None:
    """The issue's acceptance: merge one true pair of the corpus, then check reports no
    duplicate involving it."""
    events, wire = tmp_path / "events", tmp_path / "wire"
    shutil.copytree(SAMPLE, events)
    shutil.copytree(CORPUS / "wire", wire)
    args = ["--events", str(events), "--events", str(wire)]
    merged = invoke(
        "merge", "tass-confirms-meeting", "tass-says-iran-minister-to-visit", *args, "--apply"
    )
    assert merged.exit_code == 0, merged.output
    check = invoke("check", *args)
    assert check.exit_code == 0 and "error" not in check.stdout, check.stdout
    duplicates = [line for line in check.stdout.splitlines() if "possible-duplicate" in line]
    assert len(duplicates) == 4 and not any("tass-" in line for line in duplicates), duplicates
