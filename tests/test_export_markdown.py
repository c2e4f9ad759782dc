"""`chrono export --format markdown`: GitHub-friendly, every footnote resolves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
    assert refs == defs >= 8
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
