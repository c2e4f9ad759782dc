"""`chrono timeline`."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import Annotated

import typer

from chrono.cli import terminal
from chrono.cli.app import app
from chrono.cli.common import EventsOpt, NoCacheOpt, fail, streaming_selected, warn_skipped
from chrono.cli.filters import Selection, filter_options


@app.command()
@filter_options
def timeline(
    events: EventsOpt = [],  # noqa: B006
    selection: Selection = Selection(),  # noqa: B008
    lanes: Annotated[str | None, typer.Option("--lanes", metavar="actor|tag", help="Draw time across, one lane per actor or tag.")] = None,
    group_by: Annotated[str | None, typer.Option("--group-by", metavar="member", help="Nest actor lanes under the groups they are members of (implies --lanes actor).")] = None,
    width: Annotated[int | None, typer.Option("--width", "-w", help="Columns to fit (at least 30). Default: the terminal's width, else 80.")] = None,
    ascii_only: Annotated[bool, typer.Option("--ascii", help="Draw with 7-bit ASCII characters only.")] = False,
    no_cache: NoCacheOpt = False,
) -> None:  # fmt: skip
    """Draw the chronology as a timeline: proportional, honest about vague dates, sourced.

    By default time flows down an axis whose spacing follows the time between events;
    long empty stretches are shortened and say how long they are. A day is a dot, a
    period or a vague date a bar over its bounds, an open end an arrow. --lanes draws
    time across instead, one lane per actor or tag, with a numbered key below.

    \b
    Examples:
      chrono timeline
      chrono timeline --lanes actor --group-by member --actor Iran
      chrono timeline --lanes tag --from 2016-04 --ascii --width 100
    """
    from chrono.render.options import RenderOptions
    from chrono.timeline import LANE_KINDS, MIN_WIDTH, chunks

    if lanes is not None and lanes not in LANE_KINDS:
        fail(f"--lanes must be one of {', '.join(LANE_KINDS)}, not '{lanes}'", 2)
    if group_by is not None and group_by != "member":
        fail(f"--group-by must be 'member', not '{group_by}'", 2)
    if group_by and lanes == "tag":
        fail("--group-by member nests actors; it cannot be used with --lanes tag", 2)
    if width is not None and width < MIN_WIDTH:
        fail(f"--width must be at least {MIN_WIDTH} columns, not {width}", 2)
    tty = sys.stdout.isatty()
    if width is None:
        import shutil

        width = max(shutil.get_terminal_size().columns, MIN_WIDTH) if tty else 80
    with streaming_selected(events, no_cache, selection.filter(), True) as collection:
        warn_skipped(collection, selection.actor)
        chosen = selection.refine(collection)
        color = tty and not os.environ.get("NO_COLOR")
        options = RenderOptions(
            width=width,
            ascii=ascii_only,
            color=color,
            lanes="actor" if group_by and lanes is None else lanes,
            group_by_member=group_by is not None,
            registry=collection.registry,
            sources=collection.sources,
        )
        pieces = chunks(chosen, options)
        if color and chosen:
            _colored(pieces)
        else:
            terminal.write(pieces)


def _colored(pieces: Iterable[str]) -> None:
    """The timeline's lines with their marks, spans, breaks and citations in colour."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    with terminal.closed_pipe_is_quiet():
        for piece in pieces:
            for line in piece.splitlines():
                styled = Text(terminal.safe(line))
                styled.highlight_regex(r"[●○◀▶▲▼]+", "bold cyan")  # marks and open ends
                styled.highlight_regex(r"[━╍]+", "cyan")  # spans across the lanes
                styled.highlight_regex(r"[⋮╱]+", "yellow")  # time left out
                styled.highlight_regex(r"\[\d+(?: [A-F?][1-6]?)?\]!?", "dim")  # citation marks
                console.print(styled, soft_wrap=True)
