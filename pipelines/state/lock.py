"""One writer per warehouse: an advisory ``flock`` on ``WAREHOUSE/.lock``.

The kernel drops the lock when its process dies, however it dies, so a lock
left by a killed build is simply taken over by the next one.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pipelines.runtime.failures import EXIT_BUSY, ExpectedFailure, not_writable

WAIT_NOTICE_S = 5.0  # how often --wait says what it is waiting for


class WarehouseBusy(ExpectedFailure):
    """Another build is writing this warehouse."""

    exit_code = EXIT_BUSY


def _say(line: str) -> None:
    """A warning in the flow run's log (shown on the terminal at the default level), or in
    the ``notehouse`` logger outside a flow (``query --write``)."""
    from prefect import get_run_logger
    from prefect.exceptions import MissingContextError

    try:
        logger: logging.Logger | logging.LoggerAdapter[logging.Logger] = get_run_logger()
    except MissingContextError:
        logger = logging.getLogger("notehouse")
    logger.warning(line)


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 64).decode("ascii", "replace").strip()
    except OSError:
        return "another process"
    return f"pid {text}" if text else "another process"


def _open(warehouse: Path) -> int:
    try:
        warehouse.mkdir(parents=True, exist_ok=True)
        return os.open(warehouse / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise not_writable(exc, f"the warehouse {warehouse}") from exc


@contextmanager
def warehouse_lock(
    warehouse: Path,
    *,
    wait: bool = False,
    poll: float = 0.2,
    notice: Callable[[str], None] = _say,
    every: float = WAIT_NOTICE_S,
) -> Iterator[None]:
    """Hold the warehouse's write lock; raise ``WarehouseBusy`` at once unless ``wait``.

    While it waits, ``notice`` is told who holds the lock, at once and every ``every`` seconds.
    A folder that cannot be written raises ``NotWritable``.
    """
    fd = _open(warehouse)
    try:
        started = time.monotonic()
        told = None
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
                waited = time.monotonic() - started
                if told is None or waited - told >= every:
                    told = waited
                    notice(
                        f"waiting for {_holder(fd)} to finish building {warehouse} "
                        f"({waited:.0f} s so far; Ctrl-C to stop waiting)"
                    )
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
