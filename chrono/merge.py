"""Stage 3: merge several collections into one.

Events are simply gathered (duplicate ids are validation's business); bibliographies are
united, and a key that two collections define differently is a problem, not a silent pick.
"""

from __future__ import annotations

from collections.abc import Iterable

from chrono.model import Problem, Source


def merge_bibliographies(
    parts: Iterable[tuple[str, dict[str, Source]]],
) -> tuple[dict[str, Source], list[Problem]]:
    """Unite (file, sources) pairs; a key defined twice with different fields is an error."""
    merged: dict[str, Source] = {}
    origin: dict[str, str] = {}
    problems: list[Problem] = []
    for file, sources in parts:
        for key, source in sources.items():
            if key in merged and merged[key] != source:
                msg = f"source '{key}' is already defined differently in {origin[key]}"
                problems.append(Problem(file, 0, "duplicate-source", msg, "error", (key,)))
                continue
            merged.setdefault(key, source)
            origin.setdefault(key, file)
    return merged, problems
