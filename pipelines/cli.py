"""The ``notehouse`` command line: build, serve, query, check, config, dashboard, server.

Every expected failure ends in one line, ``notehouse: <what happened and what to do>``, and an
exit code from ``pipelines.runtime.failures`` (the README's "Exit codes"); ``--debug`` adds the
traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from pipelines.config import (
    LOG_LEVELS,
    ConfigError,
    Settings,
    describe,
    load_settings,
    resolve_log_level,
)
from pipelines.runtime.failures import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    expected,
    not_writable,
    quiet_expected_tracebacks,
)
from pipelines.runtime.serve import add_run_flags, add_serve_command, run_flags, serve_command
from pipelines.runtime.terminal import print_summary


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
    _debug_flag(parser, False)
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
        "--allow-shrink",
        action="store_true",
        help="publish even when the build removes more than half of the published notes",
    )
    _debug_flag(build)
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
    _debug_flag(query)

    check = sub.add_parser(
        "check",
        help="run the data-quality checks; non-zero exit on failure",
        description="Run every sql/checks/*.sql on the published warehouse.",
    )
    _warehouse_flag(check)

    explain = sub.add_parser(
        "explain",
        help="show why one note came out as it did: kind, fields, every value and its line",
        description="For one note (its path, id, file name or title): its kind and the reason, "
        "every field with its source and line, and every extracted value (dates, duration, "
        "chapters, people by role, money, growth) with its line and raw text. Reads the built "
        "warehouse, or with --file parses the file directly with the build's own code.",
    )
    explain.add_argument("note", help="a note's path, id, file name or title; with --file, a file")
    _warehouse_flag(explain)
    explain.add_argument(
        "--file", action="store_true", help="parse NOTE, a Markdown file, instead of reading DIR"
    )
    explain.add_argument(
        "--vault", type=Path, default=None, help="with --file: the vault it belongs to (its path)"
    )
    explain.add_argument(
        "--timezone", default=None, help="IANA zone for times written without one (UTC)"
    )

    dashboard = sub.add_parser(
        "dashboard",
        help="write the offline HTML dashboard from the marts",
        description="Write DIR/dashboard/index.html from DIR/marts/*.parquet: one file "
        "that opens from disk with no network.",
    )
    _warehouse_flag(dashboard)
    _debug_flag(dashboard)

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


def _debug_flag(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    parser.add_argument(
        "--debug",
        action="store_true",
        default=default,
        help="show the traceback of an expected failure (busy, read-only, refused …)",
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
        "explain": _explain,
    }
    try:
        return handler[args.command](args, settings)
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as other tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


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

    quiet_expected_tracebacks(debug=args.debug)
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
                allow_shrink=args.allow_shrink,
            )
        except Exception as exc:  # nothing was published; the previous warehouse stands
            return _failed(exc, args.debug, "build failed, nothing was published: ")
    print_summary(summary, time.perf_counter() - started)
    return EXIT_OK


def _failed(exc: Exception, debug: bool, prefix: str = "") -> int:
    """Say what went wrong in one line (the traceback too with --debug); the exit code."""
    if debug:
        traceback.print_exception(exc)
    known = expected(exc)
    if known is not None:
        print(f"notehouse: {known}", file=sys.stderr)
        return known.exit_code
    print(f"notehouse: {prefix}{exc}", file=sys.stderr)
    return EXIT_FAILED


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


def _query(args: argparse.Namespace, settings: Settings) -> int:
    from pipelines.runtime.query import run_query

    return run_query(args.sql, settings.warehouse, write=args.write, fmt=args.format)


def _check(args: argparse.Namespace, settings: Settings) -> int:
    from pipelines.runtime.query import connect
    from pipelines.stages.check import run_checks

    try:
        con = connect(settings.warehouse)
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


def _explain(args: argparse.Namespace, settings: Settings) -> int:
    from pipelines.runtime.explain import explain_command

    return explain_command(
        args.note, settings.warehouse, file=args.file, vault=settings.vault, tz=settings.timezone
    )


def _dashboard(args: argparse.Namespace, settings: Settings) -> int:
    from pipelines.report.dashboard import refresh_dashboard

    try:
        page = refresh_dashboard(settings.warehouse)
    except FileNotFoundError as exc:
        print(f"notehouse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        problem = not_writable(exc, f"the dashboard of {settings.warehouse}")
        return _failed(problem if expected(exc) else exc, args.debug)
    print(f"wrote {page}")
    return EXIT_OK


def _config(args: argparse.Namespace, settings: Settings) -> int:
    for name, shown, source in describe(settings):
        print(f"{name:<17} = {shown}    ({source})")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
