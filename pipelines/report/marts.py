"""Reporting marts: every ``sql/marts/*.sql`` exported to ``<folder>/<name>.parquet``.

A mart states its column types with casts in its SQL, so the Parquet schema is
the same on every build and for every BI tool that reads it, whatever the data.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.stages.database import in_threads, read_sql

MARTS = "marts"


def write_marts(
    con: duckdb.DuckDBPyConnection, folder: Path, skip: Collection[str] = ()
) -> dict[str, int]:
    """Run each mart query on ``con`` (but those in ``skip``) and write it as zstd Parquet,
    side by side on threads; rows written per mart."""
    folder.mkdir(parents=True, exist_ok=True)
    queries = {name: sql for name, sql in read_sql(MARTS) if name not in skip}
    written: dict[str, int] = {}

    def write(cursor: duckdb.DuckDBPyConnection, name: str) -> None:
        table = cursor.sql(queries[name].strip().rstrip(";")).to_arrow_table()
        # every column nullable, so the schema depends on the SQL's casts, never on the data
        schema = pa.schema([field.with_nullable(True) for field in table.schema])
        pq.write_table(table.cast(schema), folder / f"{name}.parquet", compression="zstd")
        written[name] = table.num_rows

    in_threads(con, write, list(queries))
    return {name: written[name] for name in queries}
