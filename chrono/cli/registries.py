"""`chrono actors`, `chrono tags`, `chrono sources`: what the registries hold, with counts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer

from chrono.cli import terminal
from chrono.cli.app import app
from chrono.cli.common import EventsOpt, NoCacheOpt, fail, load, warn_skipped

if TYPE_CHECKING:
    from chrono.results import Collection

FormatOpt = Annotated[
    str,
    typer.Option(
        "--format", "-f", metavar="text|json", help="text (an aligned table) or json (a list)."
    ),
]
#: (column heading, row key) per listing; lists are joined with ", ".
ACTOR_COLUMNS = (("actor", "name"), ("kind", "kind"), ("events", "events"),
                 ("with members", "with_members"), ("member of", "member_of"),
                 ("aliases", "aliases"))  # fmt: skip
TAG_COLUMNS = (("tag", "name"), ("events", "events"))
SOURCE_COLUMNS = (("key", "key"), ("events", "events"), ("title", "title"),
                  ("publisher", "publisher"), ("published", "published"))  # fmt: skip


@app.command()
def actors(
    events: EventsOpt = [],  # noqa: B006 - typer reads list defaults; never mutated
    output: FormatOpt = "text",
    no_cache: NoCacheOpt = False,
) -> None:
    """List the actors of actors.toml with how many events name each (by any alias) and
    how many name it or its members (what --actor keeps), then the names events use that
    actors.toml lacks (marked *).

    \b
    Examples:
      chrono actors
      chrono actors --format json
    """
    from chrono.inventory import actor_rows

    _list(events, no_cache, output, actor_rows, ACTOR_COLUMNS)


@app.command()
def tags(events: EventsOpt = [], output: FormatOpt = "text", no_cache: NoCacheOpt = False) -> None:  # noqa: B006
    """List the tags the events use, with how many events carry each.

    \b
    Examples:
      chrono tags
      chrono tags --events events --format json
    """
    from chrono.inventory import tag_rows

    _list(events, no_cache, output, tag_rows, TAG_COLUMNS)


@app.command()
def sources(
    events: EventsOpt = [],  # noqa: B006 - typer reads list defaults; never mutated
    output: FormatOpt = "text",
    no_cache: NoCacheOpt = False,
) -> None:
    """List the sources of sources.toml with how many events cite each, and a count of the
    sources written inline in events.

    \b
    Examples:
      chrono sources
      chrono sources --format json
    """
    from chrono.inventory import source_rows

    _list(events, no_cache, output, source_rows, SOURCE_COLUMNS)


def _list(
    dirs: Sequence[str],
    no_cache: bool,
    output: str,
    rows_of: Callable[[Collection], list[dict[str, Any]]],
    columns: Sequence[tuple[str, str]],
) -> None:
    if output not in ("text", "json"):
        fail(f"--format must be text or json, not '{output}'", 2)
    collection = load(dirs, no_cache)
    warn_skipped(collection)
    rows = rows_of(collection)
    if output == "json":
        import json

        terminal.out(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        terminal.out("None found.")
    else:
        terminal.out(table(rows, columns))


def table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]]) -> str:
    """An aligned plain-text table (tabulate's "simple" style: readable, and as easy to
    cut and grep as the rest of chrono's text output)."""
    from tabulate import tabulate

    def cell(row: dict[str, Any], key: str) -> object:
        value = row.get(key)
        if isinstance(value, list):
            return ", ".join(value)
        if key == "name" and row.get("in_registry") is False:
            return f"{value} *"
        return "" if value is None else value

    body = [[cell(row, key) for _, key in columns] for row in rows]
    return tabulate(body, headers=[h for h, _ in columns], tablefmt="simple", disable_numparse=True)
