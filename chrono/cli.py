"""The command line: the only module that uses typer or rich, prints, or exits.

Commands are thin: read options, call the library, render, map problems to exit codes
(0 clean, 1 problems in the data, 2 usage errors).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from chrono import __version__
from chrono.render import EXPORT_FORMATS

if TYPE_CHECKING:
    from chrono.collection import CheckReport, Collection
    from chrono.model import Event
    from chrono.render import Format
    from chrono.render.options import RenderOptions

app = typer.Typer(
    name="chrono",
    help="Dated, sourced chronologies from plain TOML event files.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain click help: rich's help formatting costs ~30 ms per start
    context_settings={"help_option_names": ["-h", "--help"]},
)

EventsOpt = Annotated[
    list[str],
    typer.Option(
        "--events", "-e", metavar="DIR",
        help="Collection folder (repeatable; merged). Default: $CHRONO_EVENTS, else ./events.",
    ),
]  # fmt: skip
ActorOpt = Annotated[
    list[str],
    typer.Option("--actor", "-a", help="Keep events of this actor or its members (repeatable)."),
]
TagOpt = Annotated[
    list[str], typer.Option("--tag", "-t", help="Keep events with this tag (repeatable).")
]
FromOpt = Annotated[
    str | None, typer.Option("--from", help="Keep events that may overlap this date or later.")
]
ToOpt = Annotated[
    str | None, typer.Option("--to", help="Keep events that may overlap this date or earlier.")
]
SearchOpt = Annotated[
    str | None, typer.Option("--search", "-s", help="Keep events mentioning this text.")
]
NoCacheOpt = Annotated[
    bool,
    typer.Option("--no-cache", help="Parse every file; neither read nor update the index cache."),
]
LocationOpt = Annotated[
    str | None, typer.Option("--location", help="Keep events whose location contains this.")
]


def fail(message: str, code: int = 1) -> NoReturn:
    """Print `chrono: error: ...` to stderr and exit with `code`."""
    typer.echo(f"chrono: error: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"chrono {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Dated, sourced chronologies from plain TOML event files.

    \b
    Examples:
      chrono check
      chrono show --actor Iran
      chrono export --format markdown -o timeline.md
    """


def use_cache(no_cache: bool) -> bool:
    """The index cache is on unless --no-cache or CHRONO_NO_CACHE=1 says otherwise."""
    return not (no_cache or os.environ.get("CHRONO_NO_CACHE", "") not in ("", "0"))


def load(dirs: Sequence[str], no_cache: bool = False) -> Collection:
    """Load the collections, turning an unusable folder into a usage error (exit 2)."""
    from chrono.collection import CollectionError, load_collection
    from chrono.load import default_dirs

    try:
        return load_collection(default_dirs(dirs), cache=use_cache(no_cache))
    except CollectionError as err:
        fail(str(err), 2)


def load_selected(
    dirs: Sequence[str],
    no_cache: bool,
    actors: Sequence[str],
    tags: Sequence[str],
    since: str | None,
    until: str | None,
    search: str | None,
    location: str | None,
) -> Collection:
    """Load the collections with only the events the filters keep (from the index if it can)."""
    from chrono.collection import CollectionError, select_collection
    from chrono.load import default_dirs
    from chrono.query import QueryError, make_filter

    try:
        flt = make_filter(actors, tags, since, until, search, location)
        return select_collection(default_dirs(dirs), flt, cache=use_cache(no_cache))
    except (CollectionError, QueryError) as err:
        fail(str(err), 2)


def warn_skipped(collection: Collection, actors: Sequence[str] = ()) -> None:
    """Tell stderr about errors in the data (events with errors are left out; the command
    still works), and about --actor names the registry does not know."""
    errors = collection.errors
    for problem in errors[:5]:
        typer.echo(f"chrono: warning: {problem}", err=True)
    if errors:
        more = f", {len(errors) - 5} not shown" if len(errors) > 5 else ""
        count = "1 error" if len(errors) == 1 else f"{len(errors)} errors"
        note = f"{count} in the data{more}; events with errors are left out; run `chrono check`"
        typer.echo(f"chrono: warning: {note}", err=True)
    _unknown_actors(collection, actors)


def _unknown_actors(collection: Collection, actors: Sequence[str]) -> None:
    registry = collection.registry
    if not registry.actors:
        return
    for name in actors:
        if registry.resolve(name) is None:
            import difflib

            names = [n for a in registry.actors.values() for n in (a.name, *a.aliases)]
            hint = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
            tip = f"; did you mean '{hint[0]}'?" if hint else ""
            typer.echo(f"chrono: warning: no actor '{name}' in actors.toml{tip}", err=True)


