"""End to end: a ``[kinds]`` table in the vault's notehouse.toml decides a folder's kind."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.cli import main

EPISODE = "# Kelp and Tides\n\nWe talked about kelp farms with a guest from the harbour.\n"
MEETING = "---\ntype: episode\n---\n# Standup\n\nNotes from the standup.\n"


def _kinds(warehouse: Path) -> dict[str, tuple[str, str]]:
    with duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True) as con:
        rows = con.execute("select path, kind, kind_reason from notes").fetchall()
    return {path: (kind, reason) for path, kind, reason in rows}


def test_kinds_table_overrides_the_rules_and_a_change_reparses(
    prefect_api: str, tmp_path: Path
) -> None:
    vault, warehouse = tmp_path / "vault", tmp_path / "warehouse"
    (vault / "Radio").mkdir(parents=True)
    (vault / "Meetings").mkdir()
    (vault / "Radio" / "Kelp and Tides.md").write_text(EPISODE, encoding="utf-8")
    (vault / "Meetings" / "standup.md").write_text(MEETING, encoding="utf-8")
    build = ["build", str(vault), "--warehouse", str(warehouse), "--progress", "none"]

    assert main(build) == 0  # no [kinds]: the rules alone
    assert _kinds(warehouse) == {
        "Radio/Kelp and Tides.md": ("note", "default"),
        "Meetings/standup.md": ("episode", "type: episode"),
    }

    toml = '[kinds]\n"Radio/**" = "episode"\n"Meetings/*" = "note"\n'
    (vault / "notehouse.toml").write_text(toml, encoding="utf-8")
    assert main(build) == 0  # the files did not change, the table did: both parsed again
    assert _kinds(warehouse) == {
        "Radio/Kelp and Tides.md": ("episode", "config: Radio/**"),
        "Meetings/standup.md": ("note", "config: Meetings/*"),
    }
    with duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from episodes").fetchone() == (1,)
