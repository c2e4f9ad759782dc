"""Plainly written dates read at the precision they were written."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chrono.dates.written import parse_written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("27 April 2016", "2016-04-27"),
        ("27th April 2016", "2016-04-27"),
        ("the 27th of April 2016", "2016-04-27"),
        ("on 27 April 2016", "2016-04-27"),
        ("April 27, 2016", "2016-04-27"),
        ("Apr 27, 2016", "2016-04-27"),
        ("Apr. 27, 2016", "2016-04-27"),
        ("April 27th, 2016", "2016-04-27"),
        ("27-Apr-2016", "2016-04-27"),
        ("Wednesday, 27 April 2016", "2016-04-27"),
        ("27/04/2016", "2016-04-27"),
        ("05/05/2016", "2016-05-05"),
        ("18.04.2016", "2016-04-18"),
        ("2016/04/05", "2016-04-05"),
        ("2016 April 27", "2016-04-27"),
        ("20160427", "2016-04-27"),
        ("  27 April 2016 ", "2016-04-27"),
        ("April 2016", "2016-04"),
        ("April of 2016", "2016-04"),
        ("Sept 2016", "2016-09"),
        ("Dec 2015", "2015-12"),
        ("4/2016", "2016-04"),
        ("2016", "2016"),
        ("1200", "1200"),
    ],
)
def test_written_dates_keep_their_precision(text: str, expected: str) -> None:
    assert parse_written(text) == expected


@pytest.mark.parametrize("text", ["2016", "2016-04", "2016-04-27", "0000-02-29"])
def test_edtf_calendar_text_comes_back_unchanged(text: str) -> None:
    assert parse_written(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hello",
        "next week",
        "mid-2016",
        "in 2016",
        "Friday",
        "Friday 2016",  # a weekday needs a day to fall on
        "Friday, 27 April 2016",  # 27 April 2016 was a Wednesday
        "27 April",  # no year
        "April",
        "27 2016",  # no month
        "04/05/2016",  # 4 May or 5 April?
        "27 April 16",  # two-digit year
        "04/05/16",
        "31 April 2016",
        "2016-13",
        "2016-02-30",
        "2016-04-27~",  # EDTF with a qualifier is not a written date
        "27 April 2016 10am",
        "27 April 2016 10:30",
        "27 April 2016 UTC",
        "April 2016 and May 2016",
    ],
)
def test_anything_else_is_none(text: str) -> None:
    assert parse_written(text) is None


def test_importing_the_module_does_not_import_dateutil() -> None:
    code = "import sys, chrono.dates.written; print('dateutil' in sys.modules)"
    root = Path(__file__).resolve().parent.parent
    run = [sys.executable, "-c", code]
    out = subprocess.run(run, capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "False"


days = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))


@given(days, st.sampled_from(["%d %B %Y", "%B %d, %Y", "%d %b %Y", "%A, %d %B %Y"]))
def test_any_day_written_out_reads_back(day: date, layout: str) -> None:
    assert parse_written(day.strftime(layout)) == day.isoformat()


@given(days)
def test_any_month_written_out_reads_back_as_a_month(day: date) -> None:
    assert parse_written(day.strftime("%B %Y")) == day.isoformat()[:7]


@pytest.mark.parametrize("text", ["-1985", "\u22121985", "-27 April 2016"])
def test_a_minus_sign_is_never_dropped(text: str) -> None:
    """Regression: dateutil read '-1985' as the year 1985, silently flipping its era."""
    assert parse_written(text) is None
