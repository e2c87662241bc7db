"""transforms/ stays pure: no I/O, no clock, no environment, no Prefect, DuckDB or pipelines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from pipelines import PROJECT_ROOT, python_sources

TRANSFORMS = PROJECT_ROOT / "transforms"
FORBIDDEN_MODULES = {
    "prefect",
    "duckdb",
    "pipelines",
    "os",
    "pathlib",
    "shutil",
    "subprocess",
    "socket",
    "urllib",
    "http",
    "requests",
    "httpx",
    "io",
    "glob",
    "tempfile",
    "pandas",
    "time",
    "random",
}
ALLOWED_MODULES = {"urllib.parse"}  # string functions only, no network
FORBIDDEN_CALLS = {"open", "input", "print", "exec", "eval"}
FORBIDDEN_ATTRS = {"now", "today", "utcnow", "environ", "getenv", "perf_counter", "monotonic"}


def _modules() -> list[Path]:
    return python_sources("transforms")


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(TRANSFORMS).as_posix())
def test_module_is_pure(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            names = []
        problems += [
            n for n in names if n.split(".")[0] in FORBIDDEN_MODULES and n not in ALLOWED_MODULES
        ]
        call = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if call and node.func.id in FORBIDDEN_CALLS:  # type: ignore[attr-defined]
            problems.append(f"{node.func.id}() at line {node.lineno}")
        if isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRS:
            problems.append(f".{node.attr} at line {node.lineno}")
    assert problems == [], f"{path.name} is not pure: {problems}"


def test_the_scan_sees_every_module() -> None:
    assert len(_modules()) >= 15
