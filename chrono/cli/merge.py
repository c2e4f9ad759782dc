"""`chrono merge`."""

from __future__ import annotations

from typing import Annotated

import typer

from chrono.cli import terminal
from chrono.cli.app import app
from chrono.cli.common import EventsOpt, NoCacheOpt, fail, load


@app.command()
def merge(
    ids: Annotated[
        list[str], typer.Argument(metavar="ID...", help="Ids of the events to merge (two or more).")
    ],
    into: Annotated[
        str | None,
        typer.Option("--into", metavar="ID", help="Id of the merged event. Default: the first ID."),
    ] = None,
    apply: Annotated[
        bool, typer.Option("--apply", help="Write the merged file and remove the old ones.")
    ] = False,
    events: EventsOpt = [],  # noqa: B006
    no_cache: NoCacheOpt = False,
) -> None:
    """Merge events that record one happening into one event file.

    Every citation (quote and grade), actor and tag is kept; the date is the span every
    claim allows, or the first event's with status "disputed" when none does; the old
    files are kept whole in [[merged_from]]. Without --apply, prints the merged file and
    what would be removed. With --apply, writes the new file first, then removes the old.

    \b
    Examples:
      chrono merge soleimani-in-moscow quds-commander-holds-moscow-talks
      chrono merge a b --into a-and-b --apply
    """
    from chrono.corroborate.merge import MergeError, apply_merge, plan_merge

    collection = load(events, no_cache)
    try:
        plan = plan_merge(ids, into, collection)
    except MergeError as err:
        fail(str(err), 1)
    if plan.disputed:
        terminal.err("chrono: warning: no date fits every claim; status set to disputed")
    if not apply:
        terminal.out(f"# would write {plan.final}:\n")
        terminal.out(plan.text)
        terminal.out("# would remove: " + ", ".join(str(p) for p in plan.remove))
        terminal.err("(dry run: nothing was written; add --apply to merge)")
        return
    try:
        where = apply_merge(plan)
    except OSError as err:
        fail(f"merge stopped: {err}; the old files that remain are intact", 1)
    removed = ", ".join(str(p) for p in plan.remove)
    terminal.err(f"merged {len(plan.remove)} events into {where}; removed {removed}")
