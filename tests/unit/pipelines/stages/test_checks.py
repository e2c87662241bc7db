"""The data-quality checks on a small database: each finds what it is about, known results
are kept without running, and the checks a run's own tables cannot affect are named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from pipelines.stages.check import CheckResult, recorded_results, result_rows, run_checks
from pipelines.stages.database import create_database, create_views, insert_arrow
from pipelines.stages.parts import arrow_table
from pipelines.state.unchanged import base_tables, unaffected

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _run(run_id: str) -> dict[str, object]:
    return {"run_id": run_id, "started_at": NOW, "finished_at": NOW, "status": "published"}


def _issue(run_id: str, severity: str) -> dict[str, object]:
    return {
        "run_id": run_id,
        "path": "a.md",
        "severity": severity,
        "stage": "parse",
        "message": "m",
    }


@pytest.fixture()
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    connection = create_database(tmp_path / "w.duckdb")
    create_views(connection)
    return connection


def _failing(results: list[CheckResult]) -> dict[str, int]:
    return {r.check_name: r.failing_rows for r in results if not r.passed}


def test_an_empty_warehouse_passes_every_check(con: duckdb.DuckDBPyConnection) -> None:
    results = run_checks(con)
    assert len(results) >= 9 and _failing(results) == {}


@pytest.mark.parametrize(
    ("runs", "issues", "failing"),
    [
        (["r1", "r1"], [], 1),  # one run id twice
        (["r1"], [("r1", "fatal")], 1),  # a severity outside its set
        (["r1", "r1"], [("r1", "fatal"), ("r1", "warning")], 2),
        (["r1", "r2"], [("r1", "error"), ("r2", "warning")], 0),
    ],
    ids=["duplicate run", "bad severity", "both", "sound"],
)
def test_run_records_valid(
    con: duckdb.DuckDBPyConnection,
    runs: list[str],
    issues: list[tuple[str, str]],
    failing: int,
) -> None:
    insert_arrow(con, "runs", arrow_table("runs", [_run(r) for r in runs]))
    insert_arrow(con, "parse_issues", arrow_table("parse_issues", [_issue(*i) for i in issues]))
    assert _failing(run_checks(con)).get("run_records_valid", 0) == failing


def test_known_results_are_kept_without_running(con: duckdb.DuckDBPyConnection) -> None:
    insert_arrow(con, "runs", arrow_table("runs", [_run("r1"), _run("r1")]))
    stale = CheckResult("run_records_valid", "error", "kept", 0, [])
    results = {r.check_name: r for r in run_checks(con, {"run_records_valid": stale})}
    assert results["run_records_valid"] is stale


def test_recorded_results_read_back_what_was_written(con: duckdb.DuckDBPyConnection) -> None:
    insert_arrow(con, "runs", arrow_table("runs", [_run("r1"), _run("r1")]))
    results = run_checks(con)
    insert_arrow(con, "check_results", arrow_table("check_results", result_rows("r1", results)))
    back = recorded_results(con, "r1")
    assert sorted(back) == sorted(r.check_name for r in results)
    assert back["run_records_valid"].failing_rows == 1
    assert back["run_records_valid"].sample[0]["value"] == "r1"


def test_base_tables_look_through_views(con: duckdb.DuckDBPyConnection) -> None:
    # a mart reading a view depends on the tables under the view, not on the view's name
    tables = base_tables(con, "select * from revenue_timeline")
    assert "money_mentions" in tables and "revenue_timeline" not in tables


def test_only_checks_and_marts_of_run_tables_are_affected(con: duckdb.DuckDBPyConnection) -> None:
    checks = unaffected(con, "checks")
    assert "run_records_valid" not in checks
    assert {"keys_unique", "values_in_their_sets", "chapters_in_order"} <= checks
    marts = unaffected(con, "marts")
    assert "run_issues" not in marts and "note_facts" in marts


@pytest.mark.parametrize(
    ("table", "rows", "failing"),
    [
        ("fields", [{"note_id": "n", "ordinal": 1}, {"note_id": "n", "ordinal": 1}], 1),
        ("fields", [{"note_id": "n", "ordinal": 1}, {"note_id": "n", "ordinal": 2}], 0),
        ("chapters", [{"note_id": "n", "ordinal": 3}] * 3, 1),
        ("manifest", [{"path": "a.md"}, {"path": "a.md"}, {"path": "b.md"}], 1),
        ("episodes", [{"note_id": "e"}, {"note_id": "e"}], 1),
    ],
    ids=["fields twice", "fields apart", "chapter thrice", "manifest path twice", "episode twice"],
)
def test_keys_unique(
    con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, object]], failing: int
) -> None:
    insert_arrow(con, table, arrow_table(table, rows))
    assert _failing(run_checks(con)).get("keys_unique", 0) == failing


def test_sql_duckdb_cannot_read_for_tables_counts_as_affected(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # valid SQL that DuckDB's table lookup refuses: a table on the left of USING
    assert base_tables(con, "select * from notes n join tags t using (note_id)") is None
    assert base_tables(con, "select count(*) from notes") == {"notes"}
