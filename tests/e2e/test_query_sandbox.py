"""``notehouse query`` without --write changes nothing on disk, whatever the statement."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from pipelines.cli import main
from pipelines.runtime.failures import EXIT_FAILED, EXIT_USAGE
from tests.conftest import EXAMPLE_VAULT


@pytest.fixture(scope="module")
def built(prefect_api: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    warehouse = tmp_path_factory.mktemp("sandbox") / "warehouse"
    code = main(["build", str(EXAMPLE_VAULT), "--warehouse", str(warehouse), "--progress", "none"])
    assert code == 0
    return warehouse


def disk(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (links followed) and a digest of its bytes."""
    found = {}
    for root, _, files in os.walk(folder, followlinks=True):
        for name in files:
            path = Path(root, name)
            found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


# (case, statement; {out} is a folder outside the warehouse, {db} the database, {wh} the folder)
WRITES = [
    ("COPY a table to a file", "copy notes to '{out}/notes.csv'"),
    ("COPY a query to Parquet", "copy (select * from notes) to '{out}/n.parquet' (format parquet)"),
    ("COPY into the warehouse folder", "copy notes to '{wh}/notes.csv'"),
    ("EXPLAIN ANALYZE runs the COPY it explains", "explain analyze copy notes to '{out}/e.csv'"),
    ("EXPORT DATABASE", "export database '{out}/export'"),
    ("ATTACH a new database file", "attach '{out}/new.duckdb' as fresh"),
    ("ATTACH the same database for writing", "attach '{db}' as again (read_only false)"),
    ("INSTALL an extension", "install httpfs"),
    ("CREATE a persistent secret", "create persistent secret s (type s3, key_id 'k', secret 'v')"),
    ("INSERT", "insert into notes (note_id) values ('x')"),
    ("DELETE", "delete from notes"),
    ("UPDATE", "update notes set title = 'x'"),
    ("CREATE TABLE", "create table mine as select 1 as x"),
    ("DROP VIEW", "drop view episodes_per_year"),
    ("SET back the sandbox", "set enable_external_access = true"),
    ("reading a file outside", "select * from read_csv('/etc/passwd')"),
]


@pytest.mark.parametrize(("case", "sql"), WRITES)
def test_no_statement_writes_without_the_write_flag(
    built: Path, tmp_path: Path, case: str, sql: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    before = disk(built)
    text = sql.format(out=out, wh=built, db=built / "notehouse.duckdb")
    assert main(["query", text, "--warehouse", str(built)]) == EXIT_FAILED, case
    err = capsys.readouterr().err
    assert err.startswith("notehouse: query failed:") and len(err.strip().splitlines()) == 1
    assert disk(built) == before, case
    assert list(out.iterdir()) == [], case


def test_with_the_write_flag_copy_works(built: Path, tmp_path: Path) -> None:
    target = tmp_path / "kinds.csv"
    sql = f"copy (select kind, count(*) from notes group by 1) to '{target}'"
    assert main(["query", sql, "--warehouse", str(built), "--write"]) == 0
    assert target.read_text(encoding="utf-8").startswith("kind,")


@pytest.mark.parametrize(
    ("sql", "says"),
    [
        ("", "the query is empty"),
        ("  ;  ", "the query is empty"),
        ("select 1; select 2", "holds 2 statements"),
        ("select 1; copy notes to 'x.csv'", "holds 2 statements"),
    ],
)
def test_empty_and_several_statements_are_one_line_errors(
    built: Path, sql: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", sql, "--warehouse", str(built)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1


def test_reading_statements_still_work(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for sql in ("describe notes", "show tables", "summarize runs", "pragma version"):
        assert main(["query", sql, "--warehouse", str(built)]) == 0, sql
    assert "notes" in capsys.readouterr().out
