"""Issue 8, item 7: hostile text never acts on a terminal, a spreadsheet or a diagram.

Each case is a value an event file may hold; each output is checked the way its reader
would meet it: no raw control character on a terminal, no cell a spreadsheet would run,
no URL with a line break, no Mermaid directive.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from chrono.cli.terminal import safe
from tests.conftest import SOURCES, MakeCollection, event_toml

#: Escape sequences that act on a terminal: retitle + clear, CR overwrite, C1 CSI, bidi.
TERMINAL_ATTACKS = {
    "osc-title-and-clear": "\x1b]2;PWNED\x07\x1b[2J",
    "carriage-return": "innocent\rEVIL",
    "c1-csi": "a\x9b2Jb",
    "bidi-override": "abc\u202edcba",
    "backspace-and-bell": "x\x08\x07y",
}
RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)"
)
FORMULAS = ('=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1")


def toml_string(text: str) -> str:
    """A TOML basic string holding `text`, control characters as \\u escapes."""
    return json.dumps(text)  # JSON's escapes are valid TOML basic-string escapes


@pytest.fixture(params=sorted(TERMINAL_ATTACKS))
def hostile(request: pytest.FixtureRequest, make_collection: MakeCollection) -> Path:
    text = TERMINAL_ATTACKS[request.param]
    title = toml_string(f"Title {text}")
    body = event_toml(status='"occurred"', actors=toml_string(f"[{text}]"))
    body = body.replace('title = "Something happened"', f"title = {title}")
    body = body.replace("actors = " + toml_string(f"[{text}]"), f"actors = [{toml_string(text)}]")
    bad = event_toml(tags=toml_string(text))  # a wrong type: its message quotes the value
    return make_collection({"sources.toml": SOURCES, "ok.toml": body, "bad.toml": bad})


@pytest.mark.parametrize(
    "args",
    [
        ("show", "--format", "plain"),
        ("show", "--format", "table"),
        ("show", "--format", "json"),
        ("show", "--format", "csv"),
        ("show", "--format", "markdown"),
        ("check",),
        ("check", "--format", "json"),
        ("timeline", "--width", "100"),
        ("timeline", "--lanes", "actor", "--width", "100"),
    ],
)
def test_no_raw_control_character_reaches_the_terminal(
    invoke: Any, hostile: Path, args: tuple[str, ...]
) -> None:
    result = invoke(*args, "--events", str(hostile))
    assert result.exit_code in (0, 1), result.output
    assert not RAW_CONTROL.search(result.stdout), repr(result.stdout)
    assert not RAW_CONTROL.search(result.stderr), repr(result.stderr)


def test_json_output_stays_json_and_keeps_the_text(invoke: Any, hostile: Path) -> None:
    result = invoke("show", "--events", str(hostile), "--format", "json")
    titles = [e["title"] for e in json.loads(result.stdout)]
    assert any(title.startswith("Title ") and len(title) > 7 for title in titles)


def test_escaped_form_is_readable() -> None:
    assert safe("\x1b]2;PWNED\x07") == "\\u001b]2;PWNED\\u0007"
    assert safe("a\rb") == "a\\u000db"
    assert safe("tab\tand\nline\r\n") == "tab\tand\nline\r\n"


def test_add_messages_are_escaped(invoke: Any, make_collection: MakeCollection) -> None:
    root = make_collection({"sources.toml": SOURCES})
    args = ["add", "--events", str(root), "--date", "2016-04-01", "--source", "article"]
    result = invoke(*args, "--title", "T \x1b]2;PWNED\x07", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout


def test_export_to_a_file_keeps_the_bytes(invoke: Any, hostile: Path, tmp_path: Path) -> None:
    """Files are data, not a terminal: JSON encodes, and nothing is rewritten."""
    target = tmp_path / "out.json"
    result = invoke("export", "--events", str(hostile), "--format", "json", "-o", str(target))
    assert result.exit_code == 0, result.output
    titles = [e["title"] for e in json.loads(target.read_text())["events"]]
    assert any(t.startswith("Title ") for t in titles)


# --- CSV ------------------------------------------------------------------------------


@pytest.fixture
def formulas(make_collection: MakeCollection) -> Path:
    files: dict[str, str | bytes] = {"sources.toml": SOURCES}
    for n, formula in enumerate(FORMULAS):
        value = toml_string(formula)
        files[f"f{n}.toml"] = event_toml(
            location=value, summary=value, date_text=value, tags=f"[{value}]"
        ).replace('title = "Something happened"', f"title = {value}")
    files["neg.toml"] = event_toml(date='"-1985"')
    return make_collection(files)


@pytest.mark.parametrize("command", ["show", "export"])
def test_no_csv_cell_starts_a_formula(invoke: Any, formulas: Path, command: str) -> None:
    result = invoke(command, "--events", str(formulas), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    by_id = {row[0]: row for row in rows[1:]}
    assert by_id["neg"][1] == "'-1985"
    assert by_id["f0"][3] == '\'=HYPERLINK("http://evil","x")'


def test_csv_list_cells_split_back_exactly(invoke: Any, make_collection: MakeCollection) -> None:
    """Titles and quotes hold "; " themselves: joined cells could not be split back."""
    root = make_collection(
        {
            "sources.toml": SOURCES,
            "a.toml": event_toml(actors='["Smith; Jones", "Lee"]', tags='["a; b", "c"]'),
        }
    )
    result = invoke("show", "--events", str(root), "--format", "csv")
    row = next(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert json.loads(row["actors"]) == ["Smith; Jones", "Lee"]
    assert json.loads(row["tags"]) == ["a; b", "c"]
    assert json.loads(row["quotes"]) == ["it happened"]
    assert json.loads(row["urls"]) == ["https://example.org/article"]


# --- links and diagrams ---------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["https://example.org/a\rSet-Cookie: x", "https://e.org/\x00", "https://e.org/\x85"]
)
def test_a_url_with_a_control_character_is_refused(
    invoke: Any, make_collection: MakeCollection, url: str
) -> None:
    body = event_toml().replace('ref = "article"', f"url = {toml_string(url)}")
    root = make_collection({"a.toml": body})
    result = invoke("check", "--events", str(root))
    assert result.exit_code == 1
    assert "error[bad-value]" in result.stdout and "is not a web address" in result.stdout


def test_mermaid_comments_carry_no_directive(invoke: Any, make_collection: MakeCollection) -> None:
    directive = "%%{init: {'securityLevel': 'loose'}}%%"
    body = event_toml().replace('quote = "it happened"', f"quote = {toml_string(directive)}")
    root = make_collection({"sources.toml": SOURCES, "a.toml": body})
    result = invoke("export", "--events", str(root), "--format", "mermaid")
    assert result.exit_code == 0, result.output
    assert "%%{" not in result.stdout and "}%%" not in result.stdout
    assert "%{init" in result.stdout  # the quote is kept, defused


def test_the_cli_writes_only_through_the_terminal_module() -> None:
    """One place escapes: no command may print around it."""
    cli = Path(__file__).resolve().parent.parent / "chrono" / "cli"
    direct = re.compile(r"typer\.echo\(|sys\.std(out|err)\.write|(?<![.\w])print\(|click\.echo\(")
    offenders = [
        f"{path.name}:{n}"
        for path in cli.glob("*.py")
        if path.name != "terminal.py"
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if direct.search(line)
    ]
    assert offenders == [], "print through chrono.cli.terminal: out(), err() or write()"


def test_timeline_width_holds_with_escaped_titles(invoke: Any, hostile: Path) -> None:
    result = invoke("timeline", "--events", str(hostile), "--width", "60")
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


def test_chrono_csv_imports_back_exactly(
    invoke: Any, make_collection: MakeCollection, tmp_path: Path
) -> None:
    """JSON list cells and the formula quote are read back by `chrono import --from csv`."""
    body = event_toml("=1+2; not a formula", '"-1985"', actors='["Smith; Jones", "Lee"]')
    root = make_collection({"sources.toml": SOURCES, "a.toml": body})
    exported = tmp_path / "x.csv"
    assert invoke("export", "--events", str(root), "-o", str(exported)).exit_code == 0
    into = tmp_path / "into"
    into.mkdir()
    result = invoke("import", str(exported), "--from", "csv", "--into", str(into))
    assert result.exit_code == 0, result.output
    events = invoke("show", "--events", str(into), "--format", "json")
    (event,) = json.loads(events.stdout)
    assert (event["date"], event["title"]) == ("-1985", "=1+2; not a formula")
    assert event["actors"] == ["Smith; Jones", "Lee"]


_TRICKY = st.sampled_from(list("\x1b\x07\r\n\t\x9b\x85\u202e\u2066\u200e\u061c\xa0é“"))


_PRINTABLE = st.characters(categories=["L", "N", "P", "S"])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.one_of(_TRICKY, _PRINTABLE, st.characters()), max_size=30))
@example("innocent\rEVIL")
@example("line\r\n")
def test_safe_leaves_no_control_character_and_only_escapes_them(text: str) -> None:
    escaped = safe(text)
    assert not RAW_CONTROL.search(escaped)
    # Each unsafe character, and nothing else, becomes its \\u escape, fast path or not.
    assert escaped == RAW_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
