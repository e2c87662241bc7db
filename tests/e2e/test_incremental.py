"""Incremental builds give the same tables as full builds, after any series of edits."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import main
from tests.conftest import EXAMPLE_VAULT
from transforms.schema import NOTE_TABLES

COMPARED = (*NOTE_TABLES, "people")


def snapshot(warehouse: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True)
    try:
        return {t: sorted(con.execute(f"select * from {t}").fetchall(), key=repr) for t in COMPARED}
    finally:
        con.close()


def parquet_snapshot(warehouse: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every compared table as its published Parquet files hold it."""
    con = duckdb.connect()
    try:
        out = {}
        for t in COMPARED:
            files = str(warehouse / "parquet" / t / "**" / "*.parquet")
            rows = con.execute(
                "select * from read_parquet(?, hive_partitioning = false)", [files]
            ).fetchall()
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def build(vault: Path, warehouse: Path, *extra: str) -> None:
    assert (
        main(["build", str(vault), "--warehouse", str(warehouse), "--progress", "none", *extra])
        == 0
    )


def last_run(warehouse: Path, extra: str = "") -> tuple[int, ...]:
    con = duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True)
    row = con.execute(
        f"select files_new, files_changed, files_unchanged, files_deleted {extra} from runs "
        "order by started_at desc limit 1"
    ).fetchone()
    con.close()
    assert row is not None
    return row


@pytest.fixture()
def vault(tmp_path: Path) -> Path:
    target = tmp_path / "vault"
    shutil.copytree(EXAMPLE_VAULT, target)
    return target


def edit_append(vault: Path) -> None:
    note = vault / "podcast" / "041 Invoices for People Who Hate Invoices.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nWe raised $2M in 2024.\n", "utf-8")


def delete_profile(vault: Path) -> None:
    (vault / "people" / "Wren Szabo.md").unlink()


def rename_profile(vault: Path) -> None:
    (vault / "people" / "Hollis Achterberg.md").rename(vault / "people" / "Hollis A.md")


def add_linking_note(vault: Path) -> None:
    (vault / "journal" / "new.md").write_text(
        "# New\n\nCoffee with [[Marguerite Lavelle]] and [[Hollis A]].\n", encoding="utf-8"
    )


