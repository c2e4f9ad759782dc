"""Markdown: a timeline that renders on GitHub, with footnote citations.

Each citation of each event gets its own footnote, since it carries that event's quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chrono.citations import human_date
from chrono.model import Citation, Event
from chrono.render.options import RenderOptions
from chrono.render.years import by_year

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str) -> str:
    """Backslash-escape the characters that would otherwise turn into Markdown syntax."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """Title, a ``##`` heading per year, a bullet per event, then the footnotes."""
    lines = [f"# {escape(options.title)}", ""]
    if not events:
        return "\n".join([*lines, "_No events match._", ""])
    notes: list[str] = []
    for heading, group in by_year(events):
        lines += [f"## {heading}", ""]
        for event in group:
            refs = []
            for citation in event.citations:
                notes.append(f"[^{len(notes) + 1}]: {footnote(citation)}")
                refs.append(f"[^{len(notes)}]")
            lines.append(_item(event, "".join(refs)))
        lines.append("")
    return "\n".join([*lines, *notes, ""])


def _item(event: Event, refs: str) -> str:
    text = f"- **{escape(event.date.human())}** — **{escape(event.title)}**{refs}"
    if event.date_text:
        text += f" _(“{escape(event.date_text)}”)_"
    if event.summary:
        text += f"  \n  {escape(event.summary)}"
    details = []
    if event.actors:
        details.append("Actors: " + ", ".join(escape(a) for a in event.actors))
    if event.location:
        details.append("Location: " + escape(event.location))
    if event.status and event.status != "occurred":
        details.append("Status: " + escape(event.status))
    if details:
        text += "  \n  _" + ". ".join(details) + "._"
    return text


def footnote(citation: Citation) -> str:
    """Title, publisher, date, URL and quote of one citation, on one line."""
    source = citation.source
    parts = []
    if source.author:
        parts.append(escape(source.author))
    if source.title:
        parts.append(f"*{escape(source.title)}*")
    published = human_date(source.published) if source.published else None
    parts += [escape(p) for p in (source.publisher, published) if p]
    if source.url:
        parts.append(f"<{source.url}>")
    text = ", ".join(parts) or escape(source.key or "source")
    if citation.quote:
        text += f". “{escape(citation.quote)}”"
    if citation.note:
        text += f" ({escape(citation.note)})"
    return text
