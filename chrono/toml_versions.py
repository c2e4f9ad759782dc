"""One verdict for a TOML file whichever reader is installed: what only TOML 1.1 accepts.

chrono reads TOML 1.0 (Python's tomllib). The optional compiled reader, rtoml, follows
TOML 1.1, which also accepts: newlines and a trailing comma in inline tables, the escapes
``\\e`` and ``\\xHH``, times without seconds, and a byte-order mark after the first; and
it keeps CRLF inside multi-line strings where tomllib gives LF. `needs_reference_reader`
is a cheap, deliberately coarse test of the text: when it says no, no such construct can
be present and rtoml's verdict and values are tomllib's; when it says yes (an inline
table, a backslash-e or -x, a short time, a stray BOM, a carriage return that is not part
of a CRLF line end) the file is left to tomllib. `tests/test_toml_versions.py` holds the
corpus that proves both readers agree through `chrono.load.parse_toml`.
"""

from __future__ import annotations


def normalise_newlines(text: str) -> str:
    """CRLF line ends as LF: both readers then give LF inside multi-line strings (TOML lets
    a reader normalise newlines), and line numbers are unchanged."""
    return text.replace("\r\n", "\n") if "\r" in text else text


def needs_reference_reader(text: str) -> bool:
    """Whether `text` (after `normalise_newlines`) may hold a construct TOML 1.0 refuses."""
    if "{" in text or "\r" in text or "\ufeff" in text:
        return True
    if "\\" in text and _escape_e_or_x(text):
        return True
    return _short_time(text)


def _escape_e_or_x(text: str) -> bool:
    """``"\\e" in text or "\\x" in text``: a two-character search is slow in a text that
    holds any character beyond Latin-1 (~10 ms per 5 MB); stepping from backslash to
    backslash is not, unless there are very many of them."""
    i = text.find("\\")
    for _ in range(10_000):
        if i == -1:
            return False
        if text[i + 1 : i + 2] in ("e", "x"):
            return True
        i = text.find("\\", i + 1)
    return "\\e" in text or "\\x" in text


def _short_time(text: str) -> bool:
    """Whether any HH:MM stands without seconds (not part of HH:MM:SS), anywhere."""
    i = text.find(":")
    while i != -1:
        if text[i - 2 : i].isdigit() and text[i + 1 : i + 3].isdigit():
            before, after = text[i - 3 : i - 2], text[i + 3 : i + 4]
            if not (before.isdigit() or before == ":" or after.isdigit() or after == ":"):
                return True
        i = text.find(":", i + 1)
    return False
