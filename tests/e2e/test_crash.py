"""kill -9 at the worst moments: the previous warehouse stays readable, the next build succeeds."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipelines.cli import main
from pipelines.state.faults import POINTS
from tests.conftest import EXAMPLE_VAULT, ROOT


def published(warehouse: Path) -> tuple[int, int, str]:
    """Notes in DuckDB, notes in Parquet, and the run the warehouse says it is."""
    con = duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True)
    notes = con.execute("select count(*) from notes").fetchone()
    run = con.execute("select max_by(run_id, started_at) from runs").fetchone()
    con.close()
    parquet = pq.read_table(warehouse / "parquet" / "notes").num_rows
    assert notes is not None and run is not None
    return notes[0], parquet, run[0]


def cli(vault: Path, warehouse: Path, api: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "build",
            str(vault),
            "--warehouse",
            str(warehouse),
            "--progress",
            "none",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, "PREFECT_API_URL": api, **env},
    )


@pytest.mark.parametrize("point", POINTS)
def test_kill_during_build_leaves_previous_warehouse(
    prefect_api: str, tmp_path: Path, point: str
) -> None:
    vault, warehouse = tmp_path / "vault", tmp_path / "w"
    shutil.copytree(EXAMPLE_VAULT / "podcast", vault)
    assert main(["build", str(vault), "--warehouse", str(warehouse), "--progress", "none"]) == 0
    before = published(warehouse)
    (vault / "extra.md").write_text("# Extra\n\nOne more note.\n", encoding="utf-8")

    killed = cli(vault, warehouse, prefect_api, NOTEHOUSE_FAULT_AT=point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    assert published(warehouse) == before

    again = cli(vault, warehouse, prefect_api)
    assert again.returncode == 0, again.stderr[-2000:]
    notes, parquet, run = published(warehouse)
    assert (notes, parquet) == (before[0] + 1, before[1] + 1) and run != before[2]
    builds = sorted(p.name for p in (warehouse / ".builds").iterdir())
    assert len(builds) == 2, builds  # the current build and the one before; the killed one is gone


def hold_lock(warehouse: Path, seconds: int) -> subprocess.Popen[str]:
    """Another process that takes the warehouse lock, says so, and keeps it for a while."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import time
            from pathlib import Path
            from pipelines.state.lock import warehouse_lock
            with warehouse_lock(Path({str(warehouse)!r})):
                print("locked", flush=True)
                time.sleep({seconds})
        """),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def test_second_writer_exits_at_once_and_a_dead_holder_is_taken_over(
    prefect_api: str, tmp_path: Path
) -> None:
    vault, warehouse = tmp_path / "vault", tmp_path / "w"
    shutil.copytree(EXAMPLE_VAULT / "journal", vault)
    holder = hold_lock(warehouse, 120)
    try:
        started = time.monotonic()
        busy = cli(vault, warehouse, prefect_api)
        assert busy.returncode == 3  # EXIT_BUSY
        assert f"pid {holder.pid} is already building" in busy.stderr
        assert "--wait" in busy.stderr
        assert "Traceback" not in busy.stderr and len(busy.stderr.strip().splitlines()) == 1
        assert time.monotonic() - started < 60
        assert not (warehouse / "notehouse.duckdb").exists()
        holder.send_signal(signal.SIGKILL)  # dies holding the lock
        holder.wait(timeout=30)
        assert cli(vault, warehouse, prefect_api).returncode == 0
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_wait_flag_waits_for_the_other_writer(prefect_api: str, tmp_path: Path) -> None:
    vault, warehouse = tmp_path / "vault", tmp_path / "w"
    shutil.copytree(EXAMPLE_VAULT / "journal", vault)
    holder = hold_lock(warehouse, 3)
    try:
        assert (
            main(
                ["build", str(vault), "--warehouse", str(warehouse), "--progress", "none", "--wait"]
            )
            == 0
        )
        assert holder.poll() is not None  # it finished before our build could publish
    finally:
        holder.kill()
        holder.wait(timeout=30)
