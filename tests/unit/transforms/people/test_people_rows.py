"""Appearances of one note: people in role fields, and whom a profile is about."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.people import rows as people_rows
from transforms.people.rows import build_appearance_rows, profile_subject
from transforms.properties.fields import find_inline_fields
from transforms.properties.frontmatter import split_frontmatter
from transforms.properties.lookup import Properties

NID = "0123456789abcdef"


def _parts(note: str) -> tuple[Properties, str]:
    fm = split_frontmatter(note)
    props = Properties(fm.metadata, fm.key_lines, find_inline_fields(fm.body), fm.nested_lines)
    return props, fm.body


def _subject(note: str, title: str) -> tuple[str, str] | None:
    props, body = _parts(note)
    return profile_subject(props, title, body)


SEED_004_TITLE = "标杆人物01：Mike Perham，软件开发人员，Sidekiq创建者"
SEED_004 = f"""---
title: {SEED_004_TITLE}
date: 2023/1/16
description: Mike Perham，软件开发人员，Sidekiq创建者
tag: 人物故事
author: 拿小多
---

这里分享有趣有意思的人士。

### Mike Perham，软件开发人员，Sidekiq创建者

-   名字：Mike Perham
-   Twitter：[getajobmike](https://twitter.com/getajobmike)
"""

# ---- profile subject ------------------------------------------------------------------------

SubjectCase = tuple[str, str, tuple[str, str] | None]

SUBJECT_SEED_CASES: list[SubjectCase] = [
    (SEED_004, SEED_004_TITLE, ("mike-perham", "Mike Perham")),
    ("", SEED_004_TITLE, ("mike-perham", "Mike Perham")),  # the title alone
    ("-   名字：Mike Perham\n", "Notes", ("mike-perham", "Mike Perham")),
]

SUBJECT_REAL_FORMAT_CASES: list[SubjectCase] = [
    ("---\nname: Ada Quill\n---\n", "Founder profile", ("ada-quill", "Ada Quill")),
    ("---\nsubject: '[[Ada Quill]]'\n---\n", "x", ("ada-quill", "Ada Quill")),
    ("---\nfounder: Ada Quill\n---\n", "x", ("ada-quill", "Ada Quill")),
    ("---\n名字: 张三\n---\n", "x", ("张三", "张三")),
    ("Name: Ada Quill\n", "x", ("ada-quill", "Ada Quill")),
    ("- Name: Ada Quill\n", "x", ("ada-quill", "Ada Quill")),
    ("> Name: Ada Quill\n", "x", ("ada-quill", "Ada Quill")),
    ("* Full name: Ada Quill\n", "x", ("ada-quill", "Ada Quill")),
    ("姓名：张三\n", "x", ("张三", "张三")),
    ("-   名字：[Mike Perham](https://www.mikeperham.com/)\n", "x", ("mike-perham", "Mike Perham")),
    ("", "Mike Perham — creator of Sidekiq", ("mike-perham", "Mike Perham")),
    ("", "Mike Perham (Sidekiq)", ("mike-perham", "Mike Perham")),
    ("", "Mike Perham | Founder", ("mike-perham", "Mike Perham")),
    ("", "Founder Stories: Ada Quill, maker of looms", ("ada-quill", "Ada Quill")),
    ("", "人物故事：张三，独立开发者", ("张三", "张三")),
    ("", "Ada Quill", ("ada-quill", "Ada Quill")),
    # Precedence: a property, then a bio line, then the title.
    ("---\nname: Ada Quill\n---\nName: Bo Lind\n", "Cy Moss", ("ada-quill", "Ada Quill")),
    ("Name: Bo Lind\n", "Cy Moss", ("bo-lind", "Bo Lind")),
    # A property that names nobody is passed over.
    ("---\nname: TBD\n---\nName: Bo Lind\n", "x", ("bo-lind", "Bo Lind")),
    ("---\nname: ''\n---\n", "Cy Moss", ("cy-moss", "Cy Moss")),
]

SUBJECT_NEGATIVE_CASES: list[tuple[str, str]] = [
    ("", ""),
    ("", "TBD"),
    ("Username: ada\n", ""),  # not a name line
]

# Bold labels, the way most hand-written bios are formatted, were not read.
SUBJECT_BUGS_CAUGHT: list[SubjectCase] = [
    ("- **Name:** Ada Quill\n", "x", ("ada-quill", "Ada Quill")),
    ("- **Name**: Ada Quill\n", "x", ("ada-quill", "Ada Quill")),
    ("**名字**：张三\n", "x", ("张三", "张三")),
]

# A title that is a URL lost "https:" as a series prefix and "//example.com" became a name.
SUBJECT_NEGATIVE_BUGS_CAUGHT: list[tuple[str, str]] = [
    ("", "https://example.com"),
    ("", "Links: https://example.com/about"),
]

SUBJECT_KNOWN_GAPS: list[SubjectCase] = [
    # "Name: tagline" titles lose the name: the part before the colon is taken for a series.
    ("", "Mike Perham: How I built Sidekiq", ("mike-perham", "Mike Perham")),
]

ALL_SUBJECT = SUBJECT_SEED_CASES + SUBJECT_REAL_FORMAT_CASES + SUBJECT_BUGS_CAUGHT


@pytest.mark.parametrize(
    ("note", "title", "expected"), ALL_SUBJECT, ids=[f"{c[0][-40:]}|{c[1]}" for c in ALL_SUBJECT]
)
def test_profile_subject(note: str, title: str, expected: tuple[str, str]) -> None:
    assert _subject(note, title) == expected


@pytest.mark.parametrize(
    ("note", "title"),
    SUBJECT_NEGATIVE_CASES,
    ids=[f"{c[0]}|{c[1]}" for c in SUBJECT_NEGATIVE_CASES],
)
def test_profile_subject_none(note: str, title: str) -> None:
    assert _subject(note, title) is None


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize(
    ("note", "title", "expected"), SUBJECT_KNOWN_GAPS, ids=[c[1] for c in SUBJECT_KNOWN_GAPS]
)
def test_profile_subject_known_gaps(note: str, title: str, expected: tuple[str, str]) -> None:
    assert _subject(note, title) == expected


# ---- appearance rows ------------------------------------------------------------------------

# (person_id, role, name, source_key, line, person_kind)
Row = tuple[str, str, str, str, int | None, str]
RowsCase = tuple[str, tuple[str, str] | None, list[Row]]

SEED_000_PEOPLE = """---
tags: [episode]
---

**Panelists**:: [[Jason Charnes]], [[Chris Oliver]], [[Andrew Mason]]

**Guests**:: [[Mike Perham]]

**Sponsor**:: [[Honeybadger]]
"""

ROWS_SEED_CASES: list[RowsCase] = [
    (
        SEED_000_PEOPLE,
        None,
        [
            ("jason-charnes", "panelist", "Jason Charnes", "panelists", 5, "person"),
            ("chris-oliver", "panelist", "Chris Oliver", "panelists", 5, "person"),
            ("andrew-mason", "panelist", "Andrew Mason", "panelists", 5, "person"),
            ("mike-perham", "guest", "Mike Perham", "guests", 7, "person"),
            ("honeybadger", "sponsor", "Honeybadger", "sponsor", 9, "organization"),
        ],
    ),
    (
        SEED_004,
        ("mike-perham", "Mike Perham"),
        [
            ("mike-perham", "subject", "Mike Perham", "subject", None, "person"),
            ("拿小多", "author", "拿小多", "author", 6, "person"),
        ],
    ),
]

ROWS_REAL_FORMAT_CASES: list[RowsCase] = [
    (
        "---\nguests:\n  - Mike Perham\n  - Ada Quill\nhosts: [Jason Charnes]\n---\n",
        None,
        [
            ("mike-perham", "guest", "Mike Perham", "guests", 2, "person"),
            ("ada-quill", "guest", "Ada Quill", "guests", 2, "person"),
            ("jason-charnes", "host", "Jason Charnes", "hosts", 5, "person"),
        ],
    ),
    (
        "---\nguests:\n  - name: Mike Perham\n    twitter: getajobmike\n---\n",
        None,
        [("mike-perham", "guest", "Mike Perham", "guests", 2, "person")],
    ),
    (
        "Hosts:: [[people/Jason Charnes|Jason]], [[Chris Oliver]]\n",
        None,
        [
            ("jason-charnes", "host", "Jason Charnes", "hosts", 1, "person"),
            ("chris-oliver", "host", "Chris Oliver", "hosts", 1, "person"),
        ],
    ),
    # Hugo [params]: the table and its bare copy name the same guest once, on its own line.
    (
        '+++\n[params]\nguests = ["Ada Quill"]\n+++\n',
        None,
        [("ada-quill", "guest", "Ada Quill", "params.guests", 3, "person")],
    ),
    (
        "嘉宾:: 张三、李四\n主持人:: 王五\n",
        None,
        [
            ("张三", "guest", "张三", "嘉宾", 1, "person"),
            ("李四", "guest", "李四", "嘉宾", 1, "person"),
            ("王五", "host", "王五", "主持人", 2, "person"),
        ],
    ),
    (
        "Sponsored by:: Acme Inc\nGuests:: Contributed Systems LLC\n",
        None,
        [
            ("acme-inc", "sponsor", "Acme Inc", "sponsored_by", 1, "organization"),
            (
                "contributed-systems-llc",
                "guest",
                "Contributed Systems LLC",
                "guests",
                2,
                "organization",
            ),
        ],
    ),
    # Dedupe: one row per (person, role); the first mention's spelling and line are kept.
    (
        "---\nguests: [Mike Perham]\n---\nGuests:: [[Mike Perham]]\nGuest:: mike perham\n",
        None,
        [("mike-perham", "guest", "Mike Perham", "guests", 2, "person")],
    ),
    # One person in two roles is two rows.
    (
        "Host:: Ada Quill\nGuests:: Ada Quill, Bo Lind\n",
        None,
        [
            ("ada-quill", "host", "Ada Quill", "host", 1, "person"),
            ("ada-quill", "guest", "Ada Quill", "guests", 2, "person"),
            ("bo-lind", "guest", "Bo Lind", "guests", 2, "person"),
        ],
    ),
    # A profile's subject who is also a guest keeps both rows.
    (
        "Guests:: Ada Quill\n",
        ("ada-quill", "Ada Quill"),
        [
            ("ada-quill", "subject", "Ada Quill", "subject", None, "person"),
            ("ada-quill", "guest", "Ada Quill", "guests", 1, "person"),
        ],
    ),
]

ROWS_NEGATIVE_CASES: list[str] = [
    "",
    "Guests:: TBD\n",
    "Guests::\n",
    "Duration:: 41:08\nTitle:: [[Mike Perham]]\n",
    "---\nguests: []\n---\n",
    "We talked with [[Mike Perham]] about Sidekiq.\n",  # a mention in prose has no role here
]

ALL_ROWS = ROWS_SEED_CASES + ROWS_REAL_FORMAT_CASES


@pytest.mark.parametrize(
    ("note", "subject", "expected"), ALL_ROWS, ids=[c[0][:50] for c in ALL_ROWS]
)
def test_build_appearance_rows(
    note: str, subject: tuple[str, str] | None, expected: list[Row]
) -> None:
    props, _ = _parts(note)
    rows = build_appearance_rows(NID, props, subject)
    got = [
        (r["person_id"], r["role"], r["name"], r["source_key"], r["line"], r["person_kind"])
        for r in rows
    ]
    assert got == expected
    assert all(r["note_id"] == NID for r in rows)


@pytest.mark.parametrize("note", ROWS_NEGATIVE_CASES, ids=ROWS_NEGATIVE_CASES)
def test_no_appearance_rows(note: str) -> None:
    props, _ = _parts(note)
    assert build_appearance_rows(NID, props, None) == []


# profile_subject looks for a bio name line from the line of the first label word on; it must
# find the line a search of the whole sample finds.
_BIO_PIECES = [*"\n :：*-", "Name", "NAME", "name", "Full name", "名字", "姓名", "İ", "中", "Ada"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_BIO_PIECES), max_size=20).map("".join))
def test_bio_name_finds_what_the_whole_search_finds(sample: str) -> None:
    found = people_rows._bio_name(sample)
    plain = people_rows._BIO_NAME.search(sample)
    assert (found and found.span()) == (plain and plain.span())


# ---- body credits beside properties -----------------------------------------------------------


def test_body_credits_add_rows_after_properties_once_per_person_and_role() -> None:
    from transforms.people.credits import find_credits

    note = "---\nhosts: [Bo Lind]\n---\n## Hosts\n- Bo Lind\n- Cy Moss\n\n**Guest:** Ada Quill\n"
    props, body = _parts(note)
    rows = build_appearance_rows(NID, props, None, find_credits(body, ""))
    assert [(r["person_id"], r["role"], r["source_key"], r["line"]) for r in rows] == [
        ("bo-lind", "host", "hosts", 2),
        ("cy-moss", "host", "Hosts", 6),
        ("ada-quill", "guest", "Guest", 8),
    ]


def test_profile_subject_from_interview_properties() -> None:
    # A speaker who is also the author is the channel, not the subject: the people list is.
    note = (
        "---\nauthor: Kiln TV\nspeaker: Kiln TV\nguest: ''\n"
        "people:\n  - Ada Quill\n  - Bo Lind\n---\n"
    )
    assert _subject(note, "窑变：一位陶艺家的十年") == ("ada-quill", "Ada Quill")
    assert _subject("---\nguest: Bo Lind\nspeaker: Kiln TV\n---\n", "x") == ("bo-lind", "Bo Lind")
    assert _subject("**Founder:** Cy Moss\n", "Kiln Co") == ("cy-moss", "Cy Moss")
    # A post's title is nobody's name.
    assert _subject("", "January Recap") is None
    assert _subject("", "Kiln Notes Part 3") is None


def test_profile_path_slug_is_the_subject_id() -> None:
    props, body = _parts("---\nTitle: Ada Quill\n---\nAda throws pots.\n")
    assert profile_subject(props, "Ada Quill", body, "content/person/adaquill/index.md") == (
        "adaquill",
        "Ada Quill",
    )
    assert profile_subject(props, "Ada Quill", body, "content/person/ada/index.md") == (
        "ada-quill",
        "Ada Quill",
    )
