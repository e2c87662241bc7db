"""The parse stage: read a batch of files and hand each to ``transforms.rows.parse_note``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from pipelines.discover import FoundFile
from transforms.ids import note_id
from transforms.issues import Issue
from transforms.rows import ParsedNote, parse_note


def read_note(vault: Path, found: FoundFile, tz: str) -> ParsedNote:
    """Read one file and parse it; a file that cannot be read becomes an error issue."""
    try:
        data = (vault / found.fs_path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        parsed = ParsedNote(found.path, note_id(found.path))
        parsed.issues.append(
            Issue(
                "error",
                "read",
                f"cannot read the file ({reason}); check that it still "
                "exists and that notehouse may read it",
            )
        )
        return parsed
    mtime = dt.datetime.fromtimestamp(found.mtime_ns / 1e9, tz=dt.UTC)
    return parse_note(found.path, data, mtime=mtime, tz=tz)


def batch_run_name(parameters: dict[str, Any]) -> str:
    """The task-run name of a batch: which vault, which batch of how many, how many files.

    >>> batch_run_name({"vault": "/srv/notes", "files": [1, 2], "batch_no": 3, "batch_count": 9})
    'parse notes batch 3/9 (2 files)'
    """
    vault = Path(str(parameters.get("vault", ""))).name
    number, count = parameters.get("batch_no", 0), parameters.get("batch_count", 0)
    of = f"/{count}" if count else ""
    return f"parse {vault} batch {number}{of} ({len(parameters.get('files') or [])} files)"


@task(
    name="parse_batch",
    task_run_name=batch_run_name,
    retries=2,
    retry_delay_seconds=exponential_backoff(backoff_factor=1),
    cache_policy=NO_CACHE,
)
def parse_batch(
    vault: str, files: list[FoundFile], tz: str, batch_no: int = 0, batch_count: int = 0
) -> list[ParsedNote]:
    """Parse one batch of files; never raises for a bad note."""
    root = Path(vault)
    return [read_note(root, found, tz) for found in files]
