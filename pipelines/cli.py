"""The ``notehouse`` command line: build, serve, query, check, config."""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipelines.config import (
    LOG_LEVELS,
    ConfigError,
    Settings,
    describe,
    load_settings,
    resolve_log_level,
)
from pipelines.runtime.serve import add_run_flags, add_serve_command, run_flags, serve_command

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="notehouse",
        description="Turn a folder of Markdown notes into a DuckDB + Parquet warehouse.",
    )
    parser.add_argument("--config", type=Path, help="a notehouse.toml to read settings from")
    parser.add_argument(
        "--log-level",
        type=str.upper,
        choices=LOG_LEVELS,
        default=None,
        help="Prefect log level (default WARNING; INFO for serve)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = sub.add_parser(
        "build",
        help="build the warehouse from a vault, once",
        description="Parse every note of VAULT and publish DIR/notehouse.duckdb "
        "and DIR/parquet/<table>/ in one atomic swap.",
    )
    build.add_argument("vault", type=Path, help="the folder of Markdown notes")
    _warehouse_flag(build)
    _parse_flags(build)
    build.add_argument(
        "--full", action="store_true", help="re-parse every note, even unchanged ones"
    )
    build.add_argument(
        "--wait", action="store_true", help="wait for another build of the warehouse to finish"
    )
    add_run_flags(build)
    build.add_argument(
        "--progress",
        choices=["auto", "bar", "plain", "none"],
        default="auto",
        help="progress display: a bar on a terminal, plain lines otherwise",
    )
    build.add_argument(
        "--no-dashboard",
        action="store_true",
        help="do not write DIR/dashboard/index.html (the marts are still written)",
    )

    add_serve_command(sub)

    query = sub.add_parser(
        "query",
        help="run SQL on the warehouse and print the result",
        description="Run one SQL statement on DIR/notehouse.duckdb, opened read-only.",
    )
    query.add_argument(
        "sql", help='the SQL to run, e.g. "select kind, count(*) from notes group by 1"'
    )
    _warehouse_flag(query)
    query.add_argument(
        "--format",
        choices=["table", "csv", "json"],
        default="table",
        help="output format (an aligned table by default)",
    )
    query.add_argument(
        "--write",
        action="store_true",
        help="open the database for writing (the next build replaces it; your changes are lost)",
    )

    check = sub.add_parser(
        "check",
        help="run the data-quality checks; non-zero exit on failure",
        description="Run every sql/checks/*.sql on the published warehouse.",
    )
    _warehouse_flag(check)

    dashboard = sub.add_parser(
        "dashboard",
        help="write the offline HTML dashboard from the marts",
        description="Write DIR/dashboard/index.html from DIR/marts/*.parquet: one file "
        "that opens from disk with no network.",
    )
    _warehouse_flag(dashboard)

    server = sub.add_parser(
        "server",
        help="start, stop or show a local Prefect server that builds reuse",
        description="A Prefect server on 127.0.0.1 that stays up between commands, for this "
        "PREFECT_HOME. While it runs, 'notehouse build' reports to it instead of starting "
        "Prefect's temporary server each time (PREFECT_API_URL, when set, comes first).",
    )
    server.add_argument("action", choices=["start", "stop", "status"], help="what to do")
    server.add_argument("--port", type=int, default=None, help="port to listen on (a free one)")

    config = sub.add_parser(
        "config",
        help="print the effective settings and where each came from",
        description="Show each setting and its source: flag, environment, "
        "notehouse.toml or default.",
    )
    config.add_argument("vault", type=Path, nargs="?", help="a vault whose notehouse.toml to read")
    _warehouse_flag(config)
    _parse_flags(config)  # the build's setting flags, so a flag's effect can be seen
    add_run_flags(config)
    return parser


def _parse_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--batch-size", type=int, default=None, help="notes per parse task (2000)")
    parser.add_argument(
        "--timezone", default=None, help="IANA zone for times written without one (UTC)"
    )


