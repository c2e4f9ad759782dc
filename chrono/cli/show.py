"""`chrono show`."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from chrono.cli import terminal
from chrono.cli.app import app
from chrono.cli.common import EventsOpt, NoCacheOpt, choice, load_selected, warn_skipped
from chrono.cli.filters import Selection, filter_options

if TYPE_CHECKING:
    from chrono.model import Event
    from chrono.render.options import RenderOptions


@app.command()
@filter_options
def show(
    events: EventsOpt = [],  # noqa: B006
    selection: Selection = Selection(),  # noqa: B008
    no_cache: NoCacheOpt = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--format", "-f",
            help="table, plain, json, csv or markdown. Default: table on a terminal, else plain.",
        ),
    ] = None,
) -> None:  # fmt: skip
    """Print the chronology, sorted, with citation marks and the numbered sources.

    Filters of different kinds combine (AND); a repeated filter widens (OR). --actor
    follows aliases and membership: --actor Iran includes the IRGC's people.
    --from/--to keep every event whose possible span overlaps the range.

    \b
    Examples:
      chrono show --actor Iran
      chrono show --tag s-300 --from 2016-04 --to 2016-06
      chrono show --search Moscow --format json
    """
    from chrono.render import SHOW_FORMATS
    from chrono.render.options import RenderOptions

    name = output or ("table" if sys.stdout.isatty() else "plain")
    fmt = choice(name, SHOW_FORMATS, extra=("table",))
    collection = load_selected(events, no_cache, selection.filter())
    warn_skipped(collection, selection.actor)
    chosen = collection.events
    options = RenderOptions(registry=collection.registry)
    if fmt is None:
        _print_table(chosen, options)
    else:
        terminal.write(fmt.chunks()(chosen, options))


def _print_table(events: Sequence[Event], options: RenderOptions) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from chrono.render.actors import with_canonical_actors
    from chrono.render.citations import SourceList, marks_text
    from chrono.render.plain import source_lines

    console = Console()
    if not events:
        terminal.out("No events match.")
        return
    events = with_canonical_actors(events, options.registry)
    numbered = SourceList()
    table = Table(show_lines=False, header_style="bold")
    table.add_column("Date", no_wrap=True)
    table.add_column("Event", overflow="fold", ratio=3)
    table.add_column("Actors", overflow="fold", ratio=2)
    table.add_column("Sources", no_wrap=True)
    for event in events:
        marks = marks_text(numbered.marks(event))
        cells = (event.date.human(), event.title, ", ".join(event.actors), marks)
        table.add_row(*(Text(terminal.safe(cell)) for cell in cells))
    with terminal.closed_pipe_is_quiet():
        console.print(table)
        for line in source_lines(numbered):
            console.print(Text(terminal.safe(line)), highlight=False)
