"""Rows → typed Arrow tables → Parquet files and a DuckDB database, in a staging folder."""

from __future__ import annotations

import decimal
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipelines import SQL_DIR
from transforms.schema import NOTE_TABLES, TABLES

DB_NAME = "notehouse.duckdb"


def _quantize(rows: Sequence[dict[str, Any]], schema: pa.Schema) -> Sequence[dict[str, Any]]:
    """Round Decimals to their column's scale so pyarrow never refuses a value."""
    scales = {f.name: f.type.scale for f in schema if pa.types.is_decimal(f.type)}
    if not scales or not rows:
        return rows
    out = []
    for row in rows:
        row = dict(row)
        for name, scale in scales.items():
            value = row.get(name)
            if isinstance(value, decimal.Decimal):
                row[name] = value.quantize(decimal.Decimal(1).scaleb(-scale))
        out.append(row)
    return out


def to_arrow(tables: Mapping[str, Sequence[dict[str, Any]]]) -> dict[str, pa.Table]:
    """Every contract table as an Arrow table with its declared schema (empty ones too)."""
    return {
        name: pa.Table.from_pylist(list(_quantize(tables.get(name, []), schema)), schema=schema)
        for name, schema in TABLES.items()
    }


def write_parquet(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """``root/<table>/part-0.parquet`` for every contract table, with its declared schema."""
    for name, schema in TABLES.items():
        table = con.sql(f"SELECT * FROM {name}").to_arrow_table().cast(schema)
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / "part-0.parquet", compression="zstd")


def read_sql(kind: str) -> list[tuple[str, str]]:
    """(object name, SQL text) for every ``sql/<kind>/*.sql``, sorted by name."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((SQL_DIR / kind).glob("*.sql"))]


# Cross-note steps, in order: each reads what the one before it wrote.
LINK_STEPS = ("wikilink_targets", "mentioned_appearances", "people")


def insert_arrow(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    cols = ", ".join(table.schema.names)
    con.register("incoming", table)
    try:
        con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM incoming")
    finally:
        con.unregister("incoming")


def create_database(path: Path) -> duckdb.DuckDBPyConnection:
    """A new DuckDB file with every contract table from ``sql/schema``, empty."""
    con = duckdb.connect(str(path))
    for _, ddl in read_sql("schema"):
        con.execute(ddl)
    return con


def copy_previous_rows(
    con: duckdb.DuckDBPyConnection, warehouse: Path, note_ids: list[str]
) -> None:
    """Copy the rows of unchanged notes from the published Parquet tables into ``con``."""
    if not note_ids:
        return
    con.execute(
        "CREATE OR REPLACE TEMP TABLE reused AS SELECT unnest(?::VARCHAR[]) AS note_id", [note_ids]
    )
    for name in NOTE_TABLES:
        folder = warehouse / "parquet" / name
        if folder.is_dir():
            # ``**`` also finds the files of a table written Hive-partitioned by year
            files = str(folder.resolve() / "**" / "*.parquet").replace("'", "''")
            con.execute(
                f"INSERT INTO {name} BY NAME SELECT * "
                f"FROM read_parquet('{files}', hive_partitioning = false) "
                "WHERE note_id IN (SELECT note_id FROM reused)"
            )
    con.execute("DROP TABLE reused")


def link_notes(con: duckdb.DuckDBPyConnection) -> None:
    """Fill the cross-note columns and tables: wikilink targets, mentions, people."""
    con.execute("DELETE FROM people")
    con.execute("UPDATE wikilinks SET target_note_id = NULL")
    con.execute("DELETE FROM appearances WHERE role = 'mentioned' AND source_key = 'wikilink'")
    for step in LINK_STEPS:
        con.execute((SQL_DIR / "link" / f"{step}.sql").read_text(encoding="utf-8"))


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create every ``sql/views/*.sql``; a view that reads another is retried after it."""
    pending = read_sql("views")
    while pending:
        failed: list[tuple[str, str]] = []
        error: duckdb.Error | None = None
        for name, sql in pending:
            try:
                con.execute(f"CREATE OR REPLACE VIEW {name} AS\n{sql.strip().rstrip(';')}")
            except (duckdb.CatalogException, duckdb.BinderException) as exc:  # reads a later view
                failed.append((name, sql))
                error = exc
        if len(failed) == len(pending) and error is not None:
            raise error
        pending = failed


def read_previous(warehouse: Path, table: str) -> pa.Table | None:
    """A table of the published warehouse, for history kept across runs (runs, parse_issues)."""
    folder = warehouse / "parquet" / table
    if not folder.is_dir():
        return None
    try:
        previous = pq.read_table(folder)
        return previous.select(TABLES[table].names).cast(TABLES[table])
    except (OSError, pa.ArrowException, KeyError):
        return None
