"""The rows that record a build: its issues, its manifest, its change counts, kept history.

``record_build`` takes what the flow knows after the parse stage (the discovery, the plan,
the parsed notes) and returns them all at once as ``BuildRecords``; none of this reads a note.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from pipelines.stages.database import read_previous
from pipelines.stages.discover import Discovery
from pipelines.stages.parts import NoteOutcome, arrow_table
from pipelines.state.manifest import Plan
from transforms.ids import note_id
from transforms.note import Row


@dataclass(frozen=True)
class BuildRecords:
    """A build's own records and counts, ready for the load stage and the summary."""

    run_id: str
    runs: list[Row]  # this build's row of ``runs``
    manifest: pa.Table
    parse_issues: list[Row]
    reuse_note_ids: list[str]  # the notes whose rows come from the published build
    changes: Counter[str]  # new, changed, unchanged, deleted files
    severities: Counter[str]  # issues by severity
    files_seen: int
    notes_loaded: int  # parsed and loaded now, plus reused
    parsed_loaded: int  # of those, parsed now (their rows are in the parts)
    files_parsed: int  # files read and parsed by this build (all of them with --full)

    def tables(self) -> dict[str, list[Row] | pa.Table]:
        return {"parse_issues": self.parse_issues, "manifest": self.manifest, "runs": self.runs}


def record_build(
    run: tuple[str, dt.datetime, str],
    vault: str,
    discovery: Discovery,
    plan: Plan,
    parsed: list[NoteOutcome],
    warehouse: Path,
) -> BuildRecords:
    """Everything a build records about itself. ``run`` is its id, start time and parser
    version; the previous build's issues of reused files are restated for this run."""
    run_id, started, version = run
    issues = issue_rows(run_id, parsed, discovery) + carried_issues(warehouse, plan, run_id)
    reused = plan.reused()
    severities = Counter(r["severity"] for r in issues)
    changes = change_counts(plan, parsed)
    parsed_loaded = sum(1 for p in parsed if p.loaded)
    notes_loaded = parsed_loaded + reused.column("loaded").to_pylist().count(True)
    files_seen = len(discovery.files) + len(discovery.refused)
    runs = [
        {
            "run_id": run_id,
            "started_at": started,
            "finished_at": dt.datetime.now(dt.UTC),
            "vault": str(Path(vault).resolve()),
            "files_seen": files_seen,
            "files_new": changes["new"],
            "files_changed": changes["changed"],
            "files_deleted": changes["deleted"],
            "files_unchanged": changes["unchanged"],
            "files_parsed": len(parsed),
            "notes_loaded": notes_loaded,
            "errors": severities["error"],
            "warnings": severities["warning"],
            "status": "published",
            "parser_version": version,
        }
    ]
    return BuildRecords(
        run_id=run_id,
        runs=runs,
        manifest=manifest_rows(plan, parsed, version, run_id, reused),
        parse_issues=issues,
        reuse_note_ids=reused.column("note_id").to_pylist(),
        changes=changes,
        severities=severities,
        files_seen=files_seen,
        notes_loaded=notes_loaded,
        parsed_loaded=parsed_loaded,
        files_parsed=len(parsed),
    )


def issue_rows(run_id: str, parsed: list[NoteOutcome], discovery: Discovery) -> list[Row]:
    rows: list[Row] = [
        {
            "run_id": run_id,
            "path": r.path,
            "note_id": note_id(r.path),
            "severity": r.severity,
            "stage": "discover",
            "message": r.message,
            "line": None,
        }
        for r in discovery.refused
    ]
    for p in parsed:
        rows += [
            {
                "run_id": run_id,
                "path": p.path,
                "note_id": p.note_id if p.loaded else None,
                "severity": i.severity,
                "stage": i.stage,
                "message": i.message,
                "line": i.line,
            }
            for i in p.issues
        ]
        if not p.loaded and not any(i.severity == "error" for i in p.issues):
            rows.append(
                {
                    "run_id": run_id,
                    "path": p.path,
                    "note_id": None,
                    "severity": "error",
                    "stage": "parse",
                    "message": "the note produced no rows",
                    "line": None,
                }
            )
    return rows


def carried_issues(warehouse: Path, plan: Plan, run_id: str) -> list[Row]:
    """The previous build's issues of files reused unchanged, restated for this run."""
    previous = read_previous(warehouse, "parse_issues")
    if previous is None or not plan.reuse or plan.previous_run_id is None:
        return []
    paths = pa.array([f.path for f in plan.reuse], type=pa.string())
    mask = pc.and_(
        pc.equal(previous["run_id"], plan.previous_run_id),
        pc.is_in(previous["path"], value_set=paths),
    )
    rows = previous.filter(mask).to_pylist()
    for row in rows:
        row["run_id"] = run_id
    return rows


def change_counts(plan: Plan, parsed: list[NoteOutcome]) -> Counter[str]:
    counts: Counter[str] = Counter(unchanged=len(plan.reuse), deleted=len(plan.deleted))
    for p in parsed:
        if p.path not in plan.previous:
            counts["new"] += 1
        elif plan.previous.value(p.path, "content_sha256") != p.content_sha256:
            counts["changed"] += 1
        else:
            counts["unchanged"] += 1
    return counts


def manifest_rows(
    plan: Plan, parsed: list[NoteOutcome], version: str, run_id: str, reused: pa.Table
) -> pa.Table:
    """The new manifest: an entry per parsed file, then ``reused`` (``plan.reused()``)."""
    stats = {f.path: f for f in plan.parse}
    rows = [
        {
            "path": p.path,
            "note_id": p.note_id,
            "size_bytes": stats[p.path].size,
            "mtime_ns": stats[p.path].mtime_ns,
            "content_sha256": p.content_sha256,
            "parser_version": version,
            "loaded": p.loaded,
            "run_id": run_id,
        }
        for p in parsed
    ]
    return pa.concat_tables([arrow_table("manifest", rows), reused])


def with_history(warehouse: Path, name: str, current: pa.Table, keep: set[str] | None) -> pa.Table:
    previous = read_previous(warehouse, name)
    if previous is None:
        return current
    if keep is not None:
        previous = previous.filter(pc.is_in(previous["run_id"], value_set=pa.array(sorted(keep))))
    return pa.concat_tables([previous, current])
