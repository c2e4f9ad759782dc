"""`chrono timeline`: goldens for the sample, properties of generated collections, the CLI."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chrono.dates import DateError, EdtfDate, parse_edtf
from chrono.model import Actor, Citation, Event, Source
from chrono.registry.actors import build_registry
from chrono.render.options import RenderOptions
from chrono.timeline import render
from chrono.timeline.axis import duration_text, long_gaps
from chrono.timeline.lanes import actor_lanes, lane_label
from chrono.timeline.shape import shape_of
from chrono.timeline.text import cells, fit, to_ascii, wrap
from chrono.timeline.ticks import Unit, boundaries
from tests.conftest import SAMPLE

GOLDEN = Path(__file__).resolve().parent / "golden" / "timeline"
VIEWS: dict[str, list[str]] = {
    "vertical": [],
    "vertical-ascii": ["--ascii"],
    "lanes-actor": ["--lanes", "actor"],
    "lanes-actor-ascii": ["--lanes", "actor", "--ascii"],
    "lanes-member": ["--lanes", "actor", "--group-by", "member"],
    "lanes-member-ascii": ["--lanes", "actor", "--group-by", "member", "--ascii"],
}


def timeline(invoke: Any, *args: str) -> Any:
    return invoke("timeline", "--events", str(SAMPLE), *args)


def assert_fits(text: str, width: int) -> None:
    for line in text.split("\n"):
        assert len(line) <= width and cells(line) <= width, f"{cells(line)} > {width}: {line!r}"


# --- goldens ------------------------------------------------------------------------


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("view", sorted(VIEWS))
def test_sample_timeline_matches_golden(invoke: Any, view: str, width: int) -> None:
    """Set CHRONO_UPDATE_GOLDEN=1 (`make golden`) to rewrite the files after a deliberate change."""
    result = timeline(invoke, "--width", str(width), *VIEWS[view])
    assert result.exit_code == 0, result.output
    path = GOLDEN / f"{view}-{width}.txt"
    if os.environ.get("CHRONO_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(result.stdout, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run `make golden`"
    assert result.stdout == path.read_text(encoding="utf-8"), (
        f"{view}-{width} changed: check it, then `make golden`"
    )


@pytest.mark.parametrize("width", [30, 40, 57, 80, 120, 200])
@pytest.mark.parametrize("view", sorted(VIEWS))
def test_sample_timeline_fits_and_ascii_is_7_bit(invoke: Any, view: str, width: int) -> None:
    result = timeline(invoke, "--width", str(width), *VIEWS[view])
    assert result.exit_code == 0, result.output
    assert_fits(result.stdout, width)
    if "--ascii" in VIEWS[view]:
        assert all(ord(ch) < 128 for ch in result.stdout)
    assert "\x1b" not in result.stdout  # no colour when not on a terminal


def test_sample_vertical_is_honest_about_dates(invoke: Any) -> None:
    out = timeline(invoke, "--width", "120").stdout
    assert "▲" in out and "before 16 Jan 2016" in out  # an open start runs off the axis
    assert "○" in out  # c. 15 Apr 2016: an approximate day
    assert "┆" in out  # c. Apr 2016: an approximate span
    assert re.search(r"⋮ .*⋮ 8 years", out)  # the 2008–2015 silence is a labelled break
    assert "Sources:\n[1] Russian and Iranian Defense Ministers" in out


def test_sample_lanes_nest_members_under_groups(invoke: Any) -> None:
    out = timeline(invoke, "--width", "100", "--group-by", "member").stdout
    labels = [line.split("│")[0].rstrip() for line in out.split("\n") if "│" in line]
    labels = [label for label in labels if label]
    assert labels.index("Iran") < labels.index(" └ IRGC") < labels.index("   └ Quds Force")
    assert labels.index("   └ Quds Force") < labels.index("     └ Qassem Soleimani")
    assert labels.index("Russia") < labels.index(" └ Vladimir Putin")
    assert "Reuters" in labels  # in the registry, but a member of nothing


# --- properties of generated collections ----------------------------------------------

QUALIFIERS = st.sampled_from(["", "", "~", "?", "%"])
ORDINARY_YEARS = st.integers(1, 2100).map(lambda y: f"{y:04d}")
YEARS = st.one_of(
    ORDINARY_YEARS,
    ORDINARY_YEARS,
    st.integers(1, 9999).map(lambda y: f"-{y:04d}"),
    st.sampled_from(["201X", "19XX"]),
)


@st.composite
def points(draw: st.DrawFn) -> str:
    year = draw(YEARS)
    if "X" in year or draw(st.booleans()):
        return year + draw(QUALIFIERS)
    month = draw(st.integers(1, 12))
    kind = draw(st.sampled_from(["month", "day", "day", "season", "time"]))
    if kind == "month":
        return f"{year}-{month:02d}{draw(QUALIFIERS)}"
    if kind == "season":
        return f"{year}-{draw(st.integers(21, 24))}{draw(QUALIFIERS)}"
    day = f"{year}-{month:02d}-{draw(st.integers(1, 28)):02d}"
    if kind == "time":
        return f"{day}T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}:00Z"
    return day + draw(QUALIFIERS)


@st.composite
def edtf_dates(draw: st.DrawFn) -> EdtfDate:
    shape = draw(st.sampled_from(["point", "point", "interval", "open-start", "open-end"]))
    first, second = draw(points()), draw(points())
    text = {
        "point": first,
        "interval": f"{min(first, second)}/{max(first, second)}",
        "open-start": f"{draw(st.sampled_from(['..', '']))}/{first}",
        "open-end": f"{first}/{draw(st.sampled_from(['..', '']))}",
    }[shape]
    if draw(st.integers(0, 9)) == 0:
        text = draw(st.sampled_from(["Y170000002", "Y-170000002", "Y12345"]))
    try:
        return parse_edtf(text)
    except DateError:  # e.g. an interval whose end sorts before its start
        return parse_edtf(first.split("T")[0] if "T" in first else first)


WORDS = st.text(
    alphabet=st.sampled_from(list("abcdefghij klmnop  XYZ-–,.'’éüß東京语😀\u0301\u200d\t")),
    min_size=0,
    max_size=120,
)
ACTOR_NAMES = ["Iran", "IRGC", "Qassem Soleimani", "Russia", "Ωmega Group", "東京 Office", "Nobody"]
REGISTRY, _ = build_registry(
    [
        Actor("Iran"),
        Actor("IRGC", member_of=("Iran",)),
        Actor("Qassem Soleimani", aliases=("Soleimani",), member_of=("IRGC",)),
        Actor("Russia"),
        Actor("Ωmega Group", member_of=("Russia",)),
    ]
)
SOURCE_POOL = [
    Source(title="An article", publisher="A publisher", url="https://example.org/a"),
    Source(title="Ein Bericht über 東京", url="https://example.org/" + "long-path/" * 12),
    Source(url="https://example.org/bare"),
]


@st.composite
def collections(draw: st.DrawFn) -> list[Event]:
    count = draw(st.integers(1, 12))
    events = []
    for index in range(count):
        sources = draw(st.lists(st.sampled_from(SOURCE_POOL), min_size=1, max_size=3))
        events.append(
            Event(
                id=f"event-{index}",
                date=draw(edtf_dates()),
                title=f"<{index:02d}> {draw(WORDS)}",
                citations=tuple(Citation(s) for s in sources),
                actors=tuple(draw(st.lists(st.sampled_from(ACTOR_NAMES), max_size=4))),
                tags=tuple(draw(st.lists(st.sampled_from(["s-300", "ταγ", "t"]), max_size=2))),
            )
        )
    return events


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(
    events=collections(),
    width=st.integers(30, 160),
    ascii_only=st.booleans(),
    view=st.sampled_from(["vertical", "actor", "tag", "member"]),
)
def test_property_every_event_once_in_width_and_order(
    events: list[Event], width: int, ascii_only: bool, view: str
) -> None:
    options = RenderOptions(
        width=width,
        ascii=ascii_only,
        lanes=None if view == "vertical" else "tag" if view == "tag" else "actor",
        group_by_member=view == "member",
        registry=REGISTRY,
    )
    out = render(events, options)
    assert_fits(out, width)
    if ascii_only:
        assert all(ord(ch) < 128 for ch in out)
    if view == "vertical":
        lines = out.split("\n")
        where = []
        for event in sorted(events, key=Event.sort_key):
            tag = event.title[:4]  # "<07>", never cut: a title line is at least 7 cells
            assert out.count(tag) == 1, (tag, out)
            where.append(next(i for i, line in enumerate(lines) if tag in line))
        assert where == sorted(where)  # the axis follows the core total order
    else:
        numbers = key_numbers(out)
        assert sorted(numbers) == list(range(1, len(events) + 1)), out


def key_numbers(out: str) -> list[int]:
    """The event numbers at the start of the key's entries (the paragraph before Sources)."""
    paragraphs = out.split("\n\n")
    key = paragraphs[[p.startswith("Sources:") for p in paragraphs].index(True) - 1]
    return [int(m.group(1)) for m in re.finditer(r"^ *(\d+)  \S", key, re.MULTILINE)]


