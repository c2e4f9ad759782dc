"""Issue 12: a warm `show` prints table and plain rows read ready from the index.

They must equal the rows made from the events (`--no-cache`), byte for byte, whatever the
filter, and follow sources.toml and actors.toml, which change without an event file
changing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chrono.index.printed import shown_fast
from chrono.pipeline import select_collection, select_shown, shown_selection
from chrono.query import make_filter
from chrono.render.citations import human_date
from chrono.render.plain import lines
from chrono.results import ShownSelection
from tests.conftest import ACTORS, SOURCES, MakeCollection
from tests.test_cache import age

GRADED_SOURCES = (
    SOURCES
    + """
[wire]
title = "A wire story"
publisher = "Wire"
url = "https://example.org/wire"
published = "2016-02-29"
reliability = "B"

[rewrite]
title = "A rewrite"
publisher = "Daily"
url = "https://example.org/rewrite"
published = "2016-04-30"
derived_from = "wire"
reliability = "D"
"""
)

#: What an event may cite: by ref, graded, re-reported, inline, with a date of its own,
#: an unknown ref (an error: the event is left out).
CITATIONS = {
    "ref": 'ref = "article"\nquote = "it happened"',
    "graded": 'ref = "wire"\ncredibility = 2',
    "derived": 'ref = "rewrite"\ncredibility = 5',
    "inline": 'title = "Inline"\npublisher = "Wire"\nurl = "https://example.org/i"\npublished = "2016-03"',
    "dated": 'ref = "wire"\ndate = "2016-06"\ndate_text = "in June"',
    "unknown": 'ref = "nope"',
}
DATES = ['"2016-04-15"', '"2016-05"', '"2015~"', '"2016-04-10/2016-04-20"', '"../2016-01"']
ACTOR_LISTS = ['["Soleimani"]', '["Russia", "IRGC"]', '["Nobody"]', '["Iran", "Revolutionary Guards", "IRGC"]', "[]"]  # fmt: skip


def event_file(ident: str, date: str, actors: str, tags: str, cites: list[str]) -> str:
    head = [f'id = "{ident}"', f"date = {date}", f'title = "Event {ident}"']
    head += [f"actors = {actors}", f"tags = {tags}"]
    return "\n".join(head + [f"\n[[sources]]\n{CITATIONS[c]}" for c in cites]) + "\n"


def printed(found: ShownSelection) -> str:
    return "".join(lines(found.rows, found.sources))


EVENTS = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c", "d", "e", "f"]),  # ids: some repeat (refused)
        st.sampled_from(DATES),
        st.sampled_from(ACTOR_LISTS),
        st.sampled_from(['["x"]', '["y", "X"]', "[]"]),
        st.lists(st.sampled_from(sorted(CITATIONS)), min_size=1, max_size=3),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    events=EVENTS,
    actor=st.sampled_from([None, "Iran", "IRGC", "russia", "Soleimani", "Nobody"]),
    tag=st.sampled_from([None, "x", "y"]),
    since=st.sampled_from([None, "2016-04-16", "2015"]),
    limit=st.sampled_from([None, 0, 2]),
    reverse=st.booleans(),
)
def test_rows_from_the_index_equal_rows_from_the_events(
    tmp_path_factory: pytest.TempPathFactory,
    events: list[tuple[str, str, str, str, list[str]]],
    actor: str | None,
    tag: str | None,
    since: str | None,
    limit: int | None,
    reverse: bool,
) -> None:
    root = tmp_path_factory.mktemp("events")
    (root / "sources.toml").write_text(GRADED_SOURCES)
    (root / "actors.toml").write_text(ACTORS)
    for n, (ident, date, actors, tags, cites) in enumerate(events):
        (root / f"{n % 3}" / f"{n}.toml").parent.mkdir(exist_ok=True)
        (root / f"{n % 3}" / f"{n}.toml").write_text(event_file(ident, date, actors, tags, cites))
    age(root)
    flt = make_filter(
        [actor] if actor else [], [tag] if tag else [], since, limit=limit, reverse=reverse
    )
    whole = select_collection([str(root)], flt, cache=False)
    truth = shown_selection(whole, whole.events)
    for _ in range(2):  # building the index, then reading it
        fast = select_shown([str(root)], flt, cache=True)
        assert printed(fast) == printed(truth)
        assert [(r.human, r.title, r.actors) for r in fast.rows] == [
            (r.human, r.title, r.actors) for r in truth.rows
        ]
        assert fast.problems == truth.problems
    assert shown_fast(str(root), flt) is not None  # the rows came from the index


@pytest.fixture
def root(make_collection: MakeCollection) -> Path:
    files = {"sources.toml": GRADED_SOURCES, "actors.toml": ACTORS}
    files["a.toml"] = event_file("a", DATES[0], '["Soleimani", "Russia"]', "[]", ["graded"])
    files["b.toml"] = event_file("b", DATES[1], '["IRGC"]', '["x"]', ["derived", "inline"])
    files["c.toml"] = event_file("c", DATES[3], '["Iran"]', "[]", ["dated", "ref"])
    root = make_collection(files)
    age(root)
    return root


FORMATS = (("--format", "plain"), ("--format", "table"))  # piped, a table is tabulate's


def outputs(invoke: Any, root: Path, *flags: str) -> list[tuple[int, str, str]]:
    runs = [invoke("show", "--events", str(root), *f, *flags) for f in FORMATS]
    return [(r.exit_code, r.stdout, r.stderr) for r in runs]


def test_show_prints_the_same_from_the_index(invoke: Any, root: Path) -> None:
    for flags in ((), ("--actor", "Iran"), ("--tag", "x", "--reverse"), ("--from", "2016-04-16")):
        truth = outputs(invoke, root, "--no-cache", *flags)
        assert outputs(invoke, root, *flags) == truth  # builds the index
        assert outputs(invoke, root, *flags) == truth  # reads it


def test_rows_follow_the_bibliography_and_the_registry(invoke: Any, root: Path) -> None:
    """Sources are resolved and actors renamed at query time: an edit of sources.toml or
    actors.toml shows at once, though no event file changed."""
    before = outputs(invoke, root)
    sources = root / "sources.toml"
    sources.write_text(sources.read_text().replace('reliability = "B"', 'reliability = "A"'))
    actors = root / "actors.toml"
    actors.write_text(actors.read_text().replace('"Qassem Soleimani"', '"Q. Soleimani"'))
    after = outputs(invoke, root)
    assert after == outputs(invoke, root, "--no-cache")
    assert after != before
    assert "Event a [1 A2]  — Q. Soleimani, Russia" in after[0][1]


def test_corroboration_filters_print_the_same_rows(invoke: Any, root: Path) -> None:
    for flags in (("--min-grade", "B"), ("--corroborated", "2"), ("--fold-duplicates",)):
        assert outputs(invoke, root, *flags) == outputs(invoke, root, "--no-cache", *flags)


@given(st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True))
def test_a_published_day_is_written_as_the_date_model_writes_it(text: str) -> None:
    from chrono.dates import DateError, parse_edtf

    try:
        expected = parse_edtf(text).human()
    except DateError:
        expected = text
    assert human_date(text) == expected


#: Plain text and line feeds (drawn directly), and characters tabulate must measure.
CELL_PARTS = [*"ab Ç—é\n\xa0ǅ-1.", "True", "None", "inf", "\t", "\x1b[1m", "字", "\u0301", "\r"]
CELL_TEXT = st.lists(st.sampled_from(CELL_PARTS), max_size=6).map("".join)


@given(st.lists(st.tuples(CELL_TEXT, CELL_TEXT, CELL_TEXT, CELL_TEXT), max_size=5))
def test_a_plain_table_is_drawn_as_tabulate_draws_it(rows: list[tuple[str, ...]]) -> None:
    from tabulate import tabulate

    from chrono.cli.show import TABLE_HEADERS
    from chrono.render.table import simple_table

    drawn = simple_table(rows, TABLE_HEADERS)
    truth = tabulate(rows, headers=TABLE_HEADERS, tablefmt="simple", disable_numparse=True)
    assert drawn is None or drawn == truth
