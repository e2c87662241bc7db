"""Reporting marts: every ``sql/marts/*.sql`` exported to ``<folder>/<name>.parquet``.

A mart states its column types with casts in its SQL, so the Parquet schema is
the same on every build and for every BI tool that reads it, whatever the data.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.load import read_sql

MARTS = "marts"


def write_marts(con: duckdb.DuckDBPyConnection, folder: Path) -> dict[str, int]:
    """Run each mart query on ``con`` and write it as zstd Parquet; rows written per mart."""
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    for name, sql in read_sql(MARTS):
        table = con.sql(sql.strip().rstrip(";")).to_arrow_table()
        # every column nullable, so the schema depends on the SQL's casts, never on the data
        schema = pa.schema([field.with_nullable(True) for field in table.schema])
        pq.write_table(table.cast(schema), folder / f"{name}.parquet", compression="zstd")
        written[name] = table.num_rows
    return written


def read_marts(folder: Path) -> dict[str, pa.Table]:
    """Every ``<folder>/*.parquet`` as an Arrow table, by mart name."""
    return {path.stem: pq.read_table(path) for path in sorted(folder.glob("*.parquet"))}
