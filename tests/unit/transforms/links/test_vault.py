"""Cross-note linking: the keys a note states (transforms.links.vault) and what the warehouse does
with them (``sql/link/``): wikilink targets, ``mentioned`` appearances, the ``people`` table.

The second half runs the real link SQL on an in-memory DuckDB holding the rows
``parse_note`` gives for a small vault, so the cross-note contract is tested from notes as
bytes to linked rows without a Prefect run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipelines.stages.database import create_database, insert_arrow, link_notes
from pipelines.stages.parts import to_arrow
from transforms.ids import note_id
from transforms.links.extract import normalize_target
from transforms.links.vault import RANK_ALIAS, RANK_FILE_NAME, RANK_PATH, build_note_key_rows
from transforms.note import parse_note

# ---- keys a note states ---------------------------------------------------------------------

KeyCase = tuple[str, list[str], list[tuple[str, int, int]]]  # path, aliases -> (key, rank, depth)

KEY_SEED_CASES: list[KeyCase] = [
    # Seed 000 as podcast/119.md with `aliases: ["119"]`: the alias is its file name already.
    ("podcast/119.md", ["119"], [("podcast/119", RANK_PATH, 1), ("119", RANK_FILE_NAME, 1)]),
    (
        "founders/标杆人物01.md",
        [],
        [("founders/标杆人物01", RANK_PATH, 1), ("标杆人物01", RANK_FILE_NAME, 1)],
    ),
]

KEY_REAL_FORMAT_CASES: list[KeyCase] = [
    (
        "people/Mike Perham.md",
        ["Mike", "getajobmike"],
        [
            ("people/mike perham", RANK_PATH, 1),
            ("mike perham", RANK_FILE_NAME, 1),
            ("mike", RANK_ALIAS, 1),
            ("getajobmike", RANK_ALIAS, 1),
        ],
    ),
    # At the vault's top the path and the file name are one key, kept at the better rank.
    ("Inbox.md", [], [("inbox", RANK_PATH, 0)]),
    (
        "a/b/c/Deep Note.md",
        [],
        [("a/b/c/deep note", RANK_PATH, 3), ("deep note", RANK_FILE_NAME, 3)],
    ),
    # Case, Unicode form and spacing are folded the way link targets are.
    (
        "Notes/Cafe\u0301  Talk.md",
        ["  CAFÉ "],
        [
            ("notes/café talk", RANK_PATH, 1),
            ("café talk", RANK_FILE_NAME, 1),
            ("café", RANK_ALIAS, 1),
        ],
    ),
    # Any extension goes, not only .md: Jekyll's .markdown posts are reached by their stem.
    ("x/readme.markdown", [], [("x/readme", RANK_PATH, 1), ("readme", RANK_FILE_NAME, 1)]),
    # An alias equal to a key already stated (in any case) adds nothing.
    ("people/Ada.md", ["ada", "People/Ada", ""], [("people/ada", 0, 1), ("ada", 1, 1)]),
]

ALL_KEYS = KEY_SEED_CASES + KEY_REAL_FORMAT_CASES


@pytest.mark.parametrize(
    ("path", "aliases", "expected"), ALL_KEYS, ids=[f"{c[0]}|{c[1]}" for c in ALL_KEYS]
)
def test_build_note_key_rows(
    path: str, aliases: list[str], expected: list[tuple[str, int, int]]
) -> None:
    rows = build_note_key_rows("n1", path, aliases)
    assert [(r["key"], r["rank"], r["depth"]) for r in rows] == expected
    assert all(r["note_id"] == "n1" and r["path"] == path for r in rows)


# A link reaches a note when its target, normalised, is one of the note's keys.
REACH_CASES: list[tuple[str, bool]] = [
    ("Mike Perham", True),  # by file name
    ("people/Mike Perham", True),  # by path
    ("Mike", True),  # by alias
    ("mike perham", True),  # case-insensitively
    ("PEOPLE/mike PERHAM.md", True),
    ("Mike  Perham", True),
    ("getajobmike", True),
    ("Mike Perham Jr", False),
    ("other/Mike Perham", False),
    ("Perham", False),
]


@pytest.mark.parametrize(("target", "reaches"), REACH_CASES, ids=[c[0] for c in REACH_CASES])
def test_link_target_meets_note_key(target: str, reaches: bool) -> None:
    keys = {
        r["key"] for r in build_note_key_rows("n", "people/Mike Perham.md", ["Mike", "getajobmike"])
    }
    assert (normalize_target(target) in keys) is reaches


# ---- what the warehouse links, from notes as bytes ------------------------------------------

VAULT: dict[str, bytes] = {
    "people/Mike Perham.md": (
        b"---\ntags: [person]\naliases: [getajobmike]\n---\n"
        b"# Mike Perham\n\nSee [[Mike Perham]] and [[Sidekiq]].\n"
    ),
    "archive/old/Mike Perham.md": b"An old draft.\n",
    "journal/nickname.md": b"---\naliases: [Mike Perham, Rails with Mike]\n---\nNicknames.\n",
    "podcast/119.md": (
        b"---\ntags: [episode]\naliases: [Sidekiq episode]\n---\n"
        b"**Guests**:: [[mike perham]]\n**Sponsor**:: [[Honeybadger]]\n"
    ),
    "podcast/120.md": b"---\ntags: [episode]\n---\n**Sponsor**:: [[Honeybadger]], Acme\n",
    "podcast/121.md": b"---\ntags: [episode]\n---\n**Guests**:: Acme\n",
    "Notes/Caf\u00e9.md": b"Coffee.\n",
    "journal/links.md": (
        b"[[Mike Perham]]\n"  # 1 by file name; the shallower of two notes so named
        b"[[people/Mike Perham]]\n"  # 2 by path
        b"[[archive/old/Mike Perham]]\n"  # 3 by path, the deeper one
        b"[[mike PERHAM]]\n"  # 4 case-insensitively
        b"[[getajobmike]]\n"  # 5 by alias
        b"[[Rails with Mike]]\n"  # 6 by alias
        b"[[sidekiq EPISODE]]\n"  # 7 by alias, case-insensitively
        b"[[119]]\n"  # 8 by file name
        b"[[Nobody Here]]\n"  # 9 unresolved
        b"[[Cafe\xcc\x81]]\n"  # 10 decomposed e + accent
        b"[[Mike Perham#Early years|Mike]]\n"  # 11 heading and label dropped
        b"[[Mike Perham.md]]\n"  # 12 with the extension
    ),
}

EXPECTED_TARGETS: list[tuple[int, str | None]] = [
    (1, "people/Mike Perham.md"),
    (2, "people/Mike Perham.md"),
    (3, "archive/old/Mike Perham.md"),
    (4, "people/Mike Perham.md"),
    (5, "people/Mike Perham.md"),
    (6, "journal/nickname.md"),
    (7, "podcast/119.md"),
    (8, "podcast/119.md"),
    (9, None),
    (10, "Notes/Café.md"),
    (11, "people/Mike Perham.md"),
    (12, "people/Mike Perham.md"),
]

# A relative Markdown link that climbs folders is read from the linking note's folder;
# any other path from the vault's top (Obsidian's "absolute path in vault").
RELATIVE_LINKS: dict[str, tuple[str, bytes, str]] = {
    "../ from journal/": (
        "journal/relative.md",
        b"[x](../people/Mike%20Perham.md)\n",
        "people/Mike Perham.md",
    ),
    "../../ from journal/deep/": (
        "journal/deep/relative.md",
        b"[x](../../archive/old/Mike%20Perham.md)\n",
        "archive/old/Mike Perham.md",
    ),
    "a path from the vault's top": (
        "journal/relative.md",
        b"[x](people/Mike%20Perham.md)\n",
        "people/Mike Perham.md",
    ),
}


def _linked(vault: dict[str, bytes]) -> duckdb.DuckDBPyConnection:
    tables: dict[str, list[dict[str, Any]]] = {}
    for path, data in vault.items():
        parsed = parse_note(path, data)
        assert parsed.loaded, path
        for name, rows in parsed.rows.items():
            tables.setdefault(name, []).extend(rows)
    con = create_database(Path(":memory:"))
    for name, table in to_arrow(tables).items():
        insert_arrow(con, name, table)
    link_notes(con)
    return con


@pytest.fixture(scope="module")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = _linked(VAULT)
    yield connection
    connection.close()


def _query(con: duckdb.DuckDBPyConnection, sql: str, *params: object) -> list[tuple[Any, ...]]:
    return con.execute(sql, list(params)).fetchall()


_LINK_LINES = VAULT["journal/links.md"].decode("utf-8").splitlines()


@pytest.mark.parametrize(
    ("line", "target_path"),
    EXPECTED_TARGETS,
    ids=[_LINK_LINES[line - 1] for line, _ in EXPECTED_TARGETS],
)
def test_wikilink_targets(
    con: duckdb.DuckDBPyConnection, line: int, target_path: str | None
) -> None:
    rows = _query(
        con,
        "SELECT target_note_id FROM wikilinks WHERE note_id = ? AND line = ?",
        note_id("journal/links.md"),
        line,
    )
    assert rows == [(note_id(target_path) if target_path else None,)]


def test_mentioned_only_for_links_to_profiles(con: duckdb.DuckDBPyConnection) -> None:
    rows = _query(
        con,
        "SELECT note_id, person_id, line, source_key FROM appearances WHERE role = 'mentioned'",
    )
    # journal/links.md links Mike's profile eight times: one row, at the first link's line.
    # podcast/119.md names him as a guest already; his own profile linking itself is no mention;
    # the archived draft and the nickname note are not profiles.
    assert rows == [(note_id("journal/links.md"), "mike-perham", 1, "wikilink")]


def test_people_kind_and_profile_note(con: duckdb.DuckDBPyConnection) -> None:
    rows = _query(con, "SELECT person_id, name, kind, note_id FROM people ORDER BY person_id")
    assert rows == [
        # A sponsor in 120 but a guest in 121: a person.
        ("acme", "Acme", "person", None),
        # A sponsor everywhere: an organisation.
        ("honeybadger", "Honeybadger", "organization", None),
        # Spelled "mike perham" as a guest; the profile's own spelling wins, and its note.
        ("mike-perham", "Mike Perham", "person", note_id("people/Mike Perham.md")),
    ]


@pytest.mark.parametrize(
    ("path", "body", "target_path"), RELATIVE_LINKS.values(), ids=list(RELATIVE_LINKS)
)
def test_relative_markdown_links(path: str, body: bytes, target_path: str) -> None:
    linked = _linked({**VAULT, path: body})
    try:
        rows = _query(
            linked, "SELECT target_note_id FROM wikilinks WHERE note_id = ?", note_id(path)
        )
    finally:
        linked.close()
    assert rows == [(note_id(target_path),)]
