"""``notehouse server start``: a real Prefect server on 127.0.0.1 that builds report to,
instead of starting a temporary Prefect server each time; ``stop`` ends it.

The server is stopped in a ``finally`` whatever happens (``notehouse server stop``, then
SIGKILL of its process group if it is still there).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

from pipelines.runtime.prefect_api import STATE, TEMPORARY_LOG, is_prefect_server, process_alive
from tests.conftest import EXAMPLE_VAULT, ROOT


def _notehouse(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _flow_runs(url: str) -> list[dict[str, object]]:
    request = urllib.request.Request(
        f"{url}/flow_runs/filter",
        data=json.dumps({"limit": 50}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        runs: list[dict[str, object]] = json.loads(response.read())
    return runs


def test_builds_report_to_the_local_server_until_it_is_stopped(tmp_path: Path) -> None:
    home = tmp_path / "prefect-home"
    env = {**os.environ, "PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    assert _notehouse(env, "server", "status").returncode == 1
    pid = None
    try:
        started = _notehouse(env, "server", "start")
        assert started.returncode == 0, started.stderr
        state = json.loads((home / STATE).read_text())
        url, pid = state["url"], state["pid"]
        assert url.startswith("http://127.0.0.1:") and url in started.stdout
        assert _notehouse(env, "server", "status").stdout.startswith(f"running at {url}")

        built = _notehouse(env, "build", str(EXAMPLE_VAULT), "--warehouse", str(tmp_path / "w"))
        assert built.returncode == 0, built.stderr
        assert not (home / TEMPORARY_LOG).exists()  # no temporary server was started
        runs = _flow_runs(url)
        assert [r["state_type"] for r in runs if str(r["name"]).startswith("build ")] == [
            "COMPLETED"
        ]

        # a server that stops answering (here: suspended) is not used, and still stopped
        os.kill(pid, signal.SIGSTOP)
        assert _notehouse(env, "server", "status").returncode == 1
        stopped = _notehouse(env, "server", "stop")
        assert stopped.returncode == 0 and f"stopped {url}" in stopped.stdout
        assert not is_prefect_server(pid) and not (home / STATE).exists()
        assert _notehouse(env, "server", "status").returncode == 1
    finally:
        if pid is not None and process_alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
