"""One self-contained HTML5 page: the timeline in inline SVG, the events by year, sources.

Nothing is loaded: the style is inline, the chart is inline SVG, there is no script, and a
Content-Security-Policy of ``default-src 'none'`` makes the browser refuse any fetch a
future change might add. The only addresses in the page are the citations' links.

Dates are written as people write them. A single date that HTML can state exactly (a
year from 1 on, a month, a day, or a time) is a ``<time datetime>``; seasons, decades,
centuries, BCE years and intervals have no HTML form, and since a ``<time>`` without
``datetime`` must hold machine-readable text, they are plain ``<span>`` elements.

Each citation is a numbered note (as in the Markdown export, since each carries its own
quote): the event links to it with ``[n]``, and the note links back. Every text is escaped
with `html.escape`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from html import escape

from chrono.dates import Point
from chrono.model import Citation, Event, Source
from chrono.render.anchors import UniqueIds, unique_ids
from chrono.render.citations import source_parts
from chrono.render.corroboration import claimed_words, grade_words, mark, notes
from chrono.render.facts import fact_texts
from chrono.render.html_style import CSS
from chrono.render.options import RenderOptions
from chrono.render.prose import sentences
from chrono.render.spool import Spool
from chrono.render.svg import Bar, bar, svg_lines
from chrono.render.years import runs_by_year

CSP = "default-src 'none'; style-src 'unsafe-inline'"


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """The whole page, from ``<!doctype html>`` to ``</html>``."""
    return "".join(chunks(events, options))


def chunks(events: Sequence[Event], options: RenderOptions) -> Iterator[str]:
    """`render`'s text. The events are read once: the year sections and the notes are set
    aside (`Spool`) while the chart, which must come first and needs every date, keeps
    only each event's `Bar`."""
    with Spool() as body, Spool() as notes:
        page = Page(options.sources, notes)
        bars: list[Bar] = []
        headings: list[str] = []
        for heading, group in runs_by_year(events):
            headings.append(heading)
            for piece in page.year_section(heading, _noting_bars(group, bars)):
                body.write(piece)
            body.write("\n")
        summary = f"{len(bars)} event{'' if len(bars) == 1 else 's'}"
        if headings:
            first, last = headings[0], headings[-1]
            summary += f", {first}" if first == last else f", {first}–{last}"
        top = [
            _head(options.title),
            "<body>",
            "<header>",
            f"<h1>{text(options.title)}</h1>",
            f'<p class="lede">{text(summary)}. {_HOW_TO_READ}</p>',
            "</header>",
            "<main>",
        ]
        yield "\n".join(top) + "\n"
        yield from _figure(svg_lines(bars, f"Timeline of {summary}"))
        del bars
        yield from body.read() if headings else ["<p>No events match.</p>\n"]
        yield from page.notes_section()
    yield "\n".join(["</main>", "</body>", "</html>", ""])


def _noting_bars(events: Iterable[Event], bars: list[Bar]) -> Iterator[Event]:
    for event in events:
        bars.append(bar(event))
        yield event


_HOW_TO_READ = (
    "Dates are as precise as the sources allow: “c.” marks an approximate date, “?” an "
    "uncertain one. Each bracketed number leads to the source and the words it says it in."
)


def _head(title: str) -> str:
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="generator" content="chrono">',
            f"<title>{text(title)}</title>",
            f"<style>\n{CSS}</style>",
            "</head>",
        ]
    )


def _figure(chart: Iterator[str]) -> Iterator[str]:
    """The chart in its figure, and the line end after it (only that, with no chart)."""
    first = next(chart, None)
    if first is None:
        yield "\n"
        return
    caption = (
        "Each bar covers every day an event’s date can mean; a dot marks a span too short to draw. "
        "A dashed line runs to the edge where a start or end is open or unknown."
    )
    # Narrow screens scroll the chart sideways; tabindex lets a keyboard scroll it too.
    scroll = '<div class="scroll" tabindex="0" role="region" aria-label="Timeline chart">'
    yield f"<figure>\n{scroll}\n{first}"
    for line in chart:
        yield "\n" + line
    yield f"\n</div>\n<figcaption>{caption}</figcaption>\n</figure>\n"


