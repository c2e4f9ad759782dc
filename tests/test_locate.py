"""`chrono.locate`: line numbers for key paths, found only when a problem needs one."""

from __future__ import annotations

from pathlib import Path

from chrono.locate import key_lines, line_for, place
from chrono.model import Problem, Where

TEXT = '''\
date = "2016"
title = """a title
spanning = lines"""

[[events]]
id = "one"
"quoted key" = 1

[[events]]
id = "two"
[[events.sources]]
ref = "article"
'''


def test_keys_and_arrays_of_tables_get_their_lines() -> None:
    lines = key_lines(TEXT)
    assert lines[("date",)] == 1
    assert lines[("title",)] == 2
    assert ("spanning",) not in lines  # inside a multi-line string
    assert lines[("events", 0, "quoted key")] == 7
    assert lines[("events", 1, "id")] == 10
    assert lines[("events", 1, "sources", 0, "ref")] == 12


def test_an_unknown_path_falls_back_to_its_longest_known_prefix() -> None:
    lines = key_lines(TEXT)
    assert line_for(lines, ("events", 1, "title")) == 9
    assert line_for(lines, ("nowhere",)) == 1


def test_place_fills_only_the_lines_it_does_not_know(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text(TEXT, encoding="utf-8")
    unplaced = Problem(str(path), 0, "x", "m", where=("events", 1, "id"))
    placed = Problem(str(path), 3, "y", "m", where=("date",))
    assert [p.line for p in place([unplaced, placed])] == [10, 3]


def test_an_unreadable_file_puts_its_problems_on_line_one(tmp_path: Path) -> None:
    (problem,) = place([Problem(str(tmp_path / "gone.toml"), 0, "x", "m", where=("date",))])
    assert problem.line == 1


def test_a_scan_for_some_paths_stops_early_with_the_same_lines() -> None:
    whole = key_lines(TEXT)
    cases: list[set[Where]] = [
        {("date",)},
        {("events", 0, "id"), ("title",)},
        {("events", 1, "title")},
    ]
    for wanted in cases:
        some = key_lines(TEXT, wanted)
        assert [line_for(some, w) for w in wanted] == [line_for(whole, w) for w in wanted]
    assert ("events", 1, "id") not in key_lines(TEXT, {("events", 0, "id")})  # stopped there


def test_plain_and_scanned_lines_are_read_alike() -> None:
    text = (
        'a = "x # \\" y" # a comment\n'
        "b = 'it''s'\n"  # not one plain string: scanned
        'c = """\nd = 1\n"""\n'
        "e = [\n  1,\n]\nf = -1.5e3\ng = true\n"
        'h = "unclosed\ni = 2\n'
    )
    lines = key_lines(text)
    assert [lines.get((k,)) for k in "abcdefghi"] == [1, 2, 3, None, 6, 9, 10, 11, 12]
