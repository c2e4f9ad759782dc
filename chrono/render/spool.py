"""Text set aside while a format makes what it must write before it.

Some formats cannot be written in the order their events are read: iCalendar names the
events it cannot hold in its header, HTML draws its chart (which needs every date) above the
events. Their bodies go to a `Spool` and are written out once the header is known: held in
memory while small, in an unnamed temporary file (gone when closed) beyond that.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from types import TracebackType

IN_MEMORY = 4 * 1024 * 1024  # characters kept in memory before the spool moves to disk
PIECE = 64 * 1024


class Spool:
    """Text written now and read back, once, in pieces; used in a ``with``."""

    def __init__(self) -> None:
        # newline="": line ends are kept as written (iCalendar's are CRLF).
        self._file = tempfile.SpooledTemporaryFile(  # noqa: SIM115 (closed by __exit__)
            max_size=IN_MEMORY, mode="w+", encoding="utf-8", newline=""
        )

    def __enter__(self) -> Spool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._file.close()

    def write(self, text: str) -> None:
        self._file.write(text)

    def read(self) -> Iterator[str]:
        """What was written, from the start, in pieces."""
        self._file.seek(0)
        while piece := self._file.read(PIECE):
            yield piece