class Page:
    """Numbers the citations in reading order and writes their notes aside as it goes."""

    def __init__(self, sources: Mapping[str, Source] | None, notes: Spool) -> None:
        self.sources = sources
        self.anchor = UniqueIds("event-")
        self.notes = notes
        self.cited = 0

    def year_section(self, heading: str, events: Iterable[Event]) -> Iterator[str]:
        section_id = unique_ids([heading], "year-")[0]
        yield (
            f'<section aria-labelledby="{section_id}">\n'
            f'<h2 id="{section_id}">{text(heading)}</h2>\n'
            f'<ol class="events">\n'
        )
        for n, event in enumerate(events):
            yield ("\n" if n else "") + self.item(event)
        yield "\n</ol>\n</section>"

    def item(self, event: Event) -> str:
        refs = []
        for citation in event.citations:
            self.cited += 1
            n = self.cited
            self.notes.write(("\n" if n > 1 else "") + note_html(n, citation, event))
            label = text(mark(n, citation))
            refs.append(f'<a href="#note-{n}" id="ref-{n}" aria-label="source {n}">{label}</a>')
        lines = [
            f'<li class="event" id="{self.anchor(event.id)}">',
            f'<p class="when">{date_html(event)}</p>',
            f"<h3>{text(event.title)}<sup>{''.join(refs)}</sup></h3>",
        ]
        if event.summary:
            lines.append(f"<p>{text(event.summary)}</p>")
        meta = _meta(event)
        if meta:
            lines.append(f'<p class="meta">{meta}</p>')
        for note in notes(event, self.sources):
            lines.append(f'<p class="corroboration">{text(note[:1].upper() + note[1:])}.</p>')
        return "\n".join([*lines, "</li>"])

    def notes_section(self) -> Iterator[str]:
        """The numbered notes and the line end after them (only that, with no notes)."""
        if self.cited:
            yield (
                '<section class="notes" aria-labelledby="sources">\n'
                '<h2 id="sources">Sources</h2>\n<ol>\n'
            )
            yield from self.notes.read()
            yield "\n</ol>\n</section>"
        yield "\n"


def date_html(event: Event) -> str:
    """The human date, in a ``<time datetime>`` when HTML can state it; the date as written."""
    date = event.date
    stamp = html_datetime(date.start) if date.start is not None and date.start is date.end else None
    human = text(date.human())
    html = f'<time datetime="{stamp}">{human}</time>' if stamp else f"<span>{human}</span>"
    if event.date_text:
        html += f' <span class="as-written">(“{text(event.date_text)}”)</span>'
    return html


def html_datetime(point: Point) -> str | None:
    """A valid HTML datetime value for one point, or None where HTML has none."""
    if point.year < 1 or point.precision not in ("year", "month", "day", "second"):
        return None
    value = f"{point.year:04d}"
    if point.month is not None:
        value += f"-{point.month:02d}"
        if point.day is not None:
            value += f"-{point.day:02d}"
    if point.precision != "second":
        return value
    value += f"T{point.hour:02d}:{point.minute:02d}:{point.second:02d}"
    if point.tz_minutes is None:
        return value
    if point.tz_minutes == 0:
        return value + "Z"
    sign = "-" if point.tz_minutes < 0 else "+"
    hours, minutes = divmod(abs(point.tz_minutes), 60)
    return f"{value}{sign}{hours:02d}:{minutes:02d}"


def text(value: str) -> str:
    """Escape text content; quotes may stay as typed outside attributes."""
    return escape(value, quote=False)


def _meta(event: Event) -> str:
    return sentences(fact_texts(event, text))


def note_html(number: int, citation: Citation, event: Event) -> str:
    """Author, title, publisher, date and linked URL; the quote; the note; a back-link."""
    source = citation.source
    dress = {
        "title": lambda t: f"<cite>{text(t)}</cite>",
        "url": lambda t: f'<a href="{escape(t)}">{text(t)}</a>',
    }
    parts = [dress.get(name, text)(value) for name, value in source_parts(source)]
    label = ", ".join(parts) or text(source.key or "untitled source")
    lines = [f'<li id="note-{number}">', f"<p>{label}</p>"]
    if citation.quote:
        lines.append(f"<blockquote><p>“{text(citation.quote)}”</p></blockquote>")
    if citation.note:
        lines.append(f'<p class="note">{text(citation.note)}</p>')
    for extra in (grade_words(citation), claimed_words(citation)):
        if extra:
            lines.append(f'<p class="grade">{text(extra)}.</p>')
    back = f"Back to the event: {event.title}"
    lines.append(
        f'<p><a class="back" href="#ref-{number}" aria-label="{escape(back)}">↩ back</a></p>'
    )
    return "\n".join([*lines, "</li>"])
