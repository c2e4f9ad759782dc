"""The keys an event file may use, in one place for every parser and writer."""

from __future__ import annotations

EVENT_KEYS = (
    "id", "date", "title", "summary", "actors", "location",
    "tags", "status", "date_text", "sources",
)  # fmt: skip
#: The bibliographic fields of a source, inline or in ``sources.toml``.
SOURCE_FIELDS = ("title", "publisher", "url", "published", "author", "accessed")
#: Of those, the ones holding EDTF dates.
DATED_FIELDS = ("published", "accessed")
#: What one ``[[sources]]`` entry of an event may hold.
CITATION_KEYS = ("ref", *SOURCE_FIELDS, "quote", "note")


def web_url(url: str) -> bool:
    """Whether `url` is an http(s) address with no spaces, quotes, angle brackets or control
    characters (CR included): the only links exports write, so that no source can smuggle a
    script, markup or a header line into them."""
    return url.startswith(("http://", "https://")) and not any(
        c in ' <>"' or c <= " " or "\x7f" <= c <= "\x9f" for c in url
    )
