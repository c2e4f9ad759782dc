"""Issue 8.3: one verdict and one value per file, with or without the compiled reader.

A corpus in the manner of the toml-test project: for every difference between TOML 1.0
(tomllib) and 1.1 (rtoml), a file that only 1.1 accepts and its 1.0 counterpart, plus
ordinary files; each is read through `chrono.load.parse_toml` with both readers.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import chrono.load
from chrono.load import parse_toml
from chrono.toml_versions import needs_reference_reader
from tests.conftest import SAMPLE

pytest.importorskip("rtoml")

ONLY_IN_1_1 = {
    "inline table over two lines": "a = {x = 1,\n  y = 2}\n",
    "inline table, newline before the brace": "a = {\n x = 1 }\n",
    "inline table with a comment inside": "a = { # note\n x = 1 }\n",
    "inline table, trailing comma": "a = {x = 1, y = 2,}\n",
    "escape \\e": 'a = "\\e[2J"\n',
    "escape \\xHH": 'a = "\\x41"\n',
    "escape \\xHH in a multi-line string": 'a = """\n\\x41"""\n',
    "time without seconds": "a = 07:32\n",
    "local date-time without seconds": "a = 1979-05-27T07:32\n",
    "offset date-time without seconds": "a = 1979-05-27T07:32Z\n",
    "date-time with a space, without seconds": "a = 1979-05-27 07:32-05:00\n",
    "time without seconds in an array": "a = [\n  07:32,\n]\n",
    "a second byte-order mark": "\ufeff\ufeffa = 1\n",
    "a byte-order mark after a line": "a = 1\n\ufeffb = 2\n",
    "empty key in an inline table": 'a = { "" = 1, }\n',
}

BOTH_ACCEPT = {
    "CRLF line ends": 'a = 1\r\nb = "x"\r\n',
    "CRLF in a multi-line basic string": 'a = """x\r\ny"""\r\n',
    "CRLF in a multi-line literal string": "a = '''x\r\ny'''\r\n",
    "line-ending backslash before CRLF": 'a = """x \\\r\n   y"""\r\n',
    "one inline table on one line": 'a = {x = 1, y = "z"}\n',
    "times with seconds": "a = 07:32:00\nb = 1979-05-27T07:32:00Z\nc = 1979-05-27T07:32:00.5+01:00\n",
    "a time of day in prose": 'title = "Talks at 09:30 in Moscow"\n',
    "escapes TOML 1.0 has": 'a = "\\t\\n\\"\\\\\\u00e9\\U0001F600"\n',
    "a backslash-e in a literal string": "a = 'C:\\events\\x'\n",
    "an ordinary event": 'date = 2016-04-27\ntitle = "A"\n[[sources]]\nurl = "https://x.org/a"\n',
    "an integer beyond 64 bits (rtoml refuses, tomllib reads)": "a = 99999999999999999999\n",
    "big numbers": "a = 9223372036854775807\nb = 1e300\nc = -0.0\nd = inf\ne = nan\n",
}

BOTH_REFUSE = {
    "a lone carriage return": 'a = "x"\rb = 1\n',
    "a carriage return in a multi-line string": 'a = """x\ry"""\n',
    "a one-digit hour": "a = 7:32:00\n",
    "a duplicate key": "a = 1\na = 2\n",
    "a control character": 'a = "x\x07"\n',
    "an unknown escape": 'a = "\\q"\n',
}


@pytest.fixture(params=["rtoml", "tomllib"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("CHRONO_TOML_READER", request.param)  # anything but "tomllib": rtoml
    chrono.load.forget_reader()
    assert ("rtoml" in chrono.load.reader_key()) == (request.param == "rtoml")
    chrono.load.forget_reader()
    yield request.param
    chrono.load.forget_reader()


def both(text: str) -> list[tuple[str, object]]:
    """The verdict and the value from each reader, values made comparable."""
    results: list[tuple[str, object]] = []
    for name in ("rtoml", "tomllib"):
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("CHRONO_TOML_READER", name)
            chrono.load.forget_reader()
            data, problems = parse_toml("x.toml", text.encode("utf-8"))
        chrono.load.forget_reader()
        if data is None:
            results.append((problems[0].code, problems[0].message))
        else:
            results.append(("ok", _plain(data)))
    return results


def _plain(value: Any) -> object:
    """A value with the readers' incidental differences (tzinfo classes, NaN) taken out."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return "nan" if math.isnan(value) else (float, repr(value))
    if isinstance(value, dt.datetime):
        return (dt.datetime, value.replace(tzinfo=None).isoformat(), value.utcoffset())
    return (type(value), value)


@pytest.mark.parametrize("text", ONLY_IN_1_1.values(), ids=ONLY_IN_1_1.keys())
def test_what_only_toml_1_1_accepts_is_a_syntax_error_with_either_reader(text: str) -> None:
    rtoml_verdict, tomllib_verdict = both(text)
    assert rtoml_verdict == tomllib_verdict
    assert rtoml_verdict[0] == "syntax"


@pytest.mark.parametrize("text", BOTH_ACCEPT.values(), ids=BOTH_ACCEPT.keys())
def test_both_readers_give_one_value(text: str) -> None:
    rtoml_value, tomllib_value = both(text)
    assert rtoml_value == tomllib_value
    assert rtoml_value[0] == "ok"


@pytest.mark.parametrize("text", BOTH_REFUSE.values(), ids=BOTH_REFUSE.keys())
def test_both_readers_refuse_with_one_message(text: str) -> None:
    rtoml_verdict, tomllib_verdict = both(text)
    assert rtoml_verdict == tomllib_verdict
    assert rtoml_verdict[0] == "syntax"


def test_crlf_in_a_multi_line_string_reads_as_lf() -> None:
    assert both('a = """x\r\ny"""\r\n')[0] == ("ok", {"a": (str, "x\ny")})


def test_ordinary_event_files_keep_the_fast_reader() -> None:
    files = sorted(Path(SAMPLE).rglob("*.toml"))
    assert files
    assert not [f for f in files if needs_reference_reader(f.read_text(encoding="utf-8"))]


def test_check_gives_one_verdict_whatever_is_installed(
    invoke: Any, make_collection: Any, reader: str
) -> None:
    root = make_collection(
        {
            "a.toml": 'date = "2016"\ntitle = "x"\nsources = [{url = "https://x.org",\n  title = "t"}]\n'
        }
    )
    result = invoke("check", "--events", str(root), "--no-cache")
    assert result.exit_code == 1
    assert "a.toml:3: error[syntax]: TOML syntax error at column" in result.stdout


def _reference_verdict(text: str) -> bool:
    """The verdict with plain substring searches for the escapes (the text without its
    backslashes has none, and its other verdicts are unchanged)."""
    return "\\e" in text or "\\x" in text or needs_reference_reader(text.replace("\\", "/"))


@given(st.text("\\ex:0Ā\"'n", max_size=40), st.integers(0, 3))
def test_the_backslash_walk_gives_the_substring_verdict(text: str, repeat: int) -> None:
    text = text + "\\n" * (10_000 * (repeat == 3)) + text  # past the walk's limit, once
    assert needs_reference_reader(text) == _reference_verdict(text)
