"""`chrono export` for other tools: iCalendar, TimelineJS, Mermaid, HTML (goldens).

Each format is read back the way its consumer reads it: `icalendar` parses the .ics, the
TimelineJS JSON is checked against the Knight Lab field shapes, and every Mermaid line
must match the timeline grammar. The browser test of the HTML page is in
test_export_html_browser.py.
"""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.render import EXPORT_FORMATS
from chrono.render.anchors import unique_ids
from chrono.render.ics_lines import fold, fold_tokens
from chrono.render.mermaid import clean
from chrono.render.svg import tick_step
from tests.conftest import ROOT, SAMPLE, MakeCollection

GOLDEN = Path(__file__).resolve().parent / "golden" / "export"
GOLDEN_FILES = {
    "ics": "sample.ics",
    "timelinejs": "sample.timelinejs.json",
    "mermaid": "sample.mmd",
    "html": "sample.html",
    "json": "sample.export.json",
}

EDGE_EVENTS = {
    "old": ('"-1985"', "Very old: thing; #1 %% here"),
    "far": ('"Y170000002"', "Far future"),
    "open-end": ('"2016-04-15/.."', "Open ended"),
    "open-start": ('"../2016-01-16"', "Open start"),
    "spring": ('"2001-21"', "A spring"),
    "month": ('"2016-04"', "A month"),
    "zoned": ('"2016-04-15T10:20:30+02:00"', "A zoned time"),
    "local": ('"2016-04-15T10:20:30"', "A local time"),
    "decade": ('"201X"', "A decade"),
}


def edge_toml(event_id: str, date_value: str, title: str) -> str:
    """One event with an inline source; a summary with the characters formats escape."""
    return f"""\
id = "{event_id}"
date = {date_value}
title = "{title}"
summary = "Line one\\nline two; commas, a backslash \\\\ and “quotes” <b>not bold</b>"
actors = ["Somebody & Co", "Other"]
tags = ["a,b", "c"]
location = "Moscow; Russia"

[[sources]]
title = "Inline source"
publisher = "A publisher"
url = "https://example.org/x?a=1&b=2"
published = "2016-04-18"
quote = "it happened, they said; really"
"""


@pytest.fixture
def edge(make_collection: MakeCollection) -> Path:
    """A collection of dates the consumer formats struggle with."""
    return make_collection(
        {f"x/{eid}.toml": edge_toml(eid, d, title) for eid, (d, title) in EDGE_EVENTS.items()}
    )


def export(invoke: Any, events: Path, fmt: str) -> Any:
    result = invoke("export", "--events", str(events), "--format", fmt)
    assert result.exit_code == 0, result.output
    return result


