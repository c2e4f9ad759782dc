"""Regression tests for the timeline's text measuring, made fast for 10k-event timelines."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from chrono.timeline import text


def test_not_printed_pattern_is_the_category_rule() -> None:
    for code in range(0x110000):
        ch = chr(code)
        rule = ch in text._BIDI or unicodedata.category(ch) in text._UNPRINTABLE
        assert bool(text._NOT_PRINTED.fullmatch(ch)) == rule, hex(code)


@given(st.text())
def test_cells_counts_wide_characters_twice(sample: str) -> None:
    expected = sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in sample)
    assert text.cells(sample) == expected


@given(st.text(), st.integers(2, 40))  # a wide character needs two cells
def test_wrapped_lines_fit(sample: str, width: int) -> None:
    for line in text.wrap(sample, width):
        assert text.cells(line) <= width
