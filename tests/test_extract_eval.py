"""The evaluation set, run with floors at the current score: a regression fails here.

Also pins, one small example each, the conventions the finder and tense reader follow.
"""

from __future__ import annotations

from datetime import date

import pytest

from bench.extract_score import Score, keys, score_chrono
from chrono.extract.reading import read_article
from tests.conftest import ROOT

# The score when these floors were set: 16 articles, all 92 keyed phrases found and
# resolved exactly, none of the 47 skipped entries given a date.
FLOOR_FOUND, FLOOR_EXACT = 1.0, 1.0


def test_the_evaluation_set_scores_at_least_its_floor() -> None:
    total = Score()
    for _path, key, text in keys():
        total.add(score_chrono(key, text))
    assert total.keyed >= 92
    assert total.found / total.keyed >= FLOOR_FOUND
    assert total.exact / total.keyed >= FLOOR_EXACT
    assert total.invented == 0


MONDAY = date(2016, 4, 18)


@pytest.mark.parametrize(
    ("text", "phrase", "edtf"),
    [
        ("The talks will resume on Tuesday.", "on Tuesday", "2016-04-19"),
        ("The ship docked on Sunday.", "on Sunday", "2016-04-17"),
        ("Officials said Saturday the fire spread.", "Saturday", "2016-04-16"),
        ("Schools will open as scheduled Tuesday.", "Tuesday", "2016-04-19"),
        ("The vote is expected to take place in November.", "in November", "2016-11"),
        ("Sales fell in March.", "in March", "2016-03"),
        ("He left in November.", "in November", "2015-11"),
        ("He will appear in court March 3.", "March 3", "2017-03-03"),
        ("It happened late last week.", "late last week", "2016-04-14/2016-04-17"),
        ("They met Monday morning.", "Monday morning", "2016-04-18"),
        ("The board met later Monday.", "later Monday", "2016-04-18"),
        ("Stores were busy the day after Christmas.", "the day after Christmas", "2015-12-26"),
        ("Prices rose earlier this month.", "earlier this month", "2016-04-01/2016-04-17"),
        ("It is due by mid-2016.", "mid-2016", "2016-05/2016-08"),
        ("He was born on March 3, 2012.", "March 3, 2012", "2012-03-03"),
        ("The President, who arrived on Friday, will speak on Friday.", "on Friday", "2016-04-15"),
        ("The trial begins Monday.", "Monday", "2016-04-25"),
        ("The law takes effect Jan. 1.", "Jan. 1", "2017-01-01"),
        ("Trump to visit Texas Tuesday", "Tuesday", "2016-04-19"),
        ("The museum will be closed Thanksgiving Day.", "Thanksgiving Day", "2016-11-24"),
        ("Stores saw returns on the day after Christmas.", "the day after Christmas", "2015-12-26"),
        ("The firm will cut jobs by the end of March.", "by the end of March", "2017-03"),
        ("The bridge is set to reopen by the end of the year.", "by the end of the year", "2016"),
        (
            "Profits fell in the third quarter of 2015.",
            "in the third quarter of 2015",
            "2015-07/2015-09",
        ),
        ("Theresa May spoke in May.", "in May", "2015-05"),
        ("The talks ran Jan. 2-3, 2016.", "Jan. 2-3, 2016", "2016-01-02/2016-01-03"),
        ("It was filed 2016-04-11.", "2016-04-11", "2016-04-11"),
        ("They met on the 12th.", "on the 12th", "2016-04-12"),
        ("Results are expected late Monday.", "late Monday", "2016-04-18"),
        ("Sales for March will be published Thursday.", "March", "2016-03"),
        ("Sales for March will be published Thursday.", "Thursday", "2016-04-21"),
        ("On Tuesday, the House will vote.", "On Tuesday", "2016-04-19"),
        ("The plant will reopen in three months.", "in three months", "2016-07"),
        (
            "The House reconvenes on the second Monday in January.",
            "on the second Monday in January",
            "2017-01-09",
        ),
        ("It ended fifteen days ago.", "fifteen days ago", "2016-04-03"),
        ("The 2016 elections were close.", "2016", "2016"),
        (
            "Forecasters said it could bring rain by Wednesday afternoon.",
            "Wednesday afternoon",
            "2016-04-20",
        ),
        ("The game on Saturday will go on as planned.", "on Saturday", "2016-04-23"),
    ],
)
def test_a_convention_in_one_sentence(text: str, phrase: str, edtf: str) -> None:
    found = [p for p in read_article(text, MONDAY) if p.text == phrase]
    assert found and found[0].edtf == edtf, [
        (p.text, p.edtf, p.rule) for p in read_article(text, MONDAY)
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Talks have been under way for three weeks.", "duration"),
        ("The shop opens every seven days.", "frequency"),
        ("The rally starts at 2 p.m.", "clock time"),
        ("He recently met them.", "vague"),
        ("Sales peaked this holiday season.", "season"),
        (
            "“He left Moscow last night,” the earlier report said.",
            "anchored to the quoted report's date, not the article's",
        ),
        ("The day after Christmas has become a busy day.", "generic (not a particular day)"),
        ("The festival is held every August.", "frequency"),
        ("Rains came in the summer of 2015.", "season"),
        ("It was the first rise in three months.", "duration"),
        ("The court will hear the case in the coming months.", "vague"),
        ("He is spending a third weekend in a row there.", "vague (relative to another event)"),
        ("They met again the following Monday.", "vague (relative to another event)"),
        ("It was the 13th named storm of the 2015 season.", "season"),
    ],
)
def test_what_gives_no_date_is_skipped_with_its_reason(text: str, reason: str) -> None:
    phrases = read_article(text, MONDAY)
    assert [p.reason for p in phrases if p.status == "skipped"] == [reason]
    assert all(p.edtf is None for p in phrases)


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May said so.",
        "May is expected to win.",
        "Lady April Smith spoke.",
        "The plant has 1800 employees.",
        "About 1500 people came.",
        "He wrote for the Sunday Times.",
    ],
)
def test_names_verbs_and_counts_are_no_phrases(text: str) -> None:
    assert read_article(text, MONDAY) == []


def test_nothing_in_extraction_or_the_resolver_reads_the_clock() -> None:
    """0 results that depend on today: no module on the path from text to date asks for it."""
    import ast

    package = ROOT / "chrono"
    paths = [*(package / "extract").glob("*.py"), *(package / "dates").glob("phrase_*.py")]
    paths += [package / "dates" / "relative.py", package / "dates" / "holidays.py"]
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Attribute):
                assert node.attr not in {"today", "now", "utcnow", "time"}, (path.name, node.attr)


def test_regression_a_long_one_line_article_is_read_in_linear_time() -> None:
    """Sentence ends and overlapping candidates were once checked against everything before
    them: 100 kB on one line took 6 s, 2 MB would have taken hours."""
    import time

    text = "On Friday, the talks will resume next week in March 2016 for three weeks. " * 5400
    start = time.process_time()
    phrases = read_article(text, MONDAY)
    assert len(phrases) == 4 * 5400
    assert time.process_time() - start < 30


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("A second round will be held on Tuesday.", "on Tuesday"),
        ("The summit will be held Monday, officials said.", "Monday"),
    ],
)
def test_regression_a_participle_after_be_keeps_the_future(text: str, phrase: str) -> None:
    """'will be held' read as past: the participle 'held' outvoted the auxiliary 'will'."""
    found = next(p for p in read_article(text, MONDAY) if p.text == phrase)
    assert found.tense == "future"
