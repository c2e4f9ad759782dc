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


def _dotted(node: ast.expr) -> str | None:
    """``chrono.load._x`` as text, for an attribute chain of plain names."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


def _private_attributes(path: Path) -> list[str]:
    """``chrono.x._name`` reached as an attribute of an imported module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            dotted = _dotted(node)
            if dotted and dotted.startswith("chrono.") and dotted.rsplit(".", 1)[0] in MODULES:
                found.append(dotted)
    return found


def _private(name: str | None) -> bool:
    return name is not None and name.startswith("_") and not name.startswith("__")


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for d in ("chrono", "tests", "bench")
        for p in (ROOT / d).rglob("*.py")
        if (ROOT / "bench" / "out") not in p.parents  # the benchmark's venvs and data
    ),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_no_private_name_is_imported_from_chrono(path: Path) -> None:
    reached = [
        f"{module}.{name}"
        for module, name in _imports(path)
        if module.startswith("chrono") and _private(name)
    ]
    assert not reached + _private_attributes(path)


@pytest.mark.parametrize(
    "path", sorted(p for p in PACKAGE.rglob("*.py") if "cli" not in p.parts), ids=str
)
def test_only_the_cli_uses_typer_or_rich(path: Path) -> None:
    roots = {module.split(".")[0] for module, _ in _imports(path)}
    assert not roots & {"typer", "rich", "click"}


#: From the top down; a module may import its own layer and those below, never above.
#: Modules not named here (new packages) are left out of this check until placed.
LAYERS = [
    ("chrono.cli",),
    ("chrono.add", "chrono.add_write", "chrono.extract", "chrono.importers"),  # sources in
    ("chrono.pipeline", "chrono.inventory"),
    ("chrono.index",),
    ("chrono.folder",),
    ("chrono.render", "chrono.timeline"),
    ("chrono.validate", "chrono.merge", "chrono.query", "chrono.results", "chrono.locate"),
    ("chrono.parse", "chrono.registry"),
    ("chrono.load", "chrono.toml_versions", "chrono.write"),
    ("chrono.model", "chrono.dates"),
]


def _layer(module: str) -> int | None:
    for number, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return number
    return None


def test_imports_point_down_the_layers() -> None:
    upward = []
    for module, targets in _graph().items():
        here = _layer(module)
        for target in targets:
            there = _layer(target)
            if here is not None and there is not None and there < here:
                upward.append(f"{module} -> {target}")
    assert not upward
