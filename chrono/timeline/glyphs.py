"""The characters a timeline is drawn with: box drawing, or 7-bit ASCII for `--ascii`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Glyphs:
    """One character (or short string) per drawing role; `ellipsis` marks truncated text."""

    point: str  # a precise day or instant
    fuzzy_point: str  # a day marked ~ or ?
    span_start: str  # the closed first end of a vertical span
    span_end: str  # the closed last end of a vertical span
    bar: str  # a vertical span between its ends
    fuzzy_bar: str  # a vertical span with an approximate or uncertain end
    open_up: str  # a vertical span whose start is open or unknown
    open_down: str  # a vertical span whose end is open or unknown
    tee: str  # where an open start's span meets its text, below the top
    axis: str
    tick: str  # an axis row with a calendar label
    gap: str  # a compressed stretch of empty time on the vertical axis
    connector: str  # from an event's mark to its text
    hbar: str  # a horizontal span
    fuzzy_hbar: str
    open_left: str
    open_right: str
    lane_edge: str  # between the lane labels and the plot
    corner: str  # where the lane edge meets the time axis
    haxis: str
    htick: str
    hgap: str  # a compressed stretch on the horizontal axis
    branch: str  # before a member's name in a lane label
    ellipsis: str


UNICODE = Glyphs(
    point="●",
    fuzzy_point="○",
    span_start="┬",
    span_end="┴",
    bar="│",
    fuzzy_bar="┆",
    open_up="▲",
    open_down="▼",
    tee="├",
    axis="│",
    tick="┤",
    gap="⋮",
    connector="─",
    hbar="━",
    fuzzy_hbar="╍",
    open_left="◀",
    open_right="▶",
    lane_edge="│",
    corner="└",
    haxis="─",
    htick="┬",
    hgap="╱",
    branch="└ ",
    ellipsis="…",
)

ASCII = Glyphs(
    point="*",
    fuzzy_point="o",
    span_start="+",
    span_end="+",
    bar="|",
    fuzzy_bar=":",
    open_up="^",
    open_down="v",
    tee="+",
    axis="|",
    tick="+",
    gap=":",
    connector="-",
    hbar="=",
    fuzzy_hbar="~",
    open_left="<",
    open_right=">",
    lane_edge="|",
    corner="+",
    haxis="-",
    htick="+",
    hgap="/",
    branch="`- ",
    ellipsis="...",
)


def glyphs_for(ascii_only: bool) -> Glyphs:
    """The ASCII set when `ascii_only`, else box drawing."""
    return ASCII if ascii_only else UNICODE
