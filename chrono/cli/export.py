"""`chrono export`."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from chrono.cli.app import app
from chrono.cli.common import (
    EventsOpt,
    NoCacheOpt,
    choice,
    fail,
    streaming_selected,
    warn_skipped,
    write_output,
)
from chrono.cli.filters import Selection, filter_options
from chrono.render import EXPORT_FORMATS


@app.command()
@filter_options
def export(
    output_format: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(EXPORT_FORMATS)}.")] = "markdown",
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
      chrono export --format markdown -o timeline.md
      chrono export --format json --actor Iran
    """
    from chrono.render.options import RenderOptions

    fmt = choice(output_format, EXPORT_FORMATS)
    assert fmt is not None
    if output and os.path.exists(output) and not force:
        fail(f"{output} already exists; use --force to overwrite it", 1)
    with streaming_selected(events, no_cache, selection.filter(), fmt.streams) as collection:
        warn_skipped(collection, selection.actor)
        chosen = collection.events
        pieces = fmt.chunks()(chosen, RenderOptions(title=title, registry=collection.registry))
        if output is None:
            sys.stdout.writelines(pieces)
            return
        write_output(output, pieces, force)
    typer.echo(f"wrote {len(chosen)} events to {output}", err=True)
