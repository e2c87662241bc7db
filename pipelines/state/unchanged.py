"""Starting a build from the published one instead of from nothing.

Every build leaves a stamp (``build.json``) saying what it was made from: the parser
version, a digest of the SQL and of the pipelines code, the DuckDB and PyArrow versions,
the Parquet layout, and its database file's size and mtime. When the next build's inputs
are the same, the published database is untouched since (``notehouse query --write``
changes size or mtime) and it has not grown past ``MAX_GROWTH`` times its size when last
built from scratch, the new build starts from a copy of it:

- some notes changed: the copy keeps the unchanged notes' rows, and the build deletes the
  rest and inserts what was parsed (``pipelines.stages.database.keep_previous_rows``);
- nothing changed: the note tables' Parquet is hard-linked too, and only what a run itself
  changes is rewritten: ``runs``, ``parse_issues``, ``check_results``, the checks and marts
  that read one of those (the others keep their published results) and the dashboard.

The stamp also holds a digest of every carried table's rows (``table_digests``). When some
notes changed, a table whose digest came out the same as the published build's (an edit
that touched no chapter leaves ``chapters`` as it was) keeps its published Parquet, hard-linked,
and so do the checks and marts that read only such tables.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from pipelines import PROJECT_ROOT, SQL_DIR, python_sources
from pipelines.stages.database import DB_NAME, read_sql
from pipelines.state.publish import current_build
from transforms.schema import TABLES

STAMP = "build.json"
# The tables a run writes even when no note changed; every other table is carried over.
RUN_TABLES = ("runs", "parse_issues", "check_results")
# The tables a build can carry over from the published one when their rows are the same.
CARRIED = tuple(name for name in TABLES if name not in RUN_TABLES)


# A copied database grows a little with every build (deleted rows leave free blocks);
# past this many times the size it had when last built from scratch, build from scratch.
MAX_GROWTH = 1.5


def build_inputs(version: str, partition_by_year: bool) -> dict[str, str | bool]:
    """What a build's tables depend on besides the notes: the parser version, the SQL, the
    pipelines code that writes the files, the DuckDB and PyArrow versions, the layout."""
    sql, code = hashlib.sha256(), hashlib.sha256()
    for path in sorted(SQL_DIR.rglob("*.sql")):
        sql.update(path.relative_to(SQL_DIR).as_posix().encode())
        sql.update(path.read_bytes())
    for path in python_sources("pipelines"):
        code.update(path.relative_to(PROJECT_ROOT).as_posix().encode())
        code.update(path.read_bytes())
    return {
        "parser_version": version,
        "sql": sql.hexdigest()[:16],
        "pipelines": code.hexdigest()[:16],
        "duckdb": duckdb.__version__,
        "pyarrow": pa.__version__,
        "by_year": partition_by_year,
    }


def write_stamp(
    staged: Path,
    inputs: dict[str, str | bool],
    copied_from: Path | None,
    digests: dict[str, str],
) -> None:
    """Record ``inputs``, the tables' ``digests`` and the database file's size and mtime
    (called after it is closed), and the size it had when last built from scratch
    (``copied_from``'s, for a copy)."""
    st = (staged / DB_NAME).stat()
    fresh = _stamp(copied_from).get("fresh_db_size") if copied_from else None
    stamp = {
        **inputs,
        "db_size": st.st_size,
        "db_mtime_ns": st.st_mtime_ns,
        "fresh_db_size": fresh or st.st_size,
        "tables": digests,
    }
    (staged / STAMP).write_text(json.dumps(stamp, sort_keys=True), encoding="utf-8")


def _stamp(build: Path) -> dict[str, Any]:
    try:
        found = json.loads((build / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def table_digests(con: duckdb.DuckDBPyConnection, names: Iterable[str]) -> dict[str, str]:
    """A digest of each table's rows whatever their order: the row count and the sum of the
    rows' 64-bit hashes (DuckDB's ``hash`` of every column, in the contract's order).

    Equal digests from the same DuckDB version mean the same rows, but for the chance of
    two different sets of rows summing to the same 128-bit number.
    """
    digests = {}
    for name in names:
        columns = ", ".join(f'"{column}"' for column in TABLES[name].names)
        found = con.execute(f"SELECT count(*), sum(hash({columns})) FROM {name}").fetchone()
        digests[name] = f"{found[0]}:{found[1] or 0}" if found else ""
    return digests


def stamped_digests(build: Path) -> dict[str, str]:
    """The table digests a build's stamp recorded (none for a build made before them)."""
    found = _stamp(build).get("tables")
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def same_tables(build: Path, digests: dict[str, str]) -> set[str]:
    """The tables of ``digests`` whose rows are those of the published ``build``'s."""
    recorded = stamped_digests(build)
    return {name for name, digest in digests.items() if digest and recorded.get(name) == digest}


def reusable_build(warehouse: Path, inputs: dict[str, str | bool]) -> Path | None:
    """The published build when it was made from ``inputs``, its database is untouched, and
    that database has not grown past ``MAX_GROWTH`` times its size when built from scratch."""
    build = current_build(warehouse)
    if build is None:
        return None
    stamp = _stamp(build)
    try:
        st = (build / DB_NAME).stat()
    except OSError:
        return None
    same = bool(stamp) and all(stamp.get(key) == value for key, value in inputs.items())
    untouched = stamp.get("db_size") == st.st_size and stamp.get("db_mtime_ns") == st.st_mtime_ns
    fresh = stamp.get("fresh_db_size")
    small = isinstance(fresh, int) and st.st_size <= MAX_GROWTH * fresh
    wal = (build / f"{DB_NAME}.wal").exists()
    return build if same and untouched and small and not wal else None


def base_tables(con: duckdb.DuckDBPyConnection, sql: str) -> set[str] | None:
    """The tables a statement reads, looking through the views of ``sql/views``; None when
    DuckDB cannot tell (its table-name lookup binds part of the query, and refuses some
    valid SQL, e.g. ``USING`` with a table on the left, or ``read_parquet``)."""
    try:
        names = con.get_table_names(sql)
    except duckdb.Error:
        return None
    found: set[str] = set()
    for name in names:
        view = SQL_DIR / "views" / f"{name}.sql"
        if not view.is_file():
            found.add(name)
            continue
        below = base_tables(con, view.read_text(encoding="utf-8"))
        if below is None:
            return None
        found |= below
    return found


def unaffected(
    con: duckdb.DuckDBPyConnection, kind: str, changed: Iterable[str] = RUN_TABLES
) -> set[str]:
    """The ``sql/<kind>/`` files (checks, marts) known to read none of the ``changed`` tables
    (by default the ``RUN_TABLES``: all that changes when no note did): their results are the
    published build's. A file whose tables cannot be told is counted as affected, and run
    again."""
    keep = set()
    for name, sql in read_sql(kind):
        tables = base_tables(con, sql)
        if tables is not None and not tables & set(changed):
            keep.add(name)
    return keep


def link_marts(build: Path, staged: Path, names: set[str]) -> None:
    """Hard-link the published marts ``names`` into the new build."""
    (staged / "marts").mkdir(parents=True, exist_ok=True)
    for name in sorted(names):
        source = build / "marts" / f"{name}.parquet"
        if source.is_file():
            _link(source, staged / "marts" / source.name)


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links: copy instead
        shutil.copy2(source, target)


def copy_database(build: Path, staged: Path) -> Path:
    """A copy of the published database for the new build to write to."""
    target = staged / DB_NAME
    shutil.copyfile(build / DB_NAME, target)
    return target


def link_parquet(build: Path, staged: Path, names: Iterable[str]) -> set[str]:
    """Hard-link the published Parquet of the tables ``names`` (each table's whole folder,
    year partitions included) into the new build; the names of those it found."""
    source = build / "parquet"
    linked = set()
    for folder in sorted(source / name for name in set(names)):
        if not any(folder.rglob("*.parquet")):
            continue  # not there (or emptied by hand): the caller writes it
        linked.add(folder.name)
        for path in sorted(folder.rglob("*")):
            target = staged / "parquet" / path.relative_to(source)
            if path.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            _link(path, target)
    return linked
