"""What a collection's registries hold, with how often the events use each entry.

`chrono actors`, `chrono tags` and `chrono sources` print these rows; shell completion
offers their names. Every list is in name order (case-insensitive), so that it reads like
an index and diffs well.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from chrono.results import Collection

Row = dict[str, Any]


def _by_name(rows: list[Row], key: str = "name") -> list[Row]:
    return sorted(rows, key=lambda row: (str(row[key]).casefold(), str(row[key])))


def actor_rows(collection: Collection) -> list[Row]:
    """Each actor of actors.toml (canonical name, kind, aliases, groups, events naming it by
    any of its names, and events naming it or any of its members, as `--actor` selects),
    then each name events use that actors.toml lacks."""
    registry = collection.registry
    counts: Counter[str] = Counter()
    reach: Counter[str] = Counter()  # events `--actor NAME` keeps: its own and its members'
    groups: dict[str, list[str]] = {}
    for event in collection.events:
        named = {registry.canonical(name) for name in event.actors}
        counts.update(named)
        for name in named:
            if name not in groups:
                groups[name] = registry.groups_of(name)
        reach.update({group for name in named for group in groups[name]})
    rows = [
        {
            "name": name,
            "kind": actor.kind,
            "aliases": list(actor.aliases),
            "member_of": list(actor.member_of),
            "events": counts.pop(name, 0),
            "with_members": reach[name],
            "in_registry": True,
        }
        for name, actor in registry.actors.items()
    ]
    unknown: list[Row] = [
        {"name": name, "kind": None, "aliases": [], "member_of": [], "events": n,
         "with_members": n, "in_registry": False}
        for name, n in counts.items()
    ]  # fmt: skip
    return _by_name(rows) + _by_name(unknown)


def tag_rows(collection: Collection) -> list[Row]:
    """Each tag (case-insensitively one, spelled as first seen) and how many events carry it."""
    spelling: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for event in collection.events:
        for tag in {t.casefold(): t for t in event.tags}.values():
            spelling.setdefault(tag.casefold(), tag)
            counts[tag.casefold()] += 1
    return _by_name([{"name": spelling[k], "events": n} for k, n in counts.items()])


def source_rows(collection: Collection) -> list[Row]:
    """Each sources.toml entry (key, title, publisher, published) with the events citing it;
    then one row counting the sources written inline in events, if any."""
    cited: Counter[str] = Counter()
    inline: set[str] = set()
    for event in collection.events:
        for citation in event.citations:
            if citation.ref is None:
                inline.add(citation.source.identity)
        cited.update({c.ref for c in event.citations if c.ref is not None})
    rows = [
        {
            "key": key,
            "title": source.title,
            "publisher": source.publisher,
            "published": source.published,
            "events": cited[key],
        }
        for key, source in collection.sources.items()
    ]
    rows = _by_name(rows, "key")
    if inline:
        count = f"{len(inline)} inline source{'' if len(inline) == 1 else 's'}"
        rows.append({"key": None, "title": f"({count})", "publisher": None,
                     "published": None, "events": _inline_events(collection)})  # fmt: skip
    return rows


def _inline_events(collection: Collection) -> int:
    return sum(any(c.ref is None for c in e.citations) for e in collection.events)


def names(rows: Sequence[Row], key: str = "name") -> list[str]:
    """The names of the rows (and, for actors, their aliases), for shell completion."""
    found: list[str] = []
    for row in rows:
        if row.get(key):
            found.append(str(row[key]))
        found += [str(alias) for alias in row.get("aliases", ())]
    return found
