"""The load task: stage a whole build (DuckDB, Parquet, checks, marts, dashboard), then publish.

The rows come from the Parquet parts the parse workers wrote (``pipelines.stages.parts``) and,
for unchanged notes, from the published build (``pipelines.state.unchanged``); nothing is
visible to readers until ``pipelines.state.publish`` swaps the build in with one rename.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from pipelines.report.dashboard import write_dashboard
from pipelines.report.marts import write_marts
from pipelines.stages.check import CheckResult, recorded_results, result_rows, run_checks
from pipelines.stages.database import (
    DB_NAME,
    copy_previous_rows,
    create_database,
    create_views,
    insert_arrow,
    insert_parts,
    keep_previous_rows,
    link_notes,
    write_parquet,
)
from pipelines.stages.parts import to_arrow
from pipelines.state.faults import fault_point
from pipelines.state.partitions import write_year_partitions
from pipelines.state.publish import discard, publish, staging_dir
from pipelines.state.records import with_history
from pipelines.state.unchanged import (
    CARRIED,
    RUN_TABLES,
    build_inputs,
    copy_database,
    link_marts,
    link_parquet,
    reusable_build,
    same_tables,
    stamped_digests,
    table_digests,
    unaffected,
    write_stamp,
)
from transforms.note import Row
from transforms.schema import TABLES

ISSUE_HISTORY_RUNS = 20


@dataclass(frozen=True)
class LoadJob:
    """What the load stage needs: where, this build's records, and how to lay it out."""

    warehouse: str
    run_id: str
    parts: str  # the Parquet parts the parse workers wrote
    tables: dict[str, list[Row] | pa.Table]  # the build's own records (runs, manifest, issues)
    reuse_note_ids: list[str]  # unchanged notes whose rows come from the published build
    version: str  # the parser version (``pipelines.state.manifest.code_version``)
    same_notes: bool = False  # no note file new, changed or deleted since the last build
    parsed_loaded: int = 0  # notes the parse workers loaded (their rows are in the parts)
    partition_by_year: bool = False
    dashboard: bool = True


@dataclass(frozen=True)
class Loaded:
    """What the load stage published: the checks' results and every table's row count."""

    results: list[CheckResult]
    rows: dict[str, int]


@task(
    name="load",
    task_run_name="load {job.warehouse}",
    retries=2,
    retry_delay_seconds=exponential_backoff(backoff_factor=2),
    cache_policy=NO_CACHE,
)
def load(job: LoadJob) -> Loaded:
    """Stage DuckDB + Parquet (parsed parts, rows reused from the last build), check, publish.

    ``job.tables`` holds the build's own records (runs, manifest, parse_issues); the notes'
    rows come from the Parquet parts in ``job.parts`` that the parse workers wrote. When the
    published build was made from the same inputs (parser, SQL, layout) and some notes are
    unchanged, the new build starts from a copy of its database, keeping those notes' rows;
    when no note changed at all, it also carries over its Parquet, unaffected checks and
    marts (``pipelines.state.unchanged``).
    """
    root, run_id, reuse_note_ids = Path(job.warehouse), job.run_id, job.reuse_note_ids
    arrow = to_arrow(job.tables)
    arrow["runs"] = with_history(root, "runs", arrow["runs"], None)
    recent = set(arrow["runs"].column("run_id").to_pylist()[-ISSUE_HISTORY_RUNS:])
    arrow["parse_issues"] = with_history(root, "parse_issues", arrow["parse_issues"], recent)
    inputs = build_inputs(job.version, job.partition_by_year)
    # the published build to start from: when no note changed, or when some are kept
    previous = reusable_build(root, inputs) if job.same_notes or reuse_note_ids else None
    staged = staging_dir(root, run_id)
    same = previous is not None and job.same_notes
    try:
        if previous is not None:
            get_run_logger().info("starting from a copy of build %s", previous.name)
            con = duckdb.connect(str(copy_database(previous, staged)))
        else:
            con = create_database(staged / DB_NAME)
        # the dashboard reads only the marts: it renders while the tables' Parquet is written
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="dashboard") as aside:
            try:
                if same and previous is not None:
                    results = _refresh_run_tables(con, (root, run_id, previous.name), arrow, recent)
                    digests = stamped_digests(previous) or table_digests(con, CARRIED)
                else:
                    new = (arrow, Path(job.parts), job.parsed_loaded)
                    reuse = (reuse_note_ids, previous)
                    results, digests = _fill_and_check(con, root, run_id, new, reuse, recent)
                # tables with the published build's rows keep its Parquet, and marts reading
                # only those keep theirs
                carried = same_tables(previous, digests) if previous is not None else set()
                kept = set()
                if previous is not None:
                    kept = unaffected(con, "marts", set(TABLES) - carried)
                    link_marts(previous, staged, kept)
                with _timed("marts"):
                    write_marts(con, staged / "marts", skip=kept)
                drawn = _draw_aside(aside, staged, root) if job.dashboard else None
                _write_tables(con, staged, previous, carried, job.partition_by_year)
                rows = {name: _count(con, name) for name in TABLES}
            finally:
                con.close()
        if drawn is not None:
            drawn.result()  # the dashboard's error, if any, fails the build here
        write_stamp(staged, inputs, previous, digests)
    except BaseException:
        discard(staged)  # never published: the previous warehouse stands
        raise
    publish(root, staged)  # after the swap nothing may discard this build
    return Loaded(results, rows)


