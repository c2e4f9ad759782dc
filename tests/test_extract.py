"""`chrono extract`: an article in, every date phrase read, drafts out (through the CLI)."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

EVAL = ROOT / "tests" / "extract_eval"
SAMPLE = EVAL / "00-russia-iran-arms.txt"
SAMPLE_KEY = tomllib.loads((EVAL / "00-russia-iran-arms.key.toml").read_text("utf-8"))


def _json(invoke: Any, *args: str) -> dict[str, Any]:
    result = invoke("extract", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_sample_article_gets_every_keyed_phrase_right(invoke: Any) -> None:
    found = _json(invoke, str(SAMPLE), "--published", "2016-04-18")["phrases"]
    by_offset = {p["offset"]: p for p in found}
    for entry in SAMPLE_KEY["phrases"]:
        near = [p for o, p in by_offset.items() if o <= entry["offset"] < o + len(p["text"])]
        assert [p["edtf"] for p in near] == [entry["edtf"]], entry
    for entry in SAMPLE_KEY["skipped"]:
        near = [p for o, p in by_offset.items() if o <= entry["offset"] < o + len(p["text"])]
        assert near and all(p["status"] == "skipped" and p["edtf"] is None for p in near), entry


def test_json_has_text_offset_sentence_edtf_rule_tense_and_reasons(invoke: Any) -> None:
    document = _json(invoke, str(SAMPLE), "--published", "18 April 2016")
    assert document["published"] == "2016-04-18"
    assert document["published_basis"] == "--published"
    text = SAMPLE.read_text("utf-8")
    friday = next(p for p in document["phrases"] if p["text"] == "on Friday")
    assert text[friday["offset"] : friday["offset"] + 9] == "on Friday"
    assert friday["sentence"] in text and friday["tense"] == "past"
    assert friday["rule"].startswith("weekday, past")
    duration = next(p for p in document["phrases"] if p["text"] == "for over a month")
    assert (duration["status"], duration["reason"], duration["edtf"]) == (
        "skipped",
        "duration",
        None,
    )


def test_drafts_quote_their_sentence_verbatim_and_plan_the_future(invoke: Any) -> None:
    result = invoke("extract", str(SAMPLE), "--published", "2016-04-18")
    assert result.exit_code == 0, result.output
    drafts = tomllib.loads(result.stdout)["events"]
    text = SAMPLE.read_text("utf-8")
    # every keyed phrase but one: the page title repeats the headline with the site's name
    assert len(drafts) == len(SAMPLE_KEY["phrases"]) - 1
    assert not any("Behold Israel" in d["sources"][0]["quote"] for d in drafts)
    for draft in drafts:
        assert draft["sources"][0]["quote"] in text
        assert draft["date_text"] in draft["sources"][0]["quote"]
    statuses = {d["date_text"]: d["status"] for d in drafts}
    assert statuses["next week"] == "planned" and statuses["on Friday"] == "reported"


def test_into_writes_once_and_a_second_run_adds_nothing(
    invoke: Any, make_collection: Any, tmp_path: Path
) -> None:
    root = make_collection(
        {"actors.toml": '[shoigu]\nname = "Sergei Shoigu"\naliases = ["Shoigu"]\n'}
    )
    args = ("extract", str(SAMPLE), "--published", "2016-04-18", "--into", str(root))
    first = invoke(*args)
    assert first.exit_code == 0, first.output
    files = sorted(root.glob("*/*.toml"))
    assert len(files) == len(SAMPLE_KEY["phrases"]) - 1  # the title line repeats the headline
    sources = tomllib.loads((root / "sources.toml").read_text("utf-8"))
    first_line = SAMPLE.read_text("utf-8").splitlines()[0]
    assert [(s["title"], s["publisher"]) for s in sources.values()] == [
        tuple(first_line.rsplit(" | ", 1))
    ]
    before = {p: p.read_bytes() for p in root.rglob("*.toml")}
    second = invoke(*args)
    assert second.exit_code == 0, second.output
    assert {p: p.read_bytes() for p in root.rglob("*.toml")} == before
    assert f"0 event(s) written, {len(files)} already in" in second.stderr
    check = invoke("check", "--events", str(root))
    assert check.exit_code == 0, check.output
    tass = next(f for f in files if "2016-04-15" in f.name)
    assert tomllib.loads(tass.read_text("utf-8"))["actors"] == ["Sergei Shoigu"]


def test_an_unknown_source_key_writes_nothing(invoke: Any, make_collection: Any) -> None:
    root = make_collection({"actors.toml": ""})
    result = invoke(
        "extract", str(SAMPLE), "--published", "2016-04-18", "--source", "nope", "--into", str(root)
    )
    assert result.exit_code == 1
    assert "--source 'nope' is not a key" in result.stderr
    assert sorted(p.name for p in root.rglob("*")) == ["actors.toml"]


def test_the_anchor_comes_from_a_publication_line(invoke: Any, tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Talks end\n\nPublished June 26, 2016\n\nThe talks ended Friday.\n", "utf-8")
    document = _json(invoke, str(page))
    assert document["published"] == "2016-06-26"
    assert document["published_basis"].startswith("publication line")
    assert [(p["text"], p["edtf"]) for p in document["phrases"]] == [("Friday", "2016-06-24")]


def test_a_line_that_is_only_a_date_is_the_anchor_not_a_phrase(invoke: Any, tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(
        "Talks end\n\nApril 18, 2016 at 10:52 am\n\nThe talks ended on Friday.\n", "utf-8"
    )
    document = _json(invoke, str(page))
    assert document["published_basis"].startswith("date line")
    assert [(p["text"], p["edtf"]) for p in document["phrases"]] == [("on Friday", "2016-04-15")]


def test_no_anchor_is_an_error_naming_published(invoke: Any, tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("The talks ended on Friday.\n", "utf-8")
    result = invoke("extract", str(page))
    assert result.exit_code == 1
    assert "--published" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "error[empty]"),
        (b"  \n\n", "error[empty]"),
        (b"\x00\x01binary", "error[binary]"),
        (b"caf\xe9 on Friday", "error[encoding]"),
        (b"on Friday " * 300_000, "error[too-large]"),
    ],
)
def test_bad_input_is_refused_with_a_located_message(
    invoke: Any, tmp_path: Path, content: bytes, message: str
) -> None:
    page = tmp_path / "a.txt"
    page.write_bytes(content)
    into = tmp_path / "into"
    result = invoke("extract", str(page), "--published", "2016-04-18", "--into", str(into))
    assert result.exit_code == 1
    assert f"{page}:" in result.stderr and message in result.stderr
    assert not into.exists() or not any(into.iterdir())


@pytest.mark.parametrize("published", ["2016-04", "2016", "next week", "2016-04-01/2016-04-05"])
def test_published_must_be_a_day(invoke: Any, published: str) -> None:
    result = invoke("extract", str(SAMPLE), "--published", published)
    assert result.exit_code == 1
    assert "not a single day" in result.stderr or "is not a date" in result.stderr


def test_standard_input_is_read(runner: Any) -> None:
    from chrono.cli import app

    text = "The talks will resume on Tuesday.\n"
    result = runner.invoke(
        app, ["extract", "-", "--published", "2016-04-18", "-f", "json"], input=text
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["phrases"][0]["edtf"] == "2016-04-19"


def test_a_saved_page_gives_its_text_and_published_date(invoke: Any, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = (
        "<p>"
        + "The minister said on Friday that talks had ended in Vienna after long rounds. " * 3
        + "</p>"
    )
    page.write_text(
        "<html><head><title>Talks end in Vienna</title>"
        '<meta property="article:published_time" content="2016-04-18T09:00:00Z">'
        f"</head><body><article><h1>Talks end in Vienna</h1>{body}</article></body></html>",
        "utf-8",
    )
    document = _json(invoke, str(page))
    assert document["published"] == "2016-04-18"
    assert document["published_basis"] == "the page's metadata"
    for phrase in document["phrases"]:
        at = phrase["offset"]
        assert document["text"][at : at + len(phrase["text"])] == phrase["text"]
    assert {p["edtf"] for p in document["phrases"]} == {"2016-04-15"}


def test_a_page_without_text_is_refused(invoke: Any, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><head><title></title></head><body></body></html>", "utf-8")
    result = invoke("extract", str(page), "--published", "2016-04-18")
    assert result.exit_code == 1
    assert "error[no-text]" in result.stderr


def test_a_bad_format_is_a_usage_error(invoke: Any) -> None:
    result = invoke("extract", str(SAMPLE), "--format", "yaml")
    assert result.exit_code == 2


def test_add_takes_the_tense_from_a_sentence(invoke: Any, make_collection: Any) -> None:
    root = make_collection({"sources.toml": '[s]\ntitle = "T"\npublished = "2016-04-18"\n'})
    common = (
        "add",
        "--events",
        str(root),
        "--date",
        "on Tuesday",
        "--title",
        "Talks",
        "--source",
        "s",
        "--dry-run",
    )
    past = invoke(*common)
    future = invoke(*common, "--sentence", "The talks will resume on Tuesday.")
    flagged = invoke(*common, "--future")
    assert 'date = "2016-04-12"' in past.stdout
    assert 'date = "2016-04-19"' in future.stdout and 'date = "2016-04-19"' in flagged.stdout
    both = invoke(*common, "--future", "--past")
    assert both.exit_code == 2


def test_a_page_without_the_html_extra_says_what_to_install(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails as if not installed
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Talks ended on Friday.</p></body></html>", "utf-8")
    result = invoke("extract", str(page), "--published", "2016-04-18")
    assert result.exit_code == 1
    assert "pip install 'chrono[html]'" in result.stderr


def test_parallel_extracts_into_one_collection_write_each_draft_once(tmp_path: Path) -> None:
    """Real processes at once: the collection lock makes their load-check-write serial."""
    import subprocess

    chrono = str(Path(sys.executable).with_name("chrono"))
    root = tmp_path / "events"
    args = [chrono, "extract", str(SAMPLE), "--published", "2016-04-18", "--into", str(root)]
    runs = [
        subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)
    ]
    outcomes = [(run.wait(timeout=120), run.stderr.read() if run.stderr else b"") for run in runs]
    assert [code for code, _ in outcomes] == [0, 0, 0, 0], outcomes
    drafts = len(SAMPLE_KEY["phrases"]) - 1  # the title line repeats the headline
    assert len(list(root.glob("*/*.toml"))) == drafts
    assert len(tomllib.loads((root / "sources.toml").read_text("utf-8"))) == 1
    written = [int(err.decode().split("chrono: ")[-1].split(" ")[0]) for _, err in outcomes]
    assert sorted(written) == [0, 0, 0, drafts]


def test_another_work_with_the_same_headline_gets_its_own_source_key(
    invoke: Any, tmp_path: Path
) -> None:
    root = tmp_path / "events"
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Talks end\n\nThe talks ended on Friday.\n", "utf-8")
    second.write_text("Talks end\n\nThe talks ended on Monday.\n", "utf-8")
    for path, day in ((first, "2016-04-18"), (second, "2016-05-02")):
        result = invoke("extract", str(path), "--published", day, "--into", str(root))
        assert result.exit_code == 0, result.output
    sources = tomllib.loads((root / "sources.toml").read_text("utf-8"))
    assert sorted(sources) == ["talks-end", "talks-end-2"]
    assert [s["published"] for s in sources.values()] == ["2016-04-18", "2016-05-02"]


def test_enormous_standard_input_is_refused_without_reading_it_all(runner: Any) -> None:
    from chrono.cli import app

    result = runner.invoke(
        app, ["extract", "-", "--published", "2016-04-18"], input="a" * 3_000_000
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("<stdin>:0: error[too-large]: over 2,000,000 bytes")


def test_drafts_name_registered_actors_and_only_suggest_the_others() -> None:
    from datetime import date

    from chrono.extract.drafting import draft_events
    from chrono.extract.reading import read_article

    text = (
        "Following talks, Iran’s Defense Minister Hossein Dehghan met Shoigu in Moscow on Friday."
    )
    names = {"shoigu": "Sergei Shoigu", "sergei shoigu": "Sergei Shoigu"}
    [draft] = draft_events(read_article(text, date(2016, 4, 18)), "src", names, "2016-04-18")
    assert draft.table["actors"] == ["Sergei Shoigu"]
    assert draft.suggested_actors == ("Iran", "Defense Minister Hossein Dehghan", "Moscow")
    assert (draft.table["date"], draft.table["status"]) == ("2016-04-15", "reported")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Talks resume in Vienna | Reuters", ("Talks resume in Vienna", "Reuters")),
        ("Talks resume in Vienna – The Guardian", ("Talks resume in Vienna", "The Guardian")),
        ("Talks resume in Vienna - BBC News", ("Talks resume in Vienna", "BBC News")),
        ("Iran - Russia talks resume", ("Iran - Russia talks resume", None)),
        (
            "Talks resume in Vienna - and stall again",
            ("Talks resume in Vienna - and stall again", None),
        ),
        ("Vienna | Reuters", ("Vienna | Reuters", None)),
    ],
)
def test_a_page_title_gives_the_headline_and_the_site(
    title: str, expected: tuple[str, str | None]
) -> None:
    from chrono.extract.article import split_site

    assert split_site(title) == expected


def test_each_dated_phrase_of_a_sentence_gets_its_own_clause_as_title() -> None:
    from datetime import date

    from chrono.extract.drafting import draft_events
    from chrono.extract.reading import read_article

    text = (
        "Last week Iran confirmed the delivery of the first shipment of the S-300 air defense "
        "missile system to Iran, the complete system to be delivered by mid-2016."
    )
    drafts = draft_events(read_article(text, date(2016, 4, 18)), "src", {}, "2016-04-18")
    assert [(d.table["date_text"], d.table["title"]) for d in drafts] == [
        ("Last week", "Iran confirmed the delivery of the first shipment of the…"),
        ("mid-2016", "The complete system to be delivered"),
    ]
    assert all(d.table["sources"][0]["quote"] == text for d in drafts)


@pytest.mark.parametrize("command", ["extract", "import"])
def test_a_missing_input_file_is_a_usage_error_for_both_readers(
    invoke: Any, tmp_path: Path, command: str
) -> None:
    """`extract nofile` exited 1 where `import nofile` exited 2; both are usage errors."""
    missing = str(tmp_path / "nofile.txt")
    extra = ("--published", "2016-04-18") if command == "extract" else ("--from", "csv")
    result = invoke(command, missing, *extra)
    assert result.exit_code == 2, result.output
    assert f"{missing}: no such file" in result.stderr
