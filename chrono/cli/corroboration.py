"""The corroboration options that show, export and timeline share, and applying them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from chrono.cli.common import fail

if TYPE_CHECKING:
    from chrono.model import Event
    from chrono.pipeline import Collection

MinGradeOpt = Annotated[
    str | None,
    typer.Option(
        "--min-grade", metavar="GRADE",
        help="Keep events with a citation graded at least this (Admiralty: B2, B or 2).",
    ),
]  # fmt: skip
CorroboratedOpt = Annotated[
    int | None,
    typer.Option(
        "--corroborated", metavar="N", min=1,
        help="Keep events backed by at least N independent sources.",
    ),
]  # fmt: skip
FoldOpt = Annotated[
    bool,
    typer.Option(
        "--fold-duplicates",
        help="Show events linked by same_as as one row (no file is changed).",
    ),
]


def refine(
    collection: Collection, min_grade: str | None, count: int | None, fold: bool
) -> list[Event]:
    """The collection's events folded and filtered as the options say."""
    from chrono.corroborate.grades import GradeError, parse_grade
    from chrono.corroborate.select import at_least_graded, corroborated, fold_same_as

    events = collection.events
    try:
        floor = parse_grade(min_grade) if min_grade is not None else None
    except GradeError as err:
        fail(f"--min-grade: {err}", 2)
    if fold:
        events = fold_same_as(events, collection.registry)
    if floor is not None:
        events = at_least_graded(events, floor)
    if count is not None:
        events = corroborated(events, collection.sources, count)
    return events
