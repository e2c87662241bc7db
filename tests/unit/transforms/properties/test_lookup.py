"""One lookup over a note's properties: front matter first, then inline fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.seed_notes import SEED_000_HEAD as SEED_000
from tests.seed_notes import SEED_004_HEAD as SEED_004
from transforms.properties.fields import find_inline_fields
from transforms.properties.frontmatter import split_frontmatter
from transforms.properties.lookup import Prop, Properties


def _props(note: str) -> Properties:
    fm = split_frontmatter(note)
    return Properties(fm.metadata, fm.key_lines, find_inline_fields(fm.body), fm.nested_lines)


# (note, keys asked for, expected (key, text, source, line) of props.first(*keys), or None)
FirstCase = tuple[str, tuple[str, ...], tuple[str, str, str, int | None] | None]

SEED_CASES: list[FirstCase] = [
    (
        SEED_000,
        ("title",),
        ("title", "Building a Business on Rails with Mike Perham", "inline", 12),
    ),
    (SEED_000, ("explicit",), ("explicit", "false", "frontmatter", 4)),
    (SEED_000, ("aliases",), ("aliases", "119", "frontmatter", 6)),
    (SEED_000, ("published",), ("published", "[[2021-03-05]]", "inline", 14)),
    (SEED_000, ("duration",), ("duration", "41:08", "inline", 15)),
    (SEED_000, ("id",), ("id", "471329", "frontmatter", 2)),
    (
        SEED_000,
        ("created_at",),
        ("created_at", "2021-02-22T23:09:27.450000+00:00", "frontmatter", 7),
    ),
    (
        SEED_004,
        ("title",),
        ("title", "标杆人物01：Mike Perham，软件开发人员，Sidekiq创建者", "frontmatter", 2),
    ),
    (SEED_004, ("date",), ("date", "2023/1/16", "frontmatter", 3)),
    (SEED_004, ("tags", "tag"), ("tag", "人物故事", "frontmatter", 5)),
]

REAL_FORMAT_CASES: list[FirstCase] = [
    # Front matter wins over an inline field of the same key.
    ("---\ntitle: A\n---\nTitle:: B\n", ("title",), ("title", "A", "frontmatter", 2)),
    # Keys are tried in the order given, whatever the order in the note.
    (
        "---\ndate: 2021-03-01\npublished: 2021-03-05\n---\n",
        ("published", "date"),
        ("published", "2021-03-05", "frontmatter", 3),
    ),
    (
        "---\ndate: 2021-03-01\n---\n",
        ("published", "date"),
        ("date", "2021-03-01", "frontmatter", 2),
    ),
    # An empty value is passed over.
    ("---\ntitle: ''\n---\nTitle:: B\n", ("title",), ("title", "B", "inline", 4)),
    ("---\ntitle:\n---\n", ("title",), None),
    # Keys are normalised.
    (
        "---\nPublished Date: 2021-03-05\n---\n",
        ("published_date",),
        ("published_date", "2021-03-05", "frontmatter", 2),
    ),
    ("**Episode-No.**:: 7\n", ("episode_no",), ("episode_no", "7", "inline", 1)),
    ("---\nＴｉｔｌｅ: 全角\n---\n", ("title",), ("title", "全角", "frontmatter", 2)),
    # Hugo [params], Zola [extra] and [taxonomies]: looked up bare and dotted, each key on
    # its own line.
    (
        '+++\ntitle = "x"\n[params]\nDuration = "41:08"\n+++\n',
        ("duration",),
        ("duration", "41:08", "frontmatter", 4),
    ),
    (
        '+++\n[extra]\nguests = ["Ada"]\n+++\n',
        ("extra.guests",),
        ("extra.guests", "Ada", "frontmatter", 3),
    ),
    (
        '+++\ntitle = "x"\n[taxonomies]\ntags = ["podcast", "astronomy"]\n+++\n',
        ("tags",),
        ("tags", "podcast, astronomy", "frontmatter", 4),
    ),
    ("---\nepisode:\n  number: 12\n---\n", ("number",), ("number", "12", "frontmatter", 3)),
    # Values as text.
    ("---\nexplicit: true\n---\n", ("explicit",), ("explicit", "true", "frontmatter", 2)),
    ("---\ntags: [a, 2]\n---\n", ("tags",), ("tags", "a, 2", "frontmatter", 2)),
    ("---\nn: 0\n---\n", ("n",), ("n", "0", "frontmatter", 2)),
    ("---\nt: '  padded  '\n---\n", ("t",), ("t", "padded", "frontmatter", 2)),
    ("---\nd: 2021-03-05\n---\n", ("d",), ("d", "2021-03-05", "frontmatter", 2)),
]

# Nothing to find.
NEGATIVE_CASES: list[tuple[str, tuple[str, ...]]] = [
    ("", ("title",)),
    ("---\ntitle: x\n---\n", ("name",)),
    ("---\nauthor:\n  name: Ada\n---\n", ("name",)),  # only listed containers are opened
    ("---\ntags: []\n---\n", ("tags",)),
    ("---\ntitle: ~\n---\n", ("title",)),
    ("Title::\n", ("title",)),
    ("```\nTitle:: in code\n```\n", ("title",)),
]

ALL_FIRST = SEED_CASES + REAL_FORMAT_CASES


@pytest.mark.parametrize(
    ("note", "keys", "expected"), ALL_FIRST, ids=[f"{c[0][:40]}|{c[1]}" for c in ALL_FIRST]
)
def test_first(
    note: str, keys: tuple[str, ...], expected: tuple[str, str, str, int] | None
) -> None:
    prop = _props(note).first(*keys)
    got = None if prop is None else (prop.key, prop.text, prop.source, prop.line)
    assert got == expected


@pytest.mark.parametrize(
    ("note", "keys"), NEGATIVE_CASES, ids=[f"{c[0][:40]}|{c[1]}" for c in NEGATIVE_CASES]
)
def test_first_finds_nothing(note: str, keys: tuple[str, ...]) -> None:
    assert _props(note).first(*keys) is None


def test_all_keeps_order_and_skips_empty() -> None:
    props = _props("---\nguests: [Ada]\n---\nGuests:: \nGuests:: [[Mike Perham]]\n")
    assert [(p.text, p.source, p.line) for p in props.all("guests")] == [
        ("Ada", "frontmatter", 2),
        ("[[Mike Perham]]", "inline", 5),
    ]
    assert props.all("hosts") == []


def test_names_in_order_of_appearance() -> None:
    props = _props('+++\ntitle = "x"\n[params]\nguests = ["A"]\n+++\nDuration:: 41:08\n')
    assert props.names() == ["title", "params", "params.guests", "guests", "duration"]


TEXT_CASES: list[tuple[Any, str]] = [
    (True, "true"),
    (False, "false"),
    (None, ""),
    (dt.date(2021, 3, 5), "2021-03-05"),
    (dt.datetime(2021, 3, 5, 9, 30, tzinfo=dt.UTC), "2021-03-05T09:30:00+00:00"),
    (dt.time(0, 41, 8), "00:41:08"),
    (["a", 2, True], "a, 2, true"),
    ([["a", "b"], "c"], "a, b, c"),
    (" x ", "x"),
    (2468, "2468"),
    (1.5, "1.5"),
]


@pytest.mark.parametrize(("value", "text"), TEXT_CASES, ids=[repr(c[0]) for c in TEXT_CASES])
def test_prop_text(value: Any, text: str) -> None:
    assert Prop("k", value, "frontmatter", None).text == text


def test_metadata_without_key_lines_has_no_line() -> None:
    prop = Properties({"Title": "x"}, {}, []).first("title")
    assert prop is not None and prop.line is None
