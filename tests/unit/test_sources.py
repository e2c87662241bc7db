"""Every module is seen: the code digests, the purity and logging checks walk the same files
that Python imports, in every subpackage, and the installed distribution ships them all."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

from pipelines import PROJECT_ROOT, python_sources


def _importable(package: str) -> set[str]:
    root = importlib.import_module(package)
    names = {package}
    for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
        names.add(info.name)
    return names


def _dotted(path: Path) -> str:
    parts = list(path.relative_to(PROJECT_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@pytest.mark.parametrize("package", ["transforms", "pipelines"])
def test_the_walk_and_the_importer_see_the_same_modules(package: str) -> None:
    walked = {_dotted(p) for p in python_sources(package)}
    assert walked == _importable(package)


@pytest.mark.parametrize("package", ["transforms", "pipelines"])
def test_every_folder_with_code_is_a_package(package: str) -> None:
    folders = {p.parent for p in python_sources(package)}
    assert [f for f in folders if not (f / "__init__.py").is_file()] == []


def test_the_subpackages_are_installed_with_the_distribution() -> None:
    text = (PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"transforms.*"' in text and '"pipelines.*"' in text


def test_the_parser_version_reads_modules_in_subpackages(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipelines.state import manifest

    whole = manifest.code_version()
    monkeypatch.setattr(
        manifest,
        "python_sources",
        lambda package: [p for p in python_sources(package) if p.name != "money.py"],
    )
    assert manifest.code_version() != whole
