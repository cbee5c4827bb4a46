"""The architecture as the README draws it: layers, no cycles, one edge that prints."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "resumefmt"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {
    _module_name(path): path
    for path in sorted(PACKAGE.rglob("*.py"))
    if "__pycache__" not in path.parts
}


def _imports(name: str) -> set[str]:
    """The resumefmt modules ``name`` imports at run time, at the top or inside functions."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    type_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
        for inner in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {module for module in found if module in MODULES and module != name}


GRAPH = {name: _imports(name) for name in MODULES}


def test_there_is_no_import_cycle() -> None:
    """Lazy imports count too: a cycle hidden inside a function is still a cycle.

    A package's ``__init__`` importing its own modules is how packages are
    built, so edges from a package to what it contains are left out.
    """
    graph = {
        name: {m for m in targets if not m.startswith(name + ".")}
        for name, targets in GRAPH.items()
    }
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_only_the_entry_point_imports_the_cli() -> None:
    importers = sorted(
        name
        for name, targets in GRAPH.items()
        if not name.startswith("resumefmt.cli") and name != "resumefmt.__main__"
        if any(t == "resumefmt.cli" or t.startswith("resumefmt.cli.") for t in targets)
    )
    assert importers == []


def test_rules_and_converters_stay_in_their_layers() -> None:
    """No rule imports a converter and no converter a rule; neither imports the CLI."""
    for name, targets in GRAPH.items():
        if name.startswith("resumefmt.lint_rules"):
            assert not [t for t in targets if t.startswith("resumefmt.converters")], name
        if name.startswith("resumefmt.converters"):
            assert not [t for t in targets if t.startswith("resumefmt.lint_rules")], name


def _prints_or_exits(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in ("print", "exit", "quit"):
                lines.append(node.lineno)
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "sys"
            and node.attr in ("stdout", "stderr", "exit")
        ):
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("name", sorted(MODULES), ids=lambda n: n)
def test_only_the_cli_prints_or_exits(name: str) -> None:
    if name.startswith("resumefmt.cli") or name == "resumefmt.__main__":
        return
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    assert _prints_or_exits(tree) == [], f"{name} prints or exits"


def test_the_readme_layout_names_real_places() -> None:
    """Every path the README's Development section names exists."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Development", 1)[1].split("```", 2)[1]
    stack: list[tuple[int, str]] = []
    for line in layout.splitlines():
        stripped = line.lstrip()
        name = stripped.split(" ", 1)[0]
        if not name or not (name.endswith("/") or name.endswith((".py", ".yaml"))):
            continue
        indent = len(line) - len(stripped)
        if indent >= 20:
            continue  # a continuation of the description column
        while stack and stack[-1][0] >= indent:
            stack.pop()
        path = (stack[-1][1] if stack else "") + name
        assert (ROOT / path).exists(), path
        if name.endswith("/"):
            stack.append((indent, path))
