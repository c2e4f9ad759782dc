"""Markdown: a timeline that renders on GitHub, with footnote citations.

Each citation of each event gets its own footnote, since it carries that event's quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from chrono.model import Citation, Event
from chrono.render.citations import source_parts
from chrono.render.facts import fact_texts
from chrono.render.options import RenderOptions
from chrono.render.years import runs_by_year

_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|&~"})
_NEEDS_ESCAPE = re.compile(r"[\\`*_\[\]<>#|&~]")  # & starts entities, ~~ strikes on GitHub


def escape(text: str) -> str:
    """Backslash-escape the characters that would otherwise turn into Markdown syntax."""
    text = " ".join(text.split())
    return text.translate(_ESCAPES) if _NEEDS_ESCAPE.search(text) else text  # most text has none


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """Title, a ``##`` heading per year, a bullet per event, then the footnotes."""
    return "".join(chunks(events, options))


def chunks(events: Sequence[Event], options: RenderOptions) -> Iterator[str]:
    """The document line by line, so that a large export is written as it is made."""
    yield f"# {escape(options.title)}\n\n"
    if not events:
        yield "_No events match._\n"
        return
    notes: list[str] = []
    for heading, group in runs_by_year(events):
        yield f"## {heading}\n\n"
        for event in group:
            refs = []
            for citation in event.citations:
                notes.append(f"[^{len(notes) + 1}]: {footnote(citation)}\n")
                refs.append(f"[^{len(notes)}]")
            yield _item(event, "".join(refs)) + "\n"
        yield "\n"
    yield from notes


def _item(event: Event, refs: str) -> str:
    text = f"- **{escape(event.date.human())}** — **{escape(event.title)}**{refs}"
    if event.date_text:
        text += f" _(“{escape(event.date_text)}”)_"
    if event.summary:
        text += f"  \n  {_not_a_block(escape(event.summary))}"
    details = fact_texts(event, escape)
    if details:
        text += "  \n  _" + ". ".join(details) + "._"
    return text


_BLOCK_START = re.compile(r"[-+=~]|\d+[.)]")


def _not_a_block(line: str) -> str:
    """A line that starts like a list item, a rule or a heading underline ("- x", "1. x", "~~~",
    "===") would break out of the event's paragraph: escape that first mark."""
    match = _BLOCK_START.match(line)
    if not match:
        return line
    end = match.end()
    return line[: end - 1] + "\\" + line[end - 1 :]


def footnote(citation: Citation) -> str:
    """Title, publisher, date, URL and quote of one citation, on one line."""
    source = citation.source
    dress = {"title": lambda t: f"*{escape(t)}*", "url": lambda t: f"<{t}>"}
    parts = [dress.get(name, escape)(value) for name, value in source_parts(source)]
    text = ", ".join(parts) or escape(source.key or "source")
    if citation.quote:
        text += f". “{escape(citation.quote)}”"
    if citation.note:
        text += f" ({escape(citation.note)})"
    return text
