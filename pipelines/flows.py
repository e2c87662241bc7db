"""The Prefect flow ``build_warehouse``: discover → parse batches → load → check → publish.

The flow holds the warehouse's write lock from start to end; a build that is
killed at any moment leaves the published warehouse as it was, and the next
build clears what it left (see ``pipelines.publish``).
"""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.task_runners import TaskRunner
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from pipelines.artifacts import publish_run_report
from pipelines.check import CheckResult, recorded_results, result_rows, run_checks
from pipelines.config import DEFAULT_EXCLUDE, DEFAULT_INCLUDE
from pipelines.dashboard import write_dashboard
from pipelines.discover import Discovery, discover_files
from pipelines.faults import fault_point
from pipelines.load import (
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
from pipelines.lock import warehouse_lock
from pipelines.manifest import code_version, plan_build
from pipelines.marts import write_marts
from pipelines.partitions import write_year_partitions
from pipelines.parts import NoteOutcome, to_arrow
from pipelines.progress import report
from pipelines.publish import clean_leftovers, discard, parts_dir, publish, staging_dir
from pipelines.reading import close_pools
from pipelines.records import (
    carried_issues,
    change_counts,
    issue_rows,
    manifest_rows,
    with_history,
)
from pipelines.runners import run_batches, task_runner_for
from pipelines.unchanged import (
    RUN_TABLES,
    build_inputs,
    copy_database,
    link_marts,
    link_parquet,
    reusable_build,
    unaffected,
    write_stamp,
)
from transforms.rows import Row
from transforms.schema import TABLES

ISSUE_HISTORY_RUNS = 20


@dataclass(frozen=True)
class BuildSummary:
    run_id: str
    vault: str
    warehouse: str
    files_seen: int
    files_skipped: int
    files_new: int
    files_changed: int
    files_unchanged: int
    files_deleted: int
    notes_loaded: int
    errors: int
    warnings: int
    rows: dict[str, int]
    checks_failed: list[str]
    seconds: dict[str, float]


@task(
    name="discover",
    task_run_name="discover {vault}",
    retries=3,
    retry_delay_seconds=exponential_backoff(backoff_factor=1),
    retry_jitter_factor=0.5,
    cache_policy=NO_CACHE,
)
def discover(vault: str, include: list[str], exclude: list[str]) -> Discovery:
    return discover_files(Path(vault), tuple(include), tuple(exclude))


@dataclass(frozen=True)
class LoadOptions:
    version: str  # the parser version (``pipelines.manifest.code_version``)
    same_notes: bool = False  # no note file new, changed or deleted since the last build
    parsed_loaded: int = 0  # notes the parse workers loaded (their rows are in the parts)
    partition_by_year: bool = False
    dashboard: bool = True


@task(
    name="load",
    task_run_name="load {warehouse}",
    retries=2,
    retry_delay_seconds=exponential_backoff(backoff_factor=2),
    cache_policy=NO_CACHE,
)
def load(
    warehouse: str,
    run_id: str,
    parts: str,
    tables: dict[str, list[Row]],
    reuse_note_ids: list[str],
    options: LoadOptions,
) -> tuple[list[CheckResult], dict[str, int]]:
    """Stage DuckDB + Parquet (parsed parts, rows reused from the last build), check, publish.

    ``tables`` holds the build's own records (runs, manifest, parse_issues); the notes'
    rows come from the Parquet parts in ``parts`` that the parse workers wrote. When the
    published build was made from the same inputs (parser, SQL, layout) and some notes are
    unchanged, the new build starts from a copy of its database, keeping those notes' rows;
    when no note changed at all, it also carries over its Parquet, unaffected checks and
    marts (``pipelines.unchanged``).
    """
    root = Path(warehouse)
    arrow = to_arrow(tables)
    arrow["runs"] = with_history(root, "runs", arrow["runs"], None)
    recent = set(arrow["runs"].column("run_id").to_pylist()[-ISSUE_HISTORY_RUNS:])
    arrow["parse_issues"] = with_history(root, "parse_issues", arrow["parse_issues"], recent)
    inputs = build_inputs(options.version, options.partition_by_year)
    # the published build to start from: when no note changed, or when some are kept
    previous = reusable_build(root, inputs) if options.same_notes or reuse_note_ids else None
    staged = staging_dir(root, run_id)
    try:
        if previous is not None:
            get_run_logger().info("starting from a copy of build %s", previous.name)
            con = duckdb.connect(str(copy_database(previous, staged)))
        else:
            con = create_database(staged / DB_NAME)
        kept: set[str] = set()  # marts carried over from the published build
        try:
            if previous is not None and options.same_notes:
                results = _refresh_run_tables(con, (root, run_id, previous.name), arrow, recent)
                write_parquet(con, staged / "parquet", RUN_TABLES)
                link_parquet(previous, staged)
                kept = unaffected(con, "marts")
                link_marts(previous, staged, kept)
            else:
                new = (arrow, Path(parts), options.parsed_loaded)
                reuse = (reuse_note_ids, previous is not None)
                results = _fill_and_check(con, root, run_id, new, reuse, recent)
                write_parquet(con, staged / "parquet")
                if options.partition_by_year:
                    write_year_partitions(con, staged / "parquet")
            fault_point("parquet")
            with _timed("marts"):
                write_marts(con, staged / "marts", skip=kept)
            rows = {name: _count(con, name) for name in TABLES}
        finally:
            con.close()
        write_stamp(staged, inputs, previous)
        if options.dashboard:
            with _timed("dashboard"):
                write_dashboard(staged / "marts", staged / "dashboard")
    except BaseException:
        discard(staged)  # never published: the previous warehouse stands
        raise
    publish(root, staged)  # after the swap nothing may discard this build
    return results, rows


def _fill_and_check(
    con: Any,
    root: Path,
    run_id: str,
    new: tuple[dict[str, pa.Table], Path, int],
    reuse: tuple[list[str], bool],
    recent: set[str],
) -> list[CheckResult]:
    """New rows and reused rows in, notes linked, views created, checks run and recorded.

    ``reuse`` is the unchanged notes' ids and whether ``con`` is a copy of the published
    database (their rows are already there) rather than a new one (they are copied in).
    """
    arrow, parts, loaded = new
    reuse_note_ids, copied = reuse
    if copied:
        keep_previous_rows(con, reuse_note_ids)
    for name, table in arrow.items():
        insert_arrow(con, name, table)
    insert_parts(con, parts, loaded)
    if not copied:
        copy_previous_rows(con, root, reuse_note_ids)
    link_notes(con)
    create_views(con)
    fault_point("duckdb")
    return _check_and_record(con, root, run_id, recent)


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


@contextmanager
def _timed(stage: str) -> Iterator[None]:
    """Log the seconds a stage of the load took (the bench reads these lines)."""
    tick = time.perf_counter()
    yield
    get_run_logger().info("seconds in %s: %.3f", stage, time.perf_counter() - tick)


def _count(con: Any, name: str) -> int:
    found = con.execute(f"SELECT count(*) FROM {name}").fetchone()
    return int(found[0]) if found else 0


def _run_id() -> str:
    current = flow_run.get_id()
    return str(current) if current else uuid.uuid4().hex


@flow(name="build_warehouse", flow_run_name="build {vault}", validate_parameters=False)
def build_warehouse(
    vault: str,
    warehouse: str = "warehouse",
    batch_size: int = 500,
    timezone: str = "UTC",
    include: list[str] | None = None,
    exclude: list[str] | None = None,
    full: bool = False,
    wait: bool = False,
    task_runner: str = "threads",
    workers: int | None = None,
    dask_address: str | None = None,
    partition_by_year: bool = False,
    dashboard: bool = True,
) -> dict[str, Any]:
    """Build the warehouse for ``vault`` into ``warehouse`` and publish it in one swap.

    Unchanged notes are reused from the last build unless ``full``; ``wait`` waits
    for another build of the same warehouse instead of failing at once.
    ``task_runner`` (threads or dask), ``workers`` and ``dask_address`` choose where the
    parse batches run (``pipelines.runners``); ``partition_by_year`` writes the notes and
    episodes Parquet Hive-partitioned by year (``pipelines.partitions``).
    """
    root = Path(warehouse)
    with warehouse_lock(root, wait=wait):
        clean_leftovers(root)
        runner = task_runner_for(task_runner, workers, dask_address)
        # Threads share one core; each thread's batch is parsed on a shared process pool.
        processes = (workers or os.cpu_count() or 1) if task_runner == "threads" else 1
        try:
            return _build(
                vault,
                root,
                batch_size,
                timezone,
                include,
                exclude,
                full,
                (runner, processes),
                partition_by_year,
                dashboard,
            )
        finally:
            close_pools()


def _build(
    vault: str,
    root: Path,
    batch_size: int,
    timezone: str,
    include: list[str] | None,
    exclude: list[str] | None,
    full: bool,
    where: tuple[TaskRunner[Any], int],
    partition_by_year: bool,
    dashboard: bool = True,
) -> dict[str, Any]:
    logger = get_run_logger()
    started = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()
    seconds: dict[str, float] = {}
    run_id = _run_id()
    version = code_version()
    found = discover(vault, list(include or DEFAULT_INCLUDE), list(exclude or DEFAULT_EXCLUDE))
    plan = plan_build(found.files, root, version, full=full)
    seconds["discover"] = time.perf_counter() - clock
    logger.info(
        "vault %s: %d note files (%d to parse, %d unchanged), %d other files skipped",
        vault,
        len(found.files),
        len(plan.parse),
        len(plan.reuse),
        found.skipped,
    )

    mark = time.perf_counter()
    batches = [plan.parse[i : i + batch_size] for i in range(0, len(plan.parse), batch_size)]
    parsed: list[NoteOutcome] = []
    parts = parts_dir(root.absolute(), run_id)  # workers may run in another folder
    report("parse", 0, len(plan.parse))
    for outcomes in run_batches(vault, batches, timezone, *where, str(parts)):
        parsed.extend(outcomes)
        report("parse", len(parsed), len(plan.parse))
    fault_point("parse")
    seconds["parse"] = time.perf_counter() - mark

    issues = issue_rows(run_id, parsed, found) + carried_issues(root, plan, run_id)
    tables: dict[str, list[Row]] = {"parse_issues": issues}
    tables["manifest"] = manifest_rows(plan, parsed, version, run_id)
    severities = Counter(r["severity"] for r in issues)
    changes = change_counts(plan, parsed)
    notes_loaded = sum(1 for p in parsed if p.loaded) + sum(
        1 for f in plan.reuse if plan.previous[f.path]["loaded"]
    )
    files_seen = len(found.files) + len(found.refused)
    tables["runs"] = [
        {
            "run_id": run_id,
            "started_at": started,
            "finished_at": dt.datetime.now(dt.UTC),
            "vault": str(Path(vault).resolve()),
            "files_seen": files_seen,
            "files_new": changes["new"],
            "files_changed": changes["changed"],
            "files_deleted": changes["deleted"],
            "files_unchanged": changes["unchanged"],
            "files_parsed": len(parsed),
            "notes_loaded": notes_loaded,
            "errors": severities["error"],
            "warnings": severities["warning"],
            "status": "published",
            "parser_version": version,
        }
    ]
    mark = time.perf_counter()
    report("load", 0, 1)
    reuse_ids = [plan.previous[f.path]["note_id"] for f in plan.reuse]
    # quote(): Prefect would otherwise visit every row looking for futures (seconds per 1k notes)
    same_notes = not plan.parse and not plan.deleted and not full
    loaded = sum(1 for p in parsed if p.loaded)
    options = LoadOptions(version, same_notes, loaded, partition_by_year, dashboard)
    results, rows = load(str(root), run_id, str(parts), quote(tables), quote(reuse_ids), options)
    report("load", 1, 1)
    seconds["load"] = time.perf_counter() - mark
    seconds["total"] = time.perf_counter() - clock
    logger.info("seconds per stage: %s", " ".join(f"{k}={v:.3f}" for k, v in seconds.items()))
    failed = [r.check_name for r in results if not r.passed and r.severity == "error"]
    for name in failed:
        logger.warning("check failed: %s", name)
    summary = BuildSummary(
        run_id=run_id,
        vault=vault,
        warehouse=str(root),
        files_seen=files_seen,
        files_skipped=found.skipped,
        files_new=changes["new"],
        files_changed=changes["changed"],
        files_unchanged=changes["unchanged"],
        files_deleted=changes["deleted"],
        notes_loaded=notes_loaded,
        errors=severities["error"],
        warnings=severities["warning"],
        rows=rows,
        checks_failed=failed,
        seconds={k: round(v, 3) for k, v in seconds.items()},
    )
    publish_run_report(asdict(summary), issues, results)
    return asdict(summary)
