"""What is measured: the chrono commands, their jrnl counterparts, and how output is counted.

chrono is being built while this runs, so the cases adapt to what the installed chrono
offers: commands come from ``chrono --help``, and ``--no-cache`` is passed only to commands
whose ``--help`` lists it.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field

from measure import Result

_COMMAND_LINE = re.compile(r"^\s{2}([a-z][\w-]*)\s")
_JRNL_FOUND = re.compile(rb"(\d+) entr(?:y|ies) found")


@dataclass(frozen=True)
class Probe:
    """What the installed chrono offers."""

    commands: tuple[str, ...]
    no_cache: frozenset[str]  # commands whose --help lists --no-cache
    help_error: str = ""

    def cold(self, command: str) -> list[str]:
        return ["--no-cache"] if command in self.no_cache else []


def _help(argv: list[str], env: Mapping[str, str], cwd: str) -> tuple[int, str]:
    done = subprocess.run(
        argv, capture_output=True, text=True, env=dict(env), cwd=cwd, stdin=subprocess.DEVNULL
    )
    return done.returncode, done.stdout + done.stderr


def probe(chrono: str, env: Mapping[str, str], cwd: str) -> Probe:
    """Read the command list from ``chrono --help`` and each command's flags from its help."""
    code, text = _help([chrono, "--help"], env, cwd)
    if code != 0:
        return Probe((), frozenset(), text.strip().splitlines()[-1] if text.strip() else "")
    _, _, listing = text.partition("Commands:")
    commands = tuple(
        m.group(1) for line in listing.splitlines() if (m := _COMMAND_LINE.match(line))
    )
    no_cache = {c for c in commands if "--no-cache" in _help([chrono, c, "--help"], env, cwd)[1]}
    return Probe(commands, frozenset(no_cache))


def chrono_rows(stdout: bytes, stderr: bytes) -> int | None:
    """Events printed by ``chrono show`` in plain format: the lines before the first blank."""
    if stdout.startswith(b"No events match"):
        return 0
    head, sep, _ = stdout.partition(b"\n\n")
    return head.count(b"\n") + 1 if sep else None


def jrnl_rows(stdout: bytes, stderr: bytes) -> int | None:
    """Entries jrnl found, from its ``N entries found`` line on stderr."""
    if b"no entries found" in stderr:
        return 0
    found = _JRNL_FOUND.search(stderr)
    return int(found.group(1)) if found else None


@dataclass
class Row:
    """One line of the results table: a chrono case and the jrnl run it is compared with."""

    key: str  # stable name, used by the targets
    case: str  # human label
    size: int | None = None
    layout: str = "-"
    expected: int | None = None  # rows the filter should find, from the manifest
    chrono: Result | None = None  # None: not a chrono case
    jrnl: Result | None = None  # None: no jrnl counterpart
    notes: list[str] = field(default_factory=list)

    def ratio(self) -> float | None:
        if self.chrono and self.jrnl and self.chrono.median_ms and self.jrnl.median_ms:
            return self.jrnl.median_ms / self.chrono.median_ms
        return None

    def as_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "case": self.case,
            "size": self.size,
            "layout": self.layout,
            "expected_rows": self.expected,
            "chrono": self.chrono.as_dict() if self.chrono else None,
            "jrnl": self.jrnl.as_dict() if self.jrnl else None,
            "jrnl_over_chrono": self.ratio(),
            "notes": self.notes,
        }


@dataclass(frozen=True)
class ChronoCase:
    """A chrono command run against one collection; `jrnl` names its counterpart, if any."""

    key: str
    label: str
    command: str
    args: tuple[str, ...]
    jrnl: str | None = None  # key into JRNL_CASES
    expected: str | None = None  # "rare" or "common": rows to expect
    cold: bool = False


def chrono_cases(rare: str, common: str) -> list[ChronoCase]:
    """The per-collection cases, in the order they run (cold before warm)."""
    return [
        ChronoCase("rare-cold", "show --actor <rare>, cold", "show", ("--actor", rare),
                   "rare", "rare", cold=True),
        ChronoCase("rare-warm", "show --actor <rare>, warm", "show", ("--actor", rare),
                   "rare", "rare"),
        ChronoCase("common-warm", "show --actor <common>, warm", "show", ("--actor", common),
                   "common", "common"),
        ChronoCase("check-cold", "check, cold", "check", (), cold=True),
        ChronoCase("check-warm", "check, warm", "check", ()),
        ChronoCase("export-md", "export --format markdown", "export",
                   ("--format", "markdown"), "markdown"),
        ChronoCase("export-json", "export --format json", "export", ("--format", "json")),
        ChronoCase("timeline", "timeline", "timeline", ()),
    ]  # fmt: skip


def jrnl_cases(rare_tag: str, common_tag: str, rare: str) -> dict[str, tuple[str, ...]]:
    """jrnl arguments by key; all run against the same journal, no layouts."""
    return {
        "rare": (rare_tag,),
        "common": (common_tag,),
        "contains": ("-contains", rare),
        "markdown": ("--format", "markdown"),
    }
