"""What the bench measures: the read floor, one ``notehouse build`` as a child process, rows.

The build runs as the real command line in its own process group; its peak RSS and
CPU time come from ``os.wait4`` (the child and every process it waited for, such as
the temporary Prefect server). Stage seconds come from the flow's
``seconds per stage:`` log line, when the flow writes it.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STAGE_LINE = re.compile(r"seconds per stage: (?P<pairs>(?:\w+=[\d.]+ ?)+)")
INNER_LINE = re.compile(r"seconds in (?P<name>\w+): (?P<s>[\d.]+)")
REPORT_PARTS = ("marts", "dashboard")  # the report stage runs inside the load task
PLAN_LINE = re.compile(r"\((?P<parse>\d+) to parse, (?P<reuse>\d+) unchanged\)")
POLL_SECONDS = 0.05
TAIL_CHARS = 2000


@dataclass(frozen=True)
class Floor:
    """Walking the vault and reading every file's bytes, in this process."""

    seconds: float
    files: int
    bytes: int


@dataclass(frozen=True)
class Build:
    """One ``notehouse build`` child process."""

    wall_seconds: float
    exit_code: int
    peak_rss_mb: float
    cpu_user_seconds: float
    cpu_system_seconds: float
    stages: dict[str, float] = field(default_factory=dict)
    files_parsed: int | None = None  # from the flow's log: files parsed and reused this run
    files_reused: int | None = None
    timed_out: bool = False
    error_tail: str = ""

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.timed_out


def read_floor(vault: Path) -> Floor:
    """Walk ``vault`` and read every file's bytes: the least any build must do."""
    files = total = 0
    started = time.perf_counter()
    for folder, _, names in os.walk(vault):
        for name in names:
            with open(os.path.join(folder, name), "rb") as handle:
                total += len(handle.read())
            files += 1
    return Floor(time.perf_counter() - started, files, total)


def parse_stages(log: str) -> dict[str, float]:
    """Stage seconds from the flow's log; ``load`` excludes the check and report inside it.

    >>> parse_stages("x seconds in check: 0.5\\ny seconds in marts: 0.25\\n"
    ...              "z seconds per stage: discover=0.1 parse=3.4 load=2.0 total=5.5")
    {'discover': 0.1, 'parse': 3.4, 'load': 1.25, 'total': 5.5, 'check': 0.5, 'report': 0.25}
    >>> parse_stages("no such line")
    {}
    """
    stages: dict[str, float] = {}
    for match in STAGE_LINE.finditer(log):
        for pair in match["pairs"].split():
            name, _, value = pair.partition("=")
            stages[name] = float(value)
    inner = {m["name"]: float(m["s"]) for m in INNER_LINE.finditer(log)}
    if "check" in inner:
        stages["check"] = inner["check"]
    report = [inner[k] for k in REPORT_PARTS if k in inner]
    if report:
        stages["report"] = sum(report)
    if "load" in stages:
        stages["load"] = round(stages["load"] - stages.get("check", 0) - sum(report), 3)
    return stages


def run_build(
    command: list[str], env: dict[str, str], timeout: float, cwd: Path | None = None
) -> Build:
    """Run ``command`` (in ``cwd``); wait with ``os.wait4`` for its exit status and resource use."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            command, env=env, stdout=out, stderr=err, start_new_session=True, cwd=cwd
        )
        status, usage, timed_out = _wait(proc, started + timeout)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        log = err.read().decode(errors="replace")
    plan = PLAN_LINE.search(log)
    return Build(
        wall_seconds=wall,
        exit_code=proc.returncode,
        peak_rss_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
        cpu_user_seconds=usage.ru_utime,
        cpu_system_seconds=usage.ru_stime,
        stages=parse_stages(log),
        files_parsed=int(plan["parse"]) if plan else None,
        files_reused=int(plan["reuse"]) if plan else None,
        timed_out=timed_out,
        error_tail="" if proc.returncode == 0 else log[-TAIL_CHARS:],
    )


def _wait(proc: subprocess.Popen[bytes], deadline: float) -> tuple[int, Any, bool]:
    timed_out = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            return status, usage, timed_out
        if not timed_out and time.perf_counter() > deadline:
            os.killpg(proc.pid, signal.SIGTERM)  # the build and the Prefect server it started
            timed_out = True
        time.sleep(POLL_SECONDS)


def table_rows(database: Path) -> dict[str, int]:
    """Rows per base table of the published DuckDB file."""
    import duckdb

    con = duckdb.connect(str(database), read_only=True)
    try:
        names = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables "
                "where table_type = 'BASE TABLE' and table_schema = 'main' order by 1"
            ).fetchall()
        ]
        return {n: int(con.execute(f'select count(*) from "{n}"').fetchone()[0]) for n in names}
    finally:
        con.close()


EDIT_TEXT = (
    "\n\nEdited for the benchmark: revenue reached $42k/month and grew 12% year over year.\n"
)


def edit_notes(vault: Path, skip: set[str], share: float) -> dict[Path, bytes]:
    """Append a paragraph to ``share`` of the good notes, evenly spaced; return the originals."""
    paths = sorted(p for p in vault.rglob("*.md") if p.relative_to(vault).as_posix() not in skip)
    count = max(1, round(len(paths) * share)) if paths else 0
    chosen = [paths[int((k + 0.5) * len(paths) / count)] for k in range(count)]
    originals = {p: p.read_bytes() for p in chosen}
    for path, data in originals.items():
        path.write_bytes(data + EDIT_TEXT.encode())
    return originals


def restore_notes(originals: dict[Path, bytes]) -> None:
    for path, data in originals.items():
        path.write_bytes(data)
