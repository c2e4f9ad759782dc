"""What a renderer may be told besides the events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from chrono.model import Source
    from chrono.registry.actors import Registry


@dataclass(frozen=True)
class RenderOptions:
    """Presentation choices; every renderer ignores what does not concern it."""

    title: str = "Chronology"
    width: int = 80
    ascii: bool = False
    color: bool = False
    lanes: str | None = None  # "actor" or "tag", for the lane timeline
    group_by_member: bool = False
    registry: Registry | None = None
    sources: Mapping[str, Source] | None = None  # the bibliography, for `derived_from` links
