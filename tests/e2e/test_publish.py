"""Publishing: history across runs, and a failed build leaves the previous warehouse intact."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

import pipelines.stages.load
from pipelines.cli import main
from pipelines.runtime.failures import EXIT_NOT_WRITABLE
from tests.conftest import EXAMPLE_VAULT


def _runs(warehouse: Path) -> list[tuple[str, int]]:
    con = duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True)
    rows = con.execute("select run_id, notes_loaded from runs order by started_at").fetchall()
    con.close()
    return rows


def test_second_build_keeps_history_and_counts_changes(prefect_api: str, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(EXAMPLE_VAULT / "podcast", vault)
    warehouse = tmp_path / "w"
    assert main(["build", str(vault), "--warehouse", str(warehouse), "--progress", "none"]) == 0
    first = next(iter(vault.glob("*.md")))
    first.write_text(first.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    (vault / "new note.md").write_text("# Fresh\n\nA new note.\n", encoding="utf-8")
    assert main(["build", str(vault), "--warehouse", str(warehouse), "--progress", "none"]) == 0
    runs = _runs(warehouse)
    assert len(runs) == 2 and runs[1][1] == runs[0][1] + 1
    con = duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True)
    new, changed, unchanged = con.execute(
        "select files_new, files_changed, files_unchanged from runs "
        "order by started_at desc limit 1"
    ).fetchone()
    con.close()
    assert (new, changed, unchanged) == (1, 1, runs[0][1] - 1)
    assert len(list((warehouse / ".builds").iterdir())) <= 2


# write_dashboard runs on a thread beside the Parquet writes: its error must fail the build too
@pytest.mark.parametrize("step", ["write_parquet", "write_dashboard"])
def test_failed_build_publishes_nothing(
    prefect_api: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    step: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    warehouse = tmp_path / "w"
    assert (
        main(["build", str(EXAMPLE_VAULT), "--warehouse", str(warehouse), "--progress", "none"])
        == 0
    )
    before = _runs(warehouse)

    def broken_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pipelines.stages.load, step, broken_disk)
    assert (
        main(["build", str(EXAMPLE_VAULT), "--warehouse", str(warehouse), "--progress", "none"])
        == EXIT_NOT_WRITABLE  # a full disk is an expected failure, told in one line
    )
    err = capsys.readouterr().err
    assert "No space left on device (free some space" in err and "Traceback" not in err
    assert _runs(warehouse) == before
    assert len(list((warehouse / ".builds").iterdir())) == 1
    con = duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True)
    assert con.execute("select count(*) from notes").fetchone()[0] > 0
    con.close()
