"""``notehouse explain``: one note's kind and reason, fields, and every value with its line,
from a built warehouse and, the same, from the file parsed directly (--file)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipelines.cli import main
from tests.conftest import EXAMPLE_VAULT

EPISODE = "podcast/077 Tallyhoe Three Years On.md"


@pytest.fixture(scope="module")
def built(prefect_api: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    warehouse = tmp_path_factory.mktemp("explain") / "warehouse"
    code = main(["build", str(EXAMPLE_VAULT), "--warehouse", str(warehouse), "--progress", "none"])
    assert code == 0
    return warehouse


def explain(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["explain", *args])
    return code, capsys.readouterr().out.splitlines()


def section(lines: list[str], name: str) -> list[str]:
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{name} ("))
    count = int(re.match(rf"{name} \((\d+)\):", lines[start]).group(1))  # type: ignore[union-attr]
    return lines[start + 1 : start + 1 + count]


def test_an_episode_from_the_warehouse(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = explain(capsys, EPISODE, "--warehouse", str(built))
    assert code == 0
    assert lines[0].startswith(EPISODE)
    assert lines[1] == "kind: episode  — because tag: episode"
    assert "from inline:published — line 14" in lines[3]  # the date, its field and line
    chapters = section(lines, "chapters")
    assert [int(c.split(":")[0].split()[1]) for c in chapters] == list(range(29, 38))
    people = section(lines, "people")
    assert any(p.startswith("  guest: Hollis Achterberg") and "line 41" in p for p in people)
    assert sum(p.startswith("  panelist:") for p in people) == 3
    money = section(lines, "money")
    assert any("line 25: '$1.1M ARR' → 1100000 USD/year" in m and "metric arr" in m for m in money)
    growth = section(lines, "growth")
    assert len(growth) == 2 and all("basis yoy" in g for g in growth)
    assert "duration 3160 s from '52:40'" in section(lines, "episode")[0]


def test_file_parses_with_the_builds_code_and_agrees(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, stored = explain(capsys, EPISODE, "--warehouse", str(built))
    code, parsed = explain(
        capsys, str(EXAMPLE_VAULT / EPISODE), "--file", "--vault", str(EXAMPLE_VAULT)
    )
    assert code == 0
    assert parsed[:2] == stored[:2]  # path, id, kind and reason
    for name in ("fields", "chapters", "money", "growth", "episode"):
        assert section(parsed, name) == section(stored, name), name


def test_a_broken_note_shows_its_issue(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = explain(capsys, "journal/meetup-retro.md", "--warehouse", str(built))
    assert code == 0
    issues = section(lines, "issues")
    assert any("[frontmatter] line 4" in i for i in issues), issues


@pytest.mark.parametrize(("note", "says"), [("no such note", "no note has"), ("--file", "")])
def test_unknown_notes_are_one_line_errors(
    built: Path, capsys: pytest.CaptureFixture[str], note: str, says: str
) -> None:
    args = [note, "--warehouse", str(built)] if note != "--file" else ["nowhere.md", "--file"]
    assert main(["explain", *args]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and (says in err or "is not a file" in err)
