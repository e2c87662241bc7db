"""``notehouse serve``: run ``build_warehouse`` as a Prefect deployment, on a schedule.

``flow.serve`` registers the deployment ``build_warehouse/<name>`` with a Prefect API that
lasts (``serve_api``: ``PREFECT_API_URL``, else the ``notehouse server`` of this
``PREFECT_HOME``, started when none runs; never Prefect's temporary server, on which
schedules never fire), with the settings as its parameters, and then polls for its
runs — scheduled ones and ones started from the UI, ``prefect deployment run`` or
``run_deployment`` — and executes each in a subprocess, at most one at a time so two builds
never queue on the warehouse lock. Stopping the command pauses the schedule. Teams that run
flows on work pools use ``prefect.yaml`` and ``prefect deploy`` instead (see the README).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path
from typing import Any

from pipelines.config import (
    LOG_LEVELS,
    TASK_RUNNERS,
    ConfigError,
    Settings,
    flow_parameters,
    resolve_log_level,
)

FLOW_NAME = "build_warehouse"
_INTERVAL = re.compile(r"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")
_NOT_NAME = re.compile(r"[^a-z0-9]+")


def parse_interval(text: str) -> dt.timedelta:
    """``15m``, ``1h30m``, ``2d``, ``90s`` or a plain number of seconds, as a timedelta.

    >>> parse_interval("15m"), parse_interval("1h30m")
    (datetime.timedelta(seconds=900), datetime.timedelta(seconds=5400))
    >>> parse_interval("15 minutes")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    pipelines.config.ConfigError: --interval: '15 minutes' is not a positive interval; use e.g. ...
    """
    value = text.strip().lower()
    match = _INTERVAL.match(value) if value and not value.isdigit() else None
    if value.isdigit():
        seconds = int(value)
    elif match:
        d, h, m, s = (int(g) if g else 0 for g in match.groups())
        seconds = ((d * 24 + h) * 60 + m) * 60 + s
    else:
        seconds = 0
    if seconds <= 0:
        raise ConfigError(
            f"--interval: {text!r} is not a positive interval; use e.g. 15m, 1h or 90s"
        )
    return dt.timedelta(seconds=seconds)


def deployment_name(vault: Path) -> str:
    """The default deployment name for a vault: ``notehouse-<folder name>``.

    >>> deployment_name(Path("/srv/My Vault")), deployment_name(Path("/srv/人物"))
    ('notehouse-my-vault', 'notehouse-vault')
    """
    slug = _NOT_NAME.sub("-", vault.name.lower()).strip("-")
    return f"notehouse-{slug or 'vault'}"


def make_schedules(cron: str | None, interval: str | None, timezone: str) -> list[Any]:
    """Prefect schedules for ``--cron`` and/or ``--interval``, in ``timezone``.

    >>> [s.cron for s in make_schedules("0 * * * *", None, "Europe/Berlin")]
    ['0 * * * *']
    >>> make_schedules(None, "15m", "UTC")[0].interval
    datetime.timedelta(seconds=900)
    """
    from prefect.schedules import Cron, Interval

    schedules = []
    if cron:
        try:
            schedules.append(Cron(cron, timezone=timezone))
        except ValueError as exc:
            raise ConfigError(f"--cron: {cron!r} is not a cron expression: {exc}") from exc
    if interval:
        schedules.append(Interval(parse_interval(interval), timezone=timezone))
    return schedules


def serve_warehouse(
    settings: Settings, *, name: str, cron: str | None = None, interval: str | None = None
) -> None:
    """Register the deployment and execute its runs until interrupted (Ctrl-C or SIGTERM),
    with the Prefect API at ``PREFECT_API_URL`` (set by ``serve_command``)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings
    from prefect.types.entrypoint import EntrypointType

    from pipelines.flows import build_warehouse

    # Prefect may have read its settings before the variable was set (importing schedules)
    api = temporary_settings(updates={PREFECT_API_URL: os.environ["PREFECT_API_URL"]})
    with api:
        _serve(build_warehouse, settings, name, cron, interval, EntrypointType.MODULE_PATH)


def _serve(
    flow: Any, settings: Settings, name: str, cron: str | None, interval: str | None, kind: Any
) -> None:
    flow.serve(
        name=name,
        schedules=make_schedules(cron, interval, settings.timezone),
        parameters=flow_parameters(settings),
        description=f"Build the notehouse warehouse of {settings.vault}",
        tags=["notehouse"],
        limit=1,
        print_starting_message=False,
        entrypoint_type=kind,
    )


