"""Reading note files and parsing them, on one core or on a pool of worker processes.

Parsing is pure Python, so threads share one core; a pool of processes uses them
all. The pool's workers import only ``transforms`` (no Prefect), and are started
once per flow run and shared by every parse batch running at the same time.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pipelines.discover import FoundFile
from transforms.ids import note_id
from transforms.issues import Issue
from transforms.rows import ParsedNote, parse_note

# Below this many files a batch is parsed in the calling process: a round trip costs more.
MIN_FILES_FOR_POOL = 40

_pools: dict[int, ProcessPoolExecutor] = {}


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


def parse_files(vault: str, files: list[FoundFile], tz: str) -> list[ParsedNote]:
    root = Path(vault)
    return [read_note(root, found, tz) for found in files]


def _pool(processes: int) -> ProcessPoolExecutor:
    if processes not in _pools:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["transforms.rows"])
        _pools[processes] = ProcessPoolExecutor(max_workers=processes, mp_context=context)
    return _pools[processes]


def close_pools() -> None:
    """Stop the worker processes (the flow calls this when it ends)."""
    while _pools:
        _, pool = _pools.popitem()
        pool.shutdown(wait=True, cancel_futures=True)


def parse_in_processes(
    vault: str, files: list[FoundFile], tz: str, processes: int
) -> list[ParsedNote]:
    """The same result as ``parse_files``, computed on ``processes`` worker processes."""
    if processes <= 1 or len(files) < MIN_FILES_FOR_POOL:
        return parse_files(vault, files, tz)
    size = -(-len(files) // (processes * 2))  # two chunks per worker evens out slow notes
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    pool = _pool(processes)
    futures = [pool.submit(parse_files, vault, chunk, tz) for chunk in chunks]
    return [parsed for future in futures for parsed in future.result()]
