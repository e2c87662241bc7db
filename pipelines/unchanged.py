"""A re-run with nothing changed: the new build starts from the published one.

When no note file is new, changed or deleted, the parser version and every SQL file
are the same, and the published database has not been written to since its build
(``notehouse query --write``), the notes' rows of the new build would be exactly the
rows of the published one. So the new build copies the published DuckDB file,
hard-links the published Parquet of the note tables, and rewrites only what a run
itself changes: ``runs``, ``parse_issues``, ``check_results``, the checks and marts
that read one of those (the others keep their published results) and the dashboard.
Every build leaves a stamp (``build.json``) saying what it was made from, which is
how the next build tells.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import duckdb

from pipelines import SQL_DIR
from pipelines.load import DB_NAME, read_sql
from pipelines.publish import current_build

STAMP = "build.json"
# The tables a run writes even when no note changed; every other table is carried over.
RUN_TABLES = ("runs", "parse_issues", "check_results")


def build_inputs(version: str, partition_by_year: bool) -> dict[str, str | bool]:
    """What a build's tables depend on besides the notes: parser version, SQL, layout."""
    digest = hashlib.sha256()
    for path in sorted(SQL_DIR.rglob("*.sql")):
        digest.update(path.relative_to(SQL_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return {"parser_version": version, "sql": digest.hexdigest()[:16], "by_year": partition_by_year}


def write_stamp(staged: Path, inputs: dict[str, str | bool]) -> None:
    """Record ``inputs`` and the database file's size and mtime (called after it is closed)."""
    st = (staged / DB_NAME).stat()
    stamp = {**inputs, "db_size": st.st_size, "db_mtime_ns": st.st_mtime_ns}
    (staged / STAMP).write_text(json.dumps(stamp, sort_keys=True), encoding="utf-8")


def reusable_build(warehouse: Path, inputs: dict[str, str | bool]) -> Path | None:
    """The published build when it was made from ``inputs`` and its database is untouched."""
    build = current_build(warehouse)
    if build is None:
        return None
    try:
        stamp = json.loads((build / STAMP).read_text(encoding="utf-8"))
        st = (build / DB_NAME).stat()
    except (OSError, ValueError):
        return None
    same = all(stamp.get(key) == value for key, value in inputs.items())
    untouched = stamp.get("db_size") == st.st_size and stamp.get("db_mtime_ns") == st.st_mtime_ns
    wal = (build / f"{DB_NAME}.wal").exists()
    return build if same and untouched and not wal else None


def base_tables(con: duckdb.DuckDBPyConnection, sql: str) -> set[str]:
    """The tables a statement reads, looking through the views of ``sql/views``."""
    found: set[str] = set()
    for name in con.get_table_names(sql):
        view = SQL_DIR / "views" / f"{name}.sql"
        if view.is_file():
            found |= base_tables(con, view.read_text(encoding="utf-8"))
        else:
            found.add(name)
    return found


def unaffected(con: duckdb.DuckDBPyConnection, kind: str) -> set[str]:
    """The ``sql/<kind>/`` files (checks, marts) that read none of the ``RUN_TABLES``: with
    no note changed, their results are the published build's."""
    return {name for name, sql in read_sql(kind) if not base_tables(con, sql) & set(RUN_TABLES)}


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


def link_parquet(build: Path, staged: Path) -> None:
    """Hard-link the published Parquet of every table a run does not rewrite."""
    source = build / "parquet"
    for folder in sorted(p for p in source.iterdir() if p.is_dir()):
        if folder.name in RUN_TABLES:
            continue
        for path in sorted(folder.rglob("*")):
            target = staged / "parquet" / path.relative_to(source)
            if path.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            _link(path, target)