# --- goldens ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(GOLDEN_FILES))
def test_sample_export_matches_golden(
    invoke: Any, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Set CHRONO_UPDATE_GOLDEN=1 (`make golden`) to rewrite the files after a deliberate change."""
    monkeypatch.chdir(SAMPLE.parent)  # a relative folder: JSON names each event's file
    produced = export(invoke, Path(SAMPLE.name), fmt).stdout_bytes  # bytes: ICS ends in CRLF
    path = GOLDEN / GOLDEN_FILES[fmt]
    if os.environ.get("CHRONO_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(produced)
    assert path.exists(), f"{path} is missing: run `make golden`"
    assert produced == path.read_bytes(), f"{fmt} output changed: check it, then `make golden`"


def test_every_export_format_has_a_golden() -> None:
    assert {"markdown", "csv"} | set(GOLDEN_FILES) == set(EXPORT_FORMATS)


def test_json_export_envelope_numbers_every_source(invoke: Any, edge: Path) -> None:
    document = json.loads(export(invoke, edge, "json").stdout)
    assert (document["format"], document["version"]) == ("chrono-export", 1)
    assert sorted(e["id"] for e in document["events"]) == sorted(EDGE_EVENTS)
    numbers = [s["number"] for s in document["sources"]]
    assert numbers == list(range(1, len(numbers) + 1))
    for event in document["events"]:
        assert event["source_numbers"] and set(event["source_numbers"]) <= set(numbers)
    assert document["sources"][0]["url"] == "https://example.org/x?a=1&b=2"


# --- docs ---------------------------------------------------------------------------


def test_export_help_lists_every_format(invoke: Any) -> None:
    result = invoke("export", "--help")
    assert result.exit_code == 0
    help_text = " ".join(result.stdout.split())  # click wraps the option help
    for name in EXPORT_FORMATS:
        assert re.search(rf"\b{name}\b", help_text), name


def test_readme_names_every_export_format() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in EXPORT_FORMATS if f"`{name}`" not in readme]
    assert not missing, f"README.md does not name these export formats: {missing}"


# --- iCalendar ----------------------------------------------------------------------


def vevents(ics: bytes) -> dict[str, Any]:
    """The VEVENTs by id; Any, since icalendar types a property as the union of all kinds."""
    calendar = icalendar.Calendar.from_ical(ics)
    return {str(e["UID"]).removesuffix("@chrono"): e for e in calendar.walk("VEVENT")}


def test_ics_lines_are_crlf_and_folded_at_75_octets(invoke: Any, edge: Path) -> None:
    for events in (SAMPLE, edge):
        ics = export(invoke, events, "ics").stdout_bytes
        assert ics.endswith(b"END:VCALENDAR\r\n")
        assert b"\n" not in ics.replace(b"\r\n", b"")
        assert max(len(line) for line in ics.split(b"\r\n")) <= 75


def test_ics_folding_never_splits_a_character_or_an_escape() -> None:
    line = "DESCRIPTION:" + "é\\,€" * 40
    folded = fold(line)
    for chunk in folded.split("\r\n"):
        assert len(chunk.encode("utf-8")) <= 75
        trailing_backslashes = len(chunk) - len(chunk.rstrip("\\"))
        assert trailing_backslashes % 2 == 0, chunk
    assert folded.replace("\r\n ", "") == line


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*"ab ,;\\n\t", "é", "“", "€", "😀"]), max_size=300).map("".join))
def test_ics_folding_by_octets_cuts_where_token_by_token_folding_does(line: str) -> None:
    assert fold("DESCRIPTION:" + line) == fold_tokens("DESCRIPTION:" + line)
    assert fold(line) == fold_tokens(line)


def test_ics_sample_parses_with_all_day_spans(invoke: Any) -> None:
    found = vevents(export(invoke, SAMPLE, "ics").stdout_bytes)
    assert len(found) == 10
    for event in found.values():
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert type(start) is date and type(end) is date and start < end
        assert str(event["URL"]).startswith("http://beholdisrael.org/")
        description = str(event["DESCRIPTION"])
        assert re.search(r"Sources:\n\[1 [A-F][1-6]?\] ", description), description  # graded
        assert "] Russian and Iranian Defense Ministers" in description
    spans = {uid: (e["DTSTART"].dt, e["DTEND"].dt) for uid, e in found.items()}
    assert spans["unsc-travel-ban"] == (date(2007, 1, 1), date(2008, 1, 1))
    assert spans["sanaei-on-relations"] == (date(2016, 4, 1), date(2016, 5, 1))
    assert spans["s-300-complete-delivery"] == (date(2016, 5, 1), date(2016, 9, 1))
    assert spans["tass-confirms-meeting"] == (date(2016, 4, 15), date(2016, 4, 16))
    assert spans["s-300-sale-renegotiated"] == (date(2016, 1, 16), date(2016, 1, 17))
    renegotiated = found["s-300-sale-renegotiated"]
    assert "The start is open" in str(renegotiated["DESCRIPTION"])
    assert [str(c) for c in renegotiated["CATEGORIES"].cats] == ["s-300", "arms-sales"]
    assert renegotiated["DTSTAMP"].dt == datetime(2016, 4, 18, tzinfo=UTC)
    assert found["dehghan-shoigu-meeting"]["STATUS"] == "TENTATIVE"


def test_ics_edge_dates(invoke: Any, edge: Path) -> None:
    ics = export(invoke, edge, "ics").stdout_bytes
    found = vevents(ics)
    assert "old" not in found and "far" not in found
    skipped: Any = icalendar.Calendar.from_ical(ics)["X-CHRONO-SKIPPED"]
    assert [str(s).split(" ")[0] for s in skipped] == ["old", "far"]
    assert "1986 BCE" in str(skipped[0])
    assert (found["open-end"]["DTSTART"].dt, found["open-end"]["DTEND"].dt) == (
        date(2016, 4, 15),
        date(2016, 4, 16),
    )
    assert "The end is open" in str(found["open-end"]["DESCRIPTION"])
    assert found["spring"]["DTSTART"].dt == date(2001, 3, 1)
    assert found["spring"]["DTEND"].dt == date(2001, 6, 1)
    assert found["decade"]["DTEND"].dt == date(2020, 1, 1)
    zoned = found["zoned"]["DTSTART"].dt
    assert zoned == datetime(2016, 4, 15, 8, 20, 30, tzinfo=UTC)
    assert "DTEND" not in found["zoned"]
    assert found["local"]["DTSTART"].dt == datetime(2016, 4, 15, 10, 20, 30)  # floating


def test_ics_text_is_escaped_and_round_trips(invoke: Any, edge: Path) -> None:
    event = vevents(export(invoke, edge, "ics").stdout_bytes)["month"]
    description = str(event["DESCRIPTION"])
    assert "Line one\nline two; commas, a backslash \\ and “quotes”" in description
    assert "“it happened, they said; really”" in description
    assert "Actors: Somebody & Co, Other" in description
    assert str(event["LOCATION"]) == "Moscow; Russia"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["a,b", "c"]
    assert str(event["URL"]) == "https://example.org/x?a=1&b=2"


# --- TimelineJS ---------------------------------------------------------------------

_NUMBER = re.compile(r"-?\d+")
_DATE_KEYS = {"year", "month", "day", "hour", "minute", "second"}


def slides(invoke: Any, events: Path) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    document = json.loads(export(invoke, events, "timelinejs").stdout)
    return document, {s["unique_id"]: s for s in document["events"]}


def test_timelinejs_sample_shapes(invoke: Any) -> None:
    document, by_id = slides(invoke, SAMPLE)
    assert document["title"]["text"]["headline"] == "Chronology"
    assert "scale" not in document
    assert len(by_id) == len(document["events"]) == 10  # unique ids
    for slide in document["events"]:
        assert re.fullmatch(r"[A-Za-z0-9_-]+", slide["unique_id"])
        for key in ("start_date", "end_date"):
            if key in slide:
                assert set(slide[key]) <= _DATE_KEYS and "year" in slide[key]
                assert all(_NUMBER.fullmatch(v) for v in slide[key].values())
        assert slide["text"]["headline"] and slide["display_date"] and slide["group"]
        assert '<a href="http://beholdisrael.org/' in slide["text"]["text"]
        assert "<blockquote>“" in slide["text"]["text"]
    assert by_id["sanaei-on-relations"]["start_date"] == {"year": "2016", "month": "4"}
    assert "end_date" not in by_id["sanaei-on-relations"]
    assert by_id["unsc-travel-ban"]["start_date"] == {"year": "2007"}
    assert by_id["s-300-complete-delivery"]["end_date"] == {"year": "2016", "month": "8"}
    meeting = by_id["dehghan-shoigu-meeting"]
    assert meeting["start_date"] == {"year": "2016", "month": "4", "day": "25"}
    assert meeting["end_date"] == {"year": "2016", "month": "5", "day": "1"}
    renegotiated = by_id["s-300-sale-renegotiated"]
    assert renegotiated["start_date"] == {"year": "2016", "month": "1", "day": "16"}
    assert "end_date" not in renegotiated
    assert renegotiated["display_date"].startswith("before ")


def test_timelinejs_edge_dates(invoke: Any, edge: Path) -> None:
    document, by_id = slides(invoke, edge)
    assert by_id["old"]["start_date"] == {"year": "-1985"}
    assert by_id["old"]["display_date"] == "1986 BCE"
    assert by_id["far"]["start_date"] == {"year": "170000002"}
    assert document["scale"] == "cosmological"
    assert by_id["open-end"]["start_date"] == {"year": "2016", "month": "4", "day": "15"}
    assert "end_date" not in by_id["open-end"]
    assert "15 Apr 2016" in by_id["open-end"]["display_date"]
    assert by_id["open-end"]["display_date"] != "15 Apr 2016"  # says the end is open
    assert by_id["spring"]["start_date"] == {"year": "2001", "month": "3"}
    assert by_id["spring"]["end_date"] == {"year": "2001", "month": "5"}
    assert by_id["decade"]["start_date"] == {"year": "2010"}
    assert by_id["decade"]["end_date"] == {"year": "2019"}
    zoned = by_id["zoned"]["start_date"]
    assert (zoned["hour"], zoned["minute"], zoned["second"]) == ("10", "20", "30")
    text = by_id["month"]["text"]["text"]
    assert "&lt;b&gt;not bold&lt;/b&gt;" in text and "<b>" not in text
    assert '<a href="https://example.org/x?a=1&amp;b=2">' in text
    assert by_id["month"]["group"] == "Somebody &amp; Co"


def test_unique_ids_stay_distinct_after_sanitising() -> None:
    assert unique_ids(["a b", "a-b", "a/b", "", "ok"]) == ["a-b", "a-b-2", "a-b-3", "item", "ok"]


# --- Mermaid ------------------------------------------------------------------------

# The timeline grammar as Mermaid's lexer reads it (timeline.jison), kept strict: no
# ":", "#", ";" or "%%" inside a period or an event; comments only on their own lines.
_TEXT = r"[^:#;%\n]+(?:%[^:#;%\n]+)*"
_MERMAID_LINE = re.compile(
    r"timeline"
    rf"|    title {_TEXT}"
    rf"|    section {_TEXT}"
    rf"|        {_TEXT} : {_TEXT}"
    r"|%%(?!\{)[^\n]*"
    r"|"
)


def mermaid_lines(invoke: Any, events: Path) -> list[str]:
    text = export(invoke, events, "mermaid").stdout
    assert text.startswith("timeline\n") and text.endswith("\n")
    lines: list[str] = text.splitlines()
    bad = [line for line in lines if not _MERMAID_LINE.fullmatch(line)]
    assert not bad, bad
    return lines


def test_mermaid_sample_has_a_section_per_year_and_cites_every_entry(invoke: Any) -> None:
    lines = mermaid_lines(invoke, SAMPLE)
    assert lines[1] == "    title Chronology"
    sections = [line.removeprefix("    section ") for line in lines if "section " in line]
    assert sections == ["2007", "2016"]  # an open start is filed under its end's year
    entries = [line for line in lines if line.startswith("        ")]
    assert len(entries) == 10
    notes = {m.group(1) for line in lines if (m := re.match(r"%% \[(\d+)\] \S", line))}
    cited = [re.findall(r"\[(\d+)(?: [A-F?][1-6]?)?\]", entry) for entry in entries]
    assert all(cited) and {n for marks in cited for n in marks} == notes
    assert len(notes) == 16
    assert any("http://beholdisrael.org/" in line for line in lines if line.startswith("%% [1]"))


def test_mermaid_edge_text_is_made_safe(invoke: Any, edge: Path) -> None:
    lines = mermaid_lines(invoke, edge)
    sections = [line.removeprefix("    section ") for line in lines if "section " in line]
    assert sections == ["1986 BCE", "2001", "2010", "2016", "170000002"]
    old = next(line for line in lines if "Very old" in line)
    assert old == "        1986 BCE : Very old∶ thing； ＃1 % here [1]"
    zoned = next(line for line in lines if "zoned" in line)
    assert "10∶20∶30" in zoned


def test_mermaid_clean_collapses_whitespace_and_comment_markers() -> None:
    assert clean("a:b#c;d%%e%%%f\n  g") == "a∶b＃c；d%e%f g"


# --- HTML, statically (the browser test is in test_export_html_browser.py) -----------


def test_svg_tick_steps_stay_few() -> None:
    assert [tick_step(n) for n in (0, 9, 10, 11, 35, 170_000_000)] == [1, 1, 1, 2, 5, 20_000_000]


def test_html_edge_dates_do_not_crash_and_keep_time_elements_valid(invoke: Any, edge: Path) -> None:
    page = export(invoke, edge, "html").stdout
    datetimes = re.findall(r'<time datetime="([^"]*)">', page)
    assert sorted(datetimes) == sorted(
        ["170000002", "2016-04", "2016-04-15T10:20:30+02:00", "2016-04-15T10:20:30"]
    )
    assert "<span>1986 BCE</span>" in page and "<span>Spring 2001</span>" in page
    assert "&lt;b&gt;not bold&lt;/b&gt;" in page
    assert page.count('role="img"') == 1
