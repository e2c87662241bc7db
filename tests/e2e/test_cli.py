"""End to end through the command line: build the example vault, query it, check it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import main
from pipelines.config import DEFAULT_EXCLUDE, DEFAULT_INCLUDE
from pipelines.stages.discover import discover_files
from tests.conftest import EXAMPLE_VAULT, ROOT


@pytest.fixture(scope="module")
def built(prefect_api: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    warehouse = tmp_path_factory.mktemp("cli") / "warehouse"
    code = main(["build", str(EXAMPLE_VAULT), "--warehouse", str(warehouse), "--progress", "none"])
    assert code == 0
    return warehouse


def test_build_publishes_duckdb_and_parquet(built: Path) -> None:
    assert (built / "notehouse.duckdb").is_file()
    for table in ("notes", "episodes", "chapters", "parse_issues", "runs"):
        assert list((built / "parquet" / table).glob("*.parquet")), table


def test_every_file_is_in_notes_or_an_error_issue(built: Path) -> None:
    seen = {f.path for f in discover_files(EXAMPLE_VAULT, DEFAULT_INCLUDE, DEFAULT_EXCLUDE).files}
    con = duckdb.connect(str(built / "notehouse.duckdb"), read_only=True)
    notes = {r[0] for r in con.execute("select path from notes").fetchall()}
    errors = {
        r[0]
        for r in con.execute("select path from parse_issues where severity = 'error'").fetchall()
    }
    con.close()
    assert seen - notes - errors == set()
    assert notes & errors == set()
    assert errors, "the example vault has a binary file with a .md name"


def test_runs_row_counts_the_files(built: Path) -> None:
    con = duckdb.connect(str(built / "notehouse.duckdb"), read_only=True)
    seen, loaded, errors, status = con.execute(
        "select files_seen, notes_loaded, errors, status from runs"
    ).fetchone()
    n_notes = con.execute("select count(*) from notes").fetchone()[0]
    con.close()
    assert (loaded, status) == (n_notes, "published")
    assert seen >= loaded + 1 and errors >= 1


def test_query_prints_an_aligned_table(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "query",
            "select kind, count(*) as n from notes group by 1 order by 1",
            "--warehouse",
            str(built),
        ]
    )
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[0].split("|")[0].strip() == "kind" and set(out[1]) <= {"-", "+"}
    assert any(line.startswith("episode") for line in out)


def test_query_csv_and_json(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql = "select kind, count(*) as n from notes group by 1 order by 1"
    assert main(["query", sql, "--warehouse", str(built), "--format", "csv"]) == 0
    csv_lines = capsys.readouterr().out.splitlines()
    assert main(["query", sql, "--warehouse", str(built), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert csv_lines[0] == "kind,n"
    assert [f"{r['kind']},{r['n']}" for r in records] == csv_lines[1:]


def test_query_is_read_only(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "delete from notes", "--warehouse", str(built)]) == 1
    assert "read-only" in capsys.readouterr().err.lower()


def test_query_without_a_warehouse_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "select 1", "--warehouse", str(tmp_path)]) == 2
    assert "notehouse build" in capsys.readouterr().err


def test_check_passes_on_the_example_warehouse(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--warehouse", str(built)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "chapter_lengths_add_up" in out


def test_build_of_a_missing_vault_exits_2(tmp_path: Path) -> None:
    assert main(["build", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "w")]) == 2
    assert not (tmp_path / "w").exists()


@pytest.mark.parametrize("command", [[], ["build"], ["query"], ["check"], ["config"]])
def test_every_command_has_help(command: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *command, "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0
    assert "usage: notehouse" in proc.stdout


def test_build_in_a_subprocess_prints_a_summary(prefect_api: str, tmp_path: Path) -> None:
    env = {**os.environ, "PREFECT_API_URL": prefect_api}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "build",
            str(EXAMPLE_VAULT),
            "--warehouse",
            str(tmp_path / "w"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "notes loaded" in proc.stdout and "errors" in proc.stdout
    assert "parse:" in proc.stderr  # plain progress lines when not on a terminal


def test_query_writes_only_with_the_write_flag(prefect_api: str, tmp_path: Path) -> None:
    warehouse = tmp_path / "w"
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "a.md").write_text("# A\n", encoding="utf-8")
    assert main(["build", str(vault), "--warehouse", str(warehouse), "--progress", "none"]) == 0
    assert main(["query", "create table mine as select 1 as x", "--warehouse", str(warehouse)]) == 1
    assert (
        main(
            [
                "query",
                "create table mine as select 1 as x",
                "--warehouse",
                str(warehouse),
                "--write",
            ]
        )
        == 0
    )
    assert main(["query", "select x from mine", "--warehouse", str(warehouse)]) == 0
