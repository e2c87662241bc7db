"""Scale-out and run reports: Dask gives the same tables as threads; Hive-partitioned Parquet
reads back whole; each run publishes its artifacts; a failed batch is retried, a bad note not.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipelines.cli import main
from tests.conftest import EXAMPLE_VAULT
from transforms.schema import TABLES

RUN_COLUMNS = {"run_id", "started_at", "finished_at"}  # differ from run to run by design


def _build(warehouse: Path, *flags: str) -> None:
    code = main(
        ["build", str(EXAMPLE_VAULT), "--warehouse", str(warehouse), "--progress", "none", *flags]
    )
    assert code == 0


def _rows(warehouse: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True)
    try:
        out = {}
        for name, schema in TABLES.items():
            columns = ", ".join(c for c in schema.names if c not in RUN_COLUMNS)
            out[name] = con.execute(f"select {columns} from {name} order by all").fetchall()
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def threads_build(prefect_api: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    warehouse = tmp_path_factory.mktemp("threads") / "warehouse"
    _build(warehouse)
    return warehouse


@pytest.fixture(scope="module")
def dask_scheduler() -> Iterator[str]:
    """A 2-worker LocalCluster on loopback TCP (threads, not processes: quick to start)."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=30,
    ) as cluster:
        yield str(cluster.scheduler_address)


def test_dask_cluster_gives_the_same_tables_as_threads(
    threads_build: Path, dask_scheduler: str, tmp_path: Path
) -> None:
    warehouse = tmp_path / "dask"
    _build(
        warehouse, "--task-runner", "dask", "--dask-address", dask_scheduler, "--batch-size", "5"
    )
    expected, got = _rows(threads_build), _rows(warehouse)
    assert expected["notes"], "the example vault yields notes"
    for name in TABLES:
        assert got[name] == expected[name], name


def test_local_dask_cluster_with_year_partitions(threads_build: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "local-dask"
    _build(warehouse, "--task-runner", "dask", "--workers", "2", "--partition-by-year")
    assert _rows(warehouse) == _rows(threads_build)
    notes = warehouse / "parquet" / "notes"
    years = sorted(p.name for p in notes.iterdir())
    assert "note_year=2021" in years and "note_year=__HIVE_DEFAULT_PARTITION__" in years
    assert not list(notes.glob("*.parquet")), "every file lives in a year folder"
    con = duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True)
    try:
        pattern = str(notes / "**" / "*.parquet")
        mismatched = con.execute(
            "select count(*) from read_parquet(?, hive_partitioning = true) "
            "where note_year is distinct from year(note_date)",
            [pattern],
        ).fetchone()
        from_files = con.execute(
            "select count(*) from read_parquet(?, hive_partitioning = true)", [pattern]
        ).fetchone()
        in_db = con.execute("select count(*) from notes").fetchone()
    finally:
        con.close()
    assert mismatched == (0,) and from_files == in_db


def test_an_incremental_build_reads_the_partitioned_notes_back(
    threads_build: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "partitioned"
    _build(warehouse, "--partition-by-year")
    _build(warehouse, "--partition-by-year")  # every note unchanged: rows come from Parquet
    assert _rows(warehouse)["notes"] == _rows(threads_build)["notes"]


def _flow_run_details(api: str, run_id: str) -> tuple[list[Any], list[Any]]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    only = FlowRunFilter(id=FlowRunFilterId(any_=[run_id]))
    with get_client(sync_client=True) as client:
        return client.read_artifacts(flow_run_filter=only), client.read_task_runs(
            flow_run_filter=only
        )


def test_each_run_publishes_a_report_and_names_its_tasks(prefect_api: str, tmp_path: Path) -> None:
    from pipelines.flows import build_warehouse

    summary = build_warehouse(
        vault=str(EXAMPLE_VAULT), warehouse=str(tmp_path / "w"), batch_size=10
    )
    artifacts, task_runs = _flow_run_details(prefect_api, summary["run_id"])
    by_type = {a.type: a for a in artifacts}
    assert set(by_type) == {"markdown", "table"}
    report = str(by_type["markdown"].data)
    assert f"| notes | {summary['rows']['notes']} |" in report
    assert f"{summary['errors']} errors, {summary['warnings']} warnings" in report
    assert "looks like a binary file" in str(by_type["table"].data)
    names = sorted(t.name for t in task_runs)
    batches = [n for n in names if n.startswith("parse vault batch ")]
    assert len(batches) == -(-summary["files_seen"] // 10)
    assert f"discover {EXAMPLE_VAULT}" in names and f"load {tmp_path / 'w'}" in names
    # the example vault has a binary note: an issue, not a failed and retried batch
    assert all(t.run_count == 1 for t in task_runs), [(t.name, t.run_count) for t in task_runs]


def test_a_failed_batch_is_retried(
    prefect_api: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipelines.stages.reading
    from pipelines.flows import build_warehouse

    real = pipelines.stages.reading.read_note
    calls: list[str] = []

    def flaky(vault: Path, found: Any, tz: str, kinds: Any = ()) -> Any:
        calls.append(found.path)
        if len(calls) == 1:
            raise ConnectionResetError("the vault's network share went away")
        return real(vault, found, tz, kinds)

    monkeypatch.setattr(pipelines.stages.reading, "read_note", flaky)
    summary = build_warehouse(vault=str(EXAMPLE_VAULT), warehouse=str(tmp_path / "w"))
    assert summary["files_seen"] - summary["notes_loaded"] == summary["errors"]
    assert calls.count(calls[0]) == 2, "the first file was read again by the retried batch"
    _, task_runs = _flow_run_details(prefect_api, summary["run_id"])
    assert [t.run_count for t in task_runs if t.name.startswith("parse ")] == [2]
