"""``notehouse serve`` with no PREFECT_API_URL schedules for real: it starts the ``notehouse
server`` of its PREFECT_HOME (never Prefect's temporary server, which runs no schedules), and
an interval schedule completes at least two runs there before serve is stopped cleanly.

Loopback only; every wait is bounded; serve and the server are stopped in a ``finally``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from pipelines.runtime.prefect_api import STATE, is_prefect_server
from tests.conftest import EXAMPLE_VAULT, ROOT

READY_SECONDS = 240  # a first server start in a new PREFECT_HOME migrates its database
RUNS_SECONDS = 180


def _flow_runs(url: str, name: str) -> list[dict[str, object]]:
    body = {
        "limit": 50,
        "deployments": {"name": {"any_": [name]}},
        "flow_runs": {"state": {"type": {"any_": ["COMPLETED", "FAILED", "CRASHED"]}}},
    }
    request = urllib.request.Request(
        f"{url}/flow_runs/filter",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        runs: list[dict[str, object]] = json.loads(response.read())
    return runs


def _tail(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")[-4000:] if path.exists() else ""


def test_serve_starts_the_local_server_and_runs_on_its_interval(tmp_path: Path) -> None:
    home = tmp_path / "prefect-home"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env |= {
        "PREFECT_HOME": str(home),
        "PREFECT_PROFILES_PATH": str(home / "profiles.toml"),
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }
    warehouse, log_path = tmp_path / "warehouse", tmp_path / "serve.log"
    command = [sys.executable, "-m", "pipelines.cli", "serve", str(EXAMPLE_VAULT / "journal")]
    command += ["--warehouse", str(warehouse), "--interval", "10s", "--name", "notehouse-local"]
    with log_path.open("wb") as log:
        serve = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server_pid = None
    try:
        deadline = time.monotonic() + READY_SECONDS
        while not (home / STATE).exists():
            assert serve.poll() is None, _tail(log_path)
            assert time.monotonic() < deadline, "serve started no server:\n" + _tail(log_path)
            time.sleep(0.5)
        state = json.loads((home / STATE).read_text(encoding="utf-8"))
        url, server_pid = state["url"], state["pid"]
        assert url.startswith("http://127.0.0.1:")
        deadline = time.monotonic() + RUNS_SECONDS
        completed: list[dict[str, object]] = []
        while len(completed) < 2:
            assert serve.poll() is None, _tail(log_path)
            assert time.monotonic() < deadline, f"runs: {completed}\n{_tail(log_path)}"
            runs = _flow_runs(url, "notehouse-local")
            failed = [r for r in runs if r["state_type"] in ("FAILED", "CRASHED")]
            assert not failed, f"{failed[0]['state']}\n{_tail(log_path)}"
            completed = [r for r in runs if r["state_type"] == "COMPLETED"]
            time.sleep(1)
        assert all(r.get("auto_scheduled") for r in completed)
        assert (warehouse / "notehouse.duckdb").is_file()
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=60) is not None
        out = _tail(log_path)
        assert f"the notehouse server at {url}" in out and "started now" in out
        assert "ephemeral" not in out.lower(), out
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(serve.pid, signal.SIGKILL)
        stop = subprocess.run(
            [sys.executable, "-m", "pipelines.cli", "server", "stop"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if server_pid is not None and is_prefect_server(server_pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server_pid, signal.SIGKILL)
    assert stop.returncode == 0 and "stopped" in stop.stdout, stop.stdout + stop.stderr
