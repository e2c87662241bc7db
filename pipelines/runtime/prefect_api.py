"""Which Prefect API a command-line build reports to, and getting it up cheaply.

A build always runs as a real Prefect flow, recorded by a Prefect API. In order:

1. ``PREFECT_API_URL`` when it is set, in the environment or the active Prefect profile
   (a Prefect server or Cloud you run);
2. the local server that ``notehouse server start`` left running for this
   ``PREFECT_HOME`` (no start-up cost: the build only connects);
3. a temporary server for this command: the one Prefect would start itself, but spawned
   before the rest of notehouse imports, so its boot and ours overlap, and stopped when the
   command ends (its output in ``PREFECT_HOME/notehouse-temporary-server.log``).

``notehouse server start|stop|status`` manages (2): one ``prefect server start`` on
127.0.0.1, detached, its address and pid kept in ``PREFECT_HOME/notehouse-server.json``
and its output in ``PREFECT_HOME/notehouse-server.log``.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from dataclasses import dataclass
from pathlib import Path

STATE = "notehouse-server.json"
LOG = "notehouse-server.log"
START_TIMEOUT_S = 180.0  # the first start in a fresh PREFECT_HOME migrates its database


@dataclass(frozen=True)
class LocalServer:
    url: str  # the API address, ending in /api
    pid: int


def prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()


def healthy(url: str, timeout: float = 1.0) -> bool:
    """Whether the Prefect API at ``url`` answers its health check."""
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=timeout) as response:
            return bool(response.status == 200)
    except (OSError, ValueError):
        return False


def process_alive(pid: int) -> bool:
    """Whether a process with this pid exists (it may belong to another user)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _recorded(home: Path) -> LocalServer | None:
    """The server the state file of ``home`` names, whether or not it still runs."""
    try:
        found = json.loads((home / STATE).read_text(encoding="utf-8"))
        return LocalServer(str(found["url"]), int(found["pid"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_prefect_server(pid: int) -> bool:
    """Whether ``pid`` is a running ``prefect server`` (not a later process given its pid)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return process_alive(pid)  # no /proc here: trust the pid
    return b"prefect" in command and b"server" in command


def local_server(home: Path | None = None) -> LocalServer | None:
    """The server ``notehouse server start`` left running for ``home``, when it answers."""
    server = _recorded(home or prefect_home())
    if server is None or not is_prefect_server(server.pid):
        return None
    return server if healthy(server.url) else None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(home: Path | None = None, port: int | None = None) -> LocalServer:
    """Start ``prefect server start`` on 127.0.0.1 in the background and wait until it answers.

    Returns the one already running for ``home`` if there is one. Raises RuntimeError when
    the server exits or does not answer within ``START_TIMEOUT_S``.
    """
    home = home or prefect_home()
    running = local_server(home)
    if running is not None:
        return running
    recorded = _recorded(home)
    if recorded is not None and is_prefect_server(recorded.pid):
        raise RuntimeError(
            f"a server (pid {recorded.pid}) is recorded at {recorded.url} but does not answer; "
            "run 'notehouse server stop' first"
        )
    home.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1"]
    with (home / LOG).open("ab") as log:
        process = subprocess.Popen(
            [*command, "--port", str(port), "--no-ui"],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # outlives this command and its terminal
        )
    server = LocalServer(f"http://127.0.0.1:{port}/api", process.pid)
    deadline = time.monotonic() + START_TIMEOUT_S
    while not healthy(server.url):
        if process.poll() is not None or time.monotonic() > deadline:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            raise RuntimeError(f"the Prefect server did not start; see {home / LOG}")
        time.sleep(0.2)
    (home / STATE).write_text(json.dumps({"url": server.url, "pid": server.pid}), "utf-8")
    return server


def stop_server(home: Path | None = None, timeout: float = 20.0) -> LocalServer | None:
    """Stop the server ``notehouse server start`` started for ``home``, answering or not;
    None if none ran. Its state file goes only once the process has."""
    home = home or prefect_home()
    server = _recorded(home)
    if server is None or not is_prefect_server(server.pid):
        (home / STATE).unlink(missing_ok=True)
        return None
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, sig)
            os.killpg(server.pid, signal.SIGCONT)  # a stopped server must run to see TERM
        deadline = time.monotonic() + timeout
        while is_prefect_server(server.pid) and time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(server.pid, os.WNOHANG)
            time.sleep(0.1)
        if not is_prefect_server(server.pid):
            break
    (home / STATE).unlink(missing_ok=True)
    return server


class TemporaryServer:
    """A Prefect API server for this one command, stopped when it ends.

    It is the server Prefect would start by itself (uvicorn on Prefect's app factory, the UI
    off, ``PREFECT__SERVER_EPHEMERAL`` set), but started here before notehouse imports
    anything heavy and without importing ``prefect.server`` into this process (2.6 s), so the
    server boots while we import. ``wait()`` before the first flow runs, then point Prefect
    at ``url`` (``temporary_settings``); this process's environment is left alone. The
    server also ends when this process is killed outright (Linux: the parent-death signal).
    """

    def __init__(self, home: Path | None = None) -> None:
        self._home = home or prefect_home()
        self._home.mkdir(parents=True, exist_ok=True)
        self._process = self._spawn()
        atexit.register(self.stop)

    def running(self) -> bool:
        return self._process.poll() is None

    def _spawn(self) -> subprocess.Popen[bytes]:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/api"
        env = {**os.environ, "PREFECT_HOME": str(self._home)}
        env.pop("PREFECT_API_URL", None)
        env.update(PREFECT_UI_ENABLED="0", PREFECT__SERVER_EPHEMERAL="1", PREFECT__SERVER_FINAL="1")
        options = ["--host", "127.0.0.1", "--port", str(self.port), "--log-level", "error"]
        command = [sys.executable, "-c", _CHILD, str(os.getpid()), "--factory", _APP_FACTORY]
        with (self._home / TEMPORARY_LOG).open("ab") as log:
            return subprocess.Popen(
                [*command, *options, "--lifespan", "on"],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
            )

    def wait(self, timeout: float = START_TIMEOUT_S) -> None:
        """Block until the server answers; raise RuntimeError if it exits or times out."""
        deadline = time.monotonic() + timeout
        while not healthy(self.url, timeout=0.5):
            code = self._process.poll()
            if code == _PORT_TAKEN:  # someone took the free port first: try another
                self._process = self._spawn()
                continue
            if code is not None or time.monotonic() > deadline:
                self.stop()
                log = self._home / TEMPORARY_LOG
                raise RuntimeError(f"Prefect's temporary server did not start; see {log}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()


_APP_FACTORY = "prefect.server.api.server:create_app"
_PORT_TAKEN = 3  # uvicorn's exit code when it cannot bind
TEMPORARY_LOG = "notehouse-temporary-server.log"
# The server's process: on Linux it asks for SIGTERM when its parent dies (PR_SET_PDEATHSIG),
# gives up if the parent is already gone, then runs ``python -m uvicorn ARGS``.
_CHILD = """
import ctypes, os, runpy, signal, sys
try:
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)
except (OSError, AttributeError):
    pass
if os.getppid() != int(sys.argv[1]):
    sys.exit(1)
sys.argv = ["uvicorn", *sys.argv[2:]]
runpy.run_module("uvicorn", run_name="__main__", alter_sys=True)
"""


def profile_api_url() -> str | None:
    """``PREFECT_API_URL`` of the active Prefect profile (``PREFECT_PROFILE``, else the
    ``active`` one of ``profiles.toml``), if it sets one."""
    path = Path(os.environ.get("PREFECT_PROFILES_PATH") or prefect_home() / "profiles.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    name = os.environ.get("PREFECT_PROFILE") or data.get("active")
    profiles = data.get("profiles")
    profile = profiles.get(name) if isinstance(profiles, dict) and name else None
    url = profile.get("PREFECT_API_URL") if isinstance(profile, dict) else None
    return str(url) if url else None


_TEMPORARY: TemporaryServer | None = None


def drain_prefect_workers() -> None:
    """Deliver the logs and events Prefect still queues for the API, then stop its workers.

    After a build on the temporary server: its events reach it before it stops, and the
    next build in this process (tests run the command in-process) starts fresh workers for
    its own API instead of reusing ones bound to this server's address.
    """
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=10)
    EventsWorker.drain_all(timeout=10)


def prepare_api() -> TemporaryServer | None:
    """Point this process at a Prefect API (see the module's docstring) before prefect runs.

    Returns the temporary server being started, which the caller must ``wait()`` for.
    """
    if os.environ.get("PREFECT_API_URL") or profile_api_url():
        return None
    server = local_server()
    if server is not None:
        os.environ["PREFECT_API_URL"] = server.url
        return None
    global _TEMPORARY
    if _TEMPORARY is None or not _TEMPORARY.running():  # one per process, as Prefect does
        _TEMPORARY = TemporaryServer()
    return _TEMPORARY
