"""Vague phrases resolved against the date of the source that uses them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chrono.dates.relative import EXAMPLES, PhraseError, PhraseSkipped, resolve_phrase

MONDAY = date(2016, 4, 18)  # the article's approximate date
SUNDAY = date(2016, 4, 24)
NEW_YEAR = date(2015, 12, 30)  # a Wednesday whose ISO week ends in 2016

FROM_MONDAY = [
    ("today", "2016-04-18"),
    ("yesterday", "2016-04-17"),
    ("Tomorrow", "2016-04-19"),
    ("last night", "2016-04-17"),
    ("this week", "2016-04-18/2016-04-24"),
    ("last week", "2016-04-11/2016-04-17"),
    ("Last week", "2016-04-11/2016-04-17"),
    ("next week", "2016-04-25/2016-05-01"),
    ("over the weekend", "2016-04-16/2016-04-17"),
    ("this weekend", "2016-04-23/2016-04-24"),  # the weekend of the ISO week
    ("last weekend", "2016-04-16/2016-04-17"),
    ("next weekend", "2016-04-23/2016-04-24"),
    ("on Friday", "2016-04-15"),
    ("Friday", "2016-04-15"),
    ("last Friday", "2016-04-15"),
    ("next Friday", "2016-04-22"),
    ("this Friday", "2016-04-22"),
    ("on Monday", "2016-04-18"),
    ("last Monday", "2016-04-11"),
    ("next Monday", "2016-04-25"),
    ("last month", "2016-03"),
    ("this month", "2016-04"),
    ("next month", "2016-05"),
    ("last year", "2015"),
    ("this year", "2016"),
    ("next year", "2017"),
    ("in 2007", "2007"),
    ("2007", "2007"),
    ("in April 2016", "2016-04"),
    ("Apr 2016", "2016-04"),
    ("May of 2016", "2016-05"),
    ("early 2016", "2016-01/2016-04"),
    ("mid-2016", "2016-05/2016-08"),
    ("by mid-2016", "2016-05/2016-08"),
    ("mid 2016", "2016-05/2016-08"),
    ("late 2016", "2016-09/2016-12"),
    ("the end of 2016", "2016-09/2016-12"),
    ("early April 2016", "2016-04-01/2016-04-10"),
    ("mid-April 2016", "2016-04-11/2016-04-20"),
    ("late February 2016", "2016-02-21/2016-02-29"),
    ("early next year", "2017-01/2017-04"),
    ("3 days ago", "2016-04-15"),
    ("three days ago", "2016-04-15"),
    ("a week ago", "2016-04-11"),
    ("2 weeks ago", "2016-04-04"),
    ("two months ago", "2016-02"),
    ("a year ago", "2015"),
    ("in 3 days", "2016-04-21"),
    ("about a week ago", "2016-04-11~"),
    ("  On   FRIDAY. ", "2016-04-15"),
    ("over\u00a0the weekend", "2016-04-16/2016-04-17"),
]

FROM_SUNDAY = [
    ("today", "2016-04-24"),
    ("this week", "2016-04-18/2016-04-24"),
    ("next week", "2016-04-25/2016-05-01"),
    ("over the weekend", "2016-04-23/2016-04-24"),
    ("this weekend", "2016-04-23/2016-04-24"),
    ("last weekend", "2016-04-16/2016-04-17"),
    ("next weekend", "2016-04-30/2016-05-01"),
    ("on Friday", "2016-04-22"),
    ("on Sunday", "2016-04-24"),
    ("last Sunday", "2016-04-17"),
    ("next Sunday", "2016-05-01"),
    ("this Friday", "2016-04-22"),
]

ACROSS_NEW_YEAR = [
    ("this week", "2015-12-28/2016-01-03"),
    ("next week", "2016-01-04/2016-01-10"),
    ("last week", "2015-12-21/2015-12-27"),
    ("next month", "2016-01"),
    ("next year", "2016"),
    ("tomorrow", "2015-12-31"),
    ("in 3 days", "2016-01-02"),
    ("over the weekend", "2015-12-26/2015-12-27"),
    ("next Friday", "2016-01-01"),
]


@pytest.mark.parametrize(("phrase", "expected"), FROM_MONDAY)
def test_phrases_from_a_monday(phrase: str, expected: str) -> None:
    assert resolve_phrase(phrase, MONDAY) == expected


@pytest.mark.parametrize(("phrase", "expected"), FROM_SUNDAY)
def test_phrases_from_a_sunday(phrase: str, expected: str) -> None:
    assert resolve_phrase(phrase, SUNDAY) == expected


@pytest.mark.parametrize(("phrase", "expected"), ACROSS_NEW_YEAR)
def test_phrases_across_a_year_boundary(phrase: str, expected: str) -> None:
    assert resolve_phrase(phrase, NEW_YEAR) == expected


@pytest.mark.parametrize(
    ("anchor", "phrase", "expected"),
    [
        (date(2016, 3, 31), "a month ago", "2016-02"),
        (date(2016, 1, 15), "last month", "2015-12"),
    ],
)
def test_months_clamp_to_the_shorter_month(anchor: date, phrase: str, expected: str) -> None:
    assert resolve_phrase(phrase, anchor) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("next week", "2016-04-25~/2016-05-01~"),
        ("on Friday", "2016-04-15~"),
        ("last night", "2016-04-17~"),
        ("last month", "2016-03~"),
        ("early next year", "2017-01~/2017-04~"),
    ],
)
def test_an_approximate_anchor_makes_every_closed_end_approximate(
    phrase: str, expected: str
) -> None:
    assert resolve_phrase(phrase, MONDAY, approximate_anchor=True) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("in 2007", "2007"), ("mid-2016", "2016-05/2016-08"), ("in April 2016", "2016-04")],
)
def test_absolute_phrases_ignore_the_anchors_uncertainty(phrase: str, expected: str) -> None:
    assert resolve_phrase(phrase, MONDAY, approximate_anchor=True) == expected


@pytest.mark.parametrize(
    "phrase", ["", "hello", "next fortnight", "in Smarch 2016", "Friday week", "fortnight Tuesday"]
)
def test_nonsense_raises_a_phrase_error_listing_examples(phrase: str) -> None:
    with pytest.raises(PhraseError) as caught:
        resolve_phrase(phrase, MONDAY)
    message = str(caught.value)
    assert message.startswith(f"time phrase not understood: {phrase!r}; ")
    assert "'next week'" in message and "'mid-2016'" in message
    assert caught.value.phrase == phrase


def test_a_phrase_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="not understood"):
        resolve_phrase("whenever", MONDAY)


def test_dates_outside_the_calendar_are_phrase_errors() -> None:
    with pytest.raises(PhraseError, match=r"outside the years 1–9999"):
        resolve_phrase("9999 years ago", MONDAY)


@pytest.mark.parametrize("phrase", EXAMPLES)
def test_every_example_in_the_error_message_resolves(phrase: str) -> None:
    assert resolve_phrase(phrase, MONDAY)


anchors = st.dates(min_value=date(1000, 1, 1), max_value=date(9000, 12, 31))


@given(anchors, st.integers(min_value=0, max_value=3000))
def test_n_days_ago_is_plain_subtraction(anchor: date, n: int) -> None:
    assert resolve_phrase(f"{n} days ago", anchor) == (anchor - timedelta(days=n)).isoformat()


@given(anchors)
def test_this_week_is_the_iso_week_holding_the_anchor(anchor: date) -> None:
    start, end = map(date.fromisoformat, resolve_phrase("this week", anchor).split("/"))
    assert start.weekday() == 0 and end - start == timedelta(days=6)
    assert start <= anchor <= end


@given(anchors, st.sampled_from(["monday", "wednesday", "friday", "sunday"]))
def test_a_bare_weekday_is_the_latest_such_day_not_after_the_anchor(
    anchor: date, name: str
) -> None:
    day = date.fromisoformat(resolve_phrase(f"on {name}", anchor))
    assert day.strftime("%A").lower() == name
    assert timedelta(0) <= anchor - day < timedelta(days=7)


@given(anchors)
def test_the_weekend_is_a_saturday_and_sunday_not_wholly_after_the_anchor(anchor: date) -> None:
    start, end = map(date.fromisoformat, resolve_phrase("over the weekend", anchor).split("/"))
    assert (start.weekday(), end.weekday()) == (5, 6)
    assert start <= anchor < start + timedelta(days=7)


@pytest.mark.parametrize(
    ("phrase", "reason"),
    [
        ("over a month", "duration"),
        ("for over a month", "duration"),
        ("over a year", "duration"),
        ("for three weeks", "duration"),
        ("over seven days", "duration"),
        ("more than a month ago", "vague"),
        ("days ago", "vague"),
        ("a few days ago", "vague"),
        ("several months ago", "vague"),
        ("in a few days", "vague"),
        ("recently", "vague"),
        ("soon", "vague"),
        ("just days after", "vague (relative to another event)"),
        ("every seven days", "frequency"),
        ("2 p.m.", "clock time"),
        ("Week 11", "league schedule week"),
        ("this holiday season", "season"),
    ],
)
def test_phrases_that_give_no_date_are_skipped_with_a_reason(phrase: str, reason: str) -> None:
    with pytest.raises(PhraseSkipped) as caught:
        resolve_phrase(phrase, MONDAY)
    assert caught.value.reason == reason
    assert isinstance(caught.value, PhraseError)  # `chrono add` refuses them like nonsense
