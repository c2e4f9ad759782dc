"""Imports point one way: no cycle between chrono's modules (counting imports made only for
type checking or inside functions), no module reaching for another's private names, and
typer and rich only in the CLI layer."""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "chrono"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(path: Path) -> list[tuple[str, str | None]]:
    """(module, imported name or None) for every import anywhere in the file."""
    found: list[tuple[str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.module, alias.name) for alias in node.names]
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        targets = set()
        for module, imported in _imports(path):
            child = f"{module}.{imported}"
            target = child if child in MODULES else module
            if target in MODULES and target != name:
                targets.add(target)
        graph[name] = targets
    return graph


def test_the_module_graph_is_read() -> None:
    graph = _graph()
    assert "chrono.dates.edtf" in graph["chrono.dates"]
    assert "chrono.model" in graph["chrono.parse"]


def test_no_import_cycle() -> None:
    try:
        graphlib.TopologicalSorter(_graph()).prepare()
    except graphlib.CycleError as err:
        pytest.fail(f"import cycle: {' -> '.join(err.args[1])}")


def _private(name: str | None) -> bool:
    return name is not None and name.startswith("_") and not name.startswith("__")


@pytest.mark.parametrize(
    "path",
    sorted(p for d in ("chrono", "tests", "bench") for p in (ROOT / d).rglob("*.py")),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_private_name_is_imported_from_chrono(path: Path) -> None:
    reached = [
        f"{module}.{name}"
        for module, name in _imports(path)
        if module.startswith("chrono") and _private(name)
    ]
    assert not reached


@pytest.mark.parametrize(
    "path", sorted(p for p in PACKAGE.rglob("*.py") if "cli" not in p.parts), ids=str
)
def test_only_the_cli_uses_typer_or_rich(path: Path) -> None:
    roots = {module.split(".")[0] for module, _ in _imports(path)}
    assert not roots & {"typer", "rich", "click"}
