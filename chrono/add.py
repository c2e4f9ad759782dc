"""Building a new event file for `chrono add`, checked against the collection first.

Nothing here touches the disk except `write_event`, which refuses to overwrite.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chrono.dates import DateError, parse_edtf
from chrono.dates.phrase_common import Tense
from chrono.load import RawFile
from chrono.model import Event, Problem, Source, one_line
from chrono.parse import parse_event_file
from chrono.parse.schema import EVENT_SCHEMA
from chrono.pipeline import Collection
from chrono.validate import Context, validate

_ID = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")
#: Longest id: its file name, and the temp file written first, must fit in 255 bytes.
MAX_ID = 200
_EDTF_LIKE = re.compile(r"[-\dXYSE.?~%/:T+Z]+\Z")
_URL = re.compile(r"https?://\S+\Z")
_SHORT_YEAR = re.compile(r"-?\d{1,3}")


class AddError(ValueError):
    """The new event cannot be added; the message says why and what to do."""


@dataclass(frozen=True)
class NewEvent:
    """The values given to `chrono add`, as typed."""

    date: str
    title: str
    source: str
    actors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    location: str | None = None
    summary: str | None = None
    status: str | None = None
    quote: str | None = None
    id: str | None = None
    date_text: str | None = None
    source_title: str | None = None
    publisher: str | None = None
    published: str | None = None
    tense: Tense = "past"  # of the clause the date phrase came from (see `tense_of`)


@dataclass(frozen=True)
class Plan:
    """Where the event would be written, what the file would say, and what was noticed."""

    path: Path
    text: str
    event: Event
    warnings: list[Problem] = field(default_factory=list)
    root: str = "."
    dirs: tuple[str, ...] = ()


def slug(title: str) -> str:
    """A file-name-safe id from a title: lowercase words joined by hyphens, at most 60 chars."""
    words = re.findall(r"[a-z0-9]+", title.casefold())
    text = "-".join(words)[:60].rstrip("-")
    return text or "event"


def plan_add(new: NewEvent, collection: Collection, root: str) -> Plan:
    """Resolve the date and source, build the TOML, and validate it against `collection`."""
    _check_text(new)
    citation = _citation(new, collection)
    date, date_text = resolve_date(new.date, new.date_text, _anchor(new, collection), new.tense)
    event_id = new.id or slug(new.title)
    if not _ID.match(event_id):
        raise AddError(f"id '{event_id}' may use only a-z, 0-9, '.', '_' and '-'")
    if len(event_id) > MAX_ID:
        raise AddError(f"id is {len(event_id)} characters long; at most {MAX_ID} fit a file name")
    resolved = {"id": event_id, "date": date, "date_text": date_text, "sources": [citation]}
    table = _table(new, resolved)
    path = Path(root) / _year_folder(date) / f"{event_id}.toml"
    return _checked(path, _dumps(table), collection, root)


def _check_text(new: NewEvent) -> None:
    """Refuse values that cannot be written as UTF-8: bytes that were not UTF-8 on the
    command line arrive as lone surrogates (Python's surrogateescape)."""
    for name, value in vars(new).items():
        for text in value if isinstance(value, tuple) else [value]:
            if isinstance(text, str) and not text.isascii():
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError:
                    flag = "--" + name.replace("_", "-")
                    flag = flag.removesuffix("s") if isinstance(value, tuple) else flag
                    raise AddError(f"{flag} is not valid UTF-8 text: {text!r}") from None


def _table(new: NewEvent, resolved: dict[str, Any]) -> dict[str, Any]:
    """The event's keys in schema order: `resolved` values, else as given; empty ones left out."""
    table: dict[str, Any] = {}
    for key in EVENT_SCHEMA:
        value = resolved[key.name] if key.name in resolved else getattr(new, key.name, None)
        if value not in (None, (), [], ""):
            table[key.name] = list(value) if key.kind == "texts" else value
    return table


def _checked(path: Path, text: str, collection: Collection, root: str) -> Plan:
    raw = RawFile(str(path), "events", tomllib.loads(text))
    events, problems = parse_event_file(raw)
    has_actors = bool(collection.registry.actors)
    ctx = Context(collection.registry, collection.sources, has_actors, collection.ambiguous)
    checked, found = validate([*collection.events, *events], ctx)
    problems += [p for p in found if p.file == str(path)]
    errors = [p for p in problems if p.severity == "error"]
    if errors or not events:
        # The new file's path may be the existing holder's: its problem then shows twice.
        messages = dict.fromkeys(one_line(p.message) for p in errors)
        raise AddError("; ".join(messages) or "the event is not valid")
    if path.exists():
        raise AddError(f"{path} already exists; choose another --id")
    holder = _id_holder(events[0].id, collection.dirs)
    if holder is not None:
        raise AddError(f"duplicate id '{events[0].id}': also used in {holder}")
    event = next(e for e in checked if e.file == str(path))
    warnings = [p for p in problems if p.severity == "warning"]
    return Plan(path, text, event, warnings, root, collection.dirs)


def _id_holder(event_id: str, dirs: tuple[str, ...]) -> str | None:
    """A file that already holds `event_id`, valid or not (an event with an error still owns
    its id). Only files that mention the id, or are named after it, are parsed."""
    from chrono.load import read_file, scan

    needle = event_id.encode()
    for folder in dirs:
        for path, role, _stat, _real in scan(folder)[0]:
            if role != "events":
                continue
            stem = os.path.splitext(os.path.basename(path))[0]
            try:
                with open(path, "rb") as handle:
                    content = handle.read()
            except OSError:
                continue  # unreadable: `chrono check` reports it; it holds no id we can see
            # The id may be written with escapes (\u0065): such files are parsed too.
            if stem != event_id and needle not in content and b"\\U" not in content.upper():
                continue
            raw, _problems = read_file(path, "events")
            if raw is not None and event_id in _ids(raw.data, stem):
                return path
    return None


def _ids(data: dict[str, Any], stem: str) -> set[str]:
    tables = data.get("events")
    if isinstance(tables, list):
        return {
            str(t["id"]) for t in tables if isinstance(t, dict) and isinstance(t.get("id"), str)
        }
    found = data.get("id", stem)
    return {found} if isinstance(found, str) else set()


def write_event(plan: Plan) -> None:
    """Create the event file atomically, if its id is still free (asked again under the
    collection's lock: another run may have taken it since `plan_add`); raises AddError
    rather than overwrite anything or write outside the collection."""
    from chrono.add_write import WriteRefused, write_new_event

    def holder() -> str | None:
        taken = _id_holder(plan.event.id, plan.dirs or (plan.root,))
        return None if taken is None else f"duplicate id '{plan.event.id}': also used in {taken}"

    try:
        write_new_event(plan.path, plan.text, plan.root, holder)
    except WriteRefused as err:
        raise AddError(str(err)) from None
    except FileExistsError as err:
        raise AddError(f"{err.filename or plan.path} already exists") from err
    except OSError as err:
        raise AddError(f"cannot write {plan.path}: {err.strerror or err}") from err


def check_source(source: str, collection: Collection) -> None:
    """Raise AddError unless `source` is a usable key in sources.toml or a URL."""
    _citation(NewEvent(date="", title="", source=source), collection)


def check_date(date: str, source: str, published: str | None, collection: Collection) -> str:
    """The EDTF `date` stands for (see `resolve_date`); AddError if it cannot be read."""
    new = NewEvent(date=date, title="", source=source, published=published)
    return resolve_date(date, None, _anchor(new, collection))[0]


def _citation(new: NewEvent, collection: Collection) -> dict[str, Any]:
    extra = {"quote": new.quote}
    if new.source in collection.ambiguous:
        raise AddError(
            f"--source '{new.source}' is ambiguous: two collections define it differently"
        )
    if new.source in collection.sources:
        inline = [n for n in ("source_title", "publisher", "published") if getattr(new, n)]
        if inline:
            flags = ", ".join("--" + n.replace("_", "-") for n in inline)
            raise AddError(f"{flags} describe an inline source; '{new.source}' is in sources.toml")
        return _drop_empty({"ref": new.source, **extra})
    if _URL.match(new.source):
        fields = {"title": new.source_title, "publisher": new.publisher, "url": new.source}
        return _drop_empty({**fields, "published": _edtf_or_written(new.published), **extra})
    known = ", ".join(sorted(collection.sources)) or "none"
    raise AddError(f"--source '{new.source}' is neither a key in sources.toml ({known}) nor a URL")


def _drop_empty(table: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if v}


def _edtf_or_written(text: str | None) -> str | None:
    if text is None:
        return None
    from chrono.dates.written import parse_written

    try:
        return parse_edtf(text).text
    except DateError as err:
        written = parse_written(text)
        if written is None:
            raise AddError(f"--published '{text}': {err}") from err
        return written


def _anchor(new: NewEvent, collection: Collection) -> Source | None:
    if new.source in collection.sources:
        return collection.sources[new.source]
    return Source(published=_edtf_or_written(new.published)) if new.published else None


def resolve_date(
    text: str, date_text: str | None, anchor: Source | None, tense: Tense = "past"
) -> tuple[str, str | None]:
    """EDTF as given; a written date at its precision; or a phrase resolved against the
    source's publication date (never today) in `tense`. Returns (EDTF, the phrase to keep)."""
    from chrono.dates.relative import PhraseError, resolve_phrase
    from chrono.dates.written import parse_written

    try:
        return parse_edtf(text.strip()).text, date_text
    except DateError as err:
        edtf_error = err
    if _SHORT_YEAR.fullmatch(text.strip()):  # "197": the 1970s or the year 197? say both
        raise AddError(f"--date '{text}' is not EDTF: {edtf_error}")
    written = parse_written(text)
    if written is not None:
        return written, date_text
    if _EDTF_LIKE.match(text.strip()):
        raise AddError(f"--date '{text}' is not EDTF: {edtf_error}")
    impossible = _impossible_written_date(text)
    if impossible:
        raise AddError(f"--date '{text}': {impossible}")
    fixed = _anchor_free(text)
    if fixed is not None:  # "in 2007", "mid-2016": the same whatever the source's date
        return fixed, date_text or text
    _understood(text)  # an unknown phrase is the problem, whatever the source's date
    if anchor is None or not anchor.published:
        raise AddError(
            f"--date '{text}' is not EDTF ({edtf_error}) nor a written date; a phrase like "
            "'next week' needs a source with a published date, since chrono never resolves "
            "dates against today"
        )
    day, approximate = _anchor_day(anchor.published)
    try:
        edtf = resolve_phrase(text, day, tense=tense, approximate_anchor=approximate)
        return edtf, date_text or text
    except PhraseError as err:
        raise AddError(f"--date '{text}': {err}") from err


def tense_of(phrase: str, sentence: str) -> Tense:
    """The tense of the clause of `sentence` that holds `phrase` (past if it is absent)."""
    from chrono.extract.tense import clause_tense

    at = sentence.casefold().find(phrase.strip().casefold())
    return "past" if at < 0 else clause_tense(sentence, at, at + len(phrase.strip()))


def _understood(text: str) -> None:
    """AddError naming the phrase when no source's date could resolve it ("sometime")."""
    from chrono.dates.relative import PhraseError, resolve_phrase

    try:
        resolve_phrase(text, dt.date(2000, 6, 15))
    except PhraseError as err:
        raise AddError(f"--date '{text}': {err}") from err


def _impossible_written_date(text: str) -> str | None:
    """Why a written date like "31 April 2016" cannot be (dateutil says so); else None."""
    from dateutil import parser

    try:
        parser.parse(text, default=dt.datetime(2000, 1, 1))
    except (ValueError, OverflowError) as err:
        reason = str(err).split(":")[0]
        return f"{reason} (no such date)" if "out of range" in reason else None
    return None


def _anchor_free(text: str) -> str | None:
    """The phrase's date if it does not depend on the anchor (two far-apart anchors agree)."""
    from chrono.dates.relative import PhraseError, resolve_phrase

    try:
        first = resolve_phrase(text, dt.date(1901, 3, 4))
        second = resolve_phrase(text, dt.date(2087, 10, 19))
    except PhraseError:
        return None
    return first if first == second else None


def _anchor_day(published: str) -> tuple[dt.date, bool]:
    date = parse_edtf(published)
    point = date.start
    if point is None or point.day is None or point.month is None or date.is_interval:
        raise AddError(f"the source's published date '{published}' is not a single day")
    if not 1 <= point.year <= 9999:
        raise AddError(f"the source's published date '{published}' is outside years 1–9999")
    day = dt.date(point.year, point.month, point.day)
    return day, point.approximate or point.uncertain


def _year_folder(edtf: str) -> str:
    date = parse_edtf(edtf)
    point = date.start or date.end
    assert point is not None, "EDTF has no date without a closed end"
    return str(point.year)


def _dumps(table: dict[str, Any]) -> str:
    """The event as a person would write it: top-level keys, then ``[[sources]]`` tables.

    tomli_w does the quoting; the layout is ours, since it writes arrays of tables inline.
    """
    import tomli_w

    head = {k: v for k, v in table.items() if k != "sources"}
    parts = [tomli_w.dumps(head)]
    parts += ["\n[[sources]]\n" + tomli_w.dumps(source) for source in table["sources"]]
    return "".join(parts)
