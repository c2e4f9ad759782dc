"""Grades, corroboration, disagreement and duplicates through the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ACTORS, MakeCollection

CORPUS = Path(__file__).resolve().parent / "corroborate_corpus"
SAMPLE = Path(__file__).resolve().parent.parent / "events"

GRADED_SOURCES = """
[wire]
title = "Wire story"
publisher = "Reuters"
reliability = "B"
[rewrite]
title = "A rewrite of the wire story"
publisher = "Daily"
reliability = "D"
derived_from = "wire"
[tass]
title = "Agency report"
publisher = "TASS"
reliability = "C"
"""


def _event(title: str, date: str, *cites: str, extra: str = "") -> str:
    body = f'date = "{date}"\ntitle = "{title}"\nactors = ["Soleimani"]\n{extra}'
    return body + "".join(f"\n[[sources]]\n{c}\n" for c in cites)


@pytest.fixture
def graded(make_collection: MakeCollection) -> Path:
    return make_collection(
        {
            "sources.toml": GRADED_SOURCES,
            "actors.toml": ACTORS,
            "a.toml": _event(
                "Three reports, two independent", "2016-04-15",
                'ref = "wire"\ncredibility = 2', 'ref = "rewrite"\ncredibility = 3',
                'ref = "tass"\ncredibility = 2\ndate = "2016-04-15"',
            ),
            "b.toml": _event("One weak report", "2016-03-01", 'ref = "rewrite"\ncredibility = 5'),
            "c.toml": _event(
                "Disputed date", "2016-05-15/2016-05-17",
                'ref = "tass"\ndate = "2016-05-15"\ndate_text = "on Sunday"',
                'ref = "wire"\ndate = "2016-05-16/2016-05-17"',
            ),
        }
    )  # fmt: skip


def test_plain_output_shows_grades_corroboration_and_disagreement(
    invoke: Any, graded: Path
) -> None:
    out = invoke("show", "--events", str(graded), "--format", "plain").stdout
    assert "Three reports, two independent [2 B2][1 D3][3 C2]" in out
    assert "(3 sources, 2 independent)" in out
    assert "sources disagree: 15 May 2016 (TASS) / 16–17 May 2016 (Reuters)" in out
    assert "[2] Wire story, Reuters (reliability B: usually reliable)" in out


def test_min_grade_keeps_events_with_one_citation_at_or_above_it(invoke: Any, graded: Path) -> None:
    out = invoke("show", "--events", str(graded), "--format", "json", "--min-grade", "c").stdout
    assert [e["title"] for e in json.loads(out)] == [
        "Three reports, two independent",
        "Disputed date",
    ]
    out = invoke("show", "--events", str(graded), "--format", "json", "--min-grade", "B2").stdout
    assert [e["title"] for e in json.loads(out)] == ["Three reports, two independent"]


def test_a_bad_min_grade_is_a_usage_error(invoke: Any, graded: Path) -> None:
    result = invoke("show", "--events", str(graded), "--min-grade", "Z9")
    assert result.exit_code == 2
    assert "--min-grade: grade 'Z9' is not on the Admiralty scale" in result.output


def test_corroborated_counts_independent_sources_only(invoke: Any, graded: Path) -> None:
    out = invoke("show", "--events", str(graded), "--format", "json", "--corroborated", "2").stdout
    assert [e["title"] for e in json.loads(out)] == [
        "Three reports, two independent",
        "Disputed date",
    ]
    out = invoke("show", "--events", str(graded), "--format", "json", "--corroborated", "3").stdout
    assert json.loads(out) == []


def test_json_and_csv_carry_grades_and_counts_as_fields(invoke: Any, graded: Path) -> None:
    events = json.loads(invoke("show", "--events", str(graded), "--format", "json").stdout)
    first = next(e for e in events if e["title"].startswith("Three"))
    assert first["corroboration"] == {"sources": 3, "independent": 2}
    expected = {"reliability": "D", "credibility": 3, "grade": "D3", "derived_from": "wire"}
    assert expected.items() <= first["sources"][1].items()
    disputed = next(e for e in events if e["title"] == "Disputed date")
    assert [c["source"] for c in disputed["sources_disagree"]] == ["TASS", "Reuters"]
    rows = list(
        csv.DictReader(
            io.StringIO(invoke("export", "--events", str(graded), "--format", "csv").stdout)
        )
    )
    row = next(r for r in rows if r["title"].startswith("Three"))
    assert (row["grades"], row["sources_count"], row["independent_sources"]) == (
        '["B2", "D3", "C2"]',
        "3",
        "2",
    )


def test_check_warns_sources_disagree_and_single_source_only_when_asked(
    invoke: Any, graded: Path
) -> None:
    plain = invoke("check", "--events", str(graded))
    assert plain.exit_code == 0
    assert (
        "c.toml:1: warning[sources-disagree]: sources disagree: 15 May 2016 (TASS) / 16–17 May 2016 (Reuters)"
        in plain.stdout
    )
    assert "single-source" not in plain.stdout
    assert invoke("check", "--events", str(graded), "--strict").exit_code == 1  # disagreement
    strict = invoke("check", "--events", str(graded), "--single-source")
    assert strict.exit_code == 0
    assert (
        "b.toml:5: warning[single-source]: backed by a single independent source" in strict.stdout
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            'ref = "wire"\ncredibility = 7',
            "credibility 7 is not on the scale: a whole number from 1 to 6",
        ),
        ('ref = "wire"\ncredibility = "2"', "credibility '2' is not on the scale"),
        (
            'title = "T"\nreliability = "G"',
            "reliability 'G' is not on the scale: one of A, B, C, D, E, F",
        ),
        ('ref = "wire"\nreliability = "A"', "a source with 'ref' takes only"),
        ('ref = "wire"\ndate = "2016-02-30"', "'date': day 30 does not exist"),
    ],
)
def test_bad_grades_and_claims_are_errors_with_a_code(
    invoke: Any, make_collection: MakeCollection, entry: str, message: str
) -> None:
    root = make_collection({"sources.toml": GRADED_SOURCES, "x.toml": _event("X", "2016", entry)})
    result = invoke("check", "--events", str(root))
    assert result.exit_code == 1
    assert message in result.stdout
    assert "x.toml:7: error[" in result.stdout


def test_a_bad_grade_in_sources_toml_is_an_error(
    invoke: Any, make_collection: MakeCollection
) -> None:
    root = make_collection({"sources.toml": '[s]\ntitle = "S"\nreliability = "b"\n'})
    result = invoke("check", "--events", str(root))
    assert result.exit_code == 1
    assert "sources.toml:3: error[bad-grade]: reliability 'b' is not on the scale" in result.stdout


def test_check_reports_the_true_duplicates_across_collections_and_nothing_else(invoke: Any) -> None:
    dirs = [SAMPLE, CORPUS / "wire", CORPUS / "analyst"]
    result = invoke("check", *[a for d in dirs for a in ("--events", str(d))])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    duplicates = [line for line in lines if "warning[possible-duplicate]" in line]
    assert len(duplicates) == 9
    assert set(lines) - set(duplicates) == {
        line for line in lines if "sources-disagree" in line and "soleimani-in-moscow.toml" in line
    }
    tass = next(line for line in duplicates if "tass-says-iran-minister-to-visit" in line)
    assert "possible duplicate of 'tass-confirms-meeting'" in tass
    assert (
        "same day, both TASS, Hossein Dehghan and Sergei Shoigu, words 86 % alike (score 90)"
        in tass
    )


def test_same_as_folds_two_rows_into_one_without_touching_files(
    invoke: Any, make_collection: MakeCollection
) -> None:
    root = make_collection(
        {
            "sources.toml": GRADED_SOURCES,
            "a.toml": _event("Visit", "2016-04-15", 'ref = "wire"', extra='same_as = ["b"]\n'),
            "b.toml": _event("Visit, again", "2016-04-14/2016-04-16", 'ref = "tass"'),
        }
    )
    before = (root / "a.toml").read_text()
    folded = json.loads(
        invoke("show", "--events", str(root), "--format", "json", "--fold-duplicates").stdout
    )
    assert len(folded) == 1
    assert folded[0]["merged_from"] == ["b", "a"] or folded[0]["merged_from"] == ["a", "b"]
    assert folded[0]["corroboration"] == {"sources": 2, "independent": 2}
    assert len(json.loads(invoke("show", "--events", str(root), "--format", "json").stdout)) == 2
    assert (root / "a.toml").read_text() == before
    check = invoke("check", "--events", str(root))
    assert "possible-duplicate" not in check.stdout  # settled by same_as


def test_window_accepts_days_and_refuses_nonsense(invoke: Any, graded: Path) -> None:
    assert invoke("check", "--events", str(graded), "--window", "2d").exit_code == 0
    bad = invoke("check", "--events", str(graded), "--window", "soon")
    assert bad.exit_code == 2
    assert "--window must be a number of days" in bad.output


def test_sample_markdown_and_html_show_grades_corroboration_and_disagreement(invoke: Any) -> None:
    markdown = invoke("export", "--events", str(SAMPLE), "--format", "markdown").stdout
    assert "[^3] (B2)[^1] (C3)[^1] (C)" in markdown  # one footnote per source, each grade
    assert (
        "Sources disagree: c. 11–13 Apr 2016 (Behold Israel) / c. 15–16 Apr 2016 (Reuters)"
        in markdown
    )
    assert "Grade B2: usually reliable, probably true" in markdown
    html = invoke("export", "--events", str(SAMPLE), "--format", "html").stdout
    assert '<p class="corroboration">Sources disagree: c. 11–13 Apr 2016 (Behold Israel)' in html
    assert ">[9 B2]</a>" in html


def test_a_derived_from_to_no_entry_is_a_warning(
    invoke: Any, make_collection: MakeCollection
) -> None:
    cite = 'title = "Rewrite"\npublisher = "Daily"\nderived_from = "wire-story"'
    root = make_collection({"sources.toml": GRADED_SOURCES, "x.toml": _event("X", "2016", cite)})
    result = invoke("check", "--events", str(root))
    assert result.exit_code == 0
    assert (
        "x.toml:5: warning[unknown-source-ref]: 'Rewrite' is derived_from 'wire-story',"
        " which is not in sources.toml" in result.stdout
    )


def test_limit_counts_after_the_corroboration_filters(invoke: Any, graded: Path) -> None:
    """-n 1 keeps the first event that passes --min-grade, not the first event of all
    (which fails it) cut down to nothing."""
    args = ("show", "--events", str(graded), "--format", "json")
    first = json.loads(invoke(*args, "--min-grade", "B2", "-n", "1").stdout)
    assert [e["title"] for e in first] == ["Three reports, two independent"]
    latest = json.loads(invoke(*args, "--min-grade", "C", "--reverse", "-n", "1").stdout)
    assert [e["title"] for e in latest] == ["Disputed date"]
