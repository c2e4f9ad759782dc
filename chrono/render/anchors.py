"""Ids for HTML anchors and TimelineJS slides: safe characters, and distinct."""

from __future__ import annotations

import re
from collections.abc import Iterable

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def unique_ids(names: Iterable[str], prefix: str = "") -> list[str]:
    """`prefix` + each name with runs of characters outside ``[A-Za-z0-9_-]`` turned
    into ``-``; a counter keeps names apart that only differed in those characters."""
    seen: set[str] = set()
    result = []
    for name in names:
        base = prefix + (_UNSAFE.sub("-", name).strip("-") or "item")
        candidate, n = base, 1
        while candidate in seen:
            n += 1
            candidate = f"{base}-{n}"
        seen.add(candidate)
        result.append(candidate)
    return result
