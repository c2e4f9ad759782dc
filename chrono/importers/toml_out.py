"""Imported events as TOML, laid out as a person would write an ``[[events]]`` file."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def events_toml(tables: Sequence[dict[str, Any]]) -> str:
    """``[[events]]`` tables, each followed by its ``[[events.sources]]``.

    tomli_w does the quoting (control characters become escapes); the layout is ours,
    since it would write the sources as inline tables.
    """
    import tomli_w

    parts = []
    for table in tables:
        head = {k: v for k, v in table.items() if k != "sources"}
        parts.append("[[events]]\n" + tomli_w.dumps(head))
        for source in table.get("sources", ()):
            parts.append("\n[[events.sources]]\n" + tomli_w.dumps(source))
        parts.append("\n")
    return "".join(parts)
