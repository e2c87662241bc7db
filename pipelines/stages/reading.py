"""Reading note files and parsing them, on one core or on a pool of worker processes.

Parsing is pure Python, so threads share one core; a pool of processes uses them
all. The pool's workers import only ``transforms`` and ``pipelines.stages.parts`` (no Prefect),
are started once per flow run and shared by every parse batch running at the same time.
Each worker writes the rows it parsed as Parquet parts itself; only a small outcome per
file comes back.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pipelines.stages.discover import FoundFile
from pipelines.stages.parts import NoteOutcome, write_parts
from transforms.ids import note_id
from transforms.issues import Issue
from transforms.note import ParsedNote, parse_note

# Below this many files a batch is parsed in the calling process: a round trip costs more.
MIN_FILES_FOR_POOL = 40

_pools: dict[int, ProcessPoolExecutor] = {}
_pools_lock = threading.Lock()


def read_note(
    vault: Path, found: FoundFile, tz: str, kinds: Sequence[Sequence[str]] = ()
) -> ParsedNote:
    """Read one file and parse it; a file that cannot be read becomes an error issue.

    ``kinds`` is the ``[kinds]`` table: (glob, kind) pairs passed on to ``parse_note``.
    """
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
    rules = [(str(glob), str(kind)) for glob, kind in kinds]
    return parse_note(found.path, data, mtime=mtime, tz=tz, kinds=rules)


def parse_files(
    vault: str, files: list[FoundFile], tz: str, kinds: Sequence[Sequence[str]] = ()
) -> list[ParsedNote]:
    root = Path(vault)
    return [read_note(root, found, tz, kinds) for found in files]


def _pool(processes: int) -> ProcessPoolExecutor:
    # batches start on several threads at once: without the lock each made its own pool
    with _pools_lock:
        if processes not in _pools:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["transforms.note", "pipelines.stages.parts"])
            _pools[processes] = ProcessPoolExecutor(
                max_workers=processes, mp_context=context, initializer=exit_with_parent
            )
        return _pools[processes]


def exit_with_parent() -> None:
    """In a pool worker: end the worker as soon as the process that started the pool is gone.

    After a ``kill -9`` of a build nobody shuts the pool down, and a worker waiting for work
    or blocked writing a result would wait forever, keeping the build's output pipes open.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()  # returns when the parent's end of the sentinel pipe closes
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def close_pools() -> None:
    """Stop the worker processes (the flow calls this when it ends)."""
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)


def parse_chunk(
    vault: str,
    files: list[FoundFile],
    tz: str,
    parts: str,
    chunk: str,
    kinds: Sequence[Sequence[str]] = (),
) -> list[NoteOutcome]:
    """Parse ``files`` and write their rows as the parts named ``chunk`` (``stages.parts``)."""
    return write_parts(Path(parts), chunk, parse_files(vault, files, tz, kinds))


def parse_in_processes(
    vault: str,
    files: list[FoundFile],
    tz: str,
    processes: int,
    parts: str,
    name: str,
    kinds: Sequence[Sequence[str]] = (),
) -> list[NoteOutcome]:
    """Parse ``files`` on ``processes`` worker processes, each writing its own parts.

    The rows land in ``parts`` as ``<table>/<name>-<kkk>.parquet``; what comes back is one
    small ``NoteOutcome`` per file, in the order of ``files``.
    """
    if processes <= 1 or len(files) < MIN_FILES_FOR_POOL:
        return parse_chunk(vault, files, tz, parts, f"{name}-000", kinds)
    size = -(-len(files) // (processes * 2))  # two chunks per worker evens out slow notes
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    pool = _pool(processes)
    futures = [
        pool.submit(parse_chunk, vault, chunk, tz, parts, f"{name}-{k:03d}", kinds)
        for k, chunk in enumerate(chunks)
    ]
    return [note for future in futures for note in future.result()]