# --- the pieces -----------------------------------------------------------------------


def test_open_ends_are_clamped_and_flagged() -> None:
    shape = shape_of(parse_edtf("../2016-01-16"), -100, 2_000_000_000)
    assert (shape.start, shape.open_start, shape.open_end, shape.point) == (
        -100,
        True,
        False,
        False,
    )
    shape = shape_of(parse_edtf("2016-04-15~"), 0, 0)
    assert shape.point and shape.fuzzy and not shape.open_end


def test_duration_text_picks_a_unit() -> None:
    assert duration_text(8 * 31_556_952 + 86_400 * 15) == "8 years"
    assert duration_text(62 * 86_400) == "2 months"
    assert duration_text(86_400 * 3) == "3 days"
    assert duration_text(3600) == "60 minutes"
    assert duration_text(1) == "1 second"
    assert duration_text(170_000_000 * 31_556_952) == "170,000,000 years"


def test_long_gaps_leave_out_outliers_only() -> None:
    assert long_gaps([1, 1, 1, 1], 10) == set()
    assert long_gaps([1, 100, 2], 10) == {1}
    assert long_gaps([5], 10) == set()  # nothing would be left to show


def test_text_fitting_counts_wide_characters() -> None:
    assert cells("東京") == 4
    assert fit("東京タワー", 5) == "東京…"
    assert wrap("one two three", 7) == ["one two", "three"]
    assert wrap("aaaaaaaaaa", 4) == ["aaaa", "aaaa", "aa"]
    assert wrap("one two three four", 8, max_lines=1) == ["one two…"]
    assert to_ascii("Dehghan–Shoigu’s café …") == "Dehghan-Shoigu's cafe ..."


