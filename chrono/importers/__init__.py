"""Other tools' files in: one module per format, named in one registry.

An importer reads a file's text and drafts event tables, the same tables an event file
holds, each with the row it came from. `chrono.importers.plan` then checks them through
the parser and validator every event file goes through, gives them ids and lays them out
in files. Modules are imported only when their format is used, so that `chrono --help`
does not pay for them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from chrono.importers.rows import Drafted, ReadOptions


class Reader(Protocol):
    """What an importer module offers: ``read(text, path, options)``."""

    def __call__(self, text: str, path: str, options: ReadOptions) -> Drafted: ...


@dataclass(frozen=True)
class ImportFormat:
    """A format `chrono import --from` reads: its name, what it is and the module reading it."""

    name: str
    description: str
    module: str

    def reader(self) -> Reader:
        """The module's ``read`` function, imported now."""
        read: Reader = importlib.import_module(self.module).read
        return read


def _formats(*formats: ImportFormat) -> dict[str, ImportFormat]:
    return {f.name: f for f in formats}


#: Formats of `chrono import --from`.
IMPORT_FORMATS = _formats(
    ImportFormat("csv", "any CSV with a header; --map names the columns", "chrono.importers.csv_any"),
    ImportFormat("timelinejs-sheet", "the TimelineJS Google Sheet template, as CSV", "chrono.importers.timelinejs_sheet"),
    ImportFormat("timelinejs", "TimelineJS3 JSON (what `export --format timelinejs` writes)", "chrono.importers.timelinejs"),
    ImportFormat("chrono-json", "chrono's own JSON export (`export --format json`)", "chrono.importers.chrono_json"),
    ImportFormat("timesketch", "Timesketch / plaso CSV or JSONL (datetime, timestamp_desc, message)", "chrono.importers.timesketch"),
    ImportFormat("acled", "an ACLED CSV extract (event_date, actor1, notes, source, ...)", "chrono.importers.acled"),
    ImportFormat("jrnl", "jrnl's JSON export (jrnl --format json)", "chrono.importers.jrnl"),
    ImportFormat("markwhen", "Markwhen text timelines (.mw)", "chrono.importers.markwhen"),
)  # fmt: skip
