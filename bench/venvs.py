"""The two venvs the benchmark runs: chrono installed from the repo as a user gets it, and jrnl.

chrono is installed non-editable, from a copy of the package sources (so the build never
writes into the repo), and re-installed whenever a hash of those sources changes.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
JRNL_VERSION = "4.6"
_BUILD_FILES = ("pyproject.toml", "README.md", "README.rst", "LICENSE", "LICENSE.txt")


class SetupError(RuntimeError):
    """A venv could not be created or a package not installed."""


@dataclass(frozen=True)
class Venv:
    path: Path

    def bin(self, name: str) -> str:
        return str(self.path / "bin" / name)

    @property
    def python(self) -> str:
        return self.bin("python")

    def exists(self) -> bool:
        return (self.path / "bin" / "python").exists()


def source_hash(repo: Path = REPO) -> str:
    """sha256 of pyproject.toml and every file of the chrono package (caches excluded)."""
    digest = hashlib.sha256()
    files = [repo / "pyproject.toml", *(repo / "chrono").rglob("*")]
    for path in sorted(p for p in files if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(repo)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _run(argv: list[str], what: str) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise SetupError(f"{what} failed (exit {done.returncode}):\n{tail}")


def _pip(venv: Venv, *args: str) -> None:
    _run([venv.python, "-m", "pip", "--disable-pip-version-check", "-q", *args], "pip " + args[0])


def _create(venv: Venv) -> None:
    print(f"bench: creating {venv.path}", file=sys.stderr)
    _run([sys.executable, "-m", "venv", "--clear", str(venv.path)], f"creating {venv.path}")


def _stage(repo: Path, staging: Path) -> Path:
    """Copy what building chrono needs into `staging`, where the build may write freely."""
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name in _BUILD_FILES:
        if (repo / name).is_file():
            shutil.copy2(repo / name, staging / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(repo / "chrono", staging / "chrono", ignore=ignore)
    return staging


def ensure_chrono(venvs: Path, repo: Path = REPO) -> tuple[Venv, str]:
    """The chrono venv, (re)installed from `repo` when its sources changed; and their hash."""
    venv = Venv(venvs / "chrono")
    digest = source_hash(repo)
    marker = venv.path / ".chrono-source-hash"
    if venv.exists() and marker.exists() and marker.read_text() == digest:
        return venv, digest
    if not venv.exists():
        _create(venv)
    print(f"bench: installing chrono ({digest}) into {venv.path}", file=sys.stderr)
    staged = _stage(repo, venvs.parent / "build" / "chrono-src")
    _pip(venv, "uninstall", "-y", "chrono")
    # With the `fast` extra (the compiled TOML reader), as `make run` installs it.
    _pip(venv, "install", f"{staged}[fast]")
    marker.write_text(digest)
    return venv, digest


def ensure_jrnl(venvs: Path) -> Venv:
    """The jrnl venv with jrnl==JRNL_VERSION."""
    venv = Venv(venvs / "jrnl")
    marker = venv.path / ".jrnl-version"
    if venv.exists() and marker.exists() and marker.read_text() == JRNL_VERSION:
        return venv
    if not venv.exists():
        _create(venv)
    print(f"bench: installing jrnl=={JRNL_VERSION} into {venv.path}", file=sys.stderr)
    _pip(venv, "install", f"jrnl=={JRNL_VERSION}")
    marker.write_text(JRNL_VERSION)
    return venv
