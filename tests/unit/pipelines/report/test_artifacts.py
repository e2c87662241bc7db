"""The run report: what the markdown artifact says and how issues become a table."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pipelines.report.artifacts import (
    FIRST_ISSUES,
    artifact_key,
    cell,
    issue_table,
    report_markdown,
)
from pipelines.stages.check import CheckResult

SUMMARY: dict[str, Any] = {
    "run_id": "run-1",
    "vault": "/srv/vault",
    "warehouse": "/srv/warehouse",
    "files_new": 3,
    "files_changed": 1,
    "files_unchanged": 30,
    "files_deleted": 2,
    "files_skipped": 4,
    "rows": {"notes": 34, "chapters": 120},
    "seconds": {"discover": 0.01, "parse": 1.234, "load": 0.5, "total": 1.75},
}


def _issue(severity: str, path: str, line: int | None, message: str) -> dict[str, Any]:
    return {
        "run_id": "run-1",
        "severity": severity,
        "path": path,
        "line": line,
        "stage": "parse",
        "message": message,
    }


ISSUES = [
    _issue("warning", "b.md", 4, "front matter is not valid YAML"),
    _issue("error", "scan.md", None, "looks like a binary file"),
    *[_issue("warning", f"w{i:02}.md", i, "dates disagree") for i in range(12)],
]
CHECKS = [
    CheckResult("chapters_in_order", "warning", "chapters in order", 1, []),
    CheckResult("note_ids_unique", "error", "note ids are unique", 0, []),
    CheckResult("references_resolve", "error", "links resolve", 2, []),
]

# a value that would break a markdown table cell, and the cell text
BUGS_CAUGHT = [
    ("a | b", "a \\| b"),
    ("line one\nline two", "line one line two"),
    ("crlf\r\n  next", "crlf next"),
    (None, ""),
]


@pytest.fixture(scope="module")
def text() -> str:
    return report_markdown(SUMMARY, ISSUES, CHECKS)


@pytest.mark.parametrize(
    "section", ["## Files", "## Rows per table", "## Issues", "## Checks", "## Seconds per stage"]
)
def test_report_has_every_section(text: str, section: str) -> None:
    assert f"\n{section}\n" in text


def test_report_counts_files_rows_and_seconds(text: str) -> None:
    assert "| 3 | 1 | 30 | 2 | 4 |" in text
    assert "| notes | 34 |" in text and "| chapters | 120 |" in text
    assert "| parse | 1.23 |" in text and "| total | 1.75 |" in text


def test_report_counts_issues_by_severity_and_quotes_the_first_few_errors_first(
    text: str,
) -> None:
    assert "1 errors, 13 warnings" in text
    quoted = re.findall(r"^\| (error|warning) \| ([^|]+) \|", text, flags=re.M)
    assert len(quoted) == FIRST_ISSUES
    assert quoted[0] == ("error", "scan.md")


def test_report_gives_each_check_a_verdict(text: str) -> None:
    assert "| references_resolve | error | 2 | FAILED |" in text
    assert "| note_ids_unique | error | 0 | passed |" in text
    assert "| chapters_in_order | warning | 1 | warning |" in text


def test_report_without_issues_or_checks() -> None:
    text = report_markdown(SUMMARY, [], [])
    assert "0 errors, 0 warnings." in text and "No checks ran." in text


@pytest.mark.parametrize("value, shown", BUGS_CAUGHT, ids=[repr(c[0]) for c in BUGS_CAUGHT])
def test_cell_keeps_the_table_intact(value: Any, shown: str) -> None:
    assert cell(value) == shown


def test_issue_table_is_capped_sorted_and_drops_the_run_id() -> None:
    rows = issue_table(ISSUES, limit=5)
    assert len(rows) == 5 and rows[0]["path"] == "scan.md" and rows[0]["line"] == ""
    assert set(rows[0]) == {"severity", "path", "line", "stage", "message"}


@pytest.mark.parametrize(
    "vault",
    ["/srv/vault", "/srv/My Notes", "/data/人物", "/x/" + "a" * 90],
    ids=["plain", "spaces", "chinese", "long"],
)
def test_artifact_key_is_a_valid_prefect_key(vault: str) -> None:
    key = artifact_key(vault, "report")
    assert re.fullmatch(r"[a-z0-9-]+", key) and len(key) <= 70


def test_artifact_keys_differ_for_vaults_with_the_same_name() -> None:
    assert artifact_key("/a/notes", "report") != artifact_key("/b/notes", "report")
