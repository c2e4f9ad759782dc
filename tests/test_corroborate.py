"""The corroboration stage's pure functions: grades, independence, disagreement,
duplicates (on the labelled corpus) and folding."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chrono.corroborate.disagree import disagreement, disagreement_text
from chrono.corroborate.duplicates import likely_duplicates, pair_keys
from chrono.corroborate.fold import common_date, fold
from chrono.corroborate.grades import Grade, GradeError, parse_grade
from chrono.corroborate.independence import corroboration
from chrono.dates import parse_edtf
from chrono.model import Citation, Event, Source
from chrono.pipeline import load_collection
from chrono.registry.actors import Registry

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corroborate_corpus"
COLLECTIONS = [str(ROOT / "events"), str(CORPUS / "wire"), str(CORPUS / "analyst")]


def _event(eid: str, date: str, *citations: Citation, title: str = "t", **extra: object) -> Event:
    return Event(eid, parse_edtf(date), title, citations, **extra)  # type: ignore[arg-type]


def _cite(publisher: str, date: str | None = None, **extra: object) -> Citation:
    source = Source(title=f"story by {publisher}", publisher=publisher, **extra)  # type: ignore[arg-type]
    return Citation(source, None, None, None, None, parse_edtf(date) if date else None)


# --- grades ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "grade"), [("B2", Grade("B", 2)), ("b", Grade("B", None)), ("3", Grade(None, 3))]
)
def test_a_grade_floor_is_a_letter_a_digit_or_both(text: str, grade: Grade) -> None:
    assert parse_grade(text) == grade


@pytest.mark.parametrize("text", ["", "G2", "B7", "2B", "B22", "AA"])
def test_a_grade_off_the_scale_is_refused(text: str) -> None:
    with pytest.raises(GradeError, match="Admiralty scale"):
        parse_grade(text)


@pytest.mark.parametrize(
    ("grade", "floor", "kept"),
    [
        (Grade("A", 1), Grade("B", 2), True),
        (Grade("B", 2), Grade("B", 2), True),
        (Grade("B", 3), Grade("B", 2), False),
        (Grade("C", 1), Grade("B", 2), False),
        (Grade("F", 1), Grade("E", None), False),  # "cannot be judged" is below every grade
        (Grade(None, 1), Grade("B", None), False),  # ungraded is below every floor
        (Grade("B", None), Grade("B", None), True),
    ],
)
def test_at_least_compares_both_halves(grade: Grade, floor: Grade, kept: bool) -> None:
    assert grade.at_least(floor) is kept


def test_compact_grade_text_marks_an_unknown_half() -> None:
    assert [Grade("B", 2).text(), Grade("B").text(), Grade(None, 3).text(), Grade().text()] == [
        "B2",
        "B",
        "?3",
        "",
    ]


# --- independence ----------------------------------------------------------------------


def test_a_story_derived_from_a_wire_story_is_not_independent() -> None:
    wire = Source(title="Wire story", publisher="Reuters", key="wire")
    rewrite = Source(title="Rewrite", publisher="Daily", key="daily", derived_from="wire")
    other = Source(title="Own reporting", publisher="TASS", key="tass")
    sources = {"wire": wire, "daily": rewrite, "tass": other}
    event = _event("e", "2016-04-15", *(Citation(s) for s in (wire, rewrite, other)))
    found = corroboration(event, sources)
    assert (found.sources, found.independent) == (3, 2)
    assert found.text() == "3 sources, 2 independent"


def test_a_cycle_of_derived_from_ends_the_walk() -> None:
    a = Source(title="A", publisher="P", key="a", derived_from="b")
    b = Source(title="B", publisher="Q", key="b", derived_from="a")
    event = _event("e", "2016", Citation(a), Citation(b))
    assert corroboration(event, {"a": a, "b": b}).sources == 2


_PUBLISHERS = st.sampled_from(["Reuters", "TASS", "AP", "AFP"])


@given(st.lists(st.tuples(_PUBLISHERS, st.integers(-1, 5)), min_size=1, max_size=6))
def test_corroboration_never_counts_a_derived_source(spec: list[tuple[str, int]]) -> None:
    """Sources derived from another are never an independent source of their own: the
    count is exactly the distinct publishers of the sources that derive from nothing."""
    sources = {}
    for index, (publisher, parent) in enumerate(spec):
        derived = f"s{parent}" if 0 <= parent < index else None
        sources[f"s{index}"] = Source(
            title=f"story {index}", publisher=publisher, key=f"s{index}", derived_from=derived
        )
    event = _event("e", "2016", *(Citation(s) for s in sources.values()))
    roots = {s.publisher for s in sources.values() if s.derived_from is None}
    assert corroboration(event, sources).independent == len(roots)


# --- disagreement ----------------------------------------------------------------------


def test_dates_that_cannot_all_be_true_are_a_disagreement() -> None:
    event = _event(
        "e",
        "2016-04-15/2016-04-17",
        _cite("TASS", "2016-04-15"),
        _cite("Reuters", "2016-04-16/2016-04-17"),
    )
    found = disagreement(event)
    assert found is not None
    assert (
        disagreement_text(found)
        == "sources disagree: 15 Apr 2016 (TASS) / 16–17 Apr 2016 (Reuters)"
    )


def test_overlapping_dates_agree_and_undated_citations_stand_for_the_event_date() -> None:
    agreeing = _event("e", "2016-04", _cite("TASS", "2016-04-15"), _cite("Reuters"))
    assert disagreement(agreeing) is None
    undated = _event("e", "2016-04", _cite("TASS"), _cite("Reuters"))
    assert disagreement(undated) is None
    against_event = _event("e", "2016-05", _cite("TASS", "2016-04-15"), _cite("Reuters"))
    assert disagreement(against_event) is not None


# --- duplicates ------------------------------------------------------------------------


def _truth() -> set[tuple[str, str]]:
    pairs = tomllib.loads((CORPUS / "pairs.toml").read_text(encoding="utf-8"))["pairs"]
    return {(min(p), max(p)) for p in pairs}


def test_the_labelled_corpus_is_found_with_precision_and_recall_of_at_least_0_9() -> None:
    collection = load_collection(COLLECTIONS)
    found = pair_keys(likely_duplicates(collection.events, collection.registry))
    truth = _truth()
    assert len(found & truth) / len(found) >= 0.9
    assert len(found & truth) / len(truth) >= 0.9


def test_events_of_different_days_sharing_only_iran_are_never_paired() -> None:
    collection = load_collection(COLLECTIONS)
    pairs = likely_duplicates(collection.events, collection.registry, window=3)
    for pair in pairs:
        shared = {a.casefold() for a in pair.first.actors} & {
            a.casefold() for a in pair.second.actors
        }
        assert shared != {"iran"} or pair.first.date.overlaps(
            pair.second.date.earliest, pair.second.date.latest
        ), pair


def test_a_pair_comes_with_its_reasons_and_score() -> None:
    collection = load_collection(COLLECTIONS)
    pairs = likely_duplicates(collection.events, collection.registry)
    tass = next(
        p
        for p in pairs
        if p.first.id == "tass-confirms-meeting" or p.second.id == "tass-confirms-meeting"
    )
    assert tass.text().startswith("same day, both TASS, Hossein Dehghan and Sergei Shoigu, ")
    assert 70 <= tass.score <= 100


def test_a_settled_pair_is_not_reported_again() -> None:
    a = _event(
        "a", "2016-04-15", _cite("X"), title="Soleimani visits Moscow", actors=("Soleimani",)
    )
    b = _event(
        "b", "2016-04-15", _cite("Y"), title="Soleimani visits Moscow", actors=("Soleimani",)
    )
    assert len(likely_duplicates([a, b], Registry())) == 1
    for settled in ({"same_as": ("b",)}, {"distinct_from": ("b",)}):
        linked = _event(
            "a",
            "2016-04-15",
            _cite("X"),
            title="Soleimani visits Moscow",
            actors=("Soleimani",),
            **settled,
        )
        assert likely_duplicates([linked, b], Registry()) == []


def test_a_window_pairs_near_dates() -> None:
    a = _event(
        "a", "2016-04-15", _cite("X"), title="Soleimani visits Moscow", actors=("Soleimani",)
    )
    b = _event(
        "b", "2016-04-17", _cite("Y"), title="Soleimani visits Moscow", actors=("Soleimani",)
    )
    assert likely_duplicates([a, b], Registry()) == []
    (pair,) = likely_duplicates([a, b], Registry(), window=2)
    assert pair.reasons[0] == "2 days apart"


# --- folding ---------------------------------------------------------------------------


def test_the_common_date_is_the_span_every_claim_allows() -> None:
    dates = [parse_edtf(t) for t in ("2016-04-15~/2016-04-16~", "2016-04-16/2016-04-20")]
    assert common_date(dates) == parse_edtf("2016-04-16")
    assert common_date([parse_edtf("2016-04"), parse_edtf("2016-04-10/2016-05-03")]) == parse_edtf(
        "2016-04-10/2016-04-30"
    )
    assert common_date([parse_edtf("2016-04-15"), parse_edtf("2016-04-17")]) is None


_NAMES = st.lists(st.sampled_from(["Iran", "Russia", "TASS", "Putin", "iran"]), max_size=3)
_DAYS = st.sampled_from(["2016-04-14", "2016-04-15", "2016-04-15/2016-04-16", "2016-04"])


@st.composite
def _events(draw: st.DrawFn) -> list[Event]:
    count = draw(st.integers(1, 4))
    events = []
    for index in range(count):
        quotes = draw(st.lists(st.text(min_size=1, max_size=5), min_size=1, max_size=3))
        citations = tuple(Citation(Source(title=f"s{index}"), q) for q in quotes)
        events.append(
            Event(
                f"e{index}",
                parse_edtf(draw(_DAYS)),
                f"title {index}",
                citations,
                actors=tuple(draw(_NAMES)),
                tags=tuple(draw(_NAMES)),
            )
        )
    return events


@given(_events())
def test_folding_never_loses_a_citation_quote_actor_or_tag(events: list[Event]) -> None:
    merged = fold(events)
    assert [(c.source, c.quote) for c in merged.citations] == [
        (c.source, c.quote) for e in events for c in e.citations
    ]
    assert {a.casefold() for e in events for a in e.actors} == {a.casefold() for a in merged.actors}
    assert {t.casefold() for e in events for t in e.tags} == {t.casefold() for t in merged.tags}
    assert set(merged.merged_from) == {e.id for e in events}


@given(_events())
def test_folding_keeps_every_claim_a_date_disagreement_can_see(events: list[Event]) -> None:
    merged = fold(events)
    if common_date([e.date for e in events]) is None:
        assert merged.status == "disputed"
        assert disagreement(merged) is not None
    else:
        assert disagreement(merged) is None


def test_a_common_actor_pairs_only_events_precise_to_a_week() -> None:
    """A month-long event meets every event of its month: through a key shared by more
    than `common_size` events it is not compared, but through a rarer key it is."""
    import random

    rng = random.Random(1)
    words = ["".join(rng.choices("bcdfghjklmnpqrstvwz", k=12)) for _ in range(250)]
    crowd = [
        _event(f"e{n}", f"2016-04-{n % 28 + 1:02d}", _cite("X"), title=words[n], actors=("Iran",))
        for n in range(250)
    ]
    day = _event(
        "day",
        "2016-04-15",
        _cite("Y"),
        title="Soleimani visits Moscow",
        actors=("Iran", "Soleimani"),
    )
    month = _event(
        "month", "2016-04", _cite("Z"), title="Soleimani visits Moscow", actors=("Iran",)
    )
    assert likely_duplicates([*crowd, day, month], Registry()) == []
    rare = _event(
        "month",
        "2016-04",
        _cite("Z"),
        title="Soleimani visits Moscow",
        actors=("Iran", "Soleimani"),
    )
    (pair,) = likely_duplicates([*crowd, day, rare], Registry())
    assert {pair.first.id, pair.second.id} == {"day", "month"}
