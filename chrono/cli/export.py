"""`chrono export`."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from chrono.cli import terminal
from chrono.cli.app import app
from chrono.cli.common import (
    EventsOpt,
    NoCacheOpt,
    fail,
    streaming_selected,
    warn_skipped,
    write_output,
)
from chrono.cli.filters import Selection, filter_options
from chrono.render import EXPORT_FORMATS

if TYPE_CHECKING:
    from chrono.model import Event
    from chrono.render import Format


@app.command()
@filter_options
def export(
    output_format: Annotated[str | None, typer.Option("--format", "-f", help=f"One of: {', '.join(EXPORT_FORMATS)}. Default: from the --output extension, else markdown.")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --output file.")] = False,
    title: Annotated[str, typer.Option(help="Title of the document.")] = "Chronology",
    events: EventsOpt = [],  # noqa: B006
    selection: Selection = Selection(),  # noqa: B008
    no_cache: NoCacheOpt = False,
) -> None:  # fmt: skip
    """Export the (filtered) chronology for other tools, every claim with its citation.

    \b
    Examples:
      chrono export -o timeline.html          (the format follows the extension)
      chrono export --format json --actor Iran
    """
    from chrono.render.infer import FormatChoiceError, export_format
    from chrono.render.options import RenderOptions

    try:
        fmt = export_format(output_format, output)
    except FormatChoiceError as err:
        fail(str(err), 2)
    if output and os.path.exists(output) and not force:
        fail(f"{output} already exists; use --force to overwrite it", 1)
    with streaming_selected(events, no_cache, selection.filter(), fmt.streams) as collection:
        warn_skipped(collection, selection.actor)
        chosen = selection.refine(collection)
        options = RenderOptions(
            title=title, registry=collection.registry, sources=collection.sources
        )
        missing: list[Event] = []  # what the format cannot hold, noted as it is written
        pieces = fmt.chunks()(fmt.noting(chosen, missing), options)
        if output is None:
            terminal.write(pieces, escape=terminal.stdout_is_terminal())
        else:
            write_output(output, pieces, force)
        _report(fmt, len(chosen), missing, output)


def _report(fmt: Format, chosen: int, missing: Sequence[Event], output: str | None) -> None:
    """Say how many events the output really holds: some formats cannot hold every date."""
    if missing:
        names = ", ".join(e.id for e in missing[:5]) + (", ..." if len(missing) > 5 else "")
        terminal.err(
            f"chrono: warning: {len(missing)} of {chosen} events cannot be written as "
            f"{fmt.name} and are only named in it ({names})"
        )
    if output is not None:
        held = chosen - len(missing)
        terminal.err(f"wrote {held} event{'' if held == 1 else 's'} to {output}")
