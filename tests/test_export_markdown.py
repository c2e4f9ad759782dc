"""`chrono export --format markdown`: GitHub-friendly, every footnote resolves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from tests.conftest import SAMPLE


def footnote_check(text: str) -> tuple[int, int]:
    """(references, definitions) as a CommonMark+footnotes parser sees them; all refs resolve."""
    tokens = MarkdownIt("commonmark").use(footnote_plugin).parse(text)
    refs = [t for tok in tokens for t in (tok.children or []) if t.type == "footnote_ref"]
    defs = [t for t in tokens if t.type == "footnote_open"]
    labels = {t.meta["label"] for t in defs}
    assert all(r.meta["label"] in labels for r in refs)
    assert "[^" not in MarkdownIt("commonmark").use(footnote_plugin).render(text)
    return len(refs), len(defs)


def test_sample_export_footnotes_resolve(invoke: Any) -> None:
    result = invoke("export", "--events", str(SAMPLE), "--format", "markdown")
    assert result.exit_code == 0, result.output
    refs, defs = footnote_check(result.stdout)
    # Ten events, three sources (the article, and TASS and Reuters as it quotes them); a
    # source cited with two grades by one event is referred to twice.
    assert (refs, defs) == (14, 3)
    assert result.stdout.startswith("# Chronology\n")
    assert "\n## 2007\n" in result.stdout and "\n## 2016\n" in result.stdout


def test_output_file_is_not_overwritten_without_force(invoke: Any, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    first = invoke("export", "--events", str(SAMPLE), "-o", str(target))
    assert first.exit_code == 0, first.output
    target.write_text("keep me")
    second = invoke("export", "--events", str(SAMPLE), "-o", str(target))
    assert second.exit_code == 1
    assert "already exists; use --force" in second.stderr
    assert target.read_text() == "keep me"
    third = invoke("export", "--events", str(SAMPLE), "-o", str(target), "--force")
    assert third.exit_code == 0
    assert target.read_text().startswith("# Chronology")


_ALPHABET = "ab 1.)-+=*_#>`[]<>|\\!:~"


@settings(max_examples=150, deadline=None)
@given(summary=st.text(alphabet=_ALPHABET, min_size=1, max_size=12).filter(str.strip))
def test_user_text_never_breaks_out_of_its_event(summary: str) -> None:
    from chrono.dates import parse_edtf
    from chrono.model import Citation, Event, Source
    from chrono.render.markdown import render
    from chrono.render.options import RenderOptions

    event = Event("e", parse_edtf("2016"), summary, (Citation(Source(title="S")),), summary)
    tokens = MarkdownIt("commonmark").use(footnote_plugin).parse(render([event], RenderOptions()))
    kinds = [t.type for t in tokens]
    assert kinds.count("bullet_list_open") == 1 and "ordered_list_open" not in kinds
    assert kinds.count("heading_open") == 2  # the title and the year, nothing from the text
    assert not {"hr", "fence", "code_block", "blockquote_open"} & set(kinds)
    item_text = "".join(
        c.content
        for t in tokens
        if t.type == "inline" and t.level == 3
        for c in t.children or []
        if c.type == "text"
    )
    assert " ".join(summary.split()) in item_text


def test_one_footnote_per_source_with_every_quote_under_it(invoke: Any) -> None:
    """Issue 8: one source cited 13 times made 13 identical footnotes."""
    result = invoke("export", "--events", str(SAMPLE), "--format", "markdown")
    text = result.stdout
    assert [text.count(f"[^{n}]:") for n in (1, 2, 3, 4)] == [1, 1, 1, 0]
    tokens = MarkdownIt("commonmark").use(footnote_plugin).parse(text)
    inside, quotes = False, 0
    for token in tokens:
        inside = {"footnote_open": True, "footnote_close": False}.get(token.type, inside)
        quotes += inside and token.type == "list_item_open"
    # Every quote of a source cited more than once is a list item of its one footnote: the
    # article's 13 and TASS's 2 (Reuters, cited once, keeps its quote on the line).
    assert quotes == 15
    assert "    - before 16 Jan 2016: “Even before the lift of sanction" in text


def test_a_source_cited_once_keeps_its_quote_on_the_line() -> None:
    from chrono.dates import parse_edtf
    from chrono.model import Citation, Event, Source
    from chrono.render.markdown import render
    from chrono.render.options import RenderOptions

    a, b = Source(title="A"), Source(title="B")
    events = [
        Event("x", parse_edtf("2016-01"), "X", (Citation(a, "qa1"), Citation(b, "qb"))),
        Event("y", parse_edtf("2016-02"), "Y", (Citation(a, "qa2"),)),
    ]
    text = render(events, RenderOptions())
    assert "**X**[^1][^2]" in text and "**Y**[^1]" in text
    assert "[^1]: *A*\n    - Jan 2016: “qa1”\n    - Feb 2016: “qa2”\n" in text
    assert text.endswith("[^2]: *B*. “qb”\n")
    assert footnote_check(text) == (3, 2)