def _fill_and_check(
    con: Any,
    root: Path,
    run_id: str,
    new: tuple[dict[str, pa.Table], Path, int],
    reuse: tuple[list[str], Path | None],
    recent: set[str],
) -> tuple[list[CheckResult], dict[str, str]]:
    """New rows and reused rows in, notes linked, views created, checks run and recorded;
    the results and the carried tables' digests.

    ``reuse`` is the unchanged notes' ids and the published build ``con`` is a copy of (their
    rows are already there), or None for a new database (they are copied in). In a copy, a
    check that reads only tables whose rows came out the same keeps its published result.
    """
    arrow, parts, loaded = new
    reuse_note_ids, copied = reuse
    previous = recorded_results(con, copied.name) if copied is not None else {}
    if copied is not None:
        keep_previous_rows(con, reuse_note_ids)
    for name, table in arrow.items():
        insert_arrow(con, name, table)
    insert_parts(con, parts, loaded)
    if copied is None:
        copy_previous_rows(con, root, reuse_note_ids)
    link_notes(con)
    create_views(con)
    fault_point("duckdb")
    digests = table_digests(con, CARRIED)
    known = {}
    if copied is not None:
        keep = unaffected(con, "checks", set(TABLES) - same_tables(copied, digests))
        known = {name: result for name, result in previous.items() if name in keep}
    return _check_and_record(con, root, run_id, recent, known), digests


def _refresh_run_tables(
    con: Any, runs: tuple[Path, str, str], arrow: dict[str, pa.Table], recent: set[str]
) -> list[CheckResult]:
    """In a copy of the published database: this run's records in, checks run and recorded.

    ``runs`` is the warehouse, this run's id and the published build's (its folder's name).
    A check that reads none of the run's own tables keeps its result of the published build.
    """
    root, run_id, last = runs
    previous = recorded_results(con, last)
    keep = unaffected(con, "checks")
    known = {name: result for name, result in previous.items() if name in keep}
    for name in RUN_TABLES:
        con.execute(f"DELETE FROM {name}")
    for name in ("runs", "parse_issues"):
        insert_arrow(con, name, arrow[name])
    fault_point("duckdb")
    return _check_and_record(con, root, run_id, recent, known)


def _check_and_record(
    con: Any,
    root: Path,
    run_id: str,
    recent: set[str],
    known: dict[str, CheckResult] | None = None,
) -> list[CheckResult]:
    with _timed("check"):
        results = run_checks(con, known)
    checks = pa.Table.from_pylist(result_rows(run_id, results), schema=TABLES["check_results"])
    insert_arrow(con, "check_results", with_history(root, "check_results", checks, recent))
    con.execute("CHECKPOINT")
    return results


def _write_tables(
    con: Any, staged: Path, previous: Path | None, carried: set[str], by_year: bool
) -> None:
    """Every table's Parquet: those in ``carried`` (rows the same as in the published build
    ``previous``) hard-linked from it, the rest written."""
    linked = link_parquet(previous, staged, carried) if previous is not None else set()
    written = [name for name in TABLES if name not in linked]
    write_parquet(con, staged / "parquet", written)
    if by_year:
        write_year_partitions(con, staged / "parquet", written)
    fault_point("parquet")


def _draw_aside(aside: ThreadPoolExecutor, staged: Path, root: Path) -> Future[None]:
    """Render the dashboard from ``staged``'s marts on ``aside``, in this thread's context;
    the charts the published dashboard in ``root`` drew from the same marts are reused.

    The context carries the run (its logger) and the settings the command chose (the API
    URL of the temporary server): a thread without them sent its log lines to no server,
    and Prefect then waited seconds at exit for items it could never deliver.
    """
    return aside.submit(contextvars.copy_context().run, _draw, staged, root)


def _draw(staged: Path, root: Path) -> None:
    with _timed("dashboard"):
        write_dashboard(staged / "marts", staged / "dashboard", reuse=root / "dashboard")


@contextmanager
def _timed(stage: str) -> Iterator[None]:
    """Log the seconds a stage of the load took (the bench reads these lines)."""
    tick = time.perf_counter()
    yield
    get_run_logger().info("seconds in %s: %.3f", stage, time.perf_counter() - tick)


def _count(con: Any, name: str) -> int:
    found = con.execute(f"SELECT count(*) FROM {name}").fetchone()
    return int(found[0]) if found else 0
