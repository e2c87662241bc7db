"""``notehouse query``: one SQL statement on the published database, read-only unless --write.

Without ``--write`` the database is opened read-only and DuckDB's own settings close every
other way to disk: ``enable_external_access = false`` (no ``COPY … TO``, ``EXPORT DATABASE``,
``ATTACH``, ``INSTALL``, secrets, or reading files outside the database), no extension
auto-installing or auto-loading, and ``lock_configuration = true`` so no ``SET`` gives any of it
back. With ``--write`` the command takes the builders' lock and opens the database for writing,
with nothing restricted. An empty text, or more than one statement, is refused before it runs.
"""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from pathlib import Path
from typing import Any

from pipelines.runtime.failures import EXIT_FAILED, EXIT_OK, EXIT_USAGE, ExpectedFailure

DB_NAME = "notehouse.duckdb"
# The read-only sandbox; lock_configuration is set last (a locked connection takes no SET).
READ_ONLY_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


class QueryRefused(ExpectedFailure):
    """The text is not one SQL statement."""

    exit_code = EXIT_USAGE


def one_statement(sql: str) -> str:
    """The one statement of ``sql``; ``QueryRefused`` for none or several.

    >>> one_statement("select 1;")
    'select 1;'
    >>> one_statement("  ")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    pipelines.runtime.query.QueryRefused: the query is empty; give one SQL statement, e.g. ...
    >>> one_statement("select 1; select 2")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    pipelines.runtime.query.QueryRefused: the query holds 2 statements; notehouse query runs one ...
    """
    import duckdb

    statements = duckdb.extract_statements(sql)  # a syntax error is duckdb's own, as it runs
    if not statements:
        raise QueryRefused(
            'the query is empty; give one SQL statement, e.g. "select count(*) from notes"'
        )
    if len(statements) > 1:
        raise QueryRefused(
            f"the query holds {len(statements)} statements; notehouse query runs one at a time"
        )
    return sql


def connect(warehouse: Path, *, write: bool = False) -> Any:
    """The warehouse's database: sandboxed read-only (see the module), or writable."""
    import duckdb

    path = warehouse / DB_NAME
    if not path.is_file():
        raise FileNotFoundError(f"no warehouse at {path}; run 'notehouse build VAULT' first")
    if write:
        return duckdb.connect(str(path))
    return duckdb.connect(str(path), read_only=True, config=dict(READ_ONLY_CONFIG))


def _explain(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "disabled by configuration" in text or "read-only" in text:
        return (
            f"query failed: {text} (notehouse query reads only the warehouse's database; "
            "--write lifts this, and the next build replaces the database)"
        )
    return f"query failed: {text}"


def run_query(sql: str, warehouse: Path, *, write: bool, fmt: str) -> int:
    """Run ``sql``, print its rows in ``fmt`` (table, csv or json); the exit status."""
    import duckdb

    from pipelines.state.lock import warehouse_lock

    try:
        one_statement(sql)
        # a write takes the builders' lock (a build copies the published database); only for
        # a warehouse that exists, so a mistyped path creates nothing
        exists = (warehouse / DB_NAME).is_file()
        guard = warehouse_lock(warehouse) if write and exists else contextlib.nullcontext()
        with guard:
            con = connect(warehouse, write=write)
            try:
                cursor = con.execute(sql)
                columns = [d[0] for d in cursor.description] if cursor.description else []
                rows = cursor.fetchall() if columns else []
            finally:
                con.close()
    except FileNotFoundError as exc:
        print(f"notehouse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ExpectedFailure as exc:
        print(f"notehouse: {exc}", file=sys.stderr)
        return exc.exit_code
    except duckdb.Error as exc:
        print(f"notehouse: {_explain(exc)}", file=sys.stderr)
        return EXIT_FAILED
    print_rows(columns, rows, fmt)
    return EXIT_OK


def print_rows(columns: list[str], rows: list[tuple[Any, ...]], fmt: str) -> None:
    from pipelines.runtime.terminal import format_table

    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        print(json.dumps(records, default=str, ensure_ascii=False, indent=2))
    else:
        print(format_table(columns, rows))
