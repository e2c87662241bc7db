"""A build that would remove most of the published notes publishes nothing, unless told to."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import main
from pipelines.runtime.failures import EXIT_REFUSED
from tests.conftest import EXAMPLE_VAULT


def build(vault: Path, warehouse: Path, *flags: str) -> int:
    return main(["build", str(vault), "--warehouse", str(warehouse), "--progress", "none", *flags])


def published(warehouse: Path) -> tuple[int, int]:
    """Notes in the published database, and its runs."""
    con = duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True)
    try:
        found = con.execute("select (select count(*) from notes), (select count(*) from runs)")
        row = found.fetchone()
    finally:
        con.close()
    assert row is not None
    return row[0], row[1]


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    copy = tmp_path / "vault"
    shutil.copytree(EXAMPLE_VAULT, copy)
    return copy


def test_an_empty_folder_does_not_empty_the_warehouse(
    prefect_api: str, vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warehouse, empty = tmp_path / "w", tmp_path / "empty"
    empty.mkdir()
    assert build(vault, warehouse) == 0
    before = published(warehouse)
    capsys.readouterr()
    assert build(empty, warehouse) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert f"vault {empty} has no note files" in err and "--allow-shrink" in err
    assert "Traceback" not in err
    assert published(warehouse) == before  # nothing published, not even a run


def test_removing_more_than_half_is_refused_and_allow_shrink_publishes(
    prefect_api: str, vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warehouse = tmp_path / "w"
    assert build(vault, warehouse) == 0
    notes, runs = published(warehouse)
    for path in sorted(vault.rglob("*.md"))[: notes // 2 + 2]:
        path.unlink()
    capsys.readouterr()
    assert build(vault, warehouse) == EXIT_REFUSED
    assert "more than half" in capsys.readouterr().err
    assert published(warehouse) == (notes, runs)
    assert build(vault, warehouse, "--allow-shrink") == 0
    assert published(warehouse)[0] < notes // 2 and published(warehouse)[1] == runs + 1


def test_a_small_deletion_publishes_as_before(
    prefect_api: str, vault: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "w"
    assert build(vault, warehouse) == 0
    notes = published(warehouse)[0]
    next(iter(sorted((vault / "people").glob("*.md")))).unlink()
    assert build(vault, warehouse) == 0
    assert published(warehouse)[0] == notes - 1


def test_a_first_build_of_an_empty_folder_publishes_and_warns(
    prefect_api: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert build(empty, tmp_path / "w") == 0  # nothing published before, so nothing is lost
    assert f"warning: {empty} has no note files" in capsys.readouterr().err
    assert published(tmp_path / "w") == (0, 1)
