"""The temporary Prefect server a build starts when no other API is set: it answers, it
ends with the command that started it, also when that command is killed outright."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from pipelines.runtime.prefect_api import process_alive
from tests.conftest import ROOT

# A process that starts the server, prints its own pid, the server's pid and address,
# then either exits (argument "exit") or waits to be killed.
HOLDER = """
import sys, time
from pipelines.runtime.prefect_api import TemporaryServer
server = TemporaryServer()
server.wait()
print(server._process.pid, server.url, flush=True)
if sys.argv[1] == "sleep":
    time.sleep(300)
"""


def _gone(pid: int, within: float = 15.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not process_alive(pid):
            return True
        time.sleep(0.1)
    return False


def _start_holder(mode: str) -> tuple[subprocess.Popen[str], int, str]:
    env = {**os.environ}
    env.pop("PREFECT_API_URL", None)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, mode],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    line = holder.stdout.readline().split()
    assert len(line) == 2, f"the holder printed {line!r}"
    return holder, int(line[0]), line[1]


def test_the_server_answers_and_stops_when_the_command_ends() -> None:
    holder, server_pid, url = _start_holder("exit")
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=10) as response:
            assert response.status == 200
        assert holder.wait(timeout=30) == 0
        assert _gone(server_pid), "the server outlived the command"
    finally:
        if process_alive(server_pid):
            os.kill(server_pid, signal.SIGKILL)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux")
def test_the_server_dies_with_a_killed_command() -> None:
    holder, server_pid, _ = _start_holder("sleep")
    try:
        assert process_alive(server_pid)
        holder.kill()  # SIGKILL: no atexit, no finally in the holder
        holder.wait(timeout=10)
        assert _gone(server_pid), "the server outlived a killed command"
    finally:
        if process_alive(server_pid):
            os.kill(server_pid, signal.SIGKILL)


def test_a_build_on_it_delivers_every_log_line_and_leaves_nothing_queued(tmp_path: Path) -> None:
    # The dashboard is drawn on a thread: without the command's context that thread sent
    # its log line to no server, and Prefect then waited at exit for it ("Still processing").
    vault = tmp_path / "vault"
    vault.mkdir()
    env = {**os.environ, "PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL": "INFO"}
    env.pop("PREFECT_API_URL", None)
    built = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "build", str(vault), "--warehouse",
         str(tmp_path / "w"), "--progress", "none"],
        cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr[-2000:]
    assert "seconds in dashboard" in built.stderr
    assert "Still processing items" not in built.stderr, built.stderr[-2000:]
