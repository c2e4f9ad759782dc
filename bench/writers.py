"""Write a Dataset as chrono collections (two layouts) and as a jrnl journal.

Plain string formatting, no TOML library: writing 100k files must take seconds. Strings
go through `toml_str`, which the smoke test checks against `tomllib`.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from dataset import Dataset
from synth import Actor, Citation, Event, Source


def toml_str(text: str) -> str:
    """`text` as a TOML basic string.

    ``json.dumps`` escapes ``"``, ``\\`` and the C0 controls the way TOML does, and with
    ``ensure_ascii=False`` leaves other characters (astral ones included) as UTF-8, which
    TOML allows. JSON leaves DEL (U+007F) raw, TOML forbids it: that one is escaped here.
    Lone surrogates cannot be written as UTF-8 at all; generated text has none.
    """
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(toml_str(i) for i in items) + "]"


def _fields(pairs: Iterable[tuple[str, str | None]]) -> list[str]:
    return [f"{key} = {toml_str(value)}" for key, value in pairs if value is not None]


def event_lines(event: Event, sources_header: str, with_id: bool) -> list[str]:
    """The keys of one event, then one `sources_header` table per citation."""
    lines = [f"id = {toml_str(event.id)}"] if with_id else []
    lines += _fields([("date", event.date), ("title", event.title), ("summary", event.summary)])
    lines.append(f"actors = {toml_list(event.actors)}")
    lines += _fields([("location", event.location)])
    lines.append(f"tags = {toml_list(event.tags)}")
    lines += _fields([("status", event.status), ("date_text", event.date_text)])
    for citation in event.citations:
        lines += ["", sources_header, *_citation_lines(citation)]
    return lines


def _citation_lines(citation: Citation) -> list[str]:
    if citation.ref is not None:
        return _fields([("ref", citation.ref), ("quote", citation.quote)])
    assert citation.source is not None
    return [*_source_lines(citation.source), *_fields([("quote", citation.quote)])]


def _source_lines(source: Source) -> list[str]:
    return _fields(
        [
            ("title", source.title),
            ("publisher", source.publisher),
            ("url", source.url),
            ("published", source.published),
        ]
    )


def _write(path: Path, lines: list[str]) -> int:
    text = "\n".join(lines) + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return len(text.encode("utf-8"))


def write_registries(data: Dataset, root: Path) -> int:
    """``actors.toml`` and ``sources.toml`` at the collection's root; returns bytes written."""
    actors: list[str] = []
    for actor in data.actors:
        actors += ["", *_actor_lines(actor)]
    sources: list[str] = []
    for source in data.sources:
        sources += ["", f"[{source.key}]", *_source_lines(source)]
    return _write(root / "actors.toml", actors[1:]) + _write(root / "sources.toml", sources[1:])


def _actor_lines(actor: Actor) -> list[str]:
    lines = [f"[{actor.key}]", f"name = {toml_str(actor.name)}", f"kind = {toml_str(actor.kind)}"]
    if actor.aliases:
        lines.append(f"aliases = {toml_list(actor.aliases)}")
    if actor.member_of:
        lines.append(f"member_of = {toml_list(actor.member_of)}")
    return lines


def write_per_event(data: Dataset, root: Path) -> int:
    """One file per event, ``<root>/<year>/<id>.toml``, keys at the top level."""
    root.mkdir(parents=True, exist_ok=True)
    size = write_registries(data, root)
    for year in {e.year for e in data.events}:
        (root / str(year)).mkdir(exist_ok=True)
    for event in data.events:
        lines = event_lines(event, "[[sources]]", with_id=False)
        size += _write(root / str(event.year) / f"{event.id}.toml", lines)
    return size


def write_per_year(data: Dataset, root: Path) -> int:
    """One file per year, ``<root>/<year>.toml``, an ``[[events]]`` table per event."""
    root.mkdir(parents=True, exist_ok=True)
    size = write_registries(data, root)
    by_year: dict[int, list[Event]] = defaultdict(list)
    for event in data.events:
        by_year[event.year].append(event)
    for year, events in sorted(by_year.items()):
        lines: list[str] = []
        for event in sorted(events, key=lambda e: (e.when, e.id)):
            lines += ["", "[[events]]", *event_lines(event, "[[events.sources]]", with_id=True)]
        size += _write(root / f"{year}.toml", lines[1:])
    return size


def jrnl_tag(name: str) -> str:
    """An actor name as a jrnl tag: jrnl tags are ``@`` or ``#`` then ``[-+*#/\\w]+``."""
    return "@" + re.sub(r"[^\w-]+", "_", name).strip("_")


def jrnl_entry(event: Event) -> str:
    """One entry: ``[YYYY-MM-DD HH:MM] title``, the body, actors as ``@tags``."""
    status = f" Status: {event.status}." if event.status else ""
    lines = [
        f"[{event.when:%Y-%m-%d %H:%M}] {event.title}",
        event.summary,
        f"Date: {event.date}.{status} Location: {event.location}.",
        f"Actors: {', '.join(event.names)}.",
        " ".join([*(jrnl_tag(g) for g in event.groups), *(f"#{t}" for t in event.tags)]),
    ]
    for citation in event.citations:
        source = citation.ref or (citation.source.publisher if citation.source else "")
        lines.append(f"Source ({source}): {citation.quote}")
    return "\n".join(lines) + "\n\n"


def write_jrnl(data: Dataset, folder: Path) -> tuple[Path, int]:
    """The journal as one plain-text file, entries in date order; returns path and size."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "journal.txt"
    text = "".join(jrnl_entry(e) for e in sorted(data.events, key=lambda e: (e.when, e.id)))
    path.write_text(text, encoding="utf-8")
    return path, len(text.encode("utf-8"))


def write_jrnl_config(journal: Path, config: Path) -> None:
    """A complete jrnl 4.6 config: no key missing and the same version, so jrnl never
    rewrites it or announces an upgrade; encryption off, no colours, no editor."""
    path = json.dumps(str(journal.resolve()))  # a JSON string is a YAML double-quoted scalar
    config.write_text(
        "\n".join(
            [
                "colors:", "  body: none", "  date: none", "  tags: none", "  title: none",
                "default_hour: 9", "default_minute: 0", "editor: ''", "encrypt: false",
                "highlight: true", "indent_character: '|'",
                "journals:", "  default:", f"    journal: {path}", "    encrypt: false",
                "linewrap: 79", "tagsymbols: '#@'", "template: false",
                "timeformat: '%Y-%m-%d %H:%M'", "version: '4.6'", "",
            ]
        ),
        encoding="utf-8",
    )  # fmt: skip
