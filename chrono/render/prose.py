"""Small pieces of prose that several formats write the same way."""

from __future__ import annotations

from collections.abc import Sequence

_ENDS = (".", "!", "?", "…")


def sentences(parts: Sequence[str]) -> str:
    """The parts as sentences ("Actors: Iran. Location: Moscow."), a full stop after each
    unless it already ends in one ("Location: Washington, D.C." gets no second period)."""
    return " ".join(part if part.endswith(_ENDS) else part + "." for part in parts)
