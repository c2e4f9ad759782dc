"""The typer application, its global options, and the console-script entry point."""

from __future__ import annotations

from typing import Annotated

import typer

from chrono import __version__
from chrono.cli import terminal

app = typer.Typer(
    name="chrono",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,  # plain click help: rich's help formatting costs ~30 ms per start
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        terminal.out(f"chrono {__version__}")
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


def main() -> None:
    """Console-script entry point."""
    app()
