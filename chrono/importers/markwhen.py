"""``--from markwhen``: Markwhen text timelines (``.mw``).

From Markwhen's documentation: an optional header (YAML front matter between ``---``
lines, or, in the older syntax, lines before the first event) may set ``title`` and
``dateFormat: d/M/y``; an event is ``RANGE: description``, its description running on
until the next event. In the description ``#tag`` is a tag, ``!id`` names the event (for
relative dates, and as its chrono id), ``[text](url)`` a source and ``[place](location)``
or ``[place](map)`` its location; the first line is the title, the rest the summary.
``group NAME`` / ``endGroup`` and ``section NAME`` / ``endSection`` enclose events, which
get the name as a tag; in the older syntax, with no ``endGroup`` anywhere, a new group
ends the one before. ``//`` starts a comment line. Dates: see `markwhen_dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from chrono.importers.dates import CellDateError
from chrono.importers.markwhen_dates import Dates
from chrono.importers.rows import Draft, Drafted, ReadOptions

_BLOCK = re.compile(r"\s*(group|section|endGroup|endSection)\b\s*(.*)", re.IGNORECASE)
_TAG = re.compile(r"(?<![\w&])#([\w-]+)")
_ID = re.compile(r"(?<!\w)!([\w-]+)")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")
_COMMENT = re.compile(r"\s*//")
#: Source links that end the title line, bare or in parentheses ("(via [X](url))"): they
#: cite the event, they do not describe it.
_TRAILING_SOURCES = re.compile(
    r"(?:\s*\(\s*(?:(?:see|via|source:?)\s+)?\[[^\]]*\]\(https?://[^)\s]+\)\s*\)"
    r"|\s*\[[^\]]*\]\(https?://[^)\s]+\))+[.,;]?\s*\Z",
    re.IGNORECASE,
)
_RANGE_PARTS = re.compile(
    r"\b(?:after|before|every|for|times|now|to|other|x|(?:day|week|month|year|hour|minute)s?)\b"
    r"|!\w[\w-]*|[\d/\-–:TZ.+,\s]",
    re.IGNORECASE,
)


@dataclass
class _Event:
    line: int
    span: str
    head: str
    body: list[str] = field(default_factory=list)
    blocks: tuple[str, ...] = ()


def read(text: str, path: str, options: ReadOptions) -> Drafted:
    """One draft per event; a line whose date cannot be resolved is refused."""
    lines = text.splitlines()
    start, day_first = _header(lines)
    dates = Dates(day_first)
    drafted = Drafted()
    older = not any(re.match(r"\s*end(group|section)\b", ln, re.IGNORECASE) for ln in lines)
    blocks: list[tuple[str, str]] = []
    current: _Event | None = None
    for number in range(start, len(lines)):
        line = lines[number]
        if _COMMENT.match(line) or not line.strip():
            if current is not None and not line.strip():
                current.body.append("")
            continue
        block = _BLOCK.match(line)
        if block:
            _flush(current, dates, drafted, path)
            current = None
            _enter(blocks, block[1].casefold(), _strip_comment(block[2]), older)
            continue
        event = _event_line(line)
        if event is None:
            if current is not None:
                current.body.append(line.strip())
            continue
        _flush(current, dates, drafted, path)
        current = _Event(number + 1, event[0], event[1], blocks=tuple(n for _, n in blocks if n))
    _flush(current, dates, drafted, path)
    return drafted


def _header(lines: list[str]) -> tuple[int, bool]:
    """(index of the first line after the front matter, whether dates are day-first)."""
    day_first = any(re.fullmatch(r"\s*dateFormat:\s*d/M/y\s*", ln) for ln in lines[:200])
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() == "---":
                return index + 1, day_first
    return 0, day_first


def _enter(blocks: list[tuple[str, str]], keyword: str, name: str, older: bool) -> None:
    kind = keyword.removeprefix("end")
    if keyword.startswith("end"):
        for index in range(len(blocks) - 1, -1, -1):
            if blocks[index][0] == kind:
                del blocks[index:]
                return
        return
    if older:
        while blocks and blocks[-1][0] == kind:
            blocks.pop()
    blocks.append((kind, _TAG.sub("", name).strip().strip('"')))


def _strip_comment(text: str) -> str:
    return text.split("//")[0].strip()


def _event_line(line: str) -> tuple[str, str] | None:
    """(range, first line of the description) when `line` starts an event."""
    for found in re.finditer(r":(?:\s|$)", line):
        span = line[: found.start()].strip()
        if span and _looks_dated(span):
            return span, line[found.end() :].strip()
    return None


def _looks_dated(span: str) -> bool:
    """Whether `span` is made only of what Markwhen ranges are made of (digits, separators,
    ISO times, ``!ids``, units and the words of relative and recurring dates)."""
    if not re.match(r"(after\s|before\s|!|\d|-\d|every\s)", span, re.IGNORECASE):
        return False
    return not _RANGE_PARTS.sub("", span).strip()


def _flush(event: _Event | None, dates: Dates, drafted: Drafted, path: str) -> None:
    if event is None:
        return
    try:
        span = dates.parse_range(event.span)
    except CellDateError as err:
        drafted.refuse(path, event.line, "bad-date", str(err))
        return
    table = event_table(event)
    if table.get("id"):
        dates.by_id[table["id"]] = span
    table["date"] = span.edtf
    drafted.drafts.append(Draft(event.line, table))


def event_table(event: _Event) -> dict[str, Any]:
    """Title, summary, tags, id, sources and location from an event's description."""
    text = "\n".join([event.head, *event.body]).strip()
    tags = [*event.blocks, *_TAG.findall(text)]
    ids = _ID.findall(event.head)
    sources, places = [], []
    for label, target in _LINK.findall(text):
        if target in ("location", "map"):
            places.append(label)
        elif target.startswith(("http://", "https://")):
            sources.append({"title": label or target, "url": target})
    head, *rest = _ID.sub("", _TAG.sub("", text)).splitlines() or [""]
    head = _TRAILING_SOURCES.sub("", head)  # "Talks end [Reuters](https://…)": no "Reuters"
    clean = _LINK.sub(lambda m: m[1], "\n".join([head, *rest]))
    lines = [" ".join(ln.split()) for ln in clean.splitlines()]
    title, summary = (lines[0] if lines else ""), "\n".join(lines[1:]).strip()
    return {
        "id": ids[0] if ids else None,
        "title": title or None,
        "summary": summary or None,
        "tags": _unique_ignoring_case(tags),
        "location": ", ".join(places) or None,
        "sources": sources or None,
    }


def _unique_ignoring_case(tags: list[str]) -> list[str]:
    """Each tag once, as first written ("#Diplomacy ... #diplomacy" is one tag)."""
    seen: dict[str, str] = {}
    for tag in tags:
        seen.setdefault(tag.casefold(), tag)
    return list(seen.values())
