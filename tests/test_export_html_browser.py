"""`chrono export --format html`: a page that loads nothing, checked statically and in Chromium.

The static tests always run. The browser tests need Debian's ``chromium`` on PATH (CI
installs it in .ci/run) and are skipped without it. They export the sample collection,
take a screenshot, dump the DOM after layout, and read Chromium's log: a page with no
script should produce no console message at all, and its Content-Security-Policy turns
any attempt to load something into one. A control page proves the log is being read.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tomllib
import zlib
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chrono.cli import app
from tests.conftest import SAMPLE

CHROMIUM = shutil.which("chromium")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not on PATH (.ci/run installs it with apt-get)"
)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # belt and braces: no name resolves
    "--enable-logging=stderr",
    "--v=0",
)
#: How Chromium logs a page's console messages: "INFO:CONSOLE(12)]" or "INFO:CONSOLE:12]".
CONSOLE = re.compile(r":CONSOLE[(:]")
TITLES = [tomllib.loads(p.read_text("utf-8"))["title"] for p in sorted(SAMPLE.glob("*/*.toml"))]
VOID = {"meta", "link", "br", "hr", "img", "input", "source", "wbr", "area", "base", "col"}


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample collection exported to a file, as a user would."""
    target = tmp_path_factory.mktemp("html") / "sample.html"
    result = CliRunner().invoke(
        app, ["export", "--events", str(SAMPLE), "--format", "html", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    return target


def chromium(profile: Path, page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if CONSOLE.search(line) or "Uncaught" in line]


# --- static -------------------------------------------------------------------------


def test_html_loads_nothing_from_outside(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    lowered = html.lower()
    for needle in ("src=", "<link", "@import", "url(", "<script", "<iframe", "<object", "<embed"):
        assert needle not in lowered, needle
    notes = html[html.index('<section class="notes"') :]
    links = re.findall(r'<a href="(https?://[^"]+)">[^<]*</a>', html)
    assert links and len(links) == len(re.findall(r'<a href="https?://', notes))
    outside_links = re.sub(r'<a href="https?://[^"]+">[^<]*</a>', "", html)
    assert "http://" not in outside_links and "https://" not in outside_links
    assert "default-src 'none'" in html  # the browser refuses any fetch a change might add


class _Structure(HTMLParser):
    """Checks that every element closes in order; collects ids and in-page links."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.fragments: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if (found.get("href") or "").startswith("#"):
            self.fragments.append(str(found["href"])[1:])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()


def test_html_is_balanced_accessible_and_its_links_resolve(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert html.startswith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "<title>Chronology</title>" in html and "@media print" in html
    parser = _Structure()
    parser.feed(html)
    parser.close()
    assert parser.stack == []
    assert {"header", "main", "ol", "h1", "h2", "h3", "time", "svg", "blockquote"} <= parser.tags
    assert len(parser.ids) == len(set(parser.ids))
    assert set(parser.fragments) <= set(parser.ids)
    notes = [i for i in parser.ids if i.startswith("note-")]
    refs = [i for i in parser.ids if i.startswith("ref-")]
    assert len(notes) == len(refs) == 16  # one note per citation, each linked both ways
    assert re.search(r'<svg [^>]*role="img" aria-label="Timeline of 10 events', html)
    assert html.count("<title>") == 1 + len(TITLES)  # the page's, and one tooltip per event


# --- in the browser -----------------------------------------------------------------


def _png(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the decompressed (still filtered) scanlines of a PNG file."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, size, idat = 8, (0, 0), b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    return size[0], size[1], zlib.decompress(idat)


@needs_chromium
def test_chromium_screenshot_is_not_blank(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    chromium(tmp_path / "profile", page, f"--screenshot={shot}", "--window-size=1200,2000")
    width, height, scanlines = _png(shot)
    assert (width, height) == (1200, 2000)
    # Calibrated on Chromium 156: an empty page gives an 11 KB file whose filtered
    # scanlines are 0.03% non-zero; the sample page ~270 KB and ~5%.
    assert shot.stat().st_size > 60_000
    changing = sum(1 for byte in scanlines if byte) / len(scanlines)
    assert changing > 0.01, f"only {changing:.2%} of the screenshot's bytes vary"


@needs_chromium
def test_chromium_dom_has_every_event_and_the_console_is_silent(page: Path, tmp_path: Path) -> None:
    done = chromium(tmp_path / "profile", page, "--dump-dom")
    dom = unescape(done.stdout)
    assert dom.startswith("<!DOCTYPE html>")
    for title in TITLES:
        assert title in dom, title
    assert dom.count('<li class="event"') == len(TITLES)
    assert console_lines(done.stderr) == []


@needs_chromium
def test_chromium_console_messages_are_caught(tmp_path: Path) -> None:
    """The control: the same flags do report a page's console error and a blocked load."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "script-src 'unsafe-inline'\"><title>bad</title></head><body>"
        '<img alt="" src="https://example.invalid/x.png">'
        '<script>console.error("chrono-canary")</script></body></html>',
        encoding="utf-8",
    )
    found = console_lines(chromium(tmp_path / "profile", bad, "--dump-dom").stderr)
    assert any("chrono-canary" in line for line in found), found
    assert any("Content Security Policy" in line for line in found), found
