"""Expected failures end in one line and their exit code; the traceback only with --debug.

A read-only warehouse is made with file modes; when the tests run as root (who ignores them)
the command runs under ``setpriv`` without the capabilities that override file modes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipelines.cli import main
from pipelines.runtime.failures import EXIT_NOT_WRITABLE, EXIT_USAGE
from tests.conftest import EXAMPLE_VAULT, ROOT

NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def notehouse(api: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The command in a subprocess, unable to write what its file modes forbid."""
    prefix = NO_OVERRIDE if os.geteuid() == 0 else []
    env = {**os.environ, "PREFECT_API_URL": api}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "pipelines.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )


def one_line(proc: subprocess.CompletedProcess[str]) -> str:
    lines = proc.stderr.strip().splitlines()
    assert "Traceback" not in proc.stderr and len(lines) == 1, proc.stderr[-3000:]
    assert lines[0].startswith("notehouse: ")
    return lines[0]


def freeze(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o555)


@pytest.fixture
def read_only_warehouse(prefect_api: str, tmp_path: Path) -> Iterator[Path]:
    warehouse = tmp_path / "w"
    assert main(["build", str(EXAMPLE_VAULT / "journal"), "--warehouse", str(warehouse)]) == 0
    (warehouse / ".lock").chmod(0o444)
    freeze(warehouse)
    yield warehouse
    for path in [warehouse, *warehouse.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_a_build_into_a_read_only_warehouse(prefect_api: str, read_only_warehouse: Path) -> None:
    proc = notehouse(prefect_api, "build", str(EXAMPLE_VAULT / "journal"), "--warehouse",
                     str(read_only_warehouse), "--progress", "none")  # fmt: skip
    assert proc.returncode == EXIT_NOT_WRITABLE
    line = one_line(proc)
    assert f"cannot write the warehouse {read_only_warehouse}" in line and "--warehouse" in line


def test_the_dashboard_of_a_read_only_warehouse(
    prefect_api: str, read_only_warehouse: Path
) -> None:
    proc = notehouse(prefect_api, "dashboard", "--warehouse", str(read_only_warehouse))
    assert proc.returncode == EXIT_NOT_WRITABLE
    assert "cannot write the dashboard" in one_line(proc)
    # reading still works
    query = notehouse(prefect_api, "query", "select count(*) from notes", "--warehouse",
                      str(read_only_warehouse))  # fmt: skip
    assert query.returncode == 0, query.stderr


def test_debug_adds_the_traceback(prefect_api: str, read_only_warehouse: Path) -> None:
    proc = notehouse(prefect_api, "build", str(EXAMPLE_VAULT / "journal"), "--warehouse",
                     str(read_only_warehouse), "--progress", "none", "--debug")  # fmt: skip
    assert proc.returncode == EXIT_NOT_WRITABLE
    assert "Traceback" in proc.stderr and "NotWritable" in proc.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["build", "{tmp}/nowhere"], "is not a folder"),
        (["query", "select 1", "--warehouse", "{tmp}/nowhere"], "no warehouse at"),
        (["check", "--warehouse", "{tmp}/nowhere"], "no warehouse at"),
        (["dashboard", "--warehouse", "{tmp}/nowhere"], "notehouse build"),
        (["--config", "{tmp}/bad.toml", "build", "{tmp}"], "batch_size"),
        (["build", "{tmp}", "--batch-size", "0"], "batch_size"),
    ],
)
def test_missing_things_and_bad_settings_exit_2(
    prefect_api: str, tmp_path: Path, args: list[str], says: str
) -> None:
    (tmp_path / "bad.toml").write_text('batch_size = "lots"\n', encoding="utf-8")
    proc = notehouse(prefect_api, *(a.format(tmp=tmp_path) for a in args))
    assert proc.returncode == EXIT_USAGE
    assert says in one_line(proc)


def test_setpriv_is_there_when_running_as_root() -> None:
    assert os.geteuid() != 0 or shutil.which("setpriv"), "setpriv (util-linux) is needed as root"
