"""Which export format a file name asks for, so that `-o x.html` writes HTML."""

from __future__ import annotations

import os

from chrono.render import EXPORT_FORMATS, Format

#: Extensions that name a format besides the one each format writes.
ALIASES = {"markdown": "markdown", "htm": "html", "mermaid": "mermaid", "ical": "ics"}


class FormatChoiceError(ValueError):
    """A --format and an --output name that disagree, or a name that names no format."""


def _by_extension() -> dict[str, Format]:
    found: dict[str, Format] = {}
    for fmt in EXPORT_FORMATS.values():
        found.setdefault(fmt.extension, fmt)  # .json is chrono's own JSON, not TimelineJS
    found.update({ext: EXPORT_FORMATS[name] for ext, name in ALIASES.items()})
    return found


def export_format(name: str | None, path: str | None) -> Format:
    """The format `--format name` and `-o path` ask for together: the one named, else the
    one the extension names, else Markdown (no file, or no extension). A named format whose
    files never carry the path's extension is refused, and so is an unknown extension."""
    extension = os.path.splitext(path or "")[1].lstrip(".").lower()
    if name is not None and name not in EXPORT_FORMATS:
        raise FormatChoiceError(
            f"unknown format '{name}' (choose from: {', '.join(EXPORT_FORMATS)})"
        )
    by_extension = _by_extension()
    if not extension:
        return EXPORT_FORMATS[name or "markdown"]
    if name is None:
        if extension not in by_extension:
            known = ", ".join(f".{ext}" for ext in sorted(by_extension))
            raise FormatChoiceError(
                f"cannot tell the format from '.{extension}' (known: {known}); give --format"
            )
        return by_extension[extension]
    fmt = EXPORT_FORMATS[name]
    if extension != fmt.extension and by_extension.get(extension) is not fmt:
        raise FormatChoiceError(
            f"--format {name} writes .{fmt.extension} files, not '{os.path.basename(path or '')}'"
            f"; rename the file or drop --format to write what .{extension} means"
        )
    return fmt