def add_serve_command(sub: Any) -> None:
    """The ``serve`` sub-command and its flags (``sub`` is the CLI's subparsers object)."""
    serve = sub.add_parser(
        "serve",
        help="serve the build as a Prefect deployment, on a schedule",
        description="Register build_warehouse/NAME with the Prefect API at PREFECT_API_URL "
        "(else the 'notehouse server', started when none runs) and run it on the schedule "
        "given (and whenever it is triggered) until stopped.",
    )
    serve.add_argument("vault", type=Path, nargs="?", help="the folder of Markdown notes")
    serve.add_argument("--cron", help='a cron schedule, e.g. "0 * * * *" for every hour')
    serve.add_argument("--interval", help="a fixed interval, e.g. 15m, 1h or 90s")
    serve.add_argument("--name", help="deployment name (default notehouse-<vault folder>)")
    serve.add_argument(
        "--warehouse", type=Path, default=None, help="the warehouse folder (default: warehouse/)"
    )
    serve.add_argument("--batch-size", type=int, default=None, help="notes per parse task")
    serve.add_argument(
        "--timezone", default=None, help="IANA zone of the schedule and of note times (UTC)"
    )
    add_run_flags(serve)


def add_run_flags(parser: argparse.ArgumentParser) -> None:
    """Flags shared by ``build`` and ``serve``: task runner, workers, partitioning, log level."""
    parser.add_argument(
        "--task-runner", choices=TASK_RUNNERS, default=None, help="where parse batches run"
    )
    parser.add_argument(
        "--workers", default=None, help="parallel parse workers, or auto (one per CPU)"
    )
    parser.add_argument(
        "--dask-address", default=None, help="an existing Dask scheduler, e.g. tcp://host:8786"
    )
    parser.add_argument(
        "--partition-by-year",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="write notes and episodes Parquet Hive-partitioned by year",
    )
    parser.add_argument(
        "--log-level",
        type=str.upper,
        choices=LOG_LEVELS,
        default=argparse.SUPPRESS,
        help="Prefect log level",
    )


def run_flags(args: argparse.Namespace) -> dict[str, Any]:
    """The settings given by ``add_run_flags`` flags (None where absent)."""
    return {
        name: getattr(args, name, None)
        for name in ("task_runner", "workers", "dask_address", "partition_by_year")
    }


def serve_api() -> tuple[str, str]:
    """The Prefect API ``serve`` registers with, and a line saying which it is.

    ``PREFECT_API_URL`` (environment or active profile) when set; else the ``notehouse
    server`` running for this ``PREFECT_HOME``; else one started now, which keeps running
    after ``serve`` stops. Raises RuntimeError when the server cannot start.
    """
    from pipelines.runtime import prefect_api

    configured = os.environ.get("PREFECT_API_URL") or prefect_api.profile_api_url()
    if configured:
        return configured, f"Prefect API: {configured} (PREFECT_API_URL)"
    running = prefect_api.local_server()
    if running is not None:
        return running.url, f"Prefect API: the notehouse server at {running.url}"
    print("starting the notehouse Prefect server (notehouse server start) ...", flush=True)
    server = prefect_api.start_server()
    return server.url, (
        f"Prefect API: the notehouse server at {server.url} (pid {server.pid}), started now; "
        "it keeps running after serve stops (notehouse server stop)"
    )


def serve_command(args: argparse.Namespace, settings: Settings) -> int:
    """Handler of ``notehouse serve``; returns the exit status."""
    if settings.vault is None or not settings.vault.is_dir():
        print(f"notehouse: vault {settings.vault} is not a folder", file=sys.stderr)
        return 2
    # before Prefect is first imported: it sets its log level up once, from the environment
    os.environ["PREFECT_LOGGING_LEVEL"] = resolve_log_level(
        getattr(args, "log_level", None), os.environ, "INFO"
    )
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    try:
        make_schedules(args.cron, args.interval, settings.timezone)  # fail before registering
    except ConfigError as exc:
        print(f"notehouse: {exc}", file=sys.stderr)
        return 2
    name = args.name or deployment_name(settings.vault)
    try:
        url, where = serve_api()
    except RuntimeError as exc:  # the server did not start
        print(f"notehouse: {exc}; or set PREFECT_API_URL to a Prefect server", file=sys.stderr)
        return 1
    os.environ["PREFECT_API_URL"] = url  # before Prefect reads its settings
    when = " and ".join(
        part
        for part in (
            f"cron '{args.cron}'" if args.cron else "",
            f"every {args.interval}" if args.interval else "",
        )
        if part
    )
    print(
        f"serving {FLOW_NAME}/{name} for {settings.vault} -> {settings.warehouse}"
        f" ({when + ' in ' + settings.timezone if when else 'no schedule; runs when triggered'})",
        flush=True,
    )
    print(where, flush=True)
    print(f"trigger a run: prefect deployment run '{FLOW_NAME}/{name}'; stop: Ctrl-C", flush=True)
    serve_warehouse(settings, name=name, cron=args.cron, interval=args.interval)
    return 0
