"""Incremental builds: what changed since the last build, by the manifest it left.

A file whose size, modification time and parser version match its manifest
entry is not read at all; its rows are copied from the previous build. Any
change to the parsing code (``transforms/``) or the table DDL gives a new parser
version, and a new version re-parses everything, as ``--full`` does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines import PROJECT_ROOT, SQL_DIR
from pipelines.discover import FoundFile
from pipelines.load import read_previous
from transforms.rows import PARSER_VERSION


def code_version() -> str:
    """``PARSER_VERSION`` plus a digest of what a note's rows depend on: the transforms
    modules and the table DDL. Views, checks, marts and links are rebuilt every time anyway,
    so editing them re-parses nothing."""
    digest = hashlib.sha256(PARSER_VERSION.encode())
    sources = sorted((PROJECT_ROOT / "transforms").glob("*.py"))
    sources += sorted((SQL_DIR / "schema").glob("*.sql"))
    for path in sources:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{PARSER_VERSION}-{digest.hexdigest()[:12]}"


@dataclass(frozen=True)
class Plan:
    parse: list[FoundFile]
    reuse: list[FoundFile]
    deleted: list[str]
    previous: dict[str, dict[str, Any]] = field(repr=False)
    previous_run_id: str | None = None

    def is_new(self, path: str) -> bool:
        return path not in self.previous


def read_manifest(warehouse: Path) -> tuple[dict[str, dict[str, Any]], str | None]:
    """The last build's manifest by path, and that build's run id."""
    table = read_previous(warehouse, "manifest")
    runs = read_previous(warehouse, "runs")
    if table is None or runs is None or runs.num_rows == 0:
        return {}, None
    last = runs.sort_by([("started_at", "descending")]).column("run_id")[0].as_py()
    return {row["path"]: row for row in table.to_pylist()}, last


def plan_build(files: list[FoundFile], warehouse: Path, version: str, *, full: bool) -> Plan:
    previous, run_id = read_manifest(warehouse)
    seen = {f.path for f in files}
    deleted = sorted(p for p in previous if p not in seen)
    if full or not previous:
        return Plan(list(files), [], deleted, previous, run_id)
    parse, reuse = [], []
    for found in files:
        entry = previous.get(found.path)
        same = (
            entry is not None
            and entry["size_bytes"] == found.size
            and entry["mtime_ns"] == found.mtime_ns
            and entry["parser_version"] == version
        )
        (reuse if same else parse).append(found)
    return Plan(parse, reuse, deleted, previous, run_id)
