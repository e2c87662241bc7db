"""The Prefect flow ``build_warehouse``: discover → parse batches → load → check → publish."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from pipelines.check import CheckResult, result_rows, run_checks
from pipelines.config import DEFAULT_EXCLUDE, DEFAULT_INCLUDE
from pipelines.discover import Discovery, discover_files
from pipelines.load import DB_NAME, read_previous, to_arrow, write_duckdb, write_parquet
from pipelines.parse import parse_batch
from pipelines.progress import report
from pipelines.publish import discard, publish, staging_dir
from transforms.ids import note_id
from transforms.rows import PARSER_VERSION, ParsedNote, Row
from transforms.schema import TABLES
from transforms.vault import link_notes

ISSUE_HISTORY_RUNS = 20


@dataclass(frozen=True)
class BuildSummary:
    run_id: str
    vault: str
    warehouse: str
    files_seen: int
    files_skipped: int
    notes_loaded: int
    errors: int
    warnings: int
    rows: dict[str, int]
    checks_failed: list[str]
    seconds: dict[str, float]


@task(name="discover", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def discover(vault: str, include: list[str], exclude: list[str]) -> Discovery:
    return discover_files(Path(vault), tuple(include), tuple(exclude))


def _issue_rows(run_id: str, parsed: list[ParsedNote], discovery: Discovery) -> list[Row]:
    rows: list[Row] = [
        {
            "run_id": run_id,
            "path": r.path,
            "note_id": note_id(r.path),
            "severity": "error",
            "stage": "discover",
            "message": r.message,
            "line": None,
        }
        for r in discovery.refused
    ]
    for p in parsed:
        rows += [
            {
                "run_id": run_id,
                "path": p.path,
                "note_id": p.note_id if p.loaded else None,
                "severity": i.severity,
                "stage": i.stage,
                "message": i.message,
                "line": i.line,
            }
            for i in p.issues
        ]
        if not p.loaded and not any(i.severity == "error" for i in p.issues):
            rows.append(
                {
                    "run_id": run_id,
                    "path": p.path,
                    "note_id": None,
                    "severity": "error",
                    "stage": "parse",
                    "message": "the note produced no rows",
                    "line": None,
                }
            )
    return rows


def _changes(warehouse: Path, parsed: list[ParsedNote]) -> dict[str, int]:
    previous = read_previous(warehouse, "notes")
    before: dict[str, str] = {}
    if previous is not None:
        before = dict(
            zip(
                previous.column("path").to_pylist(),
                previous.column("content_sha256").to_pylist(),
                strict=True,
            )
        )
    counts: Counter[str] = Counter()
    for p in parsed:
        sha = p.rows["notes"][0]["content_sha256"] if p.loaded else None
        if p.path not in before:
            counts["new"] += 1
        elif sha is None or before[p.path] != sha:
            counts["changed"] += 1
        else:
            counts["unchanged"] += 1
    seen = {p.path for p in parsed}
    counts["deleted"] = sum(1 for path in before if path not in seen)
    return dict(counts)


def _with_history(
    warehouse: Path, name: str, current: pa.Table, runs_kept: set[str] | None
) -> pa.Table:
    previous = read_previous(warehouse, name)
    if previous is None:
        return current
    if runs_kept is not None:
        keep = [r in runs_kept for r in previous.column("run_id").to_pylist()]
        previous = previous.filter(pa.array(keep, type=pa.bool_()))
    return pa.concat_tables([previous, current])


@task(name="load", cache_policy=NO_CACHE)
def load(
    warehouse: str, run_id: str, tables: dict[str, list[Row]]
) -> tuple[list[CheckResult], dict[str, int]]:
    """Stage Parquet + DuckDB, run the checks, then publish atomically."""
    root = Path(warehouse)
    root.mkdir(parents=True, exist_ok=True)
    arrow = to_arrow(tables)
    arrow["runs"] = _with_history(root, "runs", arrow["runs"], None)
    recent = set(arrow["runs"].column("run_id").to_pylist()[-ISSUE_HISTORY_RUNS:])
    arrow["parse_issues"] = _with_history(root, "parse_issues", arrow["parse_issues"], recent)
    staged = staging_dir(root, run_id)
    try:
        write_duckdb(arrow, staged / DB_NAME)
        con = duckdb.connect(str(staged / DB_NAME))
        try:
            results = run_checks(con)
            check_table = pa.Table.from_pylist(
                result_rows(run_id, results), schema=TABLES["check_results"]
            )
            arrow["check_results"] = _with_history(root, "check_results", check_table, recent)
            con.execute("DELETE FROM check_results")
            con.register("incoming", arrow["check_results"])
            con.execute("INSERT INTO check_results SELECT * FROM incoming")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        write_parquet(arrow, staged / "parquet")
        publish(root, staged)
    except BaseException:
        discard(staged)
        raise
    return results, {name: table.num_rows for name, table in arrow.items()}


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
) -> dict[str, Any]:
    """Build the warehouse for ``vault`` into ``warehouse`` and publish it in one swap."""
    logger = get_run_logger()
    started = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()
    seconds: dict[str, float] = {}
    run_id = _run_id()
    found = discover(vault, list(include or DEFAULT_INCLUDE), list(exclude or DEFAULT_EXCLUDE))
    seconds["discover"] = time.perf_counter() - clock
    logger.info(
        "vault %s: %d note files, %d other files skipped", vault, len(found.files), found.skipped
    )

    mark = time.perf_counter()
    batches = [found.files[i : i + batch_size] for i in range(0, len(found.files), batch_size)]
    futures = [parse_batch.submit(vault, batch, timezone, n) for n, batch in enumerate(batches, 1)]
    parsed: list[ParsedNote] = []
    report("parse", 0, len(found.files))
    for future in futures:
        parsed.extend(future.result())
        report("parse", len(parsed), len(found.files))
    tables = link_notes(parsed)
    seconds["parse"] = time.perf_counter() - mark

    issues = _issue_rows(run_id, parsed, found)
    tables["parse_issues"] = issues
    severities = Counter(r["severity"] for r in issues)
    changes = _changes(Path(warehouse), parsed)
    notes_loaded = len(tables["notes"])
    tables["runs"] = [
        {
            "run_id": run_id,
            "started_at": started,
            "finished_at": dt.datetime.now(dt.UTC),
            "vault": str(Path(vault).resolve()),
            "files_seen": len(found.files) + len(found.refused),
            "files_new": changes.get("new", 0),
            "files_changed": changes.get("changed", 0),
            "files_deleted": changes.get("deleted", 0),
            "files_unchanged": changes.get("unchanged", 0),
            "notes_loaded": notes_loaded,
            "errors": severities["error"],
            "warnings": severities["warning"],
            "status": "published",
            "parser_version": PARSER_VERSION,
        }
    ]
    mark = time.perf_counter()
    report("load", 0, 1)
    results, rows = load(warehouse, run_id, tables)
    report("load", 1, 1)
    seconds["load"] = time.perf_counter() - mark
    seconds["total"] = time.perf_counter() - clock
    failed = [r.check_name for r in results if not r.passed and r.severity == "error"]
    for name in failed:
        logger.warning("check failed: %s", name)
    summary = BuildSummary(
        run_id=run_id,
        vault=vault,
        warehouse=warehouse,
        files_seen=len(found.files) + len(found.refused),
        files_skipped=found.skipped,
        notes_loaded=notes_loaded,
        errors=severities["error"],
        warnings=severities["warning"],
        rows=rows,
        checks_failed=failed,
        seconds={k: round(v, 3) for k, v in seconds.items()},
    )
    return asdict(summary)
