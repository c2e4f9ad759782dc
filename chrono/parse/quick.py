"""A quick path for well-formed events, the great majority in any real collection.

It builds the same Event the careful parser in `chrono.parse` would, but returns None at
the first thing out of the ordinary (an unknown key, a wrong type, a bad date, a lone
string where a list belongs); the careful parser then runs and reports every problem.
"""

from __future__ import annotations

from typing import Any, TypeGuard

from chrono.dates import DateError, EdtfDate, from_toml, is_plain
from chrono.model import STATUSES, Citation, Event, Source, Where
from chrono.parse.claim import Claim, ref_citation
from chrono.parse.schema import (
    EVENT_SCHEMA,
    PLAIN_CITATION_KEYS,
    PLAIN_KEYS,
    SOURCE_FIELDS,
    web_url,
)

# Tables with keys read here only by the careful parser ([[merged_from]], grades and the
# dates citations give) take the careful path.
_EVENT_KEYS = frozenset(key.name for key in EVENT_SCHEMA if key.kind != "merged")
_CITATION_KEYS = frozenset(PLAIN_CITATION_KEYS)
_INLINE_ONLY = frozenset(SOURCE_FIELDS)
_PLAIN = tuple((key.name, key.kind == "texts") for key in PLAIN_KEYS)


def quick_event(
    table: dict[str, Any], where: Where, default_id: str | None, file: str
) -> Event | None:
    """The event, if the table is plainly well-formed; None means "parse it carefully"."""
    head = _head(table, default_id)
    if head is None:
        return None
    event_id, title, status, fields = head
    date, citations = _date(table.get("date")), _citations(table.get("sources"))
    if date is None or citations is None:
        return None
    return Event(
        id=event_id, date=date, title=title, citations=citations, status=status,
        file=file, where=where, **fields,
    )  # fmt: skip


def quick_claim(
    table: dict[str, Any], where: Where, default_id: str | None, file: str
) -> Claim | None:
    """What `quick_event`'s event would claim, without building the event (for an event
    not wanted whole); None when `quick_event` would give None."""
    head = _head(table, default_id)
    if head is None or not _valid_date(table.get("date")):
        return None
    refs = _refs(table.get("sources"))
    if refs is None:
        return None
    return Claim(head[0], head[3]["actors"], refs, file, where)


def _head(
    table: dict[str, Any], default_id: str | None
) -> tuple[str, str, str | None, dict[str, Any]] | None:
    """Id, title, status and the plain fields, if they are plainly well-formed."""
    if not _EVENT_KEYS.issuperset(table):
        return None
    get = table.get
    event_id, title, status = get("id", default_id), get("title"), get("status")
    if not _text(event_id) or not _text(title):
        return None
    if status is not None and (type(status) is not str or status not in STATUSES):
        return None
    fields: dict[str, Any] = {}
    for name, is_list in _PLAIN:
        value = get(name)
        if is_list:
            value = _names(value)
            if value is None:
                return None
        elif not _optional(value):
            return None
        fields[name] = value
    return event_id, title, status, fields


def _text(value: object) -> TypeGuard[str]:
    return type(value) is str and bool(value.strip())


def _optional(value: object) -> bool:
    return value is None or (type(value) is str and bool(value.strip()))


def _names(value: object) -> tuple[str, ...] | None:
    if value is None:
        return ()
    if type(value) is not list:
        return None
    for name in value:
        if type(name) is not str or not name or name != name.strip():
            return None
    return tuple(value)


def _date(value: object) -> EdtfDate | None:
    if value is None:
        return None
    try:
        return from_toml(value)
    except DateError:
        return None


def _valid_date(value: object) -> bool:
    """Whether `_date` gives a date, building none for a plain one."""
    return (type(value) is str and is_plain(value)) or _date(value) is not None


def _citations(entries: object) -> tuple[Citation, ...] | None:
    if type(entries) is not list or not entries:
        return None
    found = []
    for entry in entries:
        citation = _citation(entry) if type(entry) is dict else None
        if citation is None:
            return None
        found.append(citation)
    return tuple(found)


def _refs(entries: object) -> tuple[Citation, ...] | None:
    """The claim's citations (placeholders holding the refs) where `_citations` would
    accept the entries; None where it would not."""
    if type(entries) is not list or not entries:
        return None
    found = []
    for entry in entries:
        if type(entry) is not dict or not _plain_citation(entry):
            return None
        ref = entry.get("ref")
        if ref is None:
            if not _source_ok(entry):
                return None
        elif not _text(ref) or not _INLINE_ONLY.isdisjoint(entry):
            return None
        found.append(ref_citation(ref))
    return tuple(found)


def _plain_citation(entry: dict[str, Any]) -> bool:
    return (
        _CITATION_KEYS.issuperset(entry)
        and _optional(entry.get("quote"))
        and _optional(entry.get("note"))
    )


def _citation(entry: dict[str, Any]) -> Citation | None:
    if not _plain_citation(entry):
        return None
    get = entry.get
    quote, note, ref = get("quote"), get("note"), get("ref")
    if ref is not None:
        if not _text(ref) or not _INLINE_ONLY.isdisjoint(entry):
            return None
        return Citation(Source(key=ref), quote, note, ref)
    source = _source(entry)
    return None if source is None else Citation(source, quote, note)


def _source(entry: dict[str, Any]) -> Source | None:
    if not _source_ok(entry):
        return None
    get = entry.get
    published, accessed = _date_text(get("published")), _date_text(get("accessed"))
    return Source(get("title"), get("publisher"), get("url"), published, get("author"), accessed)


def _source_ok(entry: dict[str, Any]) -> bool:
    """Whether an inline source is plainly well-formed (`_source` builds it)."""
    get = entry.get
    title, publisher, url, author = get("title"), get("publisher"), get("url"), get("author")
    if not (_optional(title) and _optional(publisher) and _optional(url) and _optional(author)):
        return False
    if not (title or url) or (url is not None and not web_url(url)):
        return False
    return all(v is None or _valid_date(v) for v in (get("published"), get("accessed")))


def _date_text(value: object) -> str | None:
    """The canonical text of a date `_source_ok` found valid."""
    return None if value is None else from_toml(value).text
