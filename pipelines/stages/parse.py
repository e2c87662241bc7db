"""The parse stage as a Prefect task: one task run per batch of files (see ``reading``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from pipelines.stages.discover import FoundFile
from pipelines.stages.parts import NoteOutcome
from pipelines.stages.reading import parse_in_processes, read_note

__all__ = ["batch_run_name", "parse_batch", "read_note"]


def batch_run_name(parameters: dict[str, Any]) -> str:
    """The task-run name of a batch: which vault, which batch of how many, how many files.

    >>> batch_run_name({"vault": "/srv/notes", "files": [1, 2], "batch_no": 3, "batch_count": 9})
    'parse notes batch 3/9 (2 files)'
    >>> batch_run_name({"vault": "/srv/notes", "files": quote([1, 2, 3]), "batch_no": 1})
    'parse notes batch 1 (3 files)'
    """
    vault = Path(str(parameters.get("vault", ""))).name
    number, count = parameters.get("batch_no", 0), parameters.get("batch_count", 0)
    files = parameters.get("files") or []
    if isinstance(files, quote):  # as ``run_batches`` passes them
        files = files.unquote()
    of = f"/{count}" if count else ""
    return f"parse {vault} batch {number}{of} ({len(files)} files)"


@task(
    name="parse_batch",
    task_run_name=batch_run_name,
    retries=2,
    retry_delay_seconds=exponential_backoff(backoff_factor=1),
    cache_policy=NO_CACHE,
)
def parse_batch(
    vault: str,
    files: list[FoundFile],
    tz: str,
    batch_no: int = 0,
    batch_count: int = 0,
    processes: int = 1,
    parts: str = "",
    kinds: list[list[str]] | None = None,
) -> list[NoteOutcome]:
    """Parse one batch of files on ``processes`` worker processes; never raises for a bad note.

    The rows go to ``parts`` as Parquet (``stages.parts``); the outcome of each file comes back.
    """
    name = f"batch-{batch_no:06d}"
    return parse_in_processes(vault, files, tz, processes, parts, name, kinds or [])