def _warehouse_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--warehouse", type=Path, default=None, help="the warehouse folder (default: warehouse/)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "server":
        return _server(args)
    try:
        settings = load_settings(
            {
                "vault": getattr(args, "vault", None),
                "warehouse": args.warehouse,
                "batch_size": getattr(args, "batch_size", None),
                "timezone": getattr(args, "timezone", None),
                **run_flags(args),
            },
            config_file=args.config,
        )
    except ConfigError as exc:
        print(f"notehouse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    handler = {
        "build": _build,
        "serve": serve_command,
        "query": _query,
        "check": _check,
        "dashboard": _dashboard,
        "config": _config,
    }
    return handler[args.command](args, settings)


def _build(args: argparse.Namespace, settings: Settings) -> int:
    vault = settings.vault
    if vault is None or not vault.is_dir():
        print(f"notehouse: vault {vault} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    os.environ["PREFECT_LOGGING_LEVEL"] = resolve_log_level(args.log_level, os.environ, "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    started = time.perf_counter()
    from pipelines.runtime.prefect_api import drain_prefect_workers, prepare_api

    temporary = prepare_api()  # boots while the flow's modules import
    import prefect.settings

    from pipelines.flows import build_warehouse
    from pipelines.runtime.progress import reporting
    from pipelines.runtime.terminal import progress_display

    # a one-off build needs no heartbeats (they tell a worker's runs that crashed); the
    # setting is newer than some Prefect 3 releases, which send none anyway
    heartbeat = getattr(prefect.settings, "PREFECT_FLOWS_HEARTBEAT_FREQUENCY", None)
    quiet = (
        prefect.settings.temporary_settings(updates={heartbeat: None})
        if heartbeat is not None
        else contextlib.nullcontext()
    )
    with contextlib.ExitStack() as stack:
        stack.enter_context(reporting(stack.enter_context(progress_display(args.progress))))
        stack.enter_context(quiet)
        try:
            if temporary is not None:
                temporary.wait()  # on the port it ended up on
                url = {prefect.settings.PREFECT_API_URL: temporary.url}
                stack.enter_context(prefect.settings.temporary_settings(updates=url))
                stack.callback(drain_prefect_workers)  # before the settings are undone
            summary = build_warehouse(
                vault=str(vault),
                warehouse=str(settings.warehouse),
                batch_size=settings.batch_size,
                timezone=settings.timezone,
                include=list(settings.include),
                exclude=list(settings.exclude),
                full=args.full,
                wait=args.wait,
                task_runner=settings.task_runner,
                workers=settings.workers,
                dask_address=settings.dask_address,
                partition_by_year=settings.partition_by_year,
                kinds=[list(pair) for pair in settings.kinds],
                dashboard=not args.no_dashboard,
            )
        except Exception as exc:  # nothing was published; the previous warehouse stands
            print(f"notehouse: build failed, nothing was published: {exc}", file=sys.stderr)
            return EXIT_FAILED
    _print_summary(summary, time.perf_counter() - started)
    return EXIT_OK


def _server(args: argparse.Namespace) -> int:
    from pipelines.runtime import prefect_api

    home = prefect_api.prefect_home()
    if args.action == "start":
        try:
            server = prefect_api.start_server(home, args.port)
        except RuntimeError as exc:
            print(f"notehouse: {exc}", file=sys.stderr)
            return EXIT_FAILED
        print(f"Prefect server at {server.url} (pid {server.pid}); builds now report to it")
        print("stop it with: notehouse server stop")
        return EXIT_OK
    if args.action == "stop":
        stopped = prefect_api.stop_server(home)
        print(f"stopped {stopped.url}" if stopped else f"no notehouse server runs for {home}")
        return EXIT_OK
    running = prefect_api.local_server(home)
    print(f"running at {running.url} (pid {running.pid})" if running else "not running")
    return EXIT_OK if running else EXIT_FAILED


def _print_summary(summary: dict[str, Any], seconds: float) -> None:
    print(f"published {summary['warehouse']}/notehouse.duckdb (run {summary['run_id']})")
    print(
        f"files seen {summary['files_seen']}, notes loaded {summary['notes_loaded']}, "
        f"other files skipped {summary['files_skipped']}"
    )
    print(
        f"files new {summary['files_new']}, changed {summary['files_changed']}, "
        f"unchanged {summary['files_unchanged']}, deleted {summary['files_deleted']}"
    )
    print(
        f"issues: {summary['errors']} errors, {summary['warnings']} warnings "
        f"(see the parse_issues table)"
    )
    width = max(len(name) for name in summary["rows"])
    for name, count in summary["rows"].items():
        print(f"  {name:<{width}}  {count:>8}")
    if summary["checks_failed"]:
        print(f"checks failed: {', '.join(summary['checks_failed'])}")
    _print_coverage(Path(summary["warehouse"]) / "notehouse.duckdb")
    print(f"done in {seconds:.1f} s")


def _print_coverage(database: Path) -> None:
    """Per top-level folder, what was understood (the ``coverage`` view)."""
    import duckdb

    from pipelines.report.coverage import coverage_table
    from pipelines.runtime.terminal import format_table

    try:
        columns, rows = coverage_table(database)
    except duckdb.Error as exc:  # the build is published; a summary line must not fail it
        print(f"coverage: not read ({exc})")
        return
    print("coverage per top-level folder (select * from coverage):")
    print(format_table(columns, rows))


def _connect(settings: Settings, *, write: bool = False) -> Any:
    import duckdb

    path = settings.warehouse / "notehouse.duckdb"
    if not path.is_file():
        raise FileNotFoundError(f"no warehouse at {path}; run 'notehouse build VAULT' first")
    return duckdb.connect(str(path), read_only=not write)


def _query(args: argparse.Namespace, settings: Settings) -> int:
    import duckdb

    from pipelines.state.lock import WarehouseBusy, warehouse_lock

    # a write takes the builders' lock (a build copies the published database); only for a
    # warehouse that exists, so a mistyped path creates nothing
    exists = (settings.warehouse / "notehouse.duckdb").is_file()
    write_lock = args.write and exists
    guard = warehouse_lock(settings.warehouse) if write_lock else contextlib.nullcontext()
    try:
        with guard:
            con = _connect(settings, write=args.write)
            try:
                cursor = con.execute(args.sql)
                columns = [d[0] for d in cursor.description] if cursor.description else []
                rows = cursor.fetchall() if columns else []
            finally:
                con.close()
    except FileNotFoundError as exc:
        print(f"notehouse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except WarehouseBusy as exc:
        print(f"notehouse: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except duckdb.Error as exc:
        print(f"notehouse: query failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    from pipelines.runtime.terminal import format_table

    if args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    elif args.format == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        print(json.dumps(records, default=str, ensure_ascii=False, indent=2))
    else:
        print(format_table(columns, rows))
    return EXIT_OK


def _check(args: argparse.Namespace, settings: Settings) -> int:
    from pipelines.stages.check import run_checks

    try:
        con = _connect(settings)
    except FileNotFoundError as exc:
        print(f"notehouse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        results = run_checks(con)
    finally:
        con.close()
    failed = False
    for r in results:
        status = "ok  " if r.passed else ("FAIL" if r.severity == "error" else "warn")
        print(f"{status} {r.check_name}: {r.description} ({r.failing_rows} offending rows)")
        failed = failed or (not r.passed and r.severity == "error")
    return EXIT_FAILED if failed else EXIT_OK


def _dashboard(args: argparse.Namespace, settings: Settings) -> int:
    from pipelines.report.dashboard import refresh_dashboard

    try:
        page = refresh_dashboard(settings.warehouse)
    except FileNotFoundError as exc:
        print(f"notehouse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {page}")
    return EXIT_OK


def _config(args: argparse.Namespace, settings: Settings) -> int:
    for name, shown, source in describe(settings):
        print(f"{name:<17} = {shown}    ({source})")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
