"""`chrono show`: filters, formats, and skipping broken events with a warning."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SOURCES, MakeCollection, event_toml


@pytest.fixture
def root(small_collection: Path) -> Path:
    return small_collection


def ids(invoke: Any, root: Path, *args: str) -> list[str]:
    result = invoke("show", "--events", str(root), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return [e["id"] for e in json.loads(result.stdout)]


def test_sorted_by_the_total_order(invoke: Any, root: Path) -> None:
    assert ids(invoke, root) == ["russia", "guards", "trip", "later"]


def test_actor_membership_is_transitive(invoke: Any, root: Path) -> None:
    assert ids(invoke, root, "--actor", "iran") == ["guards", "trip", "later"]
    assert ids(invoke, root, "--actor", "IRGC") == ["guards", "trip"]
    assert ids(invoke, root, "--actor", "Qassem Soleimani") == ["trip"]


def test_repeated_actor_widens(invoke: Any, root: Path) -> None:
    assert ids(invoke, root, "--actor", "Soleimani", "--actor", "Russia") == [
        "russia",
        "trip",
        "later",
    ]


def test_date_range_keeps_overlapping_spans(invoke: Any, root: Path) -> None:
    assert ids(invoke, root, "--from", "2016-04") == ["trip", "later"]
    assert ids(invoke, root, "--to", "2016-03-15") == ["russia", "guards"]
    assert ids(invoke, root, "--from", "2016-04-30", "--to", "2016-12") == ["later"]
    assert ids(invoke, root, "--from", "April 2016", "--to", "April 2016") == ["trip", "later"]


def test_tag_search_and_location(invoke: Any, root: Path) -> None:
    assert ids(invoke, root, "--tag", "TRAVEL-BAN") == ["trip"]
    assert ids(invoke, root, "--search", "planned") == ["later"]
    assert ids(invoke, root, "--search", "it happened") == ["russia", "guards", "trip", "later"]
    assert ids(invoke, root, "--location", "mosc") == ["trip"]


def test_bad_from_is_a_usage_error(invoke: Any, root: Path) -> None:
    result = invoke("show", "--events", str(root), "--from", "someday")
    assert result.exit_code == 2
    assert "--from 'someday' is not a date" in result.stderr


def test_plain_output_has_dates_marks_and_sources(invoke: Any, root: Path) -> None:
    result = invoke("show", "--events", str(root), "--actor", "Soleimani")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "14 Apr 2016  Soleimani travels to Moscow [1]  — Qassem Soleimani",  # canonical
        "",
        "Sources:",
        "[1] An article, A publisher, 18 Apr 2016 <https://example.org/article>",
    ]


def test_json_has_every_field(invoke: Any, root: Path) -> None:
    result = invoke("show", "--events", str(root), "--format", "json", "--tag", "travel-ban")
    (event,) = json.loads(result.stdout)
    assert event["date"] == "2016-04-14"
    assert event["display_date"] == "14 Apr 2016"
    assert event["actors"] == ["Qassem Soleimani"]
    assert event["actors_as_written"] == ["Soleimani"]
    assert event["location"] == "Moscow"
    assert event["sources"][0]["key"] == "article"
    assert event["sources"][0]["quote"] == "it happened"


def test_csv_round_trips(invoke: Any, root: Path) -> None:
    result = invoke("show", "--events", str(root), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["russia", "guards", "trip", "later"]
    assert json.loads(rows[3]["actors"]) == ["Iran", "Russia"]


def test_broken_events_are_skipped_with_a_warning(
    invoke: Any, make_collection: MakeCollection
) -> None:
    root = make_collection(
        {
            "sources.toml": SOURCES,
            "good.toml": event_toml(),
            "bad.toml": event_toml(date='"2016-13"'),
        }
    )
    result = invoke("show", "--events", str(root), "--format", "plain")
    assert result.exit_code == 0
    assert "Something happened" in result.stdout
    assert f"chrono: warning: {root}/bad.toml:1: error[bad-date]" in result.stderr
    assert "1 error in the data; events with errors are left out" in result.stderr


def test_unknown_format(invoke: Any, root: Path) -> None:
    result = invoke("show", "--events", str(root), "--format", "yaml")
    assert result.exit_code == 2
    assert "unknown format 'yaml' (choose from: table, plain, json, csv, markdown)" in result.stderr


def test_table_format_draws_a_table(invoke: Any, root: Path) -> None:
    result = invoke("show", "--events", str(root), "--format", "table", "--actor", "Russia")
    assert result.exit_code == 0
    assert "Russia speaks" in result.stdout
    assert "Sources:" in result.stdout


def test_an_unknown_actor_gets_a_suggestion(invoke: Any, root: Path) -> None:
    result = invoke("show", "--events", str(root), "--actor", "Rusia")
    assert result.exit_code == 0
    assert (
        "chrono: warning: no actor 'Rusia' in actors.toml; did you mean 'Russia'?" in result.stderr
    )
