"""`chrono show`."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from chrono.cli import terminal
from chrono.cli.app import app
from chrono.cli.common import (
    EventsOpt,
    NoCacheOpt,
    choice,
    load_selected,
    load_shown,
    warn_skipped,
)
from chrono.cli.filters import Selection, filter_options

if TYPE_CHECKING:
    from chrono.model import Source
    from chrono.render import Format
    from chrono.results import Shown, ShownSelection


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
      chrono show --status planned --reverse -n 5     (the five latest planned)
    """
    from chrono.render import SHOW_FORMATS

    name = output or ("table" if sys.stdout.isatty() else "plain")
    fmt = choice(name, SHOW_FORMATS, extra=("table",))
    flt = selection.filter()
    rows = fmt is None or fmt.name == "plain"
    if rows and not selection.corroborating():  # the index may have the rows ready to print
        found = load_shown(events, no_cache, flt)
        warn_skipped(found, selection.actor)
        _print(fmt, found)
        return
    collection = load_selected(events, no_cache, flt)
    warn_skipped(collection, selection.actor)
    chosen = selection.refine(collection)
    if fmt is None or fmt.name == "plain":
        from chrono.pipeline import shown_selection

        _print(fmt, shown_selection(collection, chosen))
        return
    from chrono.render.options import RenderOptions

    options = RenderOptions(registry=collection.registry, sources=collection.sources)
    terminal.write(fmt.chunks()(chosen, options))


def _print(fmt: Format | None, found: ShownSelection) -> None:
    """The rows as a table (`fmt` None) or as plain lines."""
    if fmt is None:
        _print_table(found.rows, found.sources)
        return
    from chrono.render.plain import lines

    terminal.write(lines(found.rows, found.sources))


TABLE_HEADERS = ("Date", "Event", "Actors", "Sources")


def _print_table(rows: Sequence[Shown], sources: Mapping[str, Source]) -> None:
    """A table drawn by rich to the terminal's width; piped, an aligned plain-text table
    (tabulate's "simple": no box characters, no wrapping), then the numbered sources."""
    from chrono.render.citations import SourceList
    from chrono.render.corroboration import event_marks, notes
    from chrono.render.plain import source_lines

    if not rows:
        terminal.out("No events match.")
        return
    numbered = SourceList()
    cells = [
        (
            row.human,
            "\n".join([row.title, *notes(row, sources)]),
            ", ".join(row.actors),
            event_marks(numbered, row),
        )
        for row in rows
    ]
    listed = source_lines(numbered)
    if terminal.stdout_is_terminal():
        _rich_table(cells, listed)
        return
    from chrono.render.table import simple_table

    text = simple_table(cells, TABLE_HEADERS)
    if text is None:  # some cell is not plain text: tabulate knows its width
        from tabulate import tabulate

        text = tabulate(cells, headers=TABLE_HEADERS, tablefmt="simple", disable_numparse=True)
    terminal.write([text, "\n\n", *(line + "\n" for line in listed)])


def _rich_table(rows: Sequence[tuple[str, ...]], sources: Sequence[str]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, header_style="bold")
    table.add_column(TABLE_HEADERS[0], no_wrap=True)
    table.add_column(TABLE_HEADERS[1], overflow="fold", ratio=3)
    table.add_column(TABLE_HEADERS[2], overflow="fold", ratio=2)
    table.add_column(TABLE_HEADERS[3], no_wrap=True)
    for row in rows:
        table.add_row(*(Text(terminal.safe(cell)) for cell in row))
    console = Console()
    with terminal.closed_pipe_is_quiet():
        console.print(table)
        for line in sources:
            console.print(Text(terminal.safe(line)), highlight=False)
