"""The Prefect flow ``build_warehouse``: discover → parse batches → load → check → publish.

The flow holds the warehouse's write lock from start to end; a build that is
killed at any moment leaves the published warehouse as it was, and the next
build clears what it left (see ``pipelines.state.publish``).
"""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.task_runners import TaskRunner
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from pipelines.config import DEFAULT_BATCH_SIZE, DEFAULT_EXCLUDE, DEFAULT_INCLUDE, kinds_version
from pipelines.report.artifacts import publish_run_report
from pipelines.runtime.progress import report
from pipelines.runtime.runners import task_runner_for
from pipelines.stages.discover import Discovery, discover_files
from pipelines.stages.load import Loaded, LoadJob, load
from pipelines.stages.parse import ParseJob, parse_stage
from pipelines.stages.reading import close_pools
from pipelines.state.lock import warehouse_lock
from pipelines.state.manifest import code_version, plan_build
from pipelines.state.publish import clean_leftovers, parts_dir
from pipelines.state.records import BuildRecords, record_build
from pipelines.state.shrink import guard_shrink


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
    files_parsed: int
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


def _run_id() -> str:
    current = flow_run.get_id()
    return str(current) if current else uuid.uuid4().hex


@flow(name="build_warehouse", flow_run_name="build {vault}", validate_parameters=False)
def build_warehouse(
    vault: str,
    warehouse: str = "warehouse",
    batch_size: int = DEFAULT_BATCH_SIZE,
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
    kinds: list[list[str]] | None = None,
    allow_shrink: bool = False,
) -> dict[str, Any]:
    """Build the warehouse for ``vault`` into ``warehouse`` and publish it in one swap.

    Unchanged notes are reused from the last build unless ``full``; ``wait`` waits
    for another build of the same warehouse instead of failing at once.
    ``task_runner`` (threads or dask), ``workers`` and ``dask_address`` choose where the
    parse batches run (``pipelines.runtime.runners``); ``partition_by_year`` writes the notes and
    episodes Parquet Hive-partitioned by year (``pipelines.state.partitions``). A build that
    would remove most published notes stops unless ``allow_shrink`` (``pipelines.state.shrink``).
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
                kinds or [],
                allow_shrink,
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
    kinds: list[list[str]] | None = None,
    allow_shrink: bool = False,
) -> dict[str, Any]:
    """The stages in order, each passed one typed object: discover, plan, parse, record,
    load (which checks and publishes), report."""
    logger = get_run_logger()
    started = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()
    seconds: dict[str, float] = {}
    run_id = _run_id()
    version = kinds_version(code_version(), kinds)  # other [kinds] globs: parse all again
    found = discover(vault, list(include or DEFAULT_INCLUDE), list(exclude or DEFAULT_EXCLUDE))
    plan = plan_build(found.files, root, version, full=full)
    guard_shrink(plan, vault, len(found.files), allow=allow_shrink)
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
    parts = parts_dir(root.absolute(), run_id)  # workers may run in another folder
    runner, processes = where
    job = ParseJob(vault, plan.parse, timezone, batch_size, str(parts), runner, processes, kinds)
    parsed = parse_stage(job)
    seconds["parse"] = time.perf_counter() - mark

    records = record_build((run_id, started, version), vault, found, plan, parsed, root)
    mark = time.perf_counter()
    report("load", 0, 1)
    # quote(): Prefect would otherwise visit every row looking for futures (seconds per 1k notes)
    loaded = load(
        quote(
            LoadJob(
                warehouse=str(root),
                run_id=run_id,
                parts=str(parts),
                tables=records.tables(),
                reuse_note_ids=records.reuse_note_ids,
                version=version,
                same_notes=not plan.parse and not plan.deleted and not full,
                parsed_loaded=records.parsed_loaded,
                partition_by_year=partition_by_year,
                dashboard=dashboard,
            )
        )
    )
    report("load", 1, 1)
    seconds["load"] = time.perf_counter() - mark
    seconds["total"] = time.perf_counter() - clock
    logger.info("seconds per stage: %s", " ".join(f"{k}={v:.3f}" for k, v in seconds.items()))
    return _report(vault, root, found, records, loaded, seconds)


def _report(
    vault: str,
    root: Path,
    found: Discovery,
    records: BuildRecords,
    loaded: Loaded,
    seconds: dict[str, float],
) -> dict[str, Any]:
    """The build's summary, logged and sent to Prefect as the run report."""
    failed = [r.check_name for r in loaded.results if not r.passed and r.severity == "error"]
    for name in failed:
        get_run_logger().warning("check failed: %s", name)
    summary = BuildSummary(
        run_id=records.run_id,
        vault=vault,
        warehouse=str(root),
        files_seen=records.files_seen,
        files_skipped=found.skipped,
        files_new=records.changes["new"],
        files_changed=records.changes["changed"],
        files_unchanged=records.changes["unchanged"],
        files_deleted=records.changes["deleted"],
        files_parsed=records.files_parsed,
        notes_loaded=records.notes_loaded,
        errors=records.severities["error"],
        warnings=records.severities["warning"],
        rows=loaded.rows,
        checks_failed=failed,
        seconds={k: round(v, 3) for k, v in seconds.items()},
    )
    publish_run_report(asdict(summary), records.parse_issues, loaded.results)
    return asdict(summary)
