"""TimelineJS3 JSON (Knight Lab): a title slide and one slide per event.

Choices, where TimelineJS and EDTF differ:

- Date objects hold ``year``, ``month``, ``day`` (and ``hour``, ``minute``, ``second``
  for a time) as strings, as Knight Lab's examples write them, filled only down to the
  point's precision: "Apr 2016" has no ``day``. A time is the wall-clock time as written;
  TimelineJS has no zones, and ``display_date`` names the zone.
- Years stay astronomical, as TimelineJS (JavaScript's ``Date``) counts them: 0 is 1 BCE,
  -1985 is 1986 BCE, and ``display_date`` says so in words.
- A season, decade or century has no TimelineJS unit, so it becomes a span:
  ``start_date`` its first month or year, ``end_date`` its last. Intervals get both.
- An open or unknown end cannot be drawn: the slide shows only the known end (as
  ``start_date``, since TimelineJS requires one) and ``display_date`` — chrono's human
  date, e.g. "before 16 Jan 2016" or "15 Apr 2016 – ?" — says which end is missing.
- Years beyond JavaScript's dates (before 271821 BCE or after 275759) need
  ``"scale": "cosmological"``, which then applies to the whole timeline (TimelineJS
  cannot mix the two scales) and draws every date at year resolution.
- ``unique_id`` is the event id with characters outside ``[A-Za-z0-9_-]`` replaced, and a
  counter appended if two ids then collide (`chrono.render.anchors`). ``group`` is the first actor.
- TimelineJS puts headline, text, display_date and group into the page as HTML, so every
  one of them is HTML-escaped; citations are ``<a href>`` links with their quotes.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from typing import Any

from chrono.dates import EdtfDate, Point, civil_from_seconds
from chrono.model import Citation, Event
from chrono.render.anchors import UniqueIds
from chrono.render.citations import human_date
from chrono.render.facts import fact_texts
from chrono.render.json_stream import INDENT, array, member
from chrono.render.options import RenderOptions
from chrono.render.prose import sentences

#: JavaScript dates reach ±8.64e15 ms from 1970; TimelineJS needs its cosmological scale beyond.
JS_DATE_LIMIT_SECONDS = 8_640_000_000_000
_SPANNING = ("season", "decade", "century")


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """``{"title": {...}, "events": [...]}``, plus ``"scale"`` when a year needs it."""
    return "".join(chunks(events, options))


def chunks(events: Sequence[Event], options: RenderOptions) -> Iterator[str]:
    """`render`'s text a slide at a time; whether the scale is needed is known at the end."""
    title = {"text": {"headline": _text(options.title), "text": _intro(events)}}
    yield "{\n" + member("title", title) + f',\n{INDENT}"events": '
    beyond = False

    def slides() -> Iterator[dict[str, Any]]:
        nonlocal beyond
        unique = UniqueIds()
        for event in events:
            beyond = beyond or _beyond_js(event.date)
            yield slide(event, unique(event.id))

    yield from array(slides(), 1)
    yield (",\n" + member("scale", "cosmological") if beyond else "") + "\n}\n"


def slide(event: Event, unique_id: str) -> dict[str, Any]:
    """One event: dates to its precision, headline, HTML text with every citation."""
    start, end = date_objects(event.date)
    data: dict[str, Any] = {"start_date": start}
    if end is not None:
        data["end_date"] = end
    data["display_date"] = _text(event.date.human())
    data["text"] = {"headline": _text(event.title), "text": text_html(event)}
    if event.actors:
        data["group"] = _text(event.actors[0])
    data["unique_id"] = unique_id
    return data


def date_objects(date: EdtfDate) -> tuple[dict[str, str], dict[str, str] | None]:
    """(start_date, end_date or None); a missing end leaves only the known one."""
    start, end = date.start, date.end
    if start is None or end is None or start is end:
        known = start or end
        assert known is not None  # parse_edtf rejects dates with no end
        if known.precision in _SPANNING:
            return point_object(known, first=True), point_object(known, first=False)
        return point_object(known, first=True), None
    return point_object(start, first=True), point_object(end, first=False)


def point_object(point: Point, first: bool) -> dict[str, str]:
    """A TimelineJS date object for one end: its first or last month/year when it spans."""
    if point.precision in _SPANNING:
        year, month = civil_from_seconds(point.earliest if first else point.latest)[:2]
        if point.precision == "season":
            return {"year": str(year), "month": str(month)}
        return {"year": str(year)}
    fields = {"year": point.year, "month": point.month, "day": point.day}
    if point.precision == "second":
        fields.update(hour=point.hour, minute=point.minute, second=point.second)
    return {key: str(value) for key, value in fields.items() if value is not None}


def text_html(event: Event) -> str:
    """Summary, the facts (actors, tags, location, status), the date as written, sources."""
    parts = [f"<p>{_text(event.summary)}</p>"] if event.summary else []
    facts = fact_texts(event)
    if event.date_text:
        facts.append(f"Date as written: “{event.date_text}”")
    if facts:
        parts.append(f"<p>{_text(sentences(facts))}</p>")
    items = "".join(f"<li>{citation_html(c)}</li>" for c in event.citations)
    parts.append(f"<p>Sources:</p><ol>{items}</ol>")
    return "".join(parts)


def citation_html(citation: Citation) -> str:
    """Author, linked title, publisher, date, then the quote and note, all escaped."""
    source = citation.source
    title = _text(source.title or source.url or source.key or "untitled source")
    if source.url:
        title = f'<a href="{html.escape(source.url, quote=True)}">{title}</a>'
    else:  # marked, so that publisher and date can be told from the title on the way back
        title = f"<cite>{title}</cite>"
    published = human_date(source.published) if source.published else None
    rest = [_text(p) for p in (source.publisher, published) if p]
    parts = [_text(source.author)] if source.author else []
    text = ", ".join([*parts, title, *rest])
    if citation.quote:
        text += f": <blockquote>“{_text(citation.quote)}”</blockquote>"
    if citation.note:
        text += f" ({_text(citation.note)})"
    return text


def _text(value: str) -> str:
    """Escape text content; quotes stay as typed, since they are not in an attribute."""
    return html.escape(value, quote=False)


def _beyond_js(date: EdtfDate) -> bool:
    points = [p for p in (date.start, date.end) if p is not None]
    return any(abs(s) > JS_DATE_LIMIT_SECONDS for p in points for s in (p.earliest, p.latest))


def _intro(events: Sequence[Event]) -> str:
    count = f"{len(events)} event{'s' if len(events) != 1 else ''}"
    return f"<p>{count}, each with the sources it is cited from.</p>"
