"""A Mermaid ``timeline`` diagram: a section per year, a line per event, sources as comments.

Mermaid's timeline grammar (``diagrams/timeline/parser/timeline.jison``) reads a time
period up to the first ``:`` or ``#``, an event from ``: `` to the next ``:`` followed by
a space, and ``%%`` as the start of a comment anywhere; older releases also end
titles, sections and events at ``#`` or ``;``. Mermaid has no escape for these, so in every
text this module writes ``:`` becomes ``∶`` (U+2236 RATIO), ``#`` becomes ``＃`` and ``;``
becomes ``；`` (full-width forms), ``%%`` becomes ``%``, and line breaks become spaces.

Mermaid has no footnotes either: each event ends in its citation numbers (``[1][2]``, one
per citation, as in the Markdown export), and the numbered citations — source, quote,
note — follow as ``%%`` comments, which Mermaid ignores and readers of the text keep.
Years are those of the Markdown export's headings, each year one section, in calendar order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chrono.model import Citation, Event
from chrono.render.citations import source_label
from chrono.render.corroboration import mark
from chrono.render.options import RenderOptions
from chrono.render.years import by_year

_REPLACE = {":": "\u2236", "#": "\uff03", ";": "\uff1b"}
_BREAKING = re.compile(r"%%+|[:#;]")
_DIRECTIVE = re.compile(r"%%+")
INDENT = "    "


def clean(text: str) -> str:
    """One line of text that Mermaid's timeline grammar reads as plain text."""
    one_line = " ".join(text.split())
    return _BREAKING.sub(lambda m: _REPLACE.get(m.group(), "%"), one_line)


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """``timeline``, the title, a ``section`` per year, then the citations as comments."""
    lines = ["timeline"]
    if clean(options.title):
        lines.append(f"{INDENT}title {clean(options.title)}")
    notes: list[str] = []
    for heading, group in by_year(events):
        lines.append(f"{INDENT}section {clean(heading)}")
        for event in group:
            marks = ""
            for citation in event.citations:
                notes.append(f"%% [{len(notes) + 1}] {note_text(citation)}")
                marks += mark(len(notes), citation)
            entry = f"{clean(event.date.human())} : {clean(event.title)}"
            lines.append(f"{INDENT * 2}{entry} {marks}".rstrip())
    if not events:
        lines.append("%% No events match.")
    if notes:
        lines += ["", "%% Sources", *notes]
    return "\n".join(lines) + "\n"


def note_text(citation: Citation) -> str:
    """Source label (title, publisher, date, URL), quote and note, on one line. A comment
    runs to the end of its line, but Mermaid finds ``%%{...}%%`` directives (``init``
    changes the theme, fonts and security level) anywhere in the text, comments included:
    so line breaks become spaces and ``%%`` becomes ``%`` here too (the URL keeps its colon)."""
    text = source_label(citation.source)
    if citation.quote:
        text += f". “{citation.quote}”"
    if citation.note:
        text += f" ({citation.note})"
    return _DIRECTIVE.sub("%", " ".join(text.split()))
