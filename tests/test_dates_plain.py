"""The quick reading of plain dates (YYYY, YYYY-MM, YYYY-MM-DD, qualified or not) builds
the very date the whole grammar does, and leaves every other text to the grammar."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from chrono.dates import DateError
from chrono.dates.edtf import full_date, is_plain, plain_date

DIGITS = st.text("0123456789", min_size=1, max_size=5)
NEAR_PLAIN = st.builds(
    lambda year, month, day, qualifier, joint: (
        joint.join(p for p in (year, month, day) if p) + qualifier
    ),
    DIGITS,
    st.one_of(st.none(), st.text("0123456789", min_size=1, max_size=3)),
    st.one_of(st.none(), st.text("0123456789", min_size=1, max_size=3)),
    st.sampled_from(["", "?", "~", "%", "??", "X"]),
    st.sampled_from(["-", "-", "-", "/", "T", "--"]),
)
DAYS = st.builds(
    lambda y, m, d, q: f"{y:04d}-{m:02d}-{d:02d}{q}",
    st.integers(0, 9999),
    st.integers(0, 25),
    st.integers(0, 32),
    st.sampled_from(["", "?", "~", "%"]),
)


def _full(text: str) -> object:
    try:
        return full_date(text)
    except DateError:
        return None


@given(st.one_of(NEAR_PLAIN, DAYS, st.text(max_size=12)))
@example("2016-02-29")
@example("2015-02-29")
@example("1900-02-29")
@example("2000-02-29")
@example("2001-21")
@example("0000")
@example("2016-12~")
@example("-2016")
def test_plain_dates_equal_the_grammar(text: str) -> None:
    quick = plain_date(text)
    assert is_plain(text) == (quick is not None)
    if quick is not None:
        assert quick == _full(text)
        assert quick.sort_key() == full_date(text).sort_key()


def test_the_plain_forms_are_read_quickly() -> None:
    for text in ("2016", "2016-04", "2016-04-27", "2016-04~", "2016-04-27%", "0000-01-01"):
        assert plain_date(text) == full_date(text)
    for text in ("2001-21", "2016-02-30", "201X", "2016/2017", "Y20000", "-0044", "2016-13"):
        assert plain_date(text) is None
