"""Where the parse batches run: Prefect's thread pool, or a Dask cluster through prefect-dask.

``threads`` (the default) parses batches on a thread pool in the flow-run process. ``dask``
starts a ``distributed.LocalCluster`` for the run (one single-threaded worker process per
CPU, or ``workers`` of them), or connects to an existing scheduler at ``dask_address``
(``tcp://host:8786``) whose workers can import ``pipelines`` and read the vault at the
same path. Parsing is a pure function of a batch of files, so every runner gives the same rows.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from typing import Any

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from pipelines.stages.discover import FoundFile
from pipelines.stages.parse import parse_batch
from pipelines.stages.parts import NoteOutcome


def split_batches(files: Sequence[FoundFile], batch_size: int) -> list[list[FoundFile]]:
    """Consecutive batches of at most ``batch_size`` files, in discovery order.

    >>> [len(b) for b in split_batches(list(range(7)), 3)]
    [3, 3, 1]
    >>> split_batches([], 500)
    []
    """
    return [list(files[i : i + batch_size]) for i in range(0, len(files), batch_size)]


def task_runner_for(
    kind: str, workers: int | None = None, dask_address: str | None = None
) -> TaskRunner[Any]:
    """A fresh, unstarted task runner of ``kind`` (``threads`` or ``dask``).

    >>> type(task_runner_for("threads", 2)).__name__
    'ThreadPoolTaskRunner'
    >>> task_runner_for("dask", dask_address="tcp://127.0.0.1:8786").address
    'tcp://127.0.0.1:8786'
    """
    if kind == "threads":
        if dask_address:
            raise ValueError("dask_address needs task_runner 'dask'")
        return ThreadPoolTaskRunner(max_workers=workers)
    if kind == "dask":
        from prefect_dask.task_runners import DaskTaskRunner

        quiet_dask_logs()
        if dask_address:
            return DaskTaskRunner(address=dask_address)
        cluster: dict[str, Any] = {"threads_per_worker": 1, "dashboard_address": "127.0.0.1:0"}
        if workers:
            cluster["n_workers"] = workers
        return DaskTaskRunner(cluster_kwargs=cluster)
    raise ValueError(f"unknown task runner {kind!r}; choose threads or dask")


def quiet_dask_logs() -> None:
    """Log Dask's own messages at Prefect's level or above (WARNING unless asked for more)."""
    level = max(logging.getLogger("prefect").getEffectiveLevel(), logging.WARNING)
    name = logging.getLevelName(level).lower()
    os.environ.setdefault("DASK_DISTRIBUTED__LOGGING__DISTRIBUTED", name)  # worker processes
    logging.getLogger("distributed").setLevel(level)


def run_batches(
    vault: str,
    batches: Sequence[list[FoundFile]],
    timezone: str,
    runner: TaskRunner[Any],
    processes: int = 1,
    parts: str = "",
    kinds: list[list[str]] | None = None,
) -> Iterator[list[NoteOutcome]]:
    """Submit every batch to ``runner`` and yield the outcomes batch by batch, in order.

    Must run inside a flow run: each batch is a ``parse_batch`` task run of that flow run,
    parsed on ``processes`` worker processes (``pipelines.stages.reading``) that write the rows
    to ``parts`` (``pipelines.stages.parts``).
    """
    if not batches:
        return
    # quote(): Prefect would visit every FoundFile of every batch looking for futures (1 s
    # per 10k files); the thread runner unwraps it for the task, Dask's passes it on as is
    unwrapped = isinstance(runner, ThreadPoolTaskRunner)
    with runner:
        futures = [
            runner.submit(
                parse_batch,
                parameters={
                    "vault": vault,
                    "files": quote(batch) if unwrapped else batch,
                    "tz": timezone,
                    "batch_no": number,
                    "batch_count": len(batches),
                    "processes": processes,
                    "parts": parts,
                    "kinds": kinds or [],
                },
            )
            for number, batch in enumerate(batches, 1)
        ]
        for future in futures:
            yield future.result()
