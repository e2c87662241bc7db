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
from typing import Any

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner


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
