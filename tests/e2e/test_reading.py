"""Parsing on worker processes gives exactly what parsing in the calling process gives,
and the Parquet parts the workers write hold exactly the rows the parser produced."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import pipelines.stages.reading as reading
from pipelines.config import DEFAULT_EXCLUDE, DEFAULT_INCLUDE
from pipelines.runtime.prefect_api import process_alive
from pipelines.stages.discover import discover_files
from pipelines.stages.parts import arrow_table, outcome, part_files
from tests.conftest import EXAMPLE_VAULT, ROOT
from transforms.schema import NOTE_TABLES, TABLES


def _read_parts(parts: Path) -> dict[str, pa.Table]:
    return {
        name: pa.concat_tables(
            [pq.read_table(f).cast(TABLES[name]) for f in part_files(parts, name)]
            or [TABLES[name].empty_table()]
        )
        for name in NOTE_TABLES
    }


def test_process_pool_parse_equals_in_process_parse(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    files = discover_files(EXAMPLE_VAULT, DEFAULT_INCLUDE, DEFAULT_EXCLUDE).files
    monkeypatch.setattr(reading, "MIN_FILES_FOR_POOL", 1)
    try:
        pooled = reading.parse_in_processes(
            str(EXAMPLE_VAULT), files, "UTC", 2, str(tmp_path / "pooled"), "b"
        )
    finally:
        reading.close_pools()
    alone = reading.parse_files(str(EXAMPLE_VAULT), files, "UTC")
    assert [p.path for p in pooled] == [f.path for f in files]
    assert pooled == [outcome(p) for p in alone]
    assert any(not p.loaded for p in pooled) and any(p.issues for p in pooled)
    # two workers, two chunks each: four part files for a table every chunk has rows for
    assert len(part_files(tmp_path / "pooled", "notes")) == 4
    got = _read_parts(tmp_path / "pooled")
    for name in NOTE_TABLES:
        want = arrow_table(name, [r for p in alone for r in p.rows.get(name, [])])
        assert got[name].equals(want), name
    assert got["chapters"].num_rows > 0


def test_small_batches_stay_in_process(tmp_path: Path) -> None:
    files = discover_files(EXAMPLE_VAULT / "podcast", DEFAULT_INCLUDE, DEFAULT_EXCLUDE).files
    assert len(files) < reading.MIN_FILES_FOR_POOL
    outcomes = reading.parse_in_processes(
        str(EXAMPLE_VAULT / "podcast"), files, "UTC", 2, str(tmp_path), "b"
    )
    assert reading._pools == {}
    assert [p.path for p in outcomes] == [f.path for f in files]
    assert [f.name for f in part_files(tmp_path, "notes")] == ["b-000.parquet"]


def test_parts_the_load_cannot_see_stop_the_build(tmp_path: Path) -> None:
    # what a Dask worker on another machine leaves: outcomes say loaded, no parts here
    from pipelines.stages.database import create_database, insert_parts

    con = create_database(tmp_path / "w.duckdb")
    try:
        with pytest.raises(RuntimeError, match="same absolute path"):
            insert_parts(con, tmp_path / "parts-elsewhere", 3)
        insert_parts(con, tmp_path / "parts-elsewhere", 0)  # nothing parsed, nothing missing
    finally:
        con.close()


def test_batches_starting_together_share_one_pool() -> None:
    start = threading.Barrier(8)

    def ask() -> int:
        start.wait()
        return id(reading._pool(2))

    try:
        with ThreadPoolExecutor(max_workers=8) as threads:
            pools = set(threads.map(lambda _: ask(), range(8)))
        assert len(pools) == 1 and len(reading._pools) == 1
    finally:
        reading.close_pools()


# Starts the pool's two workers, prints their pids, then waits to be killed.
HOLDER = """
import time
from pipelines.stages import reading
pool = reading._pool(2)
for future in [pool.submit(int) for _ in range(2)]:
    future.result()
print(*pool._processes, flush=True)
time.sleep(300)
"""


def test_pool_workers_end_when_the_build_is_killed() -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    workers = [int(pid) for pid in holder.stdout.readline().split()]
    assert len(workers) == 2 and all(process_alive(pid) for pid in workers)
    holder.kill()  # SIGKILL: nothing in the holder shuts the pool down
    holder.wait(timeout=10)
    deadline = time.monotonic() + 15
    while any(process_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if process_alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == [], "pool workers outlived the killed build"
