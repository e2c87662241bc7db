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
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.task_runners import TaskRunner
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from pipelines.config import DEFAULT_BATCH_SIZE, DEFAULT_EXCLUDE, DEFAULT_INCLUDE
from pipelines.report.artifacts import publish_run_report
from pipelines.runtime.progress import report
from pipelines.runtime.runners import run_batches, task_runner_for
from pipelines.stages.discover import Discovery, discover_files
from pipelines.stages.load import LoadOptions, load
from pipelines.stages.parts import NoteOutcome
from pipelines.stages.reading import close_pools
from pipelines.state.faults import fault_point
from pipelines.state.lock import warehouse_lock
from pipelines.state.manifest import code_version, plan_build
from pipelines.state.publish import clean_leftovers, parts_dir
from pipelines.state.records import (
    carried_issues,
    change_counts,
    issue_rows,
    manifest_rows,
)
from pipelines.state.shrink import guard_shrink
from transforms.note import Row


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
    allow_shrink: bool = False,
) -> dict[str, Any]:
    logger = get_run_logger()
    started = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()
    seconds: dict[str, float] = {}
    run_id = _run_id()
    version = code_version()
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
    reused = plan.reused()
    tables: dict[str, list[Row] | pa.Table] = {"parse_issues": issues}
    tables["manifest"] = manifest_rows(plan, parsed, version, run_id, reused)
    severities = Counter(r["severity"] for r in issues)
    changes = change_counts(plan, parsed)
    loaded_before = reused.column("loaded").to_pylist().count(True)
    notes_loaded = sum(1 for p in parsed if p.loaded) + loaded_before
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
    reuse_ids = reused.column("note_id").to_pylist()
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
        files_parsed=len(parsed),
        notes_loaded=notes_loaded,
        errors=severities["error"],
        warnings=severities["warning"],
        rows=rows,
        checks_failed=failed,
        seconds={k: round(v, 3) for k, v in seconds.items()},
    )
    publish_run_report(asdict(summary), issues, results)
    return asdict(summary)
