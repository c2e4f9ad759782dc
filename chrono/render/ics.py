"""iCalendar (RFC 5545): one VEVENT per event, written with the standard library.

What cannot be said in iCalendar, and what this writer does instead:

- **Imprecise dates and intervals** become all-day DATE values covering everything the
  date can denote: DTSTART its first day, DTEND the day after its last (iCalendar ends
  are exclusive). "Apr 2016" is 1 Apr – 1 May, "Spring 2001" 1 Mar – 1 Jun. A single day
  is DTSTART;VALUE=DATE with DTEND the next day.
- **Times of day**: when every end of the date has a time, DATE-TIME values are used: UTC
  (``...Z``) if any end has an offset, floating (no zone, as EDTF's local time) otherwise.
  A date mixing a time with a coarser end is all-day (DTSTART and DTEND must share a type).
- **Open or unknown ends** (``../2016-01-16``, ``2016-04-15/``): events cannot be unbounded,
  so the entry covers only the known end's own span and DESCRIPTION says which end is
  open or unknown. The human date ("before 16 Jan 2016") heads DESCRIPTION too.
- **Years outside 1–9999** (year 0, BCE years, Y170000002): iCalendar dates have four-digit
  years and common readers stop at 9999, so no VEVENT is written. The VCALENDAR instead
  carries one ``X-CHRONO-SKIPPED`` property per such event (id, human date, title, reason);
  readers ignore X- properties, and nothing disappears without a trace.
- **DTSTAMP** should be when the object was made. That would change the output on every
  run, so it is the latest publication date among the event's sources (midnight UTC of its
  first day), else 1970-01-01T00:00:00Z: stable, and never before the evidence.
- **STATUS**: planned → TENTATIVE, cancelled → CANCELLED, occurred → CONFIRMED; chrono's
  other statuses (reported, disputed, denied) have no iCalendar match and are only named
  in DESCRIPTION.
- A selection with no events gives a VCALENDAR without components, as most calendar
  software writes an empty calendar (RFC 5545 asks for at least one component).

UID is ``<id>@chrono`` (see `ics_lines.uid`); URL the first cited URL; CATEGORIES the
tags; DESCRIPTION the date, summary, facts and every citation with its quote.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence

from chrono.dates import SECONDS_PER_DAY, DateError, EdtfDate, civil_from_seconds, parse_edtf
from chrono.model import Event
from chrono.render.citations import source_label
from chrono.render.corroboration import mark
from chrono.render.facts import fact_texts
from chrono.render.ics_lines import CRLF, date_value, datetime_value, fold, text, uid, uri
from chrono.render.options import RenderOptions
from chrono.render.spool import Spool

PRODID = "-//chrono//chrono export//EN"
EPOCH_STAMP = "19700101T000000Z"
STATUS = {"planned": "TENTATIVE", "cancelled": "CANCELLED", "occurred": "CONFIRMED"}


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """A VCALENDAR with one VEVENT per expressible event, CRLF line ends, folded lines."""
    return "".join(chunks(events, options))


def chunks(events: Iterable[Event], options: RenderOptions) -> Iterator[str]:
    """`render`'s text: the events are read once, their VEVENTs set aside (`Spool`) until
    the header, which names the events that get none, is complete."""
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    head += [f"NAME:{text(options.title)}", f"X-WR-CALNAME:{text(options.title)}"]
    with Spool() as body:
        for event in events:
            dates = date_lines(event.date)
            if dates is None:
                head.append(f"X-CHRONO-SKIPPED:{text(_skipped(event))}")
            else:
                body.write("".join(fold(line) + CRLF for line in _vevent(event, dates)))
        yield "".join(fold(line) + CRLF for line in head)
        yield from body.read()
    yield "END:VCALENDAR" + CRLF


def cannot_hold(event: Event) -> bool:
    """Whether the event gets no VEVENT (only an X-CHRONO-SKIPPED line)."""
    return date_lines(event.date) is None


def date_lines(date: EdtfDate) -> list[str] | None:
    """DTSTART (and DTEND) lines for a date; None when a year falls outside 1–9999."""
    lo, hi = _span(date)
    ends = [p for p in (date.start, date.end) if p is not None]
    if all(p.precision == "second" for p in ends):
        if not (_in_range(lo) and _in_range(hi)):
            return None
        utc = any(p.tz_minutes is not None for p in ends)
        start = f"DTSTART:{datetime_value(lo, utc)}"
        return [start, f"DTEND:{datetime_value(hi, utc)}"] if hi != lo else [start]
    after = (hi // SECONDS_PER_DAY + 1) * SECONDS_PER_DAY  # the day after the last day
    if not (_in_range(lo) and _in_range(after)):
        return None
    return [f"DTSTART;VALUE=DATE:{date_value(lo)}", f"DTEND;VALUE=DATE:{date_value(after)}"]


def _span(date: EdtfDate) -> tuple[int, int]:
    """First and last second of the entry: the date's bounds, or the known end's own
    span where the other end is open or unknown."""
    lead = date.start or date.end
    last = date.end or date.start
    assert lead is not None and last is not None  # parse_edtf rejects dates with no end
    lo = date.earliest if math.isfinite(date.earliest) else lead.earliest
    hi = date.latest if math.isfinite(date.latest) else last.latest
    return int(lo), int(hi)


def _in_range(seconds: int) -> bool:
    return 1 <= civil_from_seconds(seconds)[0] <= 9999


def _vevent(event: Event, dates: list[str]) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{uid(event.id)}", f"DTSTAMP:{_stamp(event)}", *dates]
    lines += [f"SUMMARY:{text(event.title)}", f"DESCRIPTION:{text(description(event))}"]
    if event.location:
        lines.append(f"LOCATION:{text(event.location)}")
    if event.tags:
        lines.append("CATEGORIES:" + ",".join(text(tag) for tag in event.tags))
    if event.status in STATUS:
        lines.append(f"STATUS:{STATUS[event.status]}")
    url = next((c.source.url for c in event.citations if c.source.url), None)
    if url:
        lines.append(f"URL:{uri(url)}")
    return [*lines, "END:VEVENT"]


def description(event: Event) -> str:
    """The date as people write it, what an open end means here, the summary, the facts
    (actors, tags, location, status), and each citation: source label, quote and note."""
    when = event.date.human()
    if event.date_text:
        when += f" (“{event.date_text}”)"
    parts = [when, *_end_notes(event.date)]
    if event.summary:
        parts += ["", event.summary]
    facts = fact_texts(event)
    parts += ["", *facts] if facts else []
    parts += ["", "Sources:"]
    for number, citation in enumerate(event.citations, start=1):
        parts.append(f"{mark(number, citation)} {source_label(citation.source)}")
        if citation.quote:
            parts.append(f"“{citation.quote}”")
        if citation.note:
            parts.append(f"({citation.note})")
    return "\n".join(parts)


def _end_notes(date: EdtfDate) -> list[str]:
    notes = []
    if date.start is None:
        kind = "open (no earlier bound)" if date.start_kind == "open" else "unknown"
        notes.append(f"The start is {kind}: this entry shows only the end.")
    if date.end is None:
        kind = "open (no later bound)" if date.end_kind == "open" else "unknown"
        notes.append(f"The end is {kind}: this entry shows only the start.")
    return notes


def _stamp(event: Event) -> str:
    """The latest publication date of the event's sources, else the Unix epoch."""
    published = []
    for citation in event.citations:
        try:
            date = parse_edtf(citation.source.published or "")
        except DateError:
            continue
        if math.isfinite(date.earliest) and _in_range(int(date.earliest)):
            published.append(int(date.earliest))
    if not published:
        return EPOCH_STAMP
    day = max(published) // SECONDS_PER_DAY * SECONDS_PER_DAY
    return datetime_value(day, utc=True)


def _skipped(event: Event) -> str:
    return (
        f"{event.id} ({event.date.human()}): {event.title} — not exported: "
        "a year outside 1–9999 cannot be written in iCalendar"
    )
