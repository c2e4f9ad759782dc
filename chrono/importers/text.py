"""HTML as plain text: TimelineJS writes a slide's text as HTML, chrono keeps plain text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BREAKS = {"p", "br", "li", "div", "blockquote", "ol", "ul", "h1", "h2", "h3", "h4"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(markup: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded, one blank line at most
    between paragraphs. Nothing is executed or fetched; scripts are kept as their text."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
