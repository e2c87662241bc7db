"""Library code logs through Prefect's logger; only the command line prints."""

from __future__ import annotations

import ast

import pytest

from pipelines import python_sources
from tests.conftest import ROOT

# module -> functions that may print ("*": the whole module is command-line output)
CLI_OUTPUT = {
    "cli.py": {"*"},
    "terminal.py": {"*"},
    "query.py": {"*"},
    "explain.py": {"explain_command"},
    "serve.py": {"serve_command", "serve_api"},
}


def _prints(tree: ast.AST) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            name = function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = child.name if function == "<module>" else function
            if (
                isinstance(child, ast.Call)
                and isinstance(child.func, ast.Name)
                and child.func.id == "print"
            ):
                found.append((function, child.lineno))
            visit(child, name)

    visit(tree, "<module>")
    return found


MODULES = python_sources("pipelines")


@pytest.mark.parametrize("path", MODULES, ids=[p.relative_to(ROOT).as_posix() for p in MODULES])
def test_no_print_in_library_code(path: object) -> None:
    from pathlib import Path

    assert isinstance(path, Path)
    allowed = CLI_OUTPUT.get(path.name, set())
    if "*" in allowed:
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    stray = [(f, line) for f, line in _prints(tree) if f not in allowed]
    assert stray == [], f"{path.name}: use get_run_logger() or logging, not print: {stray}"
