"""Generate synthetic chrono collections, and an equivalent jrnl journal, for benchmarks.

    python bench/generate.py --events 10000 [--seed 1] [--out bench/out/data] [--force]

Writes ``<out>/<events>-s<seed>/`` with ``per-event/`` (``<year>/<id>.toml``), ``per-year/``
(``<year>.toml`` with ``[[events]]``), ``jrnl/journal.txt`` + ``jrnl/config.yaml`` and a
``manifest.json`` naming the rare and common actor and how many events each is in. Data
already there with the same parameters and generator code is reused.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataset import COMMON, RARE, Params, build
from writers import jrnl_tag, write_jrnl, write_jrnl_config, write_per_event, write_per_year

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "out" / "data"
LAYOUTS = ("per-event", "per-year")
_CODE = ("generate.py", "dataset.py", "synth.py", "corpus.py", "writers.py")


@dataclass(frozen=True)
class Generated:
    """Where one generated collection lives, and what its filters should find."""

    root: Path
    manifest: dict[str, Any]

    def layout(self, name: str) -> Path:
        return self.root / name

    @property
    def journal(self) -> Path:
        return self.root / "jrnl" / "journal.txt"

    @property
    def jrnl_config(self) -> Path:
        return self.root / "jrnl" / "config.yaml"


def code_version() -> str:
    """A hash of the generator's own code: changing it invalidates generated data."""
    digest = hashlib.sha256()
    for name in _CODE:
        digest.update((HERE / name).read_bytes())
    return digest.hexdigest()[:16]


def ensure(params: Params, out: Path = DEFAULT_OUT, force: bool = False) -> Generated:
    """The collection for `params` under `out`, generated unless already there."""
    root = out / f"{params.events}-s{params.seed}"
    wanted = {"params": params.as_dict(), "code": code_version()}
    manifest_path = root / "manifest.json"
    if not force and manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if {k: manifest.get(k) for k in wanted} == wanted:
            write_jrnl_config(root / "jrnl" / "journal.txt", root / "jrnl" / "config.yaml")
            return Generated(root, manifest)
    shutil.rmtree(root, ignore_errors=True)
    manifest = {**wanted, **generate(params, root)}
    # Written last: a manifest means the data beside it is complete.
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return Generated(root, manifest)


def generate(params: Params, root: Path) -> dict[str, Any]:
    """Build the dataset and write every layout into `root`; returns manifest fields."""
    started = time.perf_counter()
    data = build(params)
    sizes = {
        "per-event": write_per_event(data, root / "per-event"),
        "per-year": write_per_year(data, root / "per-year"),
    }
    journal, sizes["jrnl"] = write_jrnl(data, root / "jrnl")
    write_jrnl_config(journal, root / "jrnl" / "config.yaml")
    return {
        "events": len(data.events),
        "actors": len(data.actors),
        "sources": len(data.sources),
        "bytes": sizes,
        "bytes_per_event": round(sizes["per-event"] / max(1, len(data.events))),
        "common": {"name": COMMON, "tag": jrnl_tag(COMMON), "count": data.common_count},
        "rare": {"name": RARE, "tag": jrnl_tag(RARE), "count": data.rare_count},
        "seconds": round(time.perf_counter() - started, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1000, help="number of events")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--force", action="store_true", help="regenerate even if present")
    args = parser.parse_args(argv)
    made = ensure(Params(args.events, args.seed), args.out, args.force)
    print(f"{made.root}")
    print(json.dumps({k: v for k, v in made.manifest.items() if k != "params"}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