def test_year_boundaries_for_negative_and_giant_years() -> None:
    bce = parse_edtf("-1985")
    first = list(boundaries(int(bce.earliest), int(bce.latest) + 20 * 31_556_952, Unit("year", 10)))
    assert len(first) == 2  # the astronomical years -1980 and -1970
    giant = parse_edtf("Y170000002")
    assert list(boundaries(int(giant.earliest), int(giant.latest), Unit("year", 1))) == [
        int(giant.earliest)
    ]


def test_member_lanes_survive_cycles_and_unknown_actors() -> None:
    registry, _ = build_registry([Actor("A", member_of=("B",)), Actor("B", member_of=("A",))])
    events = [
        Event("x", parse_edtf("2016"), "t", (), actors=("A", "Stranger")),
        Event("y", parse_edtf("2017"), "t", (), actors=("B",)),
    ]
    lanes = actor_lanes(events, registry, nested=True)
    assert sorted(lane.name for lane in lanes) == ["A", "B", "Stranger"]
    assert [lane_label(lane, "└ ") for lane in actor_lanes(events, None, nested=False)] == [
        "A",
        "Stranger",
        "B",
    ]


# --- the command ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--width", "10"], "chrono: error: --width must be at least 30 columns, not 10\n"),
        (["--lanes", "foo"], "chrono: error: --lanes must be one of actor, tag, not 'foo'\n"),
        (["--group-by", "party"], "chrono: error: --group-by must be 'member', not 'party'\n"),
        (
            ["--lanes", "tag", "--group-by", "member"],
            "chrono: error: --group-by member nests actors; it cannot be used with --lanes tag\n",
        ),
        (["--from", "someday"], None),
    ],
)
def test_bad_options_are_usage_errors(invoke: Any, args: list[str], message: str | None) -> None:
    result = timeline(invoke, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    if message is not None:
        assert result.stderr == message


def test_group_by_member_implies_actor_lanes(invoke: Any) -> None:
    implied = timeline(invoke, "--group-by", "member").stdout
    assert implied == timeline(invoke, "--lanes", "actor", "--group-by", "member").stdout


def test_piped_output_is_80_columns_wide(invoke: Any) -> None:
    assert timeline(invoke).stdout == timeline(invoke, "--width", "80").stdout


@pytest.fixture
def root(small_collection: Path) -> Path:
    return small_collection


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        ([], {"Soleimani travels", "Guards drill", "Russia speaks"}),
        (["--actor", "Iran"], {"Soleimani travels", "Guards drill"}),
        (["--tag", "drill"], {"Guards drill"}),
        (["--from", "2016-04"], {"Soleimani travels"}),
        (["--to", "2015-12"], {"Russia speaks"}),
        (["--search", "russia"], {"Russia speaks"}),
        (["--location", "mosc"], {"Soleimani travels"}),
    ],
)
def test_filters_select_what_is_drawn(
    invoke: Any, root: Path, args: list[str], shown: set[str]
) -> None:
    for view in ([], ["--lanes", "actor"]):
        result = invoke("timeline", "--events", str(root), *view, *args)
        assert result.exit_code == 0, result.output
        drawn = {
            t for t in ("Soleimani travels", "Guards drill", "Russia speaks") if t in result.stdout
        }
        assert drawn == shown


