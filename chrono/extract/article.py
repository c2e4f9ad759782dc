"""An article as text: read from a .txt/.md file, a saved web page, or standard input.

Bad input is refused with a Problem, before anything is read into phrases: binary data,
text that is not UTF-8, an empty file, a file over `MAX_BYTES`, a page with no text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import NoReturn

from chrono.model import Problem

__all__ = ["MAX_BYTES", "Article", "ArticleError", "parse_article", "split_site"]

#: Larger input is refused: an article is a few thousand words, not a book.
MAX_BYTES = 2_000_000
_HTML = re.compile(rb"\A\s*(?:<!doctype html|<html|<head|<meta|<!--)", re.IGNORECASE)


class ArticleError(ValueError):
    """The article cannot be used; `problem` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Article:
    """The article's text and what its page says about it (HTML only)."""

    name: str
    text: str
    title: str | None = None
    site: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None


def parse_article(name: str, data: bytes) -> Article:
    """The article in `data` (named `name` in messages); ArticleError if unusable."""
    if len(data) > MAX_BYTES:
        _refuse(name, "too-large", f"over {MAX_BYTES:,} bytes; an article is a few thousand words")
    if b"\0" in data:
        _refuse(name, "binary", "binary data, not an article (give a .txt, .md or .html file)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        _refuse(name, "encoding", f"not UTF-8 (byte {err.start}); save it as UTF-8", line)
    if not text.strip():
        _refuse(name, "empty", "the article is empty")
    if name.lower().endswith((".html", ".htm")) or _HTML.match(data):
        from chrono.extract.page import MissingExtraError, read_page

        try:
            page = read_page(text)
        except MissingExtraError as err:
            _refuse(name, "needs-html-extra", str(err))
        if not page.text.strip():
            _refuse(name, "no-text", "the page has no article text to read")
        title, site = split_site(page.title) if page.title else (None, None)
        return Article(
            name, page.text, title, page.site or site, page.url, page.author, page.published
        )
    text = text.replace("\r\n", "\n")
    title, site = split_site(headline) if (headline := _headline(text)) else (None, None)
    return Article(name, text, title=title, site=site, url=_url(text))


#: "Headline | Site", "Headline – Site", "Headline - Site Name": a page title's last part
#: names the site when it is short; a plain hyphen only when every word is capitalised.
_SITE = re.compile(r"\A(?P<title>.+?)\s+(?:(?P<bar>[|–—])|-)\s+(?P<site>[^|–—]+?)\s*\Z")


def split_site(title: str) -> tuple[str, str | None]:
    """A page title as (headline, site name); the site is None when the title names none.

    The headline must keep three words or more and the site name be at most five, so
    that a dash inside a headline ("Iran - Russia talks resume") is not taken for one."""
    found = _SITE.match(title.strip())
    if found is None:
        return title, None
    headline, site = found.group("title").strip(), found.group("site").strip()
    words = site.split()
    if len(headline.split()) < 3 or not 1 <= len(words) <= 5:
        return title, None
    if found.group("bar") is None and not all(w[:1].isupper() or "." in w for w in words):
        return title, None
    return headline, site


def _url(text: str) -> str | None:
    """The address on a first "URL:" line, as the evaluation set's copies carry."""
    found = re.match(r"URL:\s*(\S+)", text)
    return found.group(1) if found else None


def _headline(text: str) -> str | None:
    """The first line of text that is not the URL line: the headline, for the source."""
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("URL:"):
            return line[:200]
    return None


def _refuse(name: str, code: str, message: str, line: int = 0) -> NoReturn:
    raise ArticleError(Problem(name, line, code, message))
