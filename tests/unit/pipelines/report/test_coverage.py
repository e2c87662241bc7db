"""The build summary's coverage block: the view's rows, the smallest folders folded into one."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.report.coverage import SHOWN, coverage_table
from pipelines.stages.database import create_database, create_views


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    con = create_database(path)
    create_views(con)
    notes = [
        ("a1", "shows/a.md", "episode", "2024-01-02"),
        ("a2", "shows/b.md", "episode", None),
        ("b1", "blog/x.md", "note", "2023-05-06"),
        ("c1", "people/p.md", "profile", None),
        ("r1", "top.md", "note", None),
    ]
    con.executemany("insert into notes (note_id, path, kind, note_date) values (?, ?, ?, ?)", notes)
    con.execute("insert into episodes (note_id, duration_seconds) values ('a1', 60), ('a2', null)")
    con.execute("insert into chapters (note_id, ordinal, start_seconds) values ('a1', 1, 0)")
    con.execute(
        "insert into money_mentions (note_id, ordinal, amount, currency) "
        "values ('b1', 1, 5, 'USD'), ('b1', 2, 6, 'USD')"
    )
    con.close()
    return path


def test_every_folder_is_a_row(database: Path) -> None:
    columns, rows = coverage_table(database)
    assert columns == list(SHOWN.values())
    got = {r[0]: r[1:] for r in rows}
    assert got["shows"] == (2, 2, 0, 0, 0.5, 1, 1, 0, 0)
    assert got["blog"] == (1, 0, 0, 1, 1.0, 0, 0, 0, 2)
    assert got["people"] == (1, 0, 1, 0, 0.0, 0, 0, 0, 0)
    assert got["(root)"] == (1, 0, 0, 1, 0.0, 0, 0, 0, 0)


def test_the_rest_is_folded_into_one_row(database: Path) -> None:
    _, rows = coverage_table(database, limit=1)
    assert rows[0][0] == "shows"
    folded = rows[1]
    assert folded[0] == "(3 more folders)"
    # 3 notes, 1 of them dated; the 2 money figures of blog/
    assert folded[1:] == (3, 0, 1, 2, round(1 / 3, 3), 0, 0, 0, 2)