def test_no_match_says_so_and_succeeds(invoke: Any, root: Path) -> None:
    for view in ([], ["--lanes", "tag"]):
        result = invoke("timeline", "--events", str(root), "--search", "nothing like this", *view)
        assert (result.exit_code, result.stdout) == (0, "No events match.\n")


def test_help_names_every_option(invoke: Any) -> None:
    result = invoke("timeline", "--help")
    assert result.exit_code == 0
    for flag in ("--lanes", "--group-by", "--width", "--ascii", "--actor", "--from", "--search"):
        assert flag in result.stdout


# --- regressions ----------------------------------------------------------------------


def _events(*dates: str) -> list[Event]:
    source = (Citation(Source(title="A source")),)
    return [Event(f"e{i}", parse_edtf(d), f"<{i:02d}> t", source) for i, d in enumerate(dates)]


def test_spans_ending_together_end_on_one_row() -> None:
    """Four identical years were drawn as four consecutive spans in one column."""
    out = render(_events("-1985", "-1985", "-1985", "-1985", "2016"), RenderOptions(width=60))
    assert "┴┴┴┴" in out.replace(" ", "")


def test_open_starts_are_not_labelled_with_the_first_date() -> None:
    out = render(_events("../2016-01-16", "2007"), RenderOptions(width=60)).split("\n")
    assert out[0].startswith("2007") and "▲" in out[0] and "<01>" in out[0]


def test_an_open_start_stands_at_its_end_with_its_span_from_the_top() -> None:
    """Issue 8: "before 16 Jan 2016" stood above 1961; it belongs just before 16 Jan 2016."""
    dates = ("../2016-01-16", "1961-05-25", "2016-01-16")
    out = render(_events(*dates), RenderOptions(width=60)).split("\n")
    rows = [next(i for i, line in enumerate(out) if f"<0{n}>" in line) for n in range(3)]
    assert rows[1] < rows[0] < rows[2]
    assert "▲" in out[0] and "├─" in out[rows[0]]  # the span runs from the top to its text


def test_vertical_spacing_follows_time() -> None:
    dates = ("2016-04-01", "2016-04-02", "2016-04-04", "2016-04-08")
    out = render(_events(*dates), RenderOptions(width=80)).split("\n")
    rows = [next(i for i, line in enumerate(out) if f"<0{n}>" in line) for n in range(4)]
    assert rows[3] - rows[2] > rows[2] - rows[1] > rows[1] - rows[0] >= 1
