"""Stage 3: merge several collections into one.

Events are simply gathered (duplicate ids are validation's business); bibliographies are
united, and a key that two collections define differently is a problem, not a silent pick:
events citing that key are refused, since nothing tells which entry they mean.
"""

from __future__ import annotations

from collections.abc import Iterable

from chrono.model import Problem, Source


def merge_bibliographies(
    parts: Iterable[tuple[str, dict[str, Source]]],
) -> tuple[dict[str, Source], set[str], list[Problem]]:
    """Unite (file, sources) pairs: the sources, the keys defined differently, the problems."""
    merged: dict[str, Source] = {}
    origin: dict[str, str] = {}
    ambiguous: set[str] = set()
    problems: list[Problem] = []
    for file, sources in parts:
        for key, source in sources.items():
            if key in merged and merged[key] != source:
                msg = f"source '{key}' is already defined differently in {origin[key]}"
                problems.append(Problem(file, 0, "duplicate-source", msg, "error", (key,)))
                ambiguous.add(key)
                continue
            merged.setdefault(key, source)
            origin.setdefault(key, file)
    return merged, ambiguous, problems
