"""Each importer on a fixture written from its format's documentation (cited per test)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.importers import IMPORT_FORMATS
from chrono.importers.plan import ImportPlan
from chrono.importers.rows import ReadOptions
from chrono.importers.run import plan_import
from chrono.importers.toml_out import event_toml
from chrono.load import RawFile
from chrono.model import Event
from chrono.parse import parse_event_file
from chrono.pipeline import load_collection

FIXTURES = Path(__file__).resolve().parent / "import_fixtures"


def planned_events(plan: ImportPlan) -> list[Event]:
    """The events as the planned files would give them back, prose and all."""
    events: list[Event] = []
    for planned in plan.files:
        raw = RawFile(str(planned.path), "events", tomllib.loads(planned.text))
        found, problems = parse_event_file(raw)
        assert problems == []
        events += found
    return sorted(events, key=Event.sort_key)


def imported(name: str, fmt: str, tmp_path: Path, **options: Any) -> tuple[dict[str, Event], Any]:
    path = FIXTURES / name
    plan = plan_import(
        path.read_bytes(), str(path), IMPORT_FORMATS[fmt], ReadOptions(**options), None, tmp_path
    )
    return {e.id: e for e in planned_events(plan)}, plan


def problems(plan: Any) -> list[str]:
    return [f"{p.line}:{p.code}:{p.message}" for p in plan.errors]


def test_acled(tmp_path: Path) -> None:
    """Columns and time_precision from the ACLED codebook (as summarised in the acledR
    package's documentation of its data frames: event_id_cnty, event_date, time_precision,
    actor1, assoc_actor_1, ..., source, notes, fatalities)."""
    events, plan = imported("acled.csv", "acled", tmp_path)
    assert not plan.errors
    clash = events["syr1001"]
    assert clash.date.text == "2016-04-27"  # precision 1: the day
    assert clash.title == "Armed clash in Deir ez Zor"
    assert clash.actors == ("Military Forces of Syria (2000-)", "Islamic State (Syria)")
    assert clash.location == "Deir ez Zor, Syria"
    assert [c.source.title for c in clash.citations] == ["SANA", "Reuters"]
    assert clash.summary is not None and clash.summary.endswith("Fatalities: 4.")
    protest = events["syr1002"]
    assert protest.date.text == "2016-04-17/2016-04-23"  # precision 2: the week around it
    assert protest.actors == ("Protesters (Syria)", "Teachers (Syria)", "Students (Syria)")
    assert events["syr1003"].date.text == "2016-04"  # precision 3: the month


def test_acled_without_its_columns_is_refused(tmp_path: Path) -> None:
    _events, plan = imported("jrnl.json", "acled", tmp_path)
    assert problems(plan) == [
        "1:missing-field:not an ACLED extract: no event_date, actor1, source column"
    ]


def test_timelinejs_sheet(tmp_path: Path) -> None:
    """Columns from Knight Lab's TimelineJS Google Sheet template (Year ... Background);
    the 'title' and 'era' Types as its documentation describes them."""
    events, plan = imported("timelinejs-sheet.csv", "timelinejs-sheet", tmp_path)
    by_title = {e.title: e for e in events.values()}
    meeting = by_title["Dehghan meets Shoigu"]
    assert meeting.date.text == "2016-04-27"
    assert meeting.date_text == "27 April 2016"
    assert meeting.tags == ("diplomacy",)
    assert meeting.summary == "The ministers met in Moscow.\n\nSu-30 jets were discussed & more."
    source = meeting.citations[0].source
    assert (source.url, source.title, source.author) == (
        "https://example.org/story",
        "Iran's defence minister in Moscow",
        "Example Wire",
    )
    assert by_title["Talks on T-90 tanks"].date.text == "2016-04/2016-05"
    assert by_title["S-300 delivery year"].date.text == "2016"
    assert by_title["S-300 delivery year"].summary == "Deliveries\nbegan."
    assert by_title["Report published"].date.text == "2016-04-18T14:30:00"
    assert [(p.line, p.message) for p in plan.warnings] == [
        (2, "the 'title' row is not an event; skipped"),
        (8, "the 'era' row is not an event; skipped"),
    ]
    assert problems(plan) == ["9:bad-date:'Day' is filled but 'Month' is not"]
    assert len(events) == 4  # the title and era rows are not events


def test_jrnl(tmp_path: Path) -> None:
    """jrnl's JSON exporter (jrnl/plugins/json_exporter.py): title, body, date, time, tags,
    starred per entry."""
    events, plan = imported("jrnl.json", "jrnl", tmp_path)
    first, second = sorted(events.values(), key=Event.sort_key)
    assert first.date.text == "2016-04-26T21:40:00"
    assert first.title == "Arrived in Moscow."
    assert first.tags == ("travel",)
    assert second.tags == ("work", "starred")
    assert problems(plan) == ["3:bad-date:entry #3: no 'date'"]


@pytest.mark.parametrize("name", ["timesketch.csv", "timesketch.jsonl"])
def test_timesketch(tmp_path: Path, name: str) -> None:
    """Timesketch's 'Create timeline from JSON or CSV' guide: message, datetime (ISO 8601),
    timestamp_desc are required; the examples there are these rows."""
    events, plan = imported(name, "timesketch", tmp_path)
    by_title = {e.title: e for e in events.values()}
    first = by_title["A message"]
    assert first.date.text == "2015-07-24T19:01:01Z"
    assert first.tags[0] == "Write time"
    assert first.summary == "extra_field_1: foo"
    assert by_title["Another message"].date.text == "2015-07-24T19:01:02Z"  # microseconds dropped
    assert len(plan.errors) == 1


def test_timesketch_tag_column_becomes_tags(tmp_path: Path) -> None:
    events, _plan = imported("timesketch.csv", "timesketch", tmp_path)
    assert {e.title: e for e in events.values()}["A message"].tags == ("Write time", "evil")


def test_markwhen(tmp_path: Path) -> None:
    """Markwhen's documentation (content/docs.md in mark-when/markwhen): front matter with
    dateFormat d/M/y, RANGE: description, #tags, !ids, relative dates, group/section blocks."""
    events, plan = imported("markwhen.mw", "markwhen", tmp_path)
    talks = events["talks"]
    assert talks.date.text == "2016-04-01/2016-04-14"  # 01/04/2016 day-first, lasting 2 weeks
    assert talks.tags == ("2016 talks", "Moscow", "arms")
    assert talks.location == "Moscow"
    assert talks.citations[0].source.url == "https://example.org/wire"
    assert talks.summary == "Reported by Example Wire.\nHeld in Moscow."
    by_title = {e.title: e for e in events.values()}
    assert by_title["Follow-up meeting"].date.text == "2016-04-15/2016-04-21"  # after !talks
    assert by_title["Dehghan meets Shoigu"].tags == ("2016 talks", "diplomacy")  # group ended
    assert by_title["A year of talks"].tags == ()  # after endSection
    assert [p.line for p in plan.errors] == [16, 17]
    assert "repeats" in plan.errors[0].message
    assert "never dates against today" in plan.errors[1].message


