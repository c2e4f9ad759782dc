"""``--from timelinejs``: TimelineJS3 JSON, from chrono's ``export --format timelinejs``
or from any other tool that writes Knight Lab's format.

A slide gives the id (``unique_id``), the date (see `timelinejs_dates`), the title
(``text.headline``) and, from ``text.text``, what chrono's export writes there: the
summary paragraph, a paragraph of facts (actors, location, status, the date as written)
and the list of sources with their quotes. HTML from another tool becomes plain text in
the summary, and ``media`` becomes a source. ``group`` is a tag unless it is the first
actor (chrono's export puts the first actor there). The title slide and eras are not events.
"""

from __future__ import annotations

import html
import re
from typing import Any

from chrono.importers.chrono_json import load_json
from chrono.importers.rows import Drafted, ReadOptions, draft_each
from chrono.importers.text import html_text
from chrono.importers.timelinejs_dates import SlideDateError, slide_date
from chrono.importers.timelinejs_text import chrono_text

_TAG = re.compile(r"<[A-Za-z/!]")


def read(text: str, path: str, options: ReadOptions) -> Drafted:
    """One draft per slide in ``events``; slides are numbered from 1 in problems."""
    return draft_each(
        load_json(text), "events", "slide", "TimelineJS3 JSON", slide_table, path, SlideDateError
    )


def slide_table(slide: dict[str, Any]) -> dict[str, Any]:
    """The event table for one slide."""
    display = slide.get("display_date")
    display = html.unescape(display) if isinstance(display, str) and display.strip() else None
    date, date_text = slide_date(slide.get("start_date"), slide.get("end_date"), display)
    content = slide.get("text")
    content = content if isinstance(content, dict) else {}
    table: dict[str, Any] = {"id": slide.get("unique_id"), "date": date}
    table["title"] = plain(content.get("headline"))
    body = content.get("text")
    body = body if isinstance(body, str) else ""
    table |= chrono_text(body) or {"summary": plain(body)}
    table["date_text"] = table.get("date_text") or date_text
    group = plain(slide.get("group"))
    actors = table.get("actors") or []
    if group and (not actors or actors[0] != group):
        table["tags"] = [group]
    media = _media(slide.get("media"))
    if media:
        table["sources"] = [*table.get("sources", []), media]
    return table


def plain(value: Any) -> str | None:
    """Text from a slide field: HTML made plain, or chrono's escaped text unescaped exactly."""
    if not isinstance(value, str):
        return None
    return html_text(value) if _TAG.search(value) else html.unescape(value)


def _media(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        return None
    url = value.get("url")
    url = url if isinstance(url, str) and url.startswith(("http://", "https://")) else None
    caption, credit = plain(value.get("caption")), plain(value.get("credit"))
    entry = {"title": caption or credit, "url": url, "author": credit if caption else None}
    entry = {k: v for k, v in entry.items() if v}
    return entry if entry.get("title") or entry.get("url") else None
