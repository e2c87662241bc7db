"""Run reports: a Prefect markdown artifact per build and a table artifact of its parse issues.

Both carry a key made from the vault (``notehouse-report-<name>-<hash>``), so the Prefect UI
keeps one history per vault under Artifacts. The text is built by pure functions here and
handed to Prefect in ``publish_run_report``; a report that cannot be sent is logged, never
raised, because the warehouse is already published when it is written.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pipelines.stages.check import CheckResult

FIRST_ISSUES = 10  # issues quoted in the markdown report
MAX_ISSUE_ROWS = 1000  # rows of the parse-issues table artifact
_NOT_KEY = re.compile(r"[^a-z0-9]+")
_CELL_BREAK = re.compile(r"\s*[\r\n]+\s*")
_SEVERITY_ORDER = {"error": 0, "warning": 1}


def artifact_key(vault: str, kind: str) -> str:
    """A Prefect artifact key (lowercase letters, digits, dashes) naming this vault.

    >>> artifact_key("/home/ana/Notes Vault", "report")[:-9]
    'notehouse-report-notes-vault'
    >>> artifact_key("/data/人物", "issues")[:-9]
    'notehouse-issues-vault'
    """
    name = _NOT_KEY.sub("-", Path(vault).name.lower()).strip("-")[:40].strip("-") or "vault"
    where = str(Path(vault).resolve())
    digest = hashlib.sha1(where.encode("utf-8", "replace")).hexdigest()[:8]
    return f"notehouse-{kind}-{name}-{digest}"


def cell(value: Any) -> str:
    """``value`` as one markdown table cell: no line breaks, pipes escaped, empty for None.

    >>> cell("a | b\\nc")
    'a \\\\| b c'
    >>> cell(None), cell(3)
    ('', '3')
    """
    if value is None:
        return ""
    return _CELL_BREAK.sub(" ", str(value)).replace("|", "\\|").strip()


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return lines


def sorted_issues(issues: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Errors first, then warnings; within each, by path and line.

    >>> [i["path"] for i in sorted_issues([{"severity": "warning", "path": "a.md"},
    ...                                    {"severity": "error", "path": "b.md"}])]
    ['b.md', 'a.md']
    """
    return sorted(
        issues,
        key=lambda i: (
            _SEVERITY_ORDER.get(str(i.get("severity")), 2),
            str(i.get("path")),
            i.get("line") or 0,
        ),
    )


def _issue_section(issues: Sequence[Mapping[str, Any]]) -> list[str]:
    counts = Counter(str(i.get("severity")) for i in issues)
    lines = [
        "## Issues",
        "",
        f"{counts['error']} errors, {counts['warning']} warnings"
        + (" (all rows are in the `parse_issues` table)." if issues else "."),
    ]
    if issues:
        first = sorted_issues(issues)[:FIRST_ISSUES]
        lines += ["", f"First {len(first)}:", ""]
        lines += _table(
            ["severity", "file", "line", "stage", "message"],
            [[i.get(k) for k in ("severity", "path", "line", "stage", "message")] for i in first],
        )
    return lines


def _verdict(result: CheckResult) -> str:
    if result.passed:
        return "passed"
    return "FAILED" if result.severity == "error" else "warning"


def report_markdown(
    summary: Mapping[str, Any],
    issues: Sequence[Mapping[str, Any]],
    results: Sequence[CheckResult],
) -> str:
    """The markdown run report of one build.

    >>> text = report_markdown(
    ...     {"vault": "/v", "warehouse": "/w", "run_id": "r1", "files_new": 2,
    ...      "rows": {"notes": 2}, "seconds": {"parse": 0.5}},
    ...     [{"severity": "warning", "path": "a.md", "line": 3, "stage": "dates",
    ...       "message": "two dates disagree"}], [])
    >>> "| 2 | 0 | 0 | 0 | 0 |" in text, "| warning | a.md | 3 | dates |" in text
    (True, True)
    """
    files = ["files_new", "files_changed", "files_unchanged", "files_deleted", "files_skipped"]
    lines = [
        f"# notehouse build of {cell(Path(str(summary.get('vault', ''))).name)}",
        "",
        f"Vault `{summary.get('vault')}` published to `{summary.get('warehouse')}` "
        f"(run `{summary.get('run_id')}`).",
        "",
        "## Files",
        "",
        *_table(
            ["new", "changed", "unchanged", "deleted", "other files skipped"],
            [[summary.get(k, 0) for k in files]],
        ),
        "",
        "## Rows per table",
        "",
        *_table(["table", "rows"], sorted(dict(summary.get("rows", {})).items())),
        "",
        *_issue_section(issues),
        "",
        "## Checks",
        "",
    ]
    if results:
        lines += _table(
            ["check", "severity", "offending rows", "result"],
            [[r.check_name, r.severity, r.failing_rows, _verdict(r)] for r in results],
        )
    else:
        lines.append("No checks ran.")
    seconds = dict(summary.get("seconds", {}))
    lines += ["", "## Seconds per stage", ""]
    lines += _table(["stage", "seconds"], [[k, f"{v:.2f}"] for k, v in seconds.items()])
    return "\n".join(lines) + "\n"


def issue_table(
    issues: Sequence[Mapping[str, Any]], limit: int = MAX_ISSUE_ROWS
) -> list[dict[str, Any]]:
    """The rows of the parse-issues table artifact: errors first, at most ``limit``.

    >>> issue_table([{"severity": "error", "path": "x.md", "line": None, "stage": "decode",
    ...               "message": "binary file", "run_id": "r"}])
    [{'severity': 'error', 'path': 'x.md', 'line': '', 'stage': 'decode', 'message': 'binary file'}]
    """
    return [
        {
            "severity": i.get("severity"),
            "path": i.get("path"),
            "line": "" if i.get("line") is None else i.get("line"),
            "stage": i.get("stage"),
            "message": i.get("message"),
        }
        for i in sorted_issues(issues)[:limit]
    ]


def publish_run_report(
    summary: Mapping[str, Any],
    issues: Sequence[Mapping[str, Any]],
    results: Sequence[CheckResult],
) -> None:
    """Send the markdown report and the issues table to Prefect for the current flow run."""
    from prefect import get_run_logger
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    logger = get_run_logger()
    vault = str(summary.get("vault", ""))
    name = Path(vault).name or vault
    try:
        create_markdown_artifact(
            markdown=report_markdown(summary, issues, results),
            key=artifact_key(vault, "report"),
            description=f"notehouse build of {name}",
        )
        rows = issue_table(issues)
        shown = f"all {len(issues)}" if len(rows) == len(issues) else f"first {len(rows)}"
        create_table_artifact(
            table=rows
            or [{"severity": "", "path": "", "line": "", "stage": "", "message": "no issues"}],
            key=artifact_key(vault, "issues"),
            description=f"parse issues of {name}: {shown} of {len(issues)}, errors first",
        )
    except Exception as exc:  # the warehouse is published; a missing report is not fatal
        logger.warning("could not publish the run report artifacts: %s", exc)
