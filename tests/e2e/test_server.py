"""A real Prefect server: ``notehouse serve`` registers the deployment, a run is triggered
through the API, a short schedule fires after the vault is edited, and each run publishes.

Everything listens on 127.0.0.1 only; each wait is bounded; both processes are stopped in a
``finally`` (SIGTERM, wait, then SIGKILL for the whole process group) whatever happens.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

import duckdb
import pytest

from pipelines.runtime.prefect_api import free_port
from tests.conftest import EXAMPLE_VAULT, ROOT

SERVER_START_SECONDS = 150  # the first start on a machine migrates a new database
SERVE_READY_SECONDS = 60
RUN_SECONDS = 120
SCHEDULE_EVERY = "15s"
DEPLOYMENT = "build_warehouse/notehouse-e2e"

T = TypeVar("T")


def _tail(path: Path, chars: int = 4000) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-chars:]
    except OSError:
        return ""


def _start(args: list[str], env: dict[str, str], log: IO[bytes]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        args,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, so flow-run children go with it
    )


def _stop(proc: subprocess.Popen[bytes], grace: float = 30) -> None:
    """SIGTERM, wait up to ``grace`` seconds, then SIGKILL the process and its group."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)  # anything it started and left behind


def _wait_for(what: str, probe: Callable[[], T | None], seconds: float, log: Path) -> T:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = probe()
        if found is not None:
            return found
        time.sleep(0.5)
    raise AssertionError(f"{what} not within {seconds:.0f} s; log:\n{_tail(log)}")


def _prefect_command() -> list[str]:
    script = Path(sys.executable).with_name("prefect")
    return [str(script)] if script.exists() else [sys.executable, "-m", "prefect"]


def _healthy(url: str, proc: subprocess.Popen[bytes], log: Path) -> bool | None:
    if proc.poll() is not None:
        raise AssertionError(f"prefect server exited with {proc.returncode}:\n{_tail(log)}")
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return True if response.status == 200 else None
    except (urllib.error.URLError, OSError):
        return None


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``prefect server start`` on 127.0.0.1 and a free port, with its own PREFECT_HOME."""
    home = tmp_path_factory.mktemp("prefect-server")
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env |= {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    log_path = home / "server.log"
    with log_path.open("wb") as log:
        proc = _start(
            [*_prefect_command(), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env,
            log,
        )
        try:
            _wait_for(
                "server health",
                lambda: _healthy(api, proc, log_path),
                SERVER_START_SECONDS,
                log_path,
            )
            yield api
        finally:
            _stop(proc)


def _client_settings(api: str) -> Any:
    from prefect.settings import PREFECT_API_URL, temporary_settings

    return temporary_settings(updates={PREFECT_API_URL: api})


def _deployment_id(api: str) -> Any:
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    with _client_settings(api), get_client(sync_client=True) as client:
        try:
            return client.read_deployment_by_name(DEPLOYMENT).id
        except ObjectNotFound:
            return None


def _completed_run_started_after(api: str, deployment_id: Any, after: dt.datetime) -> Any:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId
    from prefect.client.schemas.objects import StateType

    with _client_settings(api), get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id]))
        )
    for run in runs:
        if run.start_time and run.start_time > after and run.state_type == StateType.COMPLETED:
            return run
    failed = [r for r in runs if r.state_type in (StateType.FAILED, StateType.CRASHED)]
    assert not failed, f"a run of {DEPLOYMENT} failed: {failed[0].state}"
    return None


def _notes(warehouse: Path) -> set[str]:
    con = duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True)
    try:
        return {row[0] for row in con.execute("select path from notes").fetchall()}
    finally:
        con.close()


def test_serve_runs_on_demand_and_on_schedule(prefect_server: str, tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.client.schemas.objects import StateType
    from prefect.deployments import run_deployment

    vault = tmp_path / "vault"
    shutil.copytree(EXAMPLE_VAULT, vault)
    warehouse = tmp_path / "warehouse"
    env = {
        **os.environ,
        "PREFECT_API_URL": prefect_server,
        "PREFECT_HOME": str(tmp_path / "client-home"),
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        proc = _start(
            [
                sys.executable,
                "-m",
                "pipelines.cli",
                "serve",
                str(vault),
                "--warehouse",
                str(warehouse),
                "--interval",
                SCHEDULE_EVERY,
                "--name",
                "notehouse-e2e",
            ],
            env,
            log,
        )
        try:
            deployment_id = _wait_for(
                "the deployment",
                lambda: _deployment_id(prefect_server),
                SERVE_READY_SECONDS,
                log_path,
            )
            with _client_settings(prefect_server):
                run = run_deployment(DEPLOYMENT, timeout=RUN_SECONDS, poll_interval=1)
            assert run.state_type == StateType.COMPLETED, f"{run.state}\n{_tail(log_path)}"
            assert run.name == f"build {vault}"
            with _client_settings(prefect_server), get_client(sync_client=True) as client:
                artifacts = client.read_artifacts(
                    flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run.id]))
                )
            kinds = {a.type for a in artifacts}
            assert kinds == {"markdown", "table"}, kinds
            report = next(a for a in artifacts if a.type == "markdown")
            assert "## Rows per table" in str(report.data)
            before = _notes(warehouse)
            assert len(before) > 20

            (vault / "added-while-serving.md").write_text(
                "---\ntitle: Added while serving\ndate: 2024-05-01\n---\n\nA new note.\n",
                encoding="utf-8",
            )
            edited = dt.datetime.now(dt.UTC)
            scheduled = _wait_for(
                "a scheduled run after the edit",
                lambda: _completed_run_started_after(prefect_server, deployment_id, edited),
                RUN_SECONDS,
                log_path,
            )
            assert getattr(scheduled, "auto_scheduled", False) or "auto-scheduled" in scheduled.tags
            assert _notes(warehouse) == before | {"added-while-serving.md"}
        finally:
            _stop(proc)