def touch_only(vault: Path) -> None:
    note = vault / "journal" / "reading-list.md"
    stat = note.stat()
    os.utime(note, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


EDITS = [edit_append, delete_profile, rename_profile, add_linking_note, touch_only]


def test_each_edit_then_incremental_equals_full(
    prefect_api: str, vault: Path, tmp_path: Path
) -> None:
    incremental = tmp_path / "incremental"
    build(vault, incremental)
    for n, edit in enumerate(EDITS):
        edit(vault)
        build(vault, incremental)
        full = tmp_path / f"full-{n}"
        build(vault, full)
        assert snapshot(incremental) == snapshot(full), edit.__name__
        assert parquet_snapshot(incremental) == parquet_snapshot(full), edit.__name__
        assert parquet_snapshot(incremental) == snapshot(incremental), edit.__name__


def test_run_counts_new_changed_unchanged_deleted(
    prefect_api: str, vault: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "w"
    build(vault, warehouse)
    total = last_run(warehouse)[0]
    assert last_run(warehouse) == (total, 0, 0, 0)
    edit_append(vault)
    delete_profile(vault)
    add_linking_note(vault)
    touch_only(vault)  # read again, same bytes: unchanged
    build(vault, warehouse)
    assert last_run(warehouse) == (1, 1, total - 2, 1)


def test_renamed_profile_unresolves_links_that_named_it(
    prefect_api: str, vault: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "w"
    build(vault, warehouse)
    rename_profile(vault)
    build(vault, warehouse)
    con = duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True)
    unresolved = con.execute(
        "select count(*) from wikilinks where target = 'Hollis Achterberg' "
        "and target_note_id is null"
    ).fetchone()
    profile = con.execute(
        "select note_id from people where person_id = 'hollis-achterberg'"
    ).fetchone()
    con.close()
    assert unresolved is not None and unresolved[0] >= 1
    assert profile is not None and profile[0] is not None  # the renamed note is still his


def test_full_flag_reparses_everything(prefect_api: str, vault: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w"
    build(vault, warehouse)
    new, changed, unchanged, deleted, parsed = last_run(warehouse, ", files_parsed")
    assert (changed, unchanged, deleted) == (0, 0, 0) and parsed == new > 0
    build(vault, warehouse)
    assert last_run(warehouse, ", files_parsed") == (0, 0, new, 0, 0)
    build(vault, warehouse, "--full")
    assert last_run(warehouse, ", files_parsed") == (0, 0, new, 0, new)


def _inode(warehouse: Path, link: str, table: str) -> int:
    return (warehouse / link / "parquet" / table / "part-0.parquet").stat().st_ino


def _files(warehouse: Path, link: str, table: str) -> dict[str, int]:
    """Each Parquet file of a table in a build (year partitions included) and its inode."""
    folder = warehouse / link / "parquet" / table
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*.parquet")}


def _counts(warehouse: Path) -> tuple[int, int, int]:
    con = duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True)
    try:
        found = con.execute(
            "select (select count(*) from runs), (select count(*) from notes), "
            "(select count(distinct run_id) from parse_issues)"
        ).fetchone()
    finally:
        con.close()
    assert found is not None
    return found


def test_nothing_changed_starts_from_the_published_build(
    prefect_api: str, vault: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "w"
    build(vault, warehouse)
    before = snapshot(warehouse)
    runs, notes, issue_runs = _counts(warehouse)
    files = last_run(warehouse)[0]
    build(vault, warehouse)
    # the note tables were carried over (the same file), the run's own tables rewritten
    assert _inode(warehouse, "current", "notes") == _inode(warehouse, "previous", "notes")
    assert _inode(warehouse, "current", "runs") != _inode(warehouse, "previous", "runs")
    # marts that read no run table are carried over too; run_issues is written anew
    marts = {
        link: {p.name: p.stat().st_ino for p in (warehouse / link / "marts").glob("*.parquet")}
        for link in ("current", "previous")
    }
    assert sorted(marts["current"]) == sorted(marts["previous"])
    changed = [name for name, ino in marts["current"].items() if ino != marts["previous"][name]]
    assert changed == ["run_issues.parquet"]
    con = duckdb.connect(str(warehouse / "notehouse.duckdb"), read_only=True)
    try:
        per_run = con.execute(
            "select r.run_id, list((c.check_name, c.failing_rows, c.sample) order by c.check_name)"
            " from runs r join check_results c using (run_id) group by r.run_id, r.started_at"
            " order by r.started_at"
        ).fetchall()
    finally:
        con.close()
    assert len(per_run) == 2 and per_run[0][1] == per_run[1][1]  # kept or re-run, the same
    assert snapshot(warehouse) == before
    assert _counts(warehouse) == (runs + 1, notes, issue_runs + 1)
    assert last_run(warehouse, ", files_parsed") == (0, 0, files, 0, 0)
    full = tmp_path / "full"
    build(vault, full)
    assert snapshot(full) == snapshot(warehouse)


@pytest.mark.parametrize("by_year", [False, True], ids=["flat", "partitioned by year"])
def test_tables_whose_rows_stayed_keep_their_published_parquet(
    prefect_api: str, vault: Path, tmp_path: Path, by_year: bool
) -> None:
    extra = ("--partition-by-year",) if by_year else ()
    warehouse = tmp_path / "w"
    build(vault, warehouse, *extra)
    before = snapshot(warehouse)
    edit_append(vault)  # a new money figure in one episode: its chapters, tags... stay
    build(vault, warehouse, *extra)
    after = snapshot(warehouse)
    assert last_run(warehouse)[1] == 1  # one changed note, the rest kept from the copy
    linked = {
        t for t in COMPARED if _files(warehouse, "current", t) == _files(warehouse, "previous", t)
    }
    same_rows = {t for t in COMPARED if before[t] == after[t]}
    assert linked == same_rows
    assert "chapters" in linked and "money_mentions" not in linked and "notes" not in linked
    assert parquet_snapshot(warehouse) == after
    full = tmp_path / "full"
    build(vault, full, *extra)
    assert snapshot(full) == after and parquet_snapshot(full) == after


def test_a_database_written_to_after_its_build_is_not_carried_over(
    prefect_api: str, vault: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "w"
    build(vault, warehouse)
    before = snapshot(warehouse)
    assert main(["query", "delete from tags", "--warehouse", str(warehouse), "--write"]) == 0
    build(vault, warehouse)  # rebuilt from the published Parquet, not from the edited file
    assert _inode(warehouse, "current", "notes") != _inode(warehouse, "previous", "notes")
    assert snapshot(warehouse) == before


def test_a_grown_database_is_built_anew(prefect_api: str, vault: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w"
    build(vault, warehouse)
    before = snapshot(warehouse)
    stamp_path = warehouse / "current" / "build.json"
    stamp = json.loads(stamp_path.read_text())
    # pretend it was far smaller when last built from scratch (a size check, not the bytes)
    stamp_path.write_text(json.dumps({**stamp, "fresh_db_size": stamp["db_size"] // 2}))
    build(vault, warehouse)
    assert _inode(warehouse, "current", "notes") != _inode(warehouse, "previous", "notes")
    assert snapshot(warehouse) == before
    again = json.loads((warehouse / "current" / "build.json").read_text())
    assert again["fresh_db_size"] == again["db_size"]
