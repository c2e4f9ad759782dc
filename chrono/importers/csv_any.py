"""``--from csv``: any CSV with a header row (RFC 4180), columns named by ``--map``.

``--map date=When --map title=Headline`` says which column holds which field; a field not
mapped is read from a column of its own name, if there is one (so chrono's own
``export --format csv`` reads back without any ``--map``). List fields (actors, tags,
sources, urls, quotes) are split on ``--sep`` (default ``;``). Dates may be EDTF, ISO 8601
or written ("27 April 2016"), and keep the precision written. A cell that starts with
``'`` before ``= + - @``, a tab or a CR is read without that quote: it is how chrono's
export (and many spreadsheets) keep such a cell from running as a formula.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from chrono.importers.dates import CellDateError, edtf_from_cell
from chrono.importers.rows import Draft, Drafted, ReadError, ReadOptions, csv_rows
from chrono.importers.rows import split_cell as split

TEXT_FIELDS = ("id", "title", "summary", "location", "status", "date_text")
LIST_FIELDS = ("actors", "tags")
SOURCE_FIELDS = ("source", "url", "publisher", "published", "author", "quote")
#: What chrono's CSV export writes about sources: labels, URLs and quotes, as lists.
EXPORT_SOURCE_FIELDS = ("sources", "urls", "quotes")
#: What chrono's CSV export (and the OWASP rule it follows) quotes with a leading "'".
_NEUTRALISED = frozenset("=+-@\t\r")
FIELDS = ("date", *TEXT_FIELDS, *LIST_FIELDS, *SOURCE_FIELDS, *EXPORT_SOURCE_FIELDS)


def read(text: str, path: str, options: ReadOptions) -> Drafted:
    """One draft per non-blank record, read as they are asked for; a record whose date
    cannot be read is refused."""
    drafted = Drafted()
    drafted.stream = _drafts(text, path, options, drafted)
    return drafted


def _drafts(text: str, path: str, options: ReadOptions, drafted: Drafted) -> Iterator[Draft]:
    rows = csv_rows(text)
    header = next(rows)[1]
    columns = resolve_columns(header, options.mapping)
    where = {name: header.index(column) for name, column in columns.items()}
    table_of = _table_maker(set(columns))
    for line, cells in rows:
        count = len(cells)
        row = {name: _cell(cells[i]) if i < count else None for name, i in where.items()}
        try:
            yield Draft(line, table_of(row, options.sep))
        except CellDateError as err:
            drafted.refuse(path, line, "bad-date", str(err))


def _cell(text: str) -> str | None:
    if text[:1] == "'" and text[1:2] in _NEUTRALISED:
        text = text[1:]  # the quote a CSV export puts before a would-be formula
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # a spreadsheet's line ends in a cell
    return text.strip() or None


def _table_maker(fields: set[str]) -> Callable[[Mapping[str, str | None], str], dict[str, Any]]:
    """`draft_table`, minus the source columns the file does not have (a big file notices)."""
    single = bool(fields & set(SOURCE_FIELDS))
    exported = bool(fields & set(EXPORT_SOURCE_FIELDS))
    return lambda row, sep: draft_table(row, sep, single, exported)


def resolve_columns(header: list[str], mapping: Mapping[str, str]) -> dict[str, str]:
    """field -> column: the --map choices, else a column named like the field."""
    unknown = [name for name in mapping if name not in FIELDS]
    if unknown:
        msg = f"--map {unknown[0]}=...: unknown field (fields: {', '.join(FIELDS)})"
        raise ReadError(1, "bad-value", msg)
    lowered = {c.casefold(): c for c in header}
    columns = {}
    for name in FIELDS:
        wanted = mapping.get(name)
        if wanted is not None and wanted not in header:
            have = ", ".join(header)
            raise ReadError(
                1, "missing-field", f"--map {name}={wanted}: no such column (columns: {have})"
            )
        found = wanted or lowered.get(name)
        if found is not None:
            columns[name] = found
    for needed in ("date", "title"):
        if needed not in columns:
            have = ", ".join(header)
            hint = f"name it with --map {needed}=COLUMN (columns: {have})"
            raise ReadError(1, "missing-field", f"no '{needed}' column; {hint}")
    return columns


def draft_table(
    row: Mapping[str, str | None], sep: str, single: bool = True, exported: bool = True
) -> dict[str, Any]:
    """The event table for one record's cells (by field name)."""
    table: dict[str, Any] = {"date": _date(row, "date")}
    table |= {name: row.get(name) for name in TEXT_FIELDS}
    table |= {name: split(row.get(name), sep) for name in LIST_FIELDS}
    sources = (_single_source(row) if single else []) + (
        _export_sources(row, sep) if exported else []
    )
    if sources:
        table["sources"] = sources
    return table


def _date(row: Mapping[str, str | None], name: str) -> str | None:
    value = row.get(name)
    if not value:
        return None
    try:
        return edtf_from_cell(value)
    except CellDateError as err:
        raise CellDateError(f"'{name}': {err}") from None


def _single_source(row: Mapping[str, str | None]) -> list[dict[str, Any]]:
    named = row.get("source")
    entry = {
        "title": None if named and named.startswith(("http://", "https://")) else named,
        "url": row.get("url")
        or (named if named and named.startswith(("http://", "https://")) else None),
        "publisher": row.get("publisher"),
        "author": row.get("author"),
        "quote": row.get("quote"),
    }
    entry["published"] = _date(row, "published")
    entry = {k: v for k, v in entry.items() if v}
    return [entry] if entry.get("title") or entry.get("url") else []


def _export_sources(row: Mapping[str, str | None], sep: str) -> list[dict[str, Any]]:
    """The ``sources`` / ``urls`` / ``quotes`` columns of chrono's CSV export, paired up by
    position (the export writes one label per source, and a URL or quote where there is one)."""
    labels, urls = split(row.get("sources"), sep), split(row.get("urls"), sep)
    raw_quotes = row.get("quotes") or ""
    quotes = split(raw_quotes, sep)
    if not raw_quotes.startswith("["):  # older exports wrote each quote in “ ”
        quotes = [q.strip('“”"') for q in quotes]
    entries = []
    for index, label in enumerate(labels):
        title, _, rest = label.partition(" <")
        url = rest.rstrip(">") if rest.endswith(">") else None
        if url is None and title.startswith(("http://", "https://")) and title in urls:
            title, url = "", title
        entry = {"title": title or None, "url": url}
        if len(quotes) == len(labels):
            entry["quote"] = quotes[index]
        entries.append({k: v for k, v in entry.items() if v})
    return entries
