"""A vault of hostile contents: each file gives a clear issue, and every other note is kept."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import main
from pipelines.stages.discover import discover_files
from pipelines.stages.parse import read_note
from tests.conftest import EXAMPLE_VAULT

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)
NESTED = "deep: " + "[" * 1200 + "]" * 1200 + "\n"

# name -> (bytes, severity expected in parse_issues, words the message must contain, loaded?)
HOSTILE: dict[str, tuple[bytes, str, str, bool]] = {
    "undecodable.md": (b"caf\xe9 \xff\xfe menu \x80\x81\n" * 4, "error", "not valid UTF-8", False),
    "gbk.md": ("# 收入笔记\n\n今年的收入很好。\n".encode("gbk"), "warning", "GB18030", True),
    "binary.md": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "error", "binary", False),
    "empty.md": (b"", "warning", "empty", True),
    "huge.md": (
        b"# Huge\n\n" + b"A line of prose about morning coffee.\n" * 1_400_000,
        "warning",
        "characters long",
        True,
    ),
    "long line.md": (b"# Long\n\n" + b"x" * 1_048_576 + b"\n", "warning", "characters long", True),
    "bomb.md": (f"---\n{BOMB}---\nBody.\n".encode(), "warning", "alias", True),
    "nested.md": (f"---\n{NESTED}---\nBody.\n".encode(), "warning", "nesting", True),
    "duplicate keys.md": (
        b"---\ntitle: A\ntitle: B\n---\nBody.\n",
        "warning",
        "more than once",
        True,
    ),
    "non-string keys.md": (b"---\n1: one\ntrue: yes\n---\nBody.\n", "warning", "not text", True),
    "tabs.md": (b"---\ntitle: x\n\tbad: y\n---\nBody.\n", "warning", "tab", True),
    "no such day.md": (b"---\ndate: 2023-02-30\n---\nBody.\n", "warning", "no day 30", True),
    "never closed.md": (b"---\ntitle: x\n\nBody.\n", "warning", "never closed", True),
    "list fm.md": (b"---\n- a\n- b\n---\nBody.\n", "warning", "list", True),
    "scalar fm.md": (b"---\njust words here\n---\nBody.\n", "warning", "plain text", True),
    "emoji 🎙️ name.md": (b"# Emoji\n\nFine.\n", "", "", True),
}


@pytest.fixture(scope="module")
def hostile(prefect_api: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("hostile")
    vault, outside = root / "vault", root / "outside"
    shutil.copytree(EXAMPLE_VAULT / "podcast", vault / "podcast")
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n", encoding="utf-8")
    for name, (data, *_rest) in HOSTILE.items():
        (vault / name).write_bytes(data)
    (vault / os.fsdecode(b"latin1 \xe9t\xe9.md")).write_bytes(b"# Ete\n\nSummer.\n")
    (vault / "loop").symlink_to(vault, target_is_directory=True)
    (vault / "out").symlink_to(outside, target_is_directory=True)
    (vault / "secret link.md").symlink_to(outside / "secret.md")
    (vault / "dangling.md").symlink_to(vault / "gone.md")
    os.mkfifo(vault / "pipe.md")
    for ignored in (".obsidian", ".trash", ".git", "node_modules"):
        (vault / ignored).mkdir()
        (vault / ignored / "x.md").write_text("# not a note\n", encoding="utf-8")
    warehouse = root / "w"
    code = main(["build", str(vault), "--warehouse", str(warehouse), "--progress", "none"])
    assert code == 0
    return vault, warehouse


def _query(warehouse: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_file_gives_a_clear_issue(hostile: tuple[Path, Path], name: str) -> None:
    _, warehouse = hostile
    _, severity, words, loaded = HOSTILE[name]
    issues = _query(warehouse, f"select severity, message from parse_issues where path = '{name}'")
    notes = _query(warehouse, f"select count(*) from notes where path = '{name}'")[0][0]
    assert notes == (1 if loaded else 0)
    if severity:
        assert any(s == severity and words in m for s, m in issues), issues
    else:
        assert issues == []


def test_every_other_note_is_kept(hostile: tuple[Path, Path]) -> None:
    vault, warehouse = hostile
    podcast = len(list((vault / "podcast").glob("*.md")))
    got = _query(warehouse, "select count(*) from notes where path like 'podcast/%'")[0][0]
    assert got == podcast


def test_links_out_of_the_vault_are_reported_and_never_followed(hostile: tuple[Path, Path]) -> None:
    _, warehouse = hostile
    issues = dict(
        _query(warehouse, "select path, message from parse_issues where stage = 'discover'")
    )
    assert "outside the vault" in issues["secret link.md"]
    assert "outside the vault" in issues["out"]
    assert "inside the vault" in issues["loop"]
    assert "cannot read" in issues["dangling.md"]
    assert "not a regular file" in issues["pipe.md"]
    assert _query(warehouse, "select count(*) from notes where title = 'Secret'")[0][0] == 0


def test_file_names_that_are_not_utf8_are_kept_readable(hostile: tuple[Path, Path]) -> None:
    _, warehouse = hostile
    rows = _query(warehouse, "select path, title from notes where title = 'Ete'")
    assert rows == [("latin1 \ufffdt\ufffd.md", "Ete")]


def test_folders_users_never_mean_are_not_walked(hostile: tuple[Path, Path]) -> None:
    _, warehouse = hostile
    paths = [
        r[0]
        for r in _query(warehouse, "select path from notes union all select path from parse_issues")
    ]
    assert not any(p.startswith((".obsidian", ".trash", ".git", "node_modules")) for p in paths)


def test_every_file_the_walk_sees_is_accounted_for(hostile: tuple[Path, Path]) -> None:
    vault, warehouse = hostile
    found = discover_files(vault, ("*.md",), (".obsidian", ".trash", ".git", "node_modules"))
    seen = {f.path for f in found.files} | {r.path for r in found.refused}
    notes = {r[0] for r in _query(warehouse, "select path from notes")}
    issues = {r[0] for r in _query(warehouse, "select path from parse_issues")}
    assert seen - notes - issues == set()


def test_a_file_deleted_between_walk_and_read_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "brief.md").write_text("# Brief\n", encoding="utf-8")
    [found] = discover_files(tmp_path, ("*.md",), ()).files
    (tmp_path / "brief.md").unlink()
    parsed = read_note(tmp_path, found, "UTC")
    assert not parsed.loaded
    assert [(i.severity, i.stage) for i in parsed.issues] == [("error", "read")]
    assert "still exists" in parsed.issues[0].message
