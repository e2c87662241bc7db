"""Each package says where it lands: its ``__init__`` docstring names the tables it fills
(``Tables:``), its case tests (``Cases:``) and the SQL that reads those tables
(``Read by:``). Every name given must exist, and a table the package fills whole must list
every view, mart, check and link step that reads it, directly or through a view."""

from __future__ import annotations

import importlib
import re

import pytest

from pipelines import PROJECT_ROOT, SQL_DIR
from transforms.schema import TABLES

PACKAGES = [
    f"{top}.{p.name}"
    for top in ("transforms", "pipelines")
    for p in sorted((PROJECT_ROOT / top).iterdir())
    if (p / "__init__.py").is_file()
]
SQL_KINDS = ("views", "marts", "checks", "link")


def _section(doc: str, label: str) -> list[str]:
    """The comma-separated names after ``label:`` (continued on indented lines); the
    columns in parentheses after a table name are dropped."""
    match = re.search(rf"^{label}: (.*(?:\n    .*)*)", doc, re.M)
    if not match:
        return []
    text = " ".join(match.group(1).split())
    return [name.strip() for name in re.sub(r"\([^)]*\)", "", text).split(",") if name.strip()]


def _whole_tables(doc: str) -> list[str]:
    """Tables the package fills whole: named without a column list."""
    match = re.search(r"^Tables: (.*(?:\n    .*)*)", doc, re.M)
    if not match:
        return []
    text = " ".join(match.group(1).split())
    parts = re.findall(r"([a-z_]+)\s*(\([^)]*\))?", text)
    return [name for name, columns in parts if not columns]


def _direct_readers(name: str) -> set[str]:
    return {
        f"{kind}/{path.stem}"
        for kind in SQL_KINDS
        for path in (SQL_DIR / kind).glob("*.sql")
        if re.search(rf"\b(from|join|into|update)\s+{name}\b", path.read_text(), re.I)
    }


def _readers(tables: list[str]) -> set[str]:
    found = set().union(*(_direct_readers(t) for t in tables)) if tables else set()
    while True:
        more = set().union(
            *(_direct_readers(r.split("/")[1]) for r in found if r.startswith("views/"))
        )
        if more <= found:
            return found
        found |= more


def _doc(package: str) -> str:
    return importlib.import_module(package).__doc__ or ""


def test_every_subpackage_is_listed() -> None:
    assert "transforms.figures" in PACKAGES and "pipelines.stages" in PACKAGES


@pytest.mark.parametrize("package", PACKAGES)
def test_the_package_says_where_it_lands(package: str) -> None:
    doc = _doc(package)
    assert doc.strip(), f"{package} has no docstring"
    assert _section(doc, "Cases"), f"{package} names no case tests"
    if package.startswith("transforms."):
        assert _section(doc, "Tables"), f"{package} names no tables"


@pytest.mark.parametrize("package", PACKAGES)
def test_every_name_it_gives_exists(package: str) -> None:
    doc = _doc(package)
    missing = [t for t in _section(doc, "Tables") if t not in TABLES]
    missing += [c for c in _section(doc, "Cases") if not (PROJECT_ROOT / c).is_file()]
    missing += [
        r
        for r in _section(doc, "Read by")
        if r.split("/")[0] not in SQL_KINDS or not (SQL_DIR / f"{r}.sql").is_file()
    ]
    assert missing == []


@pytest.mark.parametrize("package", PACKAGES)
def test_it_names_every_reader_of_the_tables_it_fills(package: str) -> None:
    doc = _doc(package)
    wanted = _readers(_whole_tables(doc))
    assert wanted - set(_section(doc, "Read by")) == set()


def test_the_parser_reads_column_lists() -> None:
    doc = "x\n\nTables: a, b (c, d), e\nCases: t.py,\n    u.py\n"
    assert _section(doc, "Tables") == ["a", "b", "e"]
    assert _whole_tables(doc) == ["a", "e"]
    assert _section(doc, "Cases") == ["t.py", "u.py"]
