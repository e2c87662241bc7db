"""Hive-partitioned Parquet: ``notes`` by the year of ``note_date``, ``episodes`` by the year
of ``published_date`` (``notehouse build --partition-by-year``).

The layout is ``parquet/notes/note_year=2021/part-0.parquet``; a note without a date lands in
``note_year=__HIVE_DEFAULT_PARTITION__``, which DuckDB, Spark and Trino read as NULL. The data
files keep every contract column; the year exists only in the folder name, so an engine that
reads with Hive partitioning sees one extra column (``note_year`` / ``published_year``) and can
skip whole years when a query filters on it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from transforms.schema import TABLES

# table -> (the DATE column whose year partitions it, the partition column)
YEAR_PARTITIONS = {
    "notes": ("note_date", "note_year"),
    "episodes": ("published_date", "published_year"),
}


def write_year_partitioned(
    table: pa.Table, folder: Path, date_column: str, year_column: str
) -> None:
    """Replace ``folder`` by ``table`` as ``folder/<year_column>=<year>/part-0.parquet``."""
    years = pc.year(table[date_column]).cast(pa.int32())
    data = table.append_column(year_column, years)
    if folder.exists():
        shutil.rmtree(folder)
    ds.write_dataset(
        data,
        folder,
        format="parquet",
        partitioning=ds.partitioning(pa.schema([(year_column, pa.int32())]), flavor="hive"),
        basename_template="part-{i}.parquet",
        file_options=ds.ParquetFileFormat().make_write_options(compression="zstd"),
        existing_data_behavior="delete_matching",
    )
    if not any(folder.rglob("*.parquet")):  # an empty table still gets a file with its schema
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / "part-0.parquet", compression="zstd")


def write_year_partitions(
    con: duckdb.DuckDBPyConnection, root: Path, names: Iterable[str] = tuple(YEAR_PARTITIONS)
) -> None:
    """Rewrite ``root/<table>/`` Hive-partitioned by year for the tables of ``YEAR_PARTITIONS``
    among ``names``."""
    for name, (date_column, year_column) in YEAR_PARTITIONS.items():
        if name not in names:
            continue
        table = con.sql(f"SELECT * FROM {name}").to_arrow_table().cast(TABLES[name])
        write_year_partitioned(table, root / name, date_column, year_column)
