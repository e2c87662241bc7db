"""One writer per warehouse: an advisory ``flock`` on ``WAREHOUSE/.lock``.

The kernel drops the lock when its process dies, however it dies, so a lock
left by a killed build is simply taken over by the next one.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class WarehouseBusy(RuntimeError):
    """Another build is writing this warehouse."""


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 64).decode("ascii", "replace").strip()
    except OSError:
        return "another process"
    return f"pid {text}" if text else "another process"


@contextmanager
def warehouse_lock(warehouse: Path, *, wait: bool = False, poll: float = 0.2) -> Iterator[None]:
    """Hold the warehouse's write lock; raise ``WarehouseBusy`` at once unless ``wait``."""
    warehouse.mkdir(parents=True, exist_ok=True)
    fd = os.open(warehouse / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not wait:
                    raise WarehouseBusy(
                        f"{_holder(fd)} is already building {warehouse}; wait for it to finish "
                        "or run again with --wait"
                    ) from None
                time.sleep(poll)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode())
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
