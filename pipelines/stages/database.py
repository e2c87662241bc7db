"""Rows → typed Arrow tables → Parquet files and a DuckDB database, in a staging folder."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipelines import SQL_DIR
from pipelines.stages.parts import part_files
from transforms.schema import NOTE_TABLES, TABLES

DB_NAME = "notehouse.duckdb"


# Rows per Arrow batch when a table is streamed from DuckDB into its Parquet file.
EXPORT_BATCH_ROWS = 64_000


def write_parquet(
    con: duckdb.DuckDBPyConnection, root: Path, names: Iterable[str] = tuple(TABLES)
) -> None:
    """``root/<table>/part-0.parquet`` for each of ``names`` (every contract table unless
    told), with its declared schema.

    Each table is streamed batch by batch, so a large table is never held in memory whole;
    tables are written side by side, one DuckDB cursor per thread (both DuckDB and the
    Parquet writer work outside the GIL).
    """

    def write(cursor: duckdb.DuckDBPyConnection, name: str) -> None:
        schema = TABLES[name]
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        reader = cursor.sql(f"SELECT * FROM {name}").to_arrow_reader(EXPORT_BATCH_ROWS)
        with pq.ParquetWriter(folder / "part-0.parquet", schema, compression="zstd") as out:
            for batch in reader:
                out.write_batch(batch.cast(schema))

    in_threads(con, write, list(names))


def in_threads(
    con: duckdb.DuckDBPyConnection,
    work: Callable[[duckdb.DuckDBPyConnection, str], object],
    names: Sequence[str],
) -> None:
    """``work(cursor, name)`` for every name, on one thread per CPU, each with its own cursor."""

    def run(name: str) -> None:
        cursor = con.cursor()
        try:
            work(cursor, name)
        finally:
            cursor.close()

    with ThreadPoolExecutor(max_workers=max(1, min(len(names), os.cpu_count() or 1))) as pool:
        list(pool.map(run, names))  # list(): raise the first error of any of them


def insert_parts(con: duckdb.DuckDBPyConnection, parts: Path, loaded: int) -> None:
    """Insert the rows the parse workers wrote to ``parts`` (``pipelines.stages.parts``).

    ``loaded`` is how many parsed notes the workers said they loaded; if the parts hold
    another number of notes, they were written somewhere this process cannot see (a Dask
    worker on another machine, say) and the build stops rather than publish without them.
    """
    notes = sum(pq.ParquetFile(f).metadata.num_rows for f in part_files(parts, "notes"))
    if notes != loaded:
        raise RuntimeError(
            f"the parse workers loaded {loaded} notes but {parts} holds {notes}; with "
            "--dask-address every worker must see the warehouse folder at the same absolute "
            "path (shared storage), as it must see the vault"
        )
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


# Cross-note steps, in order: each reads what the one before it wrote (``reset`` clears
# what the last build linked).
LINK_STEPS = ("reset", "wikilink_targets", "mentioned_appearances", "people")


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


def keep_previous_rows(con: duckdb.DuckDBPyConnection, note_ids: list[str]) -> None:
    """In a copy of the published database: keep the rows of the unchanged notes ``note_ids``
    (exactly what ``copy_previous_rows`` copies into a new database) and empty every other
    table, which the build fills again."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE reused AS SELECT unnest(?::VARCHAR[]) AS note_id", [note_ids]
    )
    for name in TABLES:
        if name in NOTE_TABLES:
            con.execute(
                f"DELETE FROM {name} "
                "WHERE note_id IS NULL OR note_id NOT IN (SELECT note_id FROM reused)"
            )
        else:
            con.execute(f"DELETE FROM {name}")
    con.execute("DROP TABLE reused")


def link_notes(con: duckdb.DuckDBPyConnection) -> None:
    """Fill the cross-note columns and tables: wikilink targets, mentions, people."""
    for step in LINK_STEPS:
        con.execute((SQL_DIR / "link" / f"{step}.sql").read_text(encoding="utf-8"))


def view_order(views: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The views in an order where each comes after every view it reads (named after a
    ``from`` or ``join`` in its SQL): round by round, the views whose reads are all created,
    by name. A cycle is an error that names the views in it.

    >>> [n for n, _ in view_order([("b", "select * from a"), ("a", "select 1"), ("c", "")])]
    ['a', 'c', 'b']
    """
    sql_of = dict(views)
    reads = {
        name: {
            other
            for other in sql_of
            if other != name and re.search(rf"\b(?:from|join)\s+{other}\b", sql, re.I)
        }
        for name, sql in views
    }
    ordered: list[str] = []
    while len(ordered) < len(reads):
        ready = sorted(n for n, r in reads.items() if n not in ordered and r <= set(ordered))
        if not ready:
            stuck = sorted(set(reads) - set(ordered))
            raise ValueError(f"sql/views read each other in a cycle: {', '.join(stuck)}")
        ordered += ready
    return [(name, sql_of[name]) for name in ordered]


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create every ``sql/views/*.sql``, each after the views it reads."""
    for name, sql in view_order(read_sql("views")):
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