@app.command()
def check(
    events: EventsOpt = [],  # noqa: B006 - typer reads list defaults; they are never mutated
    output: Annotated[
        str, typer.Option("--format", "-f", help="text (path:line: ...) or json (a list).")
    ] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Check every file of the collection and report every problem in one run.

    Each problem is printed as `path:line: error[code]: message`. Exit status: 0 when
    clean, 1 when there are errors (or warnings, with --strict), 2 on usage errors.

    \b
    Examples:
      chrono check
      chrono check --events events --events more-events --strict
      chrono check --format json
    """
    if output not in ("text", "json"):
        fail(f"--format must be text or json, not '{output}'", 2)
    from chrono.collection import CollectionError, check_collection
    from chrono.load import default_dirs

    try:
        report = check_collection(default_dirs(events), cache=use_cache(no_cache))
    except CollectionError as err:
        fail(str(err), 2)
    problems = report.problems
    if output == "json":
        import json

        typer.echo(json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            typer.echo(str(problem))
    _summary(report)
    failing = report.errors or (strict and report.warnings)
    raise typer.Exit(1 if failing else 0)


def _summary(report: CheckReport) -> None:
    errors, warnings = len(report.errors), len(report.warnings)
    count = f"{report.valid} valid events in {', '.join(report.dirs)}"
    if errors or warnings:
        typer.echo(f"{errors} error(s), {warnings} warning(s); {count}", err=True)
    else:
        typer.echo(f"OK: {count}", err=True)


def _choice(name: str, formats: dict[str, Format], extra: Sequence[str] = ()) -> Format | None:
    if name in extra:
        return None
    if name not in formats:
        names = ", ".join([*extra, *formats])
        fail(f"unknown format '{name}' (choose from: {names})", 2)
    return formats[name]


@app.command()
def show(
    events: EventsOpt = [],  # noqa: B006
    actor: ActorOpt = [],  # noqa: B006
    tag: TagOpt = [],  # noqa: B006
    since: FromOpt = None,
    until: ToOpt = None,
    search: SearchOpt = None,
    location: LocationOpt = None,
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
    fmt = _choice(name, SHOW_FORMATS, extra=("table",))
    collection = load_selected(events, no_cache, actor, tag, since, until, search, location)
    warn_skipped(collection, actor)
    chosen = collection.events
    options = RenderOptions(registry=collection.registry)
    if fmt is None:
        _print_table(chosen, options)
    else:
        sys.stdout.writelines(fmt.chunks()(chosen, options))


def _print_table(events: Sequence[Event], options: RenderOptions) -> None:
    from rich.console import Console
    from rich.table import Table

    from chrono.citations import SourceList, marks_text
    from chrono.render.plain import source_lines

    console = Console()
    if not events:
        console.print("No events match.")
        return
    numbered = SourceList()
    table = Table(show_lines=False, header_style="bold")
    table.add_column("Date", no_wrap=True)
    table.add_column("Event", overflow="fold", ratio=3)
    table.add_column("Actors", overflow="fold", ratio=2)
    table.add_column("Sources", no_wrap=True)
    for event in events:
        marks = marks_text(numbered.marks(event))
        table.add_row(event.date.human(), event.title, ", ".join(event.actors), marks)
    console.print(table)
    for line in source_lines(numbered):
        console.print(line, markup=False, highlight=False)


@app.command()
def add(
    date: Annotated[str | None, typer.Option(help="EDTF (2016-04-27), written (27 April 2016), or a phrase (next week).")] = None,
    title: Annotated[str | None, typer.Option(help="What happened, in one line.")] = None,
    source: Annotated[str | None, typer.Option(help="A key in sources.toml, or a URL.")] = None,
    actor: Annotated[list[str], typer.Option("--actor", "-a", help="Actor name or alias (repeatable).")] = [],  # noqa: B006
    tag: Annotated[list[str], typer.Option("--tag", "-t", help="Tag (repeatable).")] = [],  # noqa: B006
    location: Annotated[str | None, typer.Option(help="Where it happened.")] = None,
    summary: Annotated[str | None, typer.Option(help="A few sentences.")] = None,
    status: Annotated[str | None, typer.Option(help="occurred, reported, planned, disputed, denied or cancelled.")] = None,
    quote: Annotated[str | None, typer.Option(help="The source's exact words supporting the event.")] = None,
    event_id: Annotated[str | None, typer.Option("--id", help="Event id (default: from the title).")] = None,
    date_text: Annotated[str | None, typer.Option(help="The phrase the source used for the date.")] = None,
    source_title: Annotated[str | None, typer.Option(help="Title of an inline (URL) source.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher of an inline (URL) source.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date of an inline source.")] = None,
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
      chrono add --date "27 April 2016" --title "..." --source https://example.org/a \\
          --source-title "..." --publisher "..." --published 2016-04-20 --dry-run
    """
    from chrono.add import AddError, NewEvent, plan_add, write_event
    from chrono.load import default_dirs

    date, title, source = _ask_missing(date=date, title=title, source=source)
    new = NewEvent(
        date, title, source, tuple(actor), tuple(tag), location, summary, status, quote,
        event_id, date_text, source_title, publisher, published,
    )  # fmt: skip
    dirs = default_dirs(events)
    collection = load(dirs)
    try:
        plan = plan_add(new, collection, dirs[0])
        for warning in plan.warnings:
            typer.echo(f"chrono: warning: {warning.message}", err=True)
        if dry_run:
            typer.echo(f"# would write {plan.path}")
            typer.echo(plan.text, nl=False)
            return
        write_event(plan)
    except AddError as err:
        fail(f"{err}; nothing was written")
    typer.echo(str(plan.path))


def _ask_missing(**values: str | None) -> tuple[str, str, str]:
    missing = [name for name, value in values.items() if not value]
    if missing and not (sys.stdin.isatty() and sys.stdout.isatty()):
        flags = ", ".join(f"--{name}" for name in missing)
        fail(f"missing {flags} (no terminal to ask on)", 2)
    for name in missing:
        values[name] = typer.prompt(name.capitalize())
    date, title, source = (str(values[k]) for k in ("date", "title", "source"))
    return date, title, source


@app.command()
def export(
    output_format: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(EXPORT_FORMATS)}.")] = "markdown",
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing --output file.")] = False,
    title: Annotated[str, typer.Option(help="Title of the document.")] = "Chronology",
    events: EventsOpt = [],  # noqa: B006
    actor: ActorOpt = [],  # noqa: B006
    tag: TagOpt = [],  # noqa: B006
    since: FromOpt = None,
    until: ToOpt = None,
    search: SearchOpt = None,
    location: LocationOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:  # fmt: skip
    """Export the (filtered) chronology for other tools, every claim with its citation.

    \b
    Examples:
      chrono export --format markdown -o timeline.md
      chrono export --format json --actor Iran
    """
    from chrono.render.options import RenderOptions

    fmt = _choice(output_format, EXPORT_FORMATS)
    assert fmt is not None
    if output and os.path.exists(output) and not force:
        fail(f"{output} already exists; use --force to overwrite it", 1)
    collection = load_selected(events, no_cache, actor, tag, since, until, search, location)
    warn_skipped(collection, actor)
    chosen = collection.events
    pieces = fmt.chunks()(chosen, RenderOptions(title=title, registry=collection.registry))
    if output is None:
        sys.stdout.writelines(pieces)
        return
    _write_output(output, pieces, force)
    typer.echo(f"wrote {len(chosen)} events to {output}", err=True)


def _write_output(path: str, text: Iterable[str], force: bool) -> None:
    from chrono.write import atomic_write

    try:
        atomic_write(path, text, overwrite=force)
    except FileExistsError:
        fail(f"{path} already exists; use --force to overwrite it", 1)
    except OSError as err:
        fail(f"cannot write {path}: {err.strerror or err}", 1)


@app.command()
def timeline(
    events: EventsOpt = [],  # noqa: B006
    actor: ActorOpt = [],  # noqa: B006
    tag: TagOpt = [],  # noqa: B006
    since: FromOpt = None,
    until: ToOpt = None,
    search: SearchOpt = None,
    location: LocationOpt = None,
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
    from chrono.timeline import LANE_KINDS, MIN_WIDTH, render

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
    collection = load_selected(events, no_cache, actor, tag, since, until, search, location)
    warn_skipped(collection, actor)
    chosen = collection.events
    color = tty and not os.environ.get("NO_COLOR")
    options = RenderOptions(
        width=width,
        ascii=ascii_only,
        color=color,
        lanes="actor" if group_by and lanes is None else lanes,
        group_by_member=group_by is not None,
        registry=collection.registry,
    )
    text = render(chosen, options)
    if not (color and chosen):
        sys.stdout.write(text)
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    for line in text.splitlines():
        styled = Text(line)
        styled.highlight_regex(r"[●○◀▶▲▼]+", "bold cyan")  # marks and open ends
        styled.highlight_regex(r"[━╍]+", "cyan")  # spans across the lanes
        styled.highlight_regex(r"[⋮╱]+", "yellow")  # time left out
        styled.highlight_regex(r"\[\d+\]", "dim")  # citation marks
        console.print(styled, soft_wrap=True)


def main() -> None:
    """Console-script entry point."""
    app()
