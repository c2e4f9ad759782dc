"""`chrono add`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from chrono.cli import terminal
from chrono.cli.app import app
from chrono.cli.common import EventsOpt, fail, load
from chrono.cli.completion import (
    complete_actors,
    complete_sources,
    complete_statuses,
    complete_tags,
)

if TYPE_CHECKING:
    from chrono.results import Collection


@app.command()
def add(
    date: Annotated[str | None, typer.Option(help="EDTF (2016-04-27), written (27 April 2016), or a phrase (next week).")] = None,
    title: Annotated[str | None, typer.Option(help="What happened, in one line.")] = None,
    source: Annotated[str | None, typer.Option(help="A key in sources.toml, or a URL.", autocompletion=complete_sources)] = None,
    actor: Annotated[list[str], typer.Option("--actor", "-a", help="Actor name or alias (repeatable).", autocompletion=complete_actors)] = [],  # noqa: B006
    tag: Annotated[list[str], typer.Option("--tag", "-t", help="Tag (repeatable).", autocompletion=complete_tags)] = [],  # noqa: B006
    location: Annotated[str | None, typer.Option(help="Where it happened.")] = None,
    summary: Annotated[str | None, typer.Option(help="A few sentences.")] = None,
    status: Annotated[str | None, typer.Option(help="occurred, reported, planned, disputed, denied or cancelled.", autocompletion=complete_statuses)] = None,
    quote: Annotated[str | None, typer.Option(help="The source's exact words supporting the event.")] = None,
    event_id: Annotated[str | None, typer.Option("--id", help="Event id (default: from the title).")] = None,
    date_text: Annotated[str | None, typer.Option(help="The phrase the source used for the date.")] = None,
    source_title: Annotated[str | None, typer.Option(help="Title of an inline (URL) source.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher of an inline (URL) source.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date of an inline source.")] = None,
    sentence: Annotated[str | None, typer.Option(help="The source's sentence holding the date phrase; its tense picks the weekday or month meant.")] = None,
    future: Annotated[bool, typer.Option("--future", help="Read the phrase as future ('on Friday' = the next Friday).")] = False,
    past: Annotated[bool, typer.Option("--past", help="Read the phrase as past (the default).")] = False,
    events: EventsOpt = [],  # noqa: B006
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the file instead of writing it.")] = False,
) -> None:  # fmt: skip
    """Add one event, checked against the collection, as <events>/<year>/<id>.toml.

    A phrase such as "next week" is resolved against the source's published date, never
    against today, and kept in date_text. Missing values are asked for on a terminal;
    without one, the command fails and names the missing flags. Nothing is overwritten.

    \b
    Examples:
      chrono add --date 2016-04-27 --title "Dehghan meets Shoigu" --actor Dehghan \\
          --actor Shoigu --source behold-israel-russia-iran-arms --quote "..."
      chrono add --date "next week" --title "..." --source behold-israel-russia-iran-arms
      chrono add --date "on Tuesday" --sentence "The talks will resume on Tuesday." \\
          --title "Talks resume" --source behold-israel-russia-iran-arms --dry-run
      chrono add --date "27 April 2016" --title "..." --source https://example.org/a \\
          --source-title "..." --publisher "..." --published 2016-04-20 --dry-run
    """
    from chrono.add import AddError, NewEvent, plan_add, tense_of, write_event
    from chrono.load import default_dirs

    if sum([future, past, sentence is not None]) > 1:
        fail("give only one of --sentence, --future and --past", 2)

    dirs = default_dirs(events)
    collection = load(dirs)
    date, title, source = _ask_missing(collection, date, title, source, published)
    new = NewEvent(
        date=date, title=title, source=source, actors=tuple(actor), tags=tuple(tag),
        location=location, summary=summary, status=status, quote=quote, id=event_id,
        date_text=date_text, source_title=source_title, publisher=publisher, published=published,
        tense="future" if future else tense_of(date, sentence) if sentence else "past",
    )  # fmt: skip
    try:
        plan = plan_add(new, collection, dirs[0])
        for warning in plan.warnings:
            terminal.err(f"chrono: warning: {warning.message}")
        if dry_run:
            terminal.out(f"# would write {plan.path}")
            terminal.out(plan.text, nl=False)
            return
        write_event(plan)
    except AddError as err:
        fail(f"{err}; nothing was written")
    terminal.out(str(plan.path))


def _ask_missing(
    collection: Collection,
    date: str | None,
    title: str | None,
    source: str | None,
    published: str | None,
) -> tuple[str, str, str]:
    """Ask on a terminal for what the flags left out, each answer checked as it is typed
    (a bad one is asked again); without a terminal, fail naming the missing flags."""
    from chrono.add import AddError, check_date, check_source

    missing = [
        name for name, value in (("date", date), ("title", title), ("source", source)) if not value
    ]
    if missing and not (sys.stdin.isatty() and sys.stdout.isatty()):
        flags = ", ".join(f"--{name}" for name in missing)
        fail(f"missing {flags} (no terminal to ask on)", 2)

    def checked(check: Callable[[str], object]) -> Callable[[str], str]:
        def proc(value: str) -> str:
            try:
                check(value)
            except AddError as err:
                raise typer.BadParameter(str(err)) from err
            return value

        return proc

    title = title or typer.prompt("Title")
    source = source or typer.prompt(
        "Source (a key in sources.toml, or a URL)",
        value_proc=checked(lambda s: check_source(s, collection)),
    )
    date = date or typer.prompt(
        "Date (EDTF, '27 April 2016', or a phrase like 'next week')",
        value_proc=checked(lambda d: check_date(d, source, published, collection)),
    )
    return date, title, source
