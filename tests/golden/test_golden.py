"""Golden tests: every note of the example vault, and every fixture note written in a real
archive's shape, against its expected rows.

``tests/golden/expected/vault/<path>.expected.json`` holds what ``parse_note`` must give
for ``examples/vault/<path>``, and ``tests/golden/expected/shapes/<path>.expected.json``
for ``tests/golden/shapes/<path>``: notes written here, in our own words, in the shapes
public archives use (a Hugo podcast site, an Obsidian vault, a Jekyll income blog …),
each under a folder laid out as such an archive lays it out, since the path is evidence
too. A missing expected file fails.
After a deliberate change, regenerate with ``NOTEHOUSE_UPDATE_GOLDEN=1 make test``
and review the diff like code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from pipelines.config import DEFAULT_EXCLUDE, DEFAULT_INCLUDE
from pipelines.stages.discover import discover_files
from tests.conftest import EXAMPLE_VAULT
from transforms.note import parse_note

EXPECTED = Path(__file__).parent / "expected"
SHAPES = Path(__file__).parent / "shapes"
ROOTS = {"vault": EXAMPLE_VAULT, "shapes": SHAPES}
UPDATE = os.environ.get("NOTEHOUSE_UPDATE_GOLDEN") == "1"


def _notes() -> list[str]:
    """``vault/<path>`` and ``shapes/<path>``: every note of both roots."""
    return [
        f"{name}/{f.path}"
        for name, root in ROOTS.items()
        for f in discover_files(root, DEFAULT_INCLUDE, DEFAULT_EXCLUDE).files
    ]


def snapshot(path: str) -> dict[str, Any]:
    """The rows and issues of one note (``vault/…`` or ``shapes/…``), as JSON-ready values
    (no file times). The note is parsed under its path inside its own root."""
    name, _, inner = path.partition("/")
    parsed = parse_note(inner, (ROOTS[name] / inner).read_bytes(), tz="UTC")
    rows = {
        table: [{k: v for k, v in row.items() if k != "note_id"} for row in table_rows]
        for table, table_rows in sorted(parsed.rows.items())
        if table_rows
    }
    issues = [
        {"severity": i.severity, "stage": i.stage, "line": i.line, "message": i.message}
        for i in parsed.issues
    ]
    return json.loads(json.dumps({"rows": rows, "issues": issues}, default=str, ensure_ascii=False))


@pytest.mark.parametrize("path", _notes())
def test_note_matches_golden(path: str) -> None:
    expected_file = EXPECTED / f"{path}.expected.json"
    got = snapshot(path)
    if UPDATE:
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(
            json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    assert expected_file.exists(), f"no golden file for {path}: run with NOTEHOUSE_UPDATE_GOLDEN=1"
    assert got == json.loads(expected_file.read_text(encoding="utf-8"))


def test_no_orphan_golden_files() -> None:
    wanted = {f"{p}.expected.json" for p in _notes()}
    present = {str(p.relative_to(EXPECTED)) for p in EXPECTED.rglob("*.expected.json")}
    assert present - wanted == set()
