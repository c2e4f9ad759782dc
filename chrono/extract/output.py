"""Drafts and phrases as text: TOML drafts for review, JSON of every phrase found."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from chrono.extract.anchor import Anchor
from chrono.extract.drafting import Draft
from chrono.extract.reading import Phrase

__all__ = ["drafts_toml", "event_toml", "phrases_json"]


def phrases_json(phrases: Sequence[Phrase], anchor: Anchor, text: str) -> str:
    """Every phrase found, resolved or not, with the anchor, its basis, and the article's
    text as read (a page's extracted text), which the offsets index."""
    rows = [
        {
            "text": p.text,
            "offset": p.offset,
            "sentence": p.sentence,
            "status": p.status,
            "edtf": p.edtf,
            "rule": p.rule,
            "tense": p.tense,
            "reason": p.reason,
        }
        for p in phrases
    ]
    document = {"published": anchor.day.isoformat(), "published_basis": anchor.basis}
    document["text"] = text
    return json.dumps({**document, "phrases": rows}, ensure_ascii=False, indent=2) + "\n"


def event_toml(table: dict[str, Any]) -> str:
    """One event as a person would write it: keys, then its ``[[sources]]`` tables."""
    import tomli_w

    head = {k: v for k, v in table.items() if k != "sources"}
    parts = [tomli_w.dumps(head)]
    parts += ["\n[[sources]]\n" + tomli_w.dumps(source) for source in table["sources"]]
    return "".join(parts)


def drafts_toml(
    drafts: Sequence[Draft],
    anchor: Anchor,
    source: tuple[str, dict[str, Any]] | None,
    phrases: Sequence[Phrase] = (),
) -> str:
    """The drafts as one TOML document of ``[[events]]`` for review; the drafted source if
    new, names not in actors.toml, and the phrases given no date are listed in comments."""
    import tomli_w

    lines = [f"# {len(drafts)} draft event(s), read against {anchor.day} ({anchor.basis})"]
    lines += [
        f"# no date for {p.text!r} at offset {p.offset}: {p.reason}"
        for p in phrases
        if p.status != "resolved"
    ]
    if source is not None:
        lines.append("# a new sources.toml entry for them:")
        lines += ["# " + line for line in tomli_w.dumps({source[0]: source[1]}).splitlines()]
    for draft in drafts:
        if draft.suggested_actors:
            names = ", ".join(draft.suggested_actors)
            lines.append(f"# {draft.table['id']}: names not in actors.toml: {names}")
    body = tomli_w.dumps({"events": [d.table for d in drafts]}) if drafts else ""
    return "\n".join(lines) + "\n\n" + body
