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
from transforms.schema import TABLES

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


def write_parquet(tables: Mapping[str, pa.Table], root: Path) -> None:
    """``root/<table>/part-0.parquet`` for each table, zstd-compressed."""
    for name, table in tables.items():
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / "part-0.parquet", compression="zstd")


def read_sql(kind: str) -> list[tuple[str, str]]:
    """(object name, SQL text) for every ``sql/<kind>/*.sql``, sorted by name."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((SQL_DIR / kind).glob("*.sql"))]


def write_duckdb(tables: Mapping[str, pa.Table], path: Path) -> None:
    """Create the contract tables from ``sql/schema``, fill them, then create the views."""
    con = duckdb.connect(str(path))
    try:
        for _, ddl in read_sql("schema"):
            con.execute(ddl)
        for name, table in tables.items():
            cols = ", ".join(table.schema.names)
            con.register("incoming", table)
            con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM incoming")
            con.unregister("incoming")
        create_views(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    for name, sql in read_sql("views"):
        con.execute(f"CREATE OR REPLACE VIEW {name} AS\n{sql.strip().rstrip(';')}")


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
