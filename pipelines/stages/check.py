"""Data-quality checks: every ``sql/checks/*.sql`` returns its offending rows.

A check file starts with comment lines that declare it::

    -- severity: error
    -- description: every chapter starts after the one before it
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import duckdb

from pipelines.stages.database import read_sql

_HEADER = re.compile(r"^--\s*(severity|description):\s*(.+)$", re.M)


@dataclass(frozen=True)
class CheckResult:
    check_name: str
    severity: str
    description: str
    failing_rows: int
    sample: list[dict[str, Any]]

    @property
    def passed(self) -> bool:
        return self.failing_rows == 0


def run_checks(
    con: duckdb.DuckDBPyConnection, known: Mapping[str, CheckResult] | None = None
) -> list[CheckResult]:
    """Run every check on ``con``; a check named in ``known`` is not run, its result is kept
    (the caller vouches that nothing the check reads has changed)."""
    results = []
    for name, sql in read_sql("checks"):
        if known and name in known:
            results.append(known[name])
            continue
        header = dict(_HEADER.findall(sql))
        # the offending rows once, into a temporary table: counted, then sampled
        con.execute(f"CREATE OR REPLACE TEMP TABLE check_rows AS {sql.strip().rstrip(';')}")
        try:
            count = con.execute("SELECT count(*) FROM check_rows").fetchone()
            cursor = con.execute("SELECT * FROM check_rows LIMIT 5")
            columns = [d[0] for d in cursor.description]
            sample = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        finally:
            con.execute("DROP TABLE IF EXISTS check_rows")
        results.append(
            CheckResult(
                name,
                header.get("severity", "error").strip(),
                header.get("description", name).strip(),
                int(count[0]) if count else 0,
                sample,
            )
        )
    return results


def recorded_results(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, CheckResult]:
    """The check results ``check_results`` holds for ``run_id``, by check name."""
    rows = con.execute(
        "SELECT check_name, severity, description, failing_rows, sample "
        "FROM check_results WHERE run_id = ?",
        [run_id],
    ).fetchall()
    return {
        name: CheckResult(name, severity, description, int(failing), json.loads(sample or "[]"))
        for name, severity, description, failing, sample in rows
    }


def result_rows(run_id: str, results: list[CheckResult]) -> list[dict[str, Any]]:
    return [
        {
            "run_id": run_id,
            "check_name": r.check_name,
            "severity": r.severity,
            "description": r.description,
            "failing_rows": r.failing_rows,
            "passed": r.passed,
            "sample": json.dumps(r.sample, default=str, ensure_ascii=False),
        }
        for r in results
    ]
