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
from collections.abc import Iterator, Sequence

from chrono.model import Citation, Event
from chrono.render.citations import source_label
from chrono.render.corroboration import mark
from chrono.render.options import RenderOptions
from chrono.render.spool import Spool
from chrono.render.years import runs_by_year

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
    return "".join(chunks(events, options))


def chunks(events: Sequence[Event], options: RenderOptions) -> Iterator[str]:
    """`render`'s text as the events are read; the citations, numbered on the way, are
    set aside (`Spool`) until the events are written."""
    yield "timeline\n"
    if clean(options.title):
        yield f"{INDENT}title {clean(options.title)}\n"
    cited = 0
    with Spool() as notes:
        for heading, group in runs_by_year(events):
            yield f"{INDENT}section {clean(heading)}\n"
            for event in group:
                marks = ""
                for citation in event.citations:
                    cited += 1
                    notes.write(f"%% [{cited}] {note_text(citation)}\n")
                    marks += mark(cited, citation)
                entry = f"{clean(event.date.human())} : {clean(event.title)}"
                yield f"{INDENT * 2}{entry} {marks}".rstrip() + "\n"
        if not events:
            yield "%% No events match.\n"
        if cited:
            yield "\n%% Sources\n"
            yield from notes.read()


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
