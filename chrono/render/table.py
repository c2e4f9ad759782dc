"""An aligned plain-text table, as tabulate's "simple" format draws it, written directly.

`show` pipes its table through tabulate, which takes about 30 µs a row: a third of a
second for a common actor's few thousand rows. When every cell is plain text (printable
characters one column wide each, and line feeds) the table is simple to draw: each
column as wide as its widest line or its header and two spaces, cells stripped and
padded, columns two spaces apart, each line's trailing spaces dropped, the lines of a
multi-line cell below one another. Anything else is left to tabulate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain

#: Any character outside the plain ones: not printable, or not one column wide under
#: wcwidth (which tabulate uses when it is installed), or a line break other than \n.
_NOT_PLAIN = re.compile("[^\n\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027]")


def simple_table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> str | None:
    """What ``tabulate(rows, headers, tablefmt="simple", disable_numparse=True)`` draws, or
    None when some cell or header is not plain text (then tabulate must draw it)."""
    everything = "\t".join(chain(headers, chain.from_iterable(rows)))
    if not rows or _NOT_PLAIN.search(everything.replace("\t", " ")) or "\n" in "".join(headers):
        return None
    cells = [[cell.strip() for cell in row] for row in rows]
    multiline = "\n" in everything
    widths = [len(h) + 2 for h in headers]
    for row in cells:
        for column, cell in enumerate(row):
            wide = max(map(len, cell.split("\n"))) if multiline else len(cell)
            if wide > widths[column]:
                widths[column] = wide
    lines = [_line(headers, widths), _line(["-" * w for w in widths], widths)]
    for row in cells:
        if not multiline:
            lines.append(_line(row, widths))
            continue
        parts = [cell.splitlines() for cell in row]
        for n in range(max(map(len, parts))):
            lines.append(_line([p[n] if n < len(p) else "" for p in parts], widths))
    return "\n".join(lines)


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()  # noqa: B905
