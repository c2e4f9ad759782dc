"""The slide text chrono's TimelineJS export writes, read back into event fields.

The export writes ``<p>summary</p>``, then ``<p>Actors: a, b. Tags: c. Location: x.
Status: s. Date as written: “t”.</p>`` (the facts of `chrono.parse.schema`, in its order), then ``<p>Sources:</p><ol><li>...</li></ol>`` with each
source as author, linked title, publisher and date, its quote in a blockquote and its note
in brackets, all HTML-escaped. Text of another shape is not chrono's: None.

What cannot come back: a fact whose value ends in a full stop not after an abbreviation
("Inc." comes back "Inc"), ``status = "occurred"`` (the export leaves the unremarkable case
unsaid, so it comes back as no status), an actor or tag holding ", ", and a source without
a URL whose title holds ", " (its parts cannot be told apart from author and publisher).
"""

from __future__ import annotations

import html
import re
from typing import Any

from chrono.model import STATUSES
from chrono.parse.schema import FACTS

_SHAPE = re.compile(
    r"(?:<p>(?P<first>[^<]*)</p>)?(?:<p>(?P<second>[^<]*)</p>)?<p>Sources:</p><ol>(?P<items>.*)</ol>",
    re.DOTALL,
)


def _facts_pattern() -> re.Pattern[str]:
    """``Label: value. Label: value.`` in the schema's order of facts, then the date as
    written; each part optional, as the export leaves out what an event lacks. Each part
    ends in a full stop, or in its value's own ``. ! ? …`` (`chrono.render.prose.sentences`)."""
    parts = []
    for key in FACTS:
        value = "(?:" + "|".join(STATUSES) + r")\." if key.kind == "status" else r".*?[.!?…]"
        parts.append(rf"(?:(?:(?<=[.!?…]) |^){key.label}: (?P<{key.name}>{value}))?")
    parts.append(r"(?:(?:(?<=[.!?…]) |^)Date as written: “(?P<date_text>.*)”\.)?")
    return re.compile("".join(parts), re.DOTALL)


_FACTS = _facts_pattern()
_ITEM = re.compile(r"<li>(.*?)</li>", re.DOTALL)
_LINK = re.compile(
    r'(?:(?P<author>[^<]*), )?<a href="(?P<url>[^"]*)">(?P<title>[^<]*)</a>(?P<rest>[^<]*)'
)
_CITE = re.compile(r"(?:(?P<author>[^<]*), )?<cite>(?P<title>[^<]*)</cite>(?P<rest>[^<]*)")
_QUOTE = re.compile(r": <blockquote>“(?P<quote>.*)”</blockquote>", re.DOTALL)
_NOTE = re.compile(r" \((?P<note>[^<]*)\)\Z", re.DOTALL)


def chrono_text(body: str) -> dict[str, Any] | None:
    """summary, actors, location, status, date_text and sources from chrono's slide text."""
    shape = _SHAPE.fullmatch(body)
    if shape is None:
        return None
    first, second = shape["first"], shape["second"]
    facts = _facts(second) if second is not None else _facts(first) if first is not None else {}
    summary = first if second is not None or (first is not None and facts is None) else None
    table: dict[str, Any] = dict(facts or {})
    if summary is not None:
        table["summary"] = html.unescape(summary)
    table["sources"] = [_citation(item) for item in _ITEM.findall(shape["items"])]
    return table


def _facts(text: str) -> dict[str, Any] | None:
    found = _FACTS.fullmatch(text)
    if found is None or not any(found.groupdict().values()):
        return None
    facts: dict[str, Any] = {}
    for key in FACTS:
        value = found[key.name]
        if value is not None:
            text = html.unescape(_unstopped(value))
            facts[key.name] = text.split(", ") if key.kind == "texts" else text
    if found["date_text"] is not None:
        facts["date_text"] = html.unescape(found["date_text"])
    return facts


def _unstopped(part: str) -> str:
    """A fact's value without the full stop the export added: one ending in "!", "?" or
    "…" got none, and neither did one ending in an abbreviation ("Washington, D.C.")."""
    if not part.endswith(".") or re.search(r"\.\w+\.\Z", part):
        return part
    return part[:-1]


def _citation(item: str) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    note = _NOTE.search(item)
    if note:
        entry["note"] = html.unescape(note["note"])
        item = item[: note.start()]
    quote = _QUOTE.search(item)
    if quote:
        entry["quote"] = html.unescape(quote["quote"])
        item = item[: quote.start()]
    link = _LINK.fullmatch(item) or _CITE.fullmatch(item)
    if link is None:
        return {"title": html.unescape(item), **entry}
    url = html.unescape(link["url"]) if "url" in link.groupdict() else None
    title = html.unescape(link["title"])
    found = {"url": url, "title": None if title == url else title}
    if link["author"]:
        found["author"] = html.unescape(link["author"])
    found |= _publisher_and_date(html.unescape(link["rest"]))
    return {k: v for k, v in found.items() if v} | entry


def _publisher_and_date(rest: str) -> dict[str, str]:
    parts = rest.split(", ")[1:] if rest.startswith(", ") else []
    found = {}
    if parts:
        published = edtf_from_human(parts[-1])
        if published is not None:
            found["published"] = published
            parts.pop()
    if parts:
        found["publisher"] = ", ".join(parts)
    return found


def edtf_from_human(text: str) -> str | None:
    """The EDTF whose human form is `text` ("c. 18 Apr 2016" -> "2016-04-18~"), or None."""
    from chrono.dates import DateError, parse_edtf
    from chrono.dates.written import parse_written

    core = text.removeprefix("c. ").removesuffix("?")
    written = parse_written(core)
    if written is None:
        return None
    for qualifier in ("", "~", "?", "%"):
        try:
            date = parse_edtf(written + qualifier)
        except DateError:
            continue
        if date.human() == text:
            return date.text
    return None
