"""`chrono extract`."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from chrono.cli.app import app
from chrono.cli.common import EventsOpt, fail, load
from chrono.cli.terminal import err as say_err
from chrono.cli.terminal import out

if TYPE_CHECKING:
    from chrono.extract import Extraction
    from chrono.results import Collection


@app.command()
def extract(
    article: Annotated[str, typer.Argument(metavar="ARTICLE", help="A .txt, .md or .html file, or - for standard input.")],
    published: Annotated[str | None, typer.Option(help="The article's publication day (EDTF or written); else read from the page.")] = None,
    source: Annotated[str | None, typer.Option(help="A sources.toml key to cite (default: an entry drafted from the page).")] = None,
    into: Annotated[str | None, typer.Option("--into", metavar="DIR", help="Write the drafts into this collection (never overwriting).")] = None,
    output: Annotated[str, typer.Option("--format", "-f", help="toml (draft events) or json (every phrase found).")] = "toml",
    events: EventsOpt = [],  # noqa: B006
) -> None:  # fmt: skip
    """Find the date phrases in an article and draft one sourced event for each.

    Every phrase ("on Friday", "late last week", "in March", "the day after Christmas")
    is resolved against the article's own date, in the tense of its clause, never
    against today. Durations, frequencies, clock times and vague phrases are skipped with
    a reason. Each draft quotes its sentence exactly.

    \b
    Examples:
      chrono extract article.txt --published 2016-04-18
      chrono extract page.html --format json
      chrono extract article.txt --published 2016-04-18 --source behold --into events
      cat article.txt | chrono extract - --published "18 April 2016"
    """
    if output not in ("toml", "json"):
        fail(f"--format must be toml or json, not '{output}'", 2)
    result = _extraction(article, published)
    if output == "json":
        from chrono.extract.output import phrases_json

        out(phrases_json(result.phrases, result.anchor, result.article.text), nl=False)
        return
    if into is None:
        _draft(result, source, into, _collection(events))
        return
    from chrono.add_write import WriteRefused, collection_lock

    if os.path.exists(into) and not os.path.isdir(into):
        fail(f"--into {into}: not a folder", 2)
    os.makedirs(into, exist_ok=True)
    try:
        with collection_lock(into):
            _draft(result, source, into, load([into]))
    except WriteRefused as err:
        fail(f"--into {into}: {err}")


def _extraction(article: str, published: str | None) -> Extraction:
    from chrono.extract import AnchorError, ArticleError, extract, parse_article

    name = "<stdin>" if article == "-" else article
    try:
        data = _read_stdin() if article == "-" else _read(article)
        return extract(parse_article(name, data), published)
    except ArticleError as err:
        say_err(str(err.problem))  # already path:line: error[code]: message
        raise typer.Exit(1) from None
    except AnchorError as err:
        fail(f"{name}: {err}")


def _read_stdin() -> bytes:
    from chrono.extract.article import MAX_BYTES

    return sys.stdin.buffer.read(MAX_BYTES + 1)  # enough to tell that it is too large


def _read(path: str) -> bytes:
    from chrono.extract.article import MAX_BYTES

    if os.path.isdir(path):
        fail(f"{path}: is a folder; give an article file", 2)
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        fail(f"{path}: no such file", 2)  # as `chrono import` says it: a usage error
    except OSError as err:
        fail(f"cannot read {path}: {err.strerror or err}", 2)


def _collection(events: list[str]) -> Collection | None:
    """The collection whose actors.toml names the actors, if there is one."""
    from chrono.load import default_dirs

    dirs = [d for d in default_dirs(events) if os.path.isdir(d)]
    return load(dirs) if dirs else None


def _draft(
    result: Extraction, source: str | None, into: str | None, collection: Collection | None
) -> None:
    from chrono.extract.collect import CollectError, draft_source, write_drafts
    from chrono.extract.drafting import draft_events
    from chrono.extract.output import drafts_toml

    page = result.article
    drafted: tuple[str, dict[str, Any]] | None = None
    if source is None:
        stem = os.path.splitext(os.path.basename(page.name))[0]
        published = result.anchor.day.isoformat()
        drafted = draft_source(
            page.title, page.site, page.url, page.author, published, stem, collection
        )
        source = drafted[0]
    elif into is not None and collection is not None and source not in collection.sources:
        known = ", ".join(sorted(collection.sources)) or "none"
        fail(
            f"--source '{source}' is not a key in {into}/sources.toml ({known}); nothing was written"
        )
    names = dict(collection.registry.names) if collection else {}
    drafts = draft_events(result.phrases, source, names, result.anchor.day.isoformat())
    if into is None or collection is None:
        out(
            drafts_toml(
                drafts, result.anchor, drafted if drafted and drafted[1] else None, result.phrases
            ),
            nl=False,
        )
        return
    try:
        written = write_drafts(drafts, collection, into, drafted)
    except CollectError as err:
        fail(f"{err}; drafts before it were written")
    for path in written.paths:
        out(str(path))
    note = f"{len(written.paths)} event(s) written, {written.present} already in {into}"
    say_err(
        f"chrono: {note}" + (f"; new source '{written.new_source}'" if written.new_source else "")
    )