def test_markwhen_older_syntax(tmp_path: Path) -> None:
    """The older (Cascade) syntax: header lines before the first event, groups without
    endGroup, each new group ending the one before."""
    events, plan = imported("markwhen-older.mw", "markwhen", tmp_path)
    assert not plan.errors
    by_title = {e.title: e for e in events.values()}
    assert by_title["First round"].date.text == "2016-04-01"
    assert by_title["First round"].tags == ("The talks", "arms")
    assert by_title["First round"].location == "Moscow"
    assert by_title["Second round"].date.text == "2016-05"
    assert by_title["Follow-up"].tags == ("Later",)
    assert by_title["The year after"].date.text == "2018-01-01/2018-12-31"


def test_done_when_acled_and_sheet_then_check_is_clean(invoke: Any, tmp_path: Path) -> None:
    """The issue's acceptance: import the ACLED and TimelineJS-sheet fixtures, then check."""
    folder = tmp_path / "events"
    for name, fmt in (("acled.csv", "acled"), ("timelinejs-sheet.csv", "timelinejs-sheet")):
        result = invoke(
            "import",
            str(FIXTURES / name),
            "--from",
            fmt,
            "--into",
            str(folder),
            "--partial",
            "--add-actors",
        )
        assert "Traceback" not in result.stderr
    collection = load_collection([str(folder)])
    assert collection.problems == []
    assert len(collection.events) == 7


TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]))  # surrogates: see below
VALUES = st.one_of(
    TEXT,
    st.lists(TEXT),
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
)


@given(st.dictionaries(TEXT.filter(lambda k: k != "sources"), VALUES, max_size=6))
@settings(max_examples=200, deadline=None)
def test_the_toml_writer_writes_what_tomllib_reads_back(table: dict[str, Any]) -> None:
    """The importers' own TOML writer: any text (control characters, quotes, DEL, any script)
    and the other JSON values come back from tomllib as they went in."""
    data = tomllib.loads(event_toml({**table, "sources": [table]}))
    assert data == {"events": [{**table, "sources": [table]}]}


def test_a_lone_surrogate_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    path.write_text(
        '{"entries": [{"title": "bad \\ud800 text", "body": "", "date": "2016-04-27", "time": "09:00", "tags": []}]}',
        encoding="utf-8",
    )
    plan = plan_import(
        path.read_bytes(), str(path), IMPORT_FORMATS["jrnl"], ReadOptions(), None, tmp_path
    )
    assert problems(plan) == [
        "1:bad-value:text holds a lone surrogate (\\ud800-\\udfff), which is not Unicode"
    ]


