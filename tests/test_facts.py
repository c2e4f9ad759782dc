"""Every format shows the same facts of an event, read from the one schema (`event_facts`)."""

from __future__ import annotations

import pytest

from chrono.dates import parse_edtf
from chrono.model import Citation, Event, Source
from chrono.parse.schema import EVENT_KEYS, EVENT_SCHEMA
from chrono.render import EXPORT_FORMATS
from chrono.render.csv_rows import COLUMNS
from chrono.render.facts import event_facts, fact_texts
from chrono.render.options import RenderOptions
from chrono.render.records import event_record

SOURCE = Source(title="A report", url="https://example.org/a")


def _event(**fields: object) -> Event:
    base: dict[str, object] = {
        "id": "e1",
        "date": parse_edtf("2016-04-15"),
        "title": "Talks",
        "citations": (Citation(SOURCE, "they talked"),),
    }
    return Event(**{**base, **fields})  # type: ignore[arg-type]


def _render(fmt: str, event: Event) -> str:
    text = "".join(EXPORT_FORMATS[fmt].chunks()([event], RenderOptions()))
    return text.replace("\r\n ", "").replace("\\,", ",")  # unfold and unescape iCalendar


FULL = _event(actors=("Iran", "Russia"), tags=("s-300",), location="Moscow", status="planned")


def test_facts_follow_the_schema_order() -> None:
    assert event_facts(FULL) == [
        ("Actors", ("Iran", "Russia")),
        ("Tags", ("s-300",)),
        ("Location", ("Moscow",)),
        ("Status", ("planned",)),
    ]


def test_occurred_and_empty_fields_are_left_unsaid() -> None:
    assert event_facts(_event(status="occurred")) == []


def test_fact_texts_escape_each_value() -> None:
    assert fact_texts(FULL, str.upper)[0] == "Actors: IRAN, RUSSIA"


@pytest.mark.parametrize("fmt", ["markdown", "html", "ics", "timelinejs"])
def test_every_prose_format_shows_every_fact(fmt: str) -> None:
    text = _render(fmt, FULL)
    for label in ("Actors: Iran", "Tags: s-300", "Location: Moscow", "Status: planned"):
        assert label in text, (fmt, label)


@pytest.mark.parametrize("fmt", ["markdown", "html", "ics", "timelinejs"])
def test_no_prose_format_says_occurred(fmt: str) -> None:
    text = _render(fmt, _event(status="occurred"))
    assert "Status: occurred" not in text


def test_csv_columns_are_the_schema_keys_with_what_derives_from_them() -> None:
    assert COLUMNS == (
        "id", "date", "display_date", "title", "summary", "actors", "tags",
        "location", "status", "date_text", "sources", "quotes", "urls",
        "grades", "sources_count", "independent_sources", "sources_disagree",
        "same_as", "distinct_from", "merged_from",
    )  # fmt: skip


def test_json_record_has_every_schema_key_in_order() -> None:
    texts = {k.name: "x" for k in EVENT_SCHEMA if k.kind in ("text", "status") and k.shown != "id"}
    record = event_record(_event(**{**texts, "status": "planned"}))
    keys = [k for k in record if k not in ("display_date", "actors_as_written", "corroboration")]
    assert keys == list(EVENT_KEYS)
    assert list(record).index("actors_as_written") == list(record).index("actors") + 1
    assert record["tags"] == [] and record["actors"] == []


def test_required_keys_are_the_documented_ones() -> None:
    assert [k.name for k in EVENT_SCHEMA if k.required] == ["date", "title", "sources"]
