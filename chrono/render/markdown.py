"""Markdown: a timeline that renders on GitHub, with footnote citations.

Each source gets one footnote, numbered in order of first citation, and every event citing
it points to it. A source cited once has its quote on the footnote's line; one cited more
often lists each citation's quote under it, led by the date of the event that cites it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from chrono.model import Citation, Event, Source
from chrono.render.citations import SourceList, source_parts
from chrono.render.corroboration import claimed_words, grade, grade_words, notes, source_grade
from chrono.render.facts import fact_texts
from chrono.render.options import RenderOptions
from chrono.render.prose import sentences
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
    numbered = SourceList()
    cited: dict[int, list[tuple[str, Citation]]] = {}  # not the events: they may be streamed
    for heading, group in runs_by_year(events):
        yield f"## {heading}\n\n"
        for event in group:
            for citation in event.citations:
                number = numbered.number(citation.source)
                cited.setdefault(number, []).append((event.date.human(), citation))
            yield _item(event, _refs(numbered, event), notes(event, options.sources)) + "\n"
        yield "\n"
    for number, source in enumerate(numbered.sources, 1):
        yield f"[^{number}]: {footnote(source, cited[number])}\n"


def _refs(numbered: SourceList, event: Event) -> str:
    """Footnote references, each (source, grade) once, the grade beside: "[^1] (B2)[^2]"."""
    refs = (
        f"[^{numbered.number(c.source)}]" + (f" ({g})" if (g := grade(c).text()) else "")
        for c in event.citations
    )
    return "".join(dict.fromkeys(refs))


def _item(event: Event, refs: str, said: Sequence[str]) -> str:
    text = f"- **{escape(event.date.human())}** — **{escape(event.title)}**{refs}"
    if event.date_text:
        text += f" _(“{escape(event.date_text)}”)_"
    if event.summary:
        text += f"  \n  {_not_a_block(escape(event.summary))}"
    details = fact_texts(event, escape)
    details += [escape(note[:1].upper() + note[1:]) for note in said]
    if details:
        text += "  \n  _" + sentences(details) + "_"
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


def footnote(source: Source, citations: Sequence[tuple[str, Citation]]) -> str:
    """Title, publisher, date and URL of a source; then the quote of its one citation on the
    same line, or one indented line per citation (the event's date as shown, quote, note)."""
    dress = {"title": lambda t: f"*{escape(t)}*", "url": lambda t: f"<{t}>"}
    parts = [dress.get(name, escape)(value) for name, value in source_parts(source)]
    text = ", ".join(parts) or escape(source.key or "source")
    graded = source_grade(source).strip()
    text += f" {escape(graded)}" if graded else ""
    if len(citations) == 1:
        words = _words(citations[0][1])
        return f"{text}. {words}" if words else text
    for shown, citation in citations:
        words = _words(citation) or "(no quote)"
        text += f"\n    - {escape(shown)}: {words}"
    return text


def _words(citation: Citation) -> str:
    """A citation's quote and note, as Markdown ("" when it has neither)."""
    words = f"“{escape(citation.quote)}”" if citation.quote else ""
    if citation.note:
        words += f" ({escape(citation.note)})"
    for extra in (grade_words(citation), claimed_words(citation)):
        if extra:
            words += f" {escape(extra)}."
    return words.strip()
