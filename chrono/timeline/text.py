"""Fitting text into terminal cells: width, truncation, wrapping, and 7-bit transliteration.

A wide (East Asian) character takes two cells; every other character counts as one, even
a combining mark, so that a line that fits in cells also fits in characters.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Characters a terminal would act on instead of printing; bidi overrides can reorder a line.
_UNPRINTABLE = {"Cc", "Cs", "Zl", "Zp"}
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# The same set as a pattern: categories Cc (C0, DEL, C1), Cs, Zl, Zp, and the bidi controls.
_NOT_PRINTED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ASCII_PUNCTUATION = {
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
    "‘": "'",
    "’": "'",
    "‚": ",",
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "…": "...",
    "•": "*",
    "×": "x",
}


def cells(text: str) -> int:
    """How many terminal cells `text` takes (wide characters take two)."""
    if text.isascii():  # the common case, and a hot one: wrapping measures every word
        return len(text)
    # Drawn lines repeat a few box characters many times: look each one up once.
    wide = sum(text.count(ch) for ch in set(text) if ch > "\x7f" and _cell(ch) == 2)
    return len(text) + wide


@functools.lru_cache(maxsize=4096)
def _cell(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def printable(text: str) -> str:
    """`text` on one line: control, line-separator and bidi-override characters become spaces."""
    return _NOT_PRINTED.sub(" ", text)


def clean(text: str, ascii_only: bool) -> str:
    """`text` made printable on one line, and 7-bit when `ascii_only`."""
    text = printable(text)
    return to_ascii(text) if ascii_only else text


def to_ascii(text: str) -> str:
    """`text` in 7-bit characters: accents dropped, dashes and quotes plain, the rest `?`."""
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        if ord(ch) < 128:
            out.append(ch)
        elif ch in _ASCII_PUNCTUATION:
            out.append(_ASCII_PUNCTUATION[ch])
        elif unicodedata.category(ch) == "Mn":
            continue
        elif unicodedata.category(ch).startswith("Z"):
            out.append(" ")
        else:
            out.append("?")
    return "".join(out)


def clip(text: str, width: int) -> str:
    """The longest prefix of `text` that fits in `width` cells."""
    used = 0
    for index, ch in enumerate(text):
        used += _cell(ch)
        if used > width:
            return text[:index]
    return text


def fit(text: str, width: int, ellipsis: str = "…") -> str:
    """`text` if it fits in `width` cells, else a prefix ending in `ellipsis` that does."""
    if cells(text) <= width:
        return text
    if width <= len(ellipsis):
        return ellipsis[: max(width, 0)]
    return clip(text, width - len(ellipsis)).rstrip() + ellipsis


def pad(text: str, width: int) -> str:
    """`text` padded with spaces to `width` cells (longer text is left as it is)."""
    return text + " " * (width - cells(text))


def wrap(text: str, width: int, max_lines: int | None = None, ellipsis: str = "…") -> list[str]:
    """Greedy word wrap to `width` cells; words longer than a line are broken.

    With `max_lines`, text past the last line is dropped and that line ends in `ellipsis`.
    """
    width = max(width, 1)
    lines: list[str] = []
    line, used = "", 0
    for word in text.split():
        size = cells(word)
        if line and used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
            continue
        if not line and size <= width:
            line, used = word, size
            continue
        if line:
            lines.append(line)
        while cells(word) > width:
            head = clip(word, width) or word[0]
            lines.append(head)
            word = word[len(head) :]
        line, used = word, cells(word)
    if line or not lines:
        lines.append(line)
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = clip(kept[-1], width - len(ellipsis)).rstrip() + ellipsis
        return kept
    return lines
