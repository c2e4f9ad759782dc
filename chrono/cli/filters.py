"""The filter options, declared once for every command that selects events.

`Selection` holds the options as typed. A command asks for them with one parameter
annotated `Selection`; `filter_options` puts the filter options in its place (typer reads
the signature) and hands the command the `Selection` they make. A new filter is a field
here and its meaning in `chrono.query`.
"""

# No `from __future__ import annotations`: the fields' Annotated types are read as objects
# (dataclasses.fields), which spares evaluating them again at every start-up.
import dataclasses
import functools
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from chrono.cli.common import fail
from chrono.cli.completion import complete_actors, complete_statuses, complete_tags

if TYPE_CHECKING:
    from chrono.model import Event
    from chrono.query import Filter
    from chrono.results import Collection

R = TypeVar("R")


@dataclasses.dataclass(frozen=True)
class Selection:
    """The filter options as given; `filter()` turns them into a `chrono.query.Filter`."""

    actor: Annotated[
        list[str],
        typer.Option(
            "--actor",
            "-a",
            help="Keep events of this actor or its members (repeatable).",
            autocompletion=complete_actors,
        ),
    ] = dataclasses.field(default_factory=list)
    tag: Annotated[
        list[str],
        typer.Option(
            "--tag",
            "-t",
            help="Keep events with this tag (repeatable).",
            autocompletion=complete_tags,
        ),
    ] = dataclasses.field(default_factory=list)
    since: Annotated[
        str | None, typer.Option("--from", help="Keep events that may overlap this date or later.")
    ] = None
    until: Annotated[
        str | None, typer.Option("--to", help="Keep events that may overlap this date or earlier.")
    ] = None
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Keep events mentioning this text.")
    ] = None
    location: Annotated[
        str | None, typer.Option("--location", help="Keep events whose location contains this.")
    ] = None
    status: Annotated[
        list[str],
        typer.Option(
            "--status",
            autocompletion=complete_statuses,
            help="Keep events with this status (repeatable): occurred, reported, planned, "
            "disputed, denied or cancelled.",
        ),
    ] = dataclasses.field(default_factory=list)
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", metavar="N", help="Keep only the first N events shown."),
    ] = None
    reverse: Annotated[
        bool, typer.Option("--reverse", help="Latest first (with -n: the N latest).")
    ] = False
    min_grade: Annotated[
        str | None,
        typer.Option(
            "--min-grade", metavar="GRADE",
            help="Keep events with a citation graded at least this (Admiralty: B2, B or 2).",
        ),
    ] = None  # fmt: skip
    corroborated: Annotated[
        int | None,
        typer.Option(
            "--corroborated", metavar="N", min=1,
            help="Keep events backed by at least N independent sources.",
        ),
    ] = None  # fmt: skip
    fold_duplicates: Annotated[
        bool,
        typer.Option(
            "--fold-duplicates", help="Show events linked by same_as as one (no file changes)."
        ),
    ] = False

    def filter(self) -> "Filter":
        """The Filter these options make; a value that is not understood is a usage error."""
        from chrono.query import QueryError, make_filter

        try:
            flt = make_filter(
                self.actor, self.tag, self.since, self.until, self.search, self.location,
                self.status, self.limit, self.reverse,
            )  # fmt: skip
        except QueryError as err:
            fail(str(err), 2)
        # The corroboration filters come after selection (`refine`): --limit waits for them.
        return dataclasses.replace(flt, limit=None) if self.corroborating() else flt

    def refine(self, collection: "Collection") -> "list[Event]":
        """The selected events, folded and filtered by corroboration as the options say
        (after `filter()`: these need the events' resolved sources)."""
        from chrono.corroborate.grades import GradeError, parse_grade
        from chrono.corroborate.select import at_least_graded, corroborated, fold_same_as

        try:
            floor = parse_grade(self.min_grade) if self.min_grade is not None else None
        except GradeError as err:
            fail(f"--min-grade: {err}", 2)
        events = collection.events
        if self.fold_duplicates:
            events = fold_same_as(events, collection.registry)
        if floor is not None:
            events = at_least_graded(events, floor)
        if self.corroborated is not None:
            events = corroborated(events, collection.sources, self.corroborated)
        if self.limit is not None and self.corroborating():
            events = events[: self.limit]
        return events

    def corroborating(self) -> bool:
        """Whether a corroboration filter is given (`refine` then has work to do)."""
        return bool(self.min_grade or self.corroborated or self.fold_duplicates)


#: Every filter as a command parameter, in declaration order.
_PARAMETERS = [
    inspect.Parameter(
        f.name,
        inspect.Parameter.KEYWORD_ONLY,
        default=[] if f.default is dataclasses.MISSING else f.default,
        annotation=f.type,
    )
    for f in dataclasses.fields(Selection)
]


def filter_options(command: Callable[..., R]) -> Callable[..., R]:
    """`command` with its `Selection` parameter replaced by the filter options (for typer),
    called with the `Selection` they make."""
    signature = inspect.signature(command, eval_str=True)
    marker = next(p.name for p in signature.parameters.values() if p.annotation is Selection)
    parameters: list[inspect.Parameter] = []
    for param in signature.parameters.values():
        if param.name == marker:
            parameters += _PARAMETERS
        else:
            parameters.append(param.replace(kind=inspect.Parameter.KEYWORD_ONLY))

    @functools.wraps(command)
    def run(**options: Any) -> R:
        chosen = {p.name: options.pop(p.name) for p in _PARAMETERS}
        return command(**options, **{marker: Selection(**chosen)})

    # typer reads the signature; functions have no declared __signature__ for mypy to know.
    run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in parameters}
    return run
