"""The SQL a build runs says one thing: views in dependency order, no name shared by a view
and a mart, the cross-note steps all in sql/link/, one subject column per revenue row."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines import SQL_DIR
from pipelines.stages.database import (
    LINK_STEPS,
    create_database,
    create_views,
    read_sql,
    view_order,
)


@pytest.mark.parametrize(
    ("views", "order"),
    [
        ([("a", "select 1")], ["a"]),
        ([("b", "select * from a"), ("a", "select 1")], ["a", "b"]),
        ([("c", "select * from b join a using (x)"), ("b", "from a"), ("a", "")], ["a", "b", "c"]),
        # a name inside another word is no dependency
        ([("ab", "select * from abc"), ("a", "select * from ab")], ["ab", "a"]),
        ([("z", "select 1"), ("y", "select 1")], ["y", "z"]),
    ],
)
def test_view_order(views: list[tuple[str, str]], order: list[str]) -> None:
    assert [name for name, _ in view_order(views)] == order


def test_a_cycle_is_named() -> None:
    with pytest.raises(ValueError, match="a, b"):
        view_order([("a", "select * from b"), ("b", "select * from a")])


def test_every_view_comes_after_the_views_it_reads(tmp_path: Path) -> None:
    con = create_database(tmp_path / "w.duckdb")
    create_views(con)  # would fail on a view created before one it reads
    names = {name for name, _ in read_sql("views")}
    found = {r[0] for r in con.execute("select view_name from duckdb_views()").fetchall()}
    assert names <= found


def test_no_view_and_mart_share_a_name() -> None:
    views = {name for name, _ in read_sql("views")}
    marts = {name for name, _ in read_sql("marts")}
    assert views & marts == set()


def test_every_link_step_is_a_file_and_every_file_a_step() -> None:
    assert {p.stem for p in (SQL_DIR / "link").glob("*.sql")} == set(LINK_STEPS)


def test_revenue_timeline_has_one_subject_and_the_first_mentions_qualifier(tmp_path: Path) -> None:
    con = create_database(tmp_path / "w.duckdb")
    create_views(con)
    con.execute("insert into notes (note_id, path, kind, title) values ('n1', 'a.md', 'note', 'A')")
    for line, qualifier in ((7, "exact"), (3, "approx")):
        con.execute(
            "insert into money_mentions (note_id, ordinal, amount, currency, metric, qualifier,"
            " subject, text, line) values ('n1', ?, 100, 'USD', 'revenue', ?, 'Acme', 'x', ?)",
            [line, qualifier, line],
        )
    columns = [c[0] for c in con.execute("describe revenue_timeline").fetchall()]
    assert columns.count("subject") == 1 and "subject_1" not in columns
    row = con.execute("select subject, qualifier, mentions, line from revenue_timeline").fetchone()
    assert row == ("Acme", "approx", 2, 3)
