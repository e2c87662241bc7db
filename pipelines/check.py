"""Data-quality checks: every ``sql/checks/*.sql`` returns its offending rows.

A check file starts with comment lines that declare it::

    -- severity: error
    -- description: every chapter starts after the one before it
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import duckdb

from pipelines.load import read_sql

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


def run_checks(con: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    results = []
    for name, sql in read_sql("checks"):
        header = dict(_HEADER.findall(sql))
        query = sql.strip().rstrip(";")
        count = con.execute(f"SELECT count(*) FROM ({query})").fetchone()
        failing = int(count[0]) if count else 0
        cursor = con.execute(f"SELECT * FROM ({query}) LIMIT 5")
        columns = [d[0] for d in cursor.description]
        sample = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        results.append(
            CheckResult(
                name,
                header.get("severity", "error").strip(),
                header.get("description", name).strip(),
                failing,
                sample,
            )
        )
    return results


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
