"""Ids for HTML anchors and TimelineJS slides: safe characters, and distinct."""

from __future__ import annotations

import re
from collections.abc import Iterable

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def unique_ids(names: Iterable[str], prefix: str = "") -> list[str]:
    """`prefix` + each name with runs of characters outside ``[A-Za-z0-9_-]`` turned
    into ``-``; a counter keeps names apart that only differed in those characters."""
    return list(map(UniqueIds(prefix), names))


class UniqueIds:
    """`unique_ids` one name at a time, for names read as the output is written."""

    def __init__(self, prefix: str = "") -> None:
        self._prefix = prefix
        self._seen: set[str] = set()

    def __call__(self, name: str) -> str:
        base = self._prefix + (_UNSAFE.sub("-", name).strip("-") or "item")
        candidate, n = base, 1
        while candidate in self._seen:
            n += 1
            candidate = f"{base}-{n}"
        self._seen.add(candidate)
        return candidate
