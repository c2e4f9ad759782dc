"""Stage 3, `chrono.merge`: uniting the bibliographies of several collections."""

from __future__ import annotations

from chrono.merge import merge_bibliographies
from chrono.model import Source

A = Source(title="A", key="a")
B = Source(title="B", key="b")


def test_disjoint_bibliographies_unite() -> None:
    merged, ambiguous, problems = merge_bibliographies([("one", {"a": A}), ("two", {"b": B})])
    assert merged == {"a": A, "b": B} and ambiguous == set() and problems == []


def test_the_same_entry_twice_is_no_problem() -> None:
    merged, ambiguous, problems = merge_bibliographies([("one", {"a": A}), ("two", {"a": A})])
    assert merged == {"a": A} and not ambiguous and not problems


def test_a_key_defined_differently_is_ambiguous_and_reported_where_it_repeats() -> None:
    other = Source(title="Another A", key="a")
    merged, ambiguous, problems = merge_bibliographies([("one", {"a": A}), ("two", {"a": other})])
    assert merged == {"a": A}  # kept for display; events citing it are refused by validate
    assert ambiguous == {"a"}
    assert [(p.file, p.code, p.where) for p in problems] == [("two", "duplicate-source", ("a",))]
    assert "already defined differently in one" in problems[0].message
