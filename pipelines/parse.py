"""The parse stage: read a batch of files and hand each to ``transforms.rows.parse_note``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

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


@task(name="parse_batch", cache_policy=NO_CACHE, task_run_name="parse batch {batch_no}")
def parse_batch(vault: str, files: list[FoundFile], tz: str, batch_no: int = 0) -> list[ParsedNote]:
    """Parse one batch of files; never raises for a bad note."""
    root = Path(vault)
    return [read_note(root, found, tz) for found in files]
