"""What a renderer may be told besides the events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