def test_timelinejs_from_elsewhere(tmp_path: Path) -> None:
    """TimelineJS3's JSON format documentation (Knight Lab, "JSON format"): a title slide,
    eras, and events with start_date/end_date objects, text, media, group, unique_id; the
    values may be strings or numbers."""
    events, plan = imported("timelinejs.json", "timelinejs", tmp_path)
    heritage = events["musical-heritage"]
    assert heritage.date.text == "1963-08-09"
    assert heritage.summary == "Born in New Jersey on August 9th, 1963."
    assert heritage.tags == ("Childhood",)
    source = heritage.citations[0].source
    assert (source.url, source.title, source.author) == (
        "https://example.org/photo.jpg",
        "Houston with her mother",
        "Example Photos",
    )
    albums = {e.title: e for e in events.values()}["First albums"]
    assert albums.date.text == "1985/1987"
    assert albums.date_text == "the mid-eighties"  # the author's words are kept
    assert albums.citations[0].source.title == "timelinejs.json"  # no source: the file
    assert [p.line for p in plan.errors] == [3, 4]
    assert "start_date/end_date make no date" in plan.errors[0].message


def test_chrono_json_refuses_what_is_not_its_own(tmp_path: Path) -> None:
    path = tmp_path / "newer.json"
    path.write_text('{"format": "chrono-export", "version": 9, "events": []}', encoding="utf-8")
    plan = plan_import(
        path.read_bytes(), str(path), IMPORT_FORMATS["chrono-json"], ReadOptions(), None, tmp_path
    )
    assert problems(plan) == [
        "1:bad-value:chrono-export version 9 is not one this chrono reads (1)"
    ]
    path.write_text(
        '[{"id": "x", "date": "2016", "title": "T", "sources": [{"url": "javascript:alert(1)"}]}, 7]',
        encoding="utf-8",
    )
    plan = plan_import(
        path.read_bytes(), str(path), IMPORT_FORMATS["chrono-json"], ReadOptions(), None, tmp_path
    )
    assert [p.line for p in plan.errors] == [1, 2]
    assert "is not a web address" in plan.errors[0].message
    assert plan.errors[1].message == "event #2 is not a JSON object"


def test_json_syntax_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(b'\xef\xbb\xbf{\n  "entries": [\n    {"title": }\n  ]\n}\n')
    plan = plan_import(
        path.read_bytes(), str(path), IMPORT_FORMATS["jrnl"], ReadOptions(), None, tmp_path
    )
    assert [(p.line, p.code) for p in plan.errors] == [(3, "syntax")]


def test_collection_checks_refuse_a_row(tmp_path: Path) -> None:
    """A check that needs the collection (here: a source key it lacks) refuses that row only."""
    path = tmp_path / "show.json"
    good = {
        "id": "a",
        "date": "2016",
        "title": "Good",
        "sources": [{"url": "https://example.org/a"}],
    }
    bad = {"id": "b", "date": "2016", "title": "Bad", "sources": [{"key": "nowhere"}]}
    path.write_text(json.dumps([good, bad]), encoding="utf-8")
    plan = plan_import(
        path.read_bytes(), str(path), IMPORT_FORMATS["chrono-json"], ReadOptions(), None, tmp_path
    )
    assert [(p.line, p.code) for p in plan.errors] == [(2, "unknown-source-ref")]
    assert [e.id for e in plan.events] == ["a"]


@given(st.text(alphabet=st.characters(max_codepoint=0x2100)))
def test_web_url_refuses_exactly_its_characters(rest: str) -> None:
    """`web_url` became a pattern for speed; it still refuses exactly space, quotes, angle
    brackets and the C0, DEL and C1 controls."""
    from chrono.parse.schema import web_url

    refused = any(c in ' <>"' or c <= " " or "\x7f" <= c <= "\x9f" for c in rest)
    assert web_url("https://" + rest) is not refused


def test_regression_markwhen_tags_differing_in_case_are_one_tag(tmp_path: Path) -> None:
    """'#Diplomacy ... #diplomacy' gave both; the first spelling is kept, once."""
    path = tmp_path / "t.mw"
    path.write_text("2016-04-27: Dehghan meets Shoigu #Diplomacy #arms #diplomacy #ARMS\n")
    plan = plan_import(
        path.read_bytes(), str(path), IMPORT_FORMATS["markwhen"], ReadOptions(), None, tmp_path
    )
    events = {e.id: e for e in planned_events(plan)}
    assert not plan.errors
    assert [e.tags for e in events.values()] == [("Diplomacy", "arms")]


def test_markwhen_title_leaves_out_trailing_source_links_and_reads_iso_intervals(
    tmp_path: Path,
) -> None:
    """From the newcomer trial: a source link ending the title line put its label in the
    title, and the ISO interval 2016-05/2016-08 was refused."""
    path = tmp_path / "t.mw"
    path.write_text(
        "2016-04-27: Dehghan meets Shoigu in [Moscow](location) [TASS](https://tass.example/1)\n"
        "2016-05/2016-08: S-300 deliveries (see [Reuters](https://reuters.example/2))\n"
    )
    plan = plan_import(
        path.read_bytes(), str(path), IMPORT_FORMATS["markwhen"], ReadOptions(), None, tmp_path
    )
    assert not plan.errors
    events = planned_events(plan)
    assert [(e.date.text, e.title) for e in events] == [
        ("2016-04-27", "Dehghan meets Shoigu in Moscow"),
        ("2016-05/2016-08", "S-300 deliveries"),
    ]
    assert [[c.source.url for c in e.citations] for e in events] == [
        ["https://tass.example/1"],
        ["https://reuters.example/2"],
    ]
