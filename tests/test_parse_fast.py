"""The quick path builds exactly the Event the careful parser would, or defers to it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.parse import careful_event
from chrono.parse.fields import Collector
from chrono.parse.quick import quick_event

TEXTS = st.sampled_from(["", " ", "x", " padded ", "Moscow", "planned", "occurred", "maybe"])
VALUES = st.one_of(TEXTS, st.integers(0, 3), st.lists(TEXTS, max_size=3), st.none())
DATES = st.sampled_from(
    ["2016-04-27", "2016-13", "2016-04~", "../2016", "bad", dt.date(2016, 4, 27), 7, "Y2016"]
)
SOURCE = st.fixed_dictionaries(
    {},
    optional={
        "ref": st.one_of(TEXTS, st.just("article")),
        "title": TEXTS,
        "url": st.sampled_from(["https://example.org/", "", 3]),
        "publisher": VALUES,
        "published": DATES,
        "author": TEXTS,
        "accessed": DATES,
        "quote": VALUES,
        "note": TEXTS,
        "titel": TEXTS,
    },
)
TABLE = st.fixed_dictionaries(
    {},
    optional={
        "id": VALUES,
        "date": DATES,
        "title": VALUES,
        "summary": VALUES,
        "actors": VALUES,
        "location": VALUES,
        "tags": VALUES,
        "status": VALUES,
        "date_text": VALUES,
        "sources": st.one_of(st.lists(SOURCE, max_size=2), VALUES),
        "titel": TEXTS,
    },
)


@settings(max_examples=600, deadline=None)
@given(table=TABLE, default_id=st.sampled_from([None, "stem"]))
def test_quick_path_agrees_with_the_careful_parser(
    table: dict[str, Any], default_id: str | None
) -> None:
    where = () if default_id else ("events", 0)
    quick = quick_event(table, where, default_id, "f.toml")
    careful = careful_event(table, where, default_id, Collector("f.toml"))
    if quick is not None:
        assert quick == careful
    assert (careful is None) <= (quick is None)  # the quick path never accepts what fails


def test_a_plain_event_takes_the_quick_path() -> None:
    table = {
        "date": "2016-04-27",
        "title": "T",
        "actors": ["Iran"],
        "sources": [{"ref": "article", "quote": "q"}, {"title": "Inline", "published": "2016"}],
    }
    event = quick_event(table, (), "stem", "f.toml")
    assert event is not None
    assert event == careful_event(table, (), "stem", Collector("f.toml"))
