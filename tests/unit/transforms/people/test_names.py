"""Tests for transforms/people/names.py: roles, name lists, ids and kinds."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.people.names import (
    normalize_name,
    person_id,
    person_kind,
    role_for_key,
    split_names,
)

# ---- roles --------------------------------------------------------------------------------

ROLE_SEED_CASES: list[tuple[str, str | None]] = [
    ("Panelists", "panelist"),
    ("Guests", "guest"),
    ("Sponsor", "sponsor"),
    ("author", "author"),
    ("Duration", None),
    ("Share", None),
]

ROLE_REAL_FORMAT_CASES: list[tuple[str, str | None]] = [
    ("host", "host"),
    ("Hosts", "host"),
    ("**Host**", "host"),
    ("Host:", "host"),
    ("co-host", "host"),
    ("Co Hosts", "host"),
    ("interviewer", "host"),
    ("主持人", "host"),
    ("主播", "host"),
    ("panel", "panelist"),
    ("Guest(s)", "guest"),
    ("special_guests", "guest"),
    ("featuring", "guest"),
    ("嘉宾", "guest"),
    ("受访者", "guest"),
    ("sponsored_by", "sponsor"),
    ("Sponsored By", "sponsor"),
    ("赞助商", "sponsor"),
    ("by", "author"),
    ("作者", "author"),
    ("撰稿", "author"),
    ("ＧＵＥＳＴＳ", "guest"),
]

ROLE_NEGATIVE_CASES: list[str] = ["title", "number", "published", "名字", "name", "", "guestbook"]


@pytest.mark.parametrize(
    ("key", "expected"),
    ROLE_SEED_CASES + ROLE_REAL_FORMAT_CASES,
    ids=[c[0] for c in ROLE_SEED_CASES + ROLE_REAL_FORMAT_CASES],
)
def test_role_for_key(key: str, expected: str | None) -> None:
    assert role_for_key(key) == expected


@pytest.mark.parametrize("key", ROLE_NEGATIVE_CASES, ids=ROLE_NEGATIVE_CASES)
def test_role_for_key_negative(key: str) -> None:
    assert role_for_key(key) is None


# ---- name lists ---------------------------------------------------------------------------

NameCase = tuple[str, list[str]]

# Field values copied from seed 000 (Dataview inline fields) and seed 004 (a list item).
SEED_CASES: list[NameCase] = [
    (
        "[[Jason Charnes]], [[Chris Oliver]], [[Andrew Mason]]",
        ["Jason Charnes", "Chris Oliver", "Andrew Mason"],
    ),
    ("[[Mike Perham]]", ["Mike Perham"]),
    ("[[Honeybadger]]", ["Honeybadger"]),
    ("Mike Perham", ["Mike Perham"]),
    ("拿小多", ["拿小多"]),
]

REAL_FORMAT_CASES: list[NameCase] = [
    ("[[people/Mike Perham|Mike]]", ["Mike Perham"]),
    ("[[Mike Perham.md]]", ["Mike Perham"]),
    ("Alice, Bob and Carol", ["Alice", "Bob", "Carol"]),
    ("Alice, Bob, and Carol", ["Alice", "Bob", "Carol"]),
    ("Alice & Bob", ["Alice", "Bob"]),
    ("Alice; Bob", ["Alice", "Bob"]),
    ("Alice / Bob", ["Alice", "Bob"]),
    ("张三、李四和王五", ["张三", "李四", "王五"]),
    ("张三，李四", ["张三", "李四"]),
    ("张三与李四", ["张三", "李四"]),
    ("- Alice\n- Bob", ["Alice", "Bob"]),
    ("[Mike Perham](https://www.mikeperham.com/), **Bob**", ["Mike Perham", "Bob"]),
    ("*Alice* and _Bob_", ["Alice", "Bob"]),
    ("@getajobmike", ["getajobmike"]),
    ("Mike Perham (@getajobmike)", ["Mike Perham"]),
    ("张三（主播）", ["张三"]),
    ("Dr. Jane Doe, PhD", ["Dr. Jane Doe, PhD"]),
    ("Bob Smith, Jr., Alice", ["Bob Smith, Jr.", "Alice"]),
    ("Bob Smith Jr.", ["Bob Smith Jr."]),
    ("Alice Smith.", ["Alice Smith"]),
    ('"Mike Perham"', ["Mike Perham"]),
    ("Mike\u00a0 Perham", ["Mike Perham"]),
    ("[[AT&T]] & [[Johnson & Johnson]]", ["AT&T", "Johnson & Johnson"]),
    ("AT&T", ["AT&T"]),
    ("Alice, TBD", ["Alice"]),
    ("和讯网", ["和讯网"]),
    ("J. R. R. Tolkien", ["J. R. R. Tolkien"]),
]

NEGATIVE_CASES: list[str] = [
    "",
    "   ",
    "TBD",
    "none",
    "N/A",
    "无",
    "-",
    "[[]]",
    "https://x.com",
    ",,",
]

KNOWN_GAPS: list[NameCase] = [
    # Company names joined by "&" are split when not written as a wikilink.
    ("Johnson & Johnson", ["Johnson & Johnson"]),
    # A shared surname is not distributed.
    ("Mike and Sarah Perham", ["Mike Perham", "Sarah Perham"]),
    # "Last, First" is read as two names.
    ("Perham, Mike", ["Mike Perham"]),
]


@pytest.mark.parametrize(
    ("value", "expected"),
    SEED_CASES + REAL_FORMAT_CASES,
    ids=[c[0] for c in SEED_CASES + REAL_FORMAT_CASES],
)
def test_split_names(value: str, expected: list[str]) -> None:
    assert split_names(value) == expected


@pytest.mark.parametrize("value", NEGATIVE_CASES, ids=NEGATIVE_CASES)
def test_split_names_negative(value: str) -> None:
    assert split_names(value) == []


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize(("value", "expected"), KNOWN_GAPS, ids=[c[0] for c in KNOWN_GAPS])
def test_split_names_known_gaps(value: str, expected: list[str]) -> None:
    assert split_names(value) == expected


# ---- ids, display names, kinds ------------------------------------------------------------

ID_CASES: list[tuple[str, str]] = [
    ("Mike Perham", "mike-perham"),
    ("  mike  PERHAM ", "mike-perham"),
    ("Mike\u00a0Perham", "mike-perham"),
    ("张三", "张三"),
    ("Ｍｉｋｅ Ｐｅｒｈａｍ", "mike-perham"),
    ("José Núñez", "josé-núñez"),
    ("Jose\u0301", "josé"),
    ("O'Brien", "o-brien"),
    ("Dr. Jane Doe, PhD", "dr-jane-doe-phd"),
    ("snake_case", "snake-case"),
    ("Straße", "strasse"),
    ("", ""),
    (" -- ", ""),
]


@pytest.mark.parametrize(("name", "expected"), ID_CASES, ids=[c[0] for c in ID_CASES])
def test_person_id(name: str, expected: str) -> None:
    assert person_id(name) == expected


def test_same_person_same_id_across_notes() -> None:
    from_episode = split_names("[[Mike Perham]]")[0]
    from_profile = split_names("Mike Perham")[0]
    from_alias = split_names("[[people/Mike Perham|Mike]]")[0]
    assert person_id(from_episode) == person_id(from_profile) == person_id(from_alias)


NORMALIZE_CASES: list[tuple[str, str]] = [
    ("  Mike   Perham ", "Mike Perham"),
    ("Ｍｉｋｅ", "Mike"),
    ("Mike\u200bPerham", "MikePerham"),
    ("张三", "张三"),
]


@pytest.mark.parametrize(("name", "expected"), NORMALIZE_CASES, ids=[c[0] for c in NORMALIZE_CASES])
def test_normalize_name(name: str, expected: str) -> None:
    assert normalize_name(name) == expected


KIND_CASES: list[tuple[str, str, str]] = [
    ("sponsor", "Honeybadger", "organization"),
    ("guest", "Mike Perham", "person"),
    ("panelist", "Jason Charnes", "person"),
    ("guest", "Contributed Systems LLC", "organization"),
    ("author", "某某科技有限公司", "organization"),
    ("host", "Inc Magazine's Bob", "person"),
]


@pytest.mark.parametrize(
    ("role", "name", "expected"), KIND_CASES, ids=[f"{c[0]}:{c[1]}" for c in KIND_CASES]
)
def test_person_kind(role: str, name: str, expected: str) -> None:
    assert person_kind(role, name) == expected


# ---- properties ---------------------------------------------------------------------------

_NAME_ALPHABET = st.sampled_from([*"abcxyzABCXYZéÉüÜñÑ张三李四", " ", "\t", "-", ".", ","])


@given(st.text())
def test_nothing_raises(text: str) -> None:
    for name in split_names(text):
        assert name and name == name.strip()
    role_for_key(text)
    normalize_name(text)
    person_kind("guest", text)
    assert person_id(text) == person_id(person_id(text))


@given(st.text())
def test_person_id_is_idempotent_on_its_words(text: str) -> None:
    pid = person_id(text)
    assert person_id(" ".join(pid.split("-"))) == pid


@given(st.text(_NAME_ALPHABET, max_size=30))
def test_person_id_ignores_case_and_whitespace(name: str) -> None:
    pid = person_id(name)
    assert person_id(name.upper()) == pid
    assert person_id(name.lower()) == pid
    assert person_id("  " + name.replace(" ", "   ") + "\n") == pid
