"""The write lock: a second writer fails at once, or waits and says for whom, again and again."""

from __future__ import annotations

import itertools
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipelines.state.lock import WarehouseBusy, warehouse_lock
from tests.conftest import ROOT


def hold(warehouse: Path, seconds: float) -> subprocess.Popen[str]:
    code = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from pipelines.state.lock import warehouse_lock
        with warehouse_lock(Path({str(warehouse)!r})):
            print("locked", flush=True)
            time.sleep({seconds})
    """)
    holder = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def test_wait_says_whom_it_waits_for_every_few_seconds(tmp_path: Path) -> None:
    holder = hold(tmp_path, 1.5)
    told: list[tuple[float, str]] = []
    started = time.monotonic()
    try:
        notice = lambda line: told.append((time.monotonic() - started, line))  # noqa: E731
        with warehouse_lock(tmp_path, wait=True, notice=notice, every=0.5):
            pass
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert len(told) >= 2, told
    assert all(f"waiting for pid {holder.pid} to finish building {tmp_path}" in t for _, t in told)
    assert told[0][0] < 0.5  # the first at once
    assert all(b - a >= 0.45 for (a, _), (b, _) in itertools.pairwise(told))


def test_without_wait_a_second_writer_fails_at_once(tmp_path: Path) -> None:
    holder = hold(tmp_path, 30)
    try:
        started = time.monotonic()
        busy = pytest.raises(WarehouseBusy, match=f"pid {holder.pid} is already building")
        with busy, warehouse_lock(tmp_path):
            pass
        assert time.monotonic() - started < 5
        assert WarehouseBusy.exit_code == 3
    finally:
        holder.kill()
        holder.wait(timeout=30)
