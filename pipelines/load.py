"""Rows → typed Arrow tables → Parquet files and a DuckDB database, in a staging folder."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipelines import SQL_DIR
from pipelines.parts import part_files
from transforms.schema import NOTE_TABLES, TABLES

DB_NAME = "notehouse.duckdb"


# Rows per Arrow batch when a table is streamed from DuckDB into its Parquet file.
EXPORT_BATCH_ROWS = 64_000


def write_parquet(
    con: duckdb.DuckDBPyConnection, root: Path, names: Iterable[str] = tuple(TABLES)
) -> None:
    """``root/<table>/part-0.parquet`` for each of ``names`` (every contract table unless
    told), with its declared schema.

    Each table is streamed batch by batch, so a large table is never held in memory whole.
    """
    for name in names:
        schema = TABLES[name]
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        reader = con.sql(f"SELECT * FROM {name}").to_arrow_reader(EXPORT_BATCH_ROWS)
        with pq.ParquetWriter(folder / "part-0.parquet", schema, compression="zstd") as out:
            for batch in reader:
                out.write_batch(batch.cast(schema))


def insert_parts(con: duckdb.DuckDBPyConnection, parts: Path) -> None:
    """Insert the rows the parse workers wrote to ``parts`` (``pipelines.parts``)."""
    for name in NOTE_TABLES:
        files = part_files(parts, name)
        if files:
            con.execute(
                f"INSERT INTO {name} BY NAME SELECT * FROM read_parquet(?)",
                [[str(f) for f in files]],
            )


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
