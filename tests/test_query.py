"""Stage 5, `chrono.query`: filters and the one total order."""

from __future__ import annotations

import math
from typing import Any

import pytest

from chrono.model import Actor
from chrono.query import QueryError, make_filter, select
from tests.stage_helpers import event, registry

REGISTRY = registry(
    Actor("Iran"),
    Actor("IRGC", aliases=("Revolutionary Guards",), member_of=("Iran",)),
    Actor("Russia"),
)
EVENTS = [
    event("guards", "2016-03", actors=("Revolutionary Guards",), tags=("Drill",)),
    event("russia", "2015", actors=("Russia",), location="Moscow"),
    event("talks", "2016-04-25/2016-05-01", actors=("Iran", "Russia"), summary="In Moscow"),
]


def _ids(**options: object) -> list[str]:
    flt = make_filter(**options)  # type: ignore[arg-type]
    return [e.id for e in select(EVENTS, flt, REGISTRY)]


def test_no_filter_keeps_everything_in_date_order() -> None:
    assert _ids() == ["russia", "guards", "talks"]


def test_an_actor_includes_its_members_through_aliases() -> None:
    assert _ids(actors=["iran"]) == ["guards", "talks"]


def test_kinds_combine_with_and_repeats_with_or() -> None:
    assert _ids(actors=["Russia"], tags=["drill"]) == []
    assert _ids(actors=["Russia", "IRGC"]) == ["russia", "guards", "talks"]


def test_tags_ignore_case() -> None:
    assert _ids(tags=["DRILL"]) == ["guards"]


def test_a_range_keeps_whatever_may_overlap_it() -> None:
    assert _ids(since="2016-04-30") == ["talks"]
    assert _ids(until="April 2016") == ["russia", "guards", "talks"]
    assert _ids(since="2016-01", until="2016-03-01") == ["guards"]


def test_search_and_location() -> None:
    assert _ids(search="moscow") == ["russia", "talks"]
    assert _ids(location="moscow") == ["russia"]


def test_filter_bounds() -> None:
    flt = make_filter(since="2016")
    assert flt.start == 1451606400 and flt.stop == math.inf


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"since": "someday"}, "--from 'someday' is not a date"),
        ({"since": "2017", "until": "2016"}, "--from '2017' is after --to '2016'"),
        ({"statuses": ["plannd"]}, "did you mean 'planned'"),
        ({"limit": -1}, "--limit must be 0 or more"),
    ],
)
def test_bad_ranges_are_query_errors(options: dict[str, Any], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        make_filter(**options)
