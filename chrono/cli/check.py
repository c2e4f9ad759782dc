"""`chrono check`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from chrono.cli import terminal
from chrono.cli.app import app
from chrono.cli.common import EventsOpt, NoCacheOpt, fail, use_cache

if TYPE_CHECKING:
    from chrono.pipeline import CheckReport


@app.command()
def check(
    events: EventsOpt = [],  # noqa: B006 - typer reads list defaults; they are never mutated
    output: Annotated[
        str, typer.Option("--format", "-f", help="text (path:line: ...) or json (a list).")
    ] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    single_source: Annotated[
        bool,
        typer.Option(
            "--single-source", help="Warn about events backed by one independent source."
        ),
    ] = False,
    window: Annotated[
        str,
        typer.Option(
            "--window", metavar="DAYS",
            help="Dates this far apart (e.g. 2d) may still be one happening. Default: 0d.",
        ),
    ] = "0d",
    no_corroboration: Annotated[
        bool,
        typer.Option(
            "--no-corroboration",
            help="Skip the disagreement and duplicate checks (faster on large collections).",
        ),
    ] = False,
    no_cache: NoCacheOpt = False,
) -> None:  # fmt: skip
    """Check every file of the collection and report every problem in one run.

    Each problem is printed as `path:line: error[code]: message`. Exit status: 0 when
    clean, 1 when there are errors (or warnings, with --strict), 2 on usage errors.
    Across everything loaded, likely duplicates are warned about (possible-duplicate)
    with their reasons, and so are sources that disagree about a date.

    \b
    Examples:
      chrono check
      chrono check --events events --events more-events --window 2d
      chrono check --strict --single-source --format json
    """
    if output not in ("text", "json"):
        fail(f"--format must be text or json, not '{output}'", 2)
    from chrono.corroborate.checks import CorroborationChecks
    from chrono.load import default_dirs
    from chrono.pipeline import CollectionError, check_collection

    days = _days(window)
    checks = (
        None if no_corroboration else CorroborationChecks(single_source=single_source, window=days)
    )
    try:
        report = check_collection(
            default_dirs(events), cache=use_cache(no_cache), corroborate=checks
        )
    except CollectionError as err:
        fail(str(err), 2)
    problems = report.problems
    if output == "json":
        import json

        terminal.out(json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2))
    else:
        terminal.write(f"{problem}\n" for problem in problems)
    _summary(report)
    failing = report.errors or (strict and report.warnings)
    raise typer.Exit(1 if failing else 0)


def _summary(report: CheckReport) -> None:
    errors, warnings = len(report.errors), len(report.warnings)
    noun = "event" if report.valid == 1 else "events"
    count = f"{report.valid} valid {noun} in {', '.join(report.dirs)}"
    if errors or warnings:
        terminal.err(f"{errors} error(s), {warnings} warning(s); {count}")
    elif report.valid == 0:  # most likely the wrong folder: say so rather than "OK"
        terminal.err(f"chrono: warning: no events in {', '.join(report.dirs)} (no *.toml files?)")
    else:
        terminal.err(f"OK: {count}")


def _days(text: str) -> int:
    """A --window value: a whole number of days, "2" or "2d"."""
    value = text.strip().lower().removesuffix("d").strip()
    if not value.isdigit() or int(value) > 366:
        fail(f"--window must be a number of days from 0 to 366, like 2d, not '{text}'", 2)
    return int(value)
