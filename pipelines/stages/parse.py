"""The parse stage: the files to parse split into batches, one ``parse_batch`` task run per
batch on the flow's task runner, each batch parsed in worker processes (``reading``) that
write the rows as Parquet parts (``parts``); only a small outcome per file comes back."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from pipelines.runtime.progress import report
from pipelines.stages.discover import FoundFile
from pipelines.stages.parts import NoteOutcome
from pipelines.stages.reading import parse_in_processes, read_note
from pipelines.state.faults import fault_point

__all__ = ["ParseJob", "batch_run_name", "parse_batch", "parse_stage", "read_note", "split_batches"]


@dataclass(frozen=True)
class ParseJob:
    """What the parse stage needs: the files to parse, where and how."""

    vault: str
    files: list[FoundFile]
    timezone: str
    batch_size: int
    parts: str  # the folder the workers write their Parquet parts to
    runner: TaskRunner[Any]  # where the batches run (``pipelines.runtime.runners``)
    processes: int = 1  # worker processes per batch (threads share one pool)
    kinds: list[list[str]] | None = None  # the ``[kinds]`` table: (glob, kind) pairs


def split_batches(files: Sequence[FoundFile], batch_size: int) -> list[list[FoundFile]]:
    """Consecutive batches of at most ``batch_size`` files, in discovery order.

    >>> [len(b) for b in split_batches(list(range(7)), 3)]
    [3, 3, 1]
    >>> split_batches([], 500)
    []
    """
    return [list(files[i : i + batch_size]) for i in range(0, len(files), batch_size)]


def parse_stage(job: ParseJob) -> list[NoteOutcome]:
    """Parse every file of ``job`` in batches and return the outcomes in discovery order,
    reporting progress as batches finish. Must run inside a flow run."""
    parsed: list[NoteOutcome] = []
    report("parse", 0, len(job.files))
    for outcomes in _run_batches(job, split_batches(job.files, job.batch_size)):
        parsed.extend(outcomes)
        report("parse", len(parsed), len(job.files))
    fault_point("parse")
    return parsed


def _run_batches(job: ParseJob, batches: list[list[FoundFile]]) -> Iterator[list[NoteOutcome]]:
    """Submit every batch to the job's runner; yield the outcomes batch by batch, in order."""
    if not batches:
        return
    # quote(): Prefect would visit every FoundFile of every batch looking for futures (1 s
    # per 10k files); the thread runner unwraps it for the task, Dask's passes it on as is
    unwrapped = isinstance(job.runner, ThreadPoolTaskRunner)
    with job.runner:
        futures = [
            job.runner.submit(
                parse_batch,
                parameters={
                    "vault": job.vault,
                    "files": quote(batch) if unwrapped else batch,
                    "tz": job.timezone,
                    "batch_no": number,
                    "batch_count": len(batches),
                    "processes": job.processes,
                    "parts": job.parts,
                    "kinds": job.kinds or [],
                },
            )
            for number, batch in enumerate(batches, 1)
        ]
        for future in futures:
            yield future.result()


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
    if isinstance(files, quote):  # as ``_run_batches`` passes them
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
