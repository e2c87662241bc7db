"""Fields: key normalisation, value types, front-matter rows and Dataview inline fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.properties.fields import (
    MAX_ROWS,
    build_frontmatter_fields,
    classify_value,
    find_inline_fields,
    normalize_key,
)
from transforms.properties import fields as fields_module
from transforms.time.durations import parse_duration


def _short(value: object, width: int = 48) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


# --- normalize_key ------------------------------------------------------------------------

KEY_CASES = [
    ("Published Date", "published_date", "Published Date"),
    ("**Published**", "published", "Published"),
    ("__Duration__", "duration", "Duration"),
    ("  Title  ", "title", "Title"),
    ("发布日期", "发布日期", "发布日期"),
    ("Episode-No.", "episode_no", "Episode-No."),
    ("share_url", "share_url", "share_url"),
    ("Ｔｉｔｌｅ", "title", "Ｔｉｔｌｅ"),  # full-width letters (NFKC)
    ("STRASSE", "strasse", "STRASSE"),
    ("Straße", "strasse", "Straße"),  # casefold, not lower
    ("created_at", "created_at", "created_at"),
    ("itunes:duration", "itunes_duration", "itunes:duration"),
    ("**  Guests  **", "guests", "Guests"),
    ("???", "", "???"),
]


@pytest.mark.parametrize(("raw", "key", "raw_key"), KEY_CASES, ids=[c[0] for c in KEY_CASES])
def test_normalize_key(raw: str, key: str, raw_key: str) -> None:
    assert normalize_key(raw) == key
    [row] = build_frontmatter_fields({raw: "x"}, {})
    assert (row.key, row.raw_key) == (key, raw_key)


# --- classify_value -----------------------------------------------------------------------

VALUE_TYPE_CASES = [
    ("[[2021-03-05]]", "date"),  # seed: **Published**
    ("41:08", "duration"),  # seed: **Duration**
    ("119", "number"),  # seed: **Number**
    ("<https://share.transistor.fm/s/102fc5a6>", "link"),  # seed: **Share**
    ("[MP3 Direct Link](https://dts.podtrac.com/redirect.mp3/x.mp3)", "link"),  # seed: **Media**
    ("[[Mike Perham]]", "link"),  # seed: **Guests**
    ("[[Jason Charnes]], [[Chris Oliver]], [[Andrew Mason]]", "list"),  # seed: **Panelists**
    ("Building a Business on Rails with Mike Perham", "text"),  # seed: **Title**
    ("2023/1/16", "date"),  # seed 004: Hexo date
    ("No", "bool"),
    ("true", "bool"),
    ("FALSE", "bool"),
    ("yes", "bool"),
    ("1,000", "number"),
    ("3.5", "number"),
    ("-12", "number"),
    ("2021-03-05", "date"),
    ("2021-02-22T23:09:27.450Z", "datetime"),
    ("2021-03-05 10:00", "datetime"),
    ("1:25:11", "duration"),
    ("https://sidekiq.org/", "link"),
    ("[[2021-03-05|Friday]]", "date"),
    ("[[Notes/Mike Perham|Mike]]", "link"),
    ("[[A]]、[[B]]", "list"),
    ("", "text"),
    ("Sidekiq, Faktory", "text"),
    ("20%", "text"),
]
SPOKEN_DURATIONS = [("81 mins 53 secs", "duration"), ("1 hr 5 min", "duration")]


@pytest.mark.parametrize(
    ("value", "value_type"), VALUE_TYPE_CASES, ids=[c[0] for c in VALUE_TYPE_CASES]
)
def test_classify_value(value: str, value_type: str) -> None:
    assert classify_value(value) == value_type


@pytest.mark.skipif(parse_duration("81 mins 53 secs") is None, reason="durations.py is a stub")
@pytest.mark.parametrize(
    ("value", "value_type"), SPOKEN_DURATIONS, ids=[c[0] for c in SPOKEN_DURATIONS]
)
def test_classify_spoken_duration(value: str, value_type: str) -> None:
    assert classify_value(value) == value_type


# --- front matter -------------------------------------------------------------------------

Row = tuple[str, str, str, str, "int | None"]
_UTC = dt.UTC

# (metadata as loaded, key_lines, rows as (key, raw_key, value, value_type, line)).
FRONTMATTER_SEED_CASES: list[tuple[dict[str, Any], dict[str, int], list[Row]]] = [
    (
        {
            "id": 471329,
            "status": "published",
            "explicit": False,
            "tags": ["episode"],
            "aliases": ["119"],
            "created_at": dt.datetime(2021, 2, 22, 23, 9, 27, 450000, tzinfo=_UTC),
        },
        {"id": 2, "status": 3, "explicit": 4, "tags": 5, "aliases": 6, "created_at": 7},
        [
            ("id", "id", "471329", "number", 2),
            ("status", "status", "published", "text", 3),
            ("explicit", "explicit", "false", "bool", 4),
            ("tags", "tags", "episode", "text", 5),
            ("aliases", "aliases", "119", "number", 6),
            ("created_at", "created_at", "2021-02-22T23:09:27.450000+00:00", "datetime", 7),
        ],
    ),
    (
        {"title": "标杆人物01：Mike Perham", "date": "2023/1/16", "tag": "人物故事"},
        {"title": 2, "date": 3, "tag": 5},
        [
            ("title", "title", "标杆人物01：Mike Perham", "text", 2),
            ("date", "date", "2023/1/16", "date", 3),
            ("tag", "tag", "人物故事", "text", 5),
        ],
    ),
]

FRONTMATTER_REAL_FORMAT_CASES: list[tuple[dict[str, Any], dict[str, int], list[Row]]] = [
    (
        {"podcast": {"name": "Remote Ruby", "episode": 119}},
        {"podcast": 2},
        [
            ("podcast.name", "podcast.name", "Remote Ruby", "text", 2),
            ("podcast.episode", "podcast.episode", "119", "number", 2),
        ],
    ),
    (
        {"Guests": [{"Name": "Mike Perham", "Role": "guest"}, {"Name": "Jason"}]},
        {"Guests": 4},
        [
            ("guests.name", "Guests.Name", "Mike Perham", "text", 4),
            ("guests.role", "Guests.Role", "guest", "text", 4),
            ("guests.name", "Guests.Name", "Jason", "text", 4),
        ],
    ),
    (
        {"published": "[[2021-03-05]]", "people": ["[[Mike Perham]]"], "rating": 4.5},
        {},
        [
            ("published", "published", "[[2021-03-05]]", "date", None),
            ("people", "people", "[[Mike Perham]]", "link", None),
            ("rating", "rating", "4.5", "number", None),
        ],
    ),
    (
        {"date": dt.date(2021, 3, 5), "draft": True, "summary": None},
        {"date": 2, "draft": 3, "summary": 4},
        [
            ("date", "date", "2021-03-05", "date", 2),
            ("draft", "draft", "true", "bool", 3),
            ("summary", "summary", "", "text", 4),
        ],
    ),
    (
        {"starts": dt.time(10, 30)},  # TOML local time
        {"starts": 2},
        [("starts", "starts", "10:30:00", "text", 2)],
    ),
    (
        {"tags": [], "extra": {}, "nested": [["a", ["b"]]]},
        {},
        [
            ("tags", "tags", "", "list", None),
            ("extra", "extra", "", "text", None),
            ("nested", "nested", "a", "text", None),
            ("nested", "nested", "b", "text", None),
        ],
    ),
    (
        {"Published Date": "2021-03-05", "发布日期": "2023/1/16"},
        {"Published Date": 2, "发布日期": 3},
        [
            ("published_date", "Published Date", "2021-03-05", "date", 2),
            ("发布日期", "发布日期", "2023/1/16", "date", 3),
        ],
    ),
]


@pytest.mark.parametrize(
    ("metadata", "key_lines", "rows"),
    FRONTMATTER_SEED_CASES + FRONTMATTER_REAL_FORMAT_CASES,
    ids=[_short(c[0]) for c in FRONTMATTER_SEED_CASES + FRONTMATTER_REAL_FORMAT_CASES],
)
def test_frontmatter_fields(
    metadata: dict[str, Any], key_lines: dict[str, int], rows: list[Row]
) -> None:
    fields = build_frontmatter_fields(metadata, key_lines)
    assert [(f.key, f.raw_key, f.value, f.value_type, f.line) for f in fields] == rows
    assert [f.ordinal for f in fields] == list(range(1, len(rows) + 1))
    assert {f.source for f in fields} <= {"frontmatter"}


def test_frontmatter_rows_are_bounded() -> None:
    fields = build_frontmatter_fields({"many": list(range(MAX_ROWS * 3))}, {})
    assert len(fields) == MAX_ROWS
    assert fields[-1].value == str(MAX_ROWS - 1)


def test_frontmatter_self_reference_does_not_loop() -> None:
    loop: list[Any] = ["a"]
    loop.append(loop)
    assert [f.value for f in build_frontmatter_fields({"loop": loop}, {})] == ["a"]


def test_frontmatter_deep_nesting_does_not_crash() -> None:
    deep: Any = "bottom"
    for _ in range(2000):
        deep = {"k": deep}
    [row] = build_frontmatter_fields({"top": deep}, {"top": 2})
    assert (row.value, row.line) == ("bottom", 2)
    assert row.key == "top" + ".k" * 2000


# --- inline fields ------------------------------------------------------------------------

InlineRow = tuple[str, str, str, str, int]

# (text, rows as (key, raw_key, value, value_type, line)) — the seed episode's callout.
INLINE_SEED_CASES: list[tuple[str, list[InlineRow]]] = [
    (
        "\n" * 10 + "> [!INFO] Metadata\n"
        "> **Title**:: Building a Business on Rails with Mike Perham\n"
        "> **Number**:: 119\n"
        "> **Published**:: [[2021-03-05]]\n"
        "> **Duration**:: 41:08\n"
        "> **Share**:: <https://share.transistor.fm/s/102fc5a6>\n"
        "> **Media**:: [MP3 Direct Link](https://dts.podtrac.com/redirect.mp3/media.transistor.fm/102fc5a6/54afd9e9.mp3)\n",
        [
            ("title", "Title", "Building a Business on Rails with Mike Perham", "text", 12),
            ("number", "Number", "119", "number", 13),
            ("published", "Published", "[[2021-03-05]]", "date", 14),
            ("duration", "Duration", "41:08", "duration", 15),
            ("share", "Share", "<https://share.transistor.fm/s/102fc5a6>", "link", 16),
            (
                "media",
                "Media",
                "[MP3 Direct Link](https://dts.podtrac.com/redirect.mp3/media.transistor.fm/102fc5a6/54afd9e9.mp3)",
                "link",
                17,
            ),
        ],
    ),
    (
        "**Panelists**:: [[Jason Charnes]], [[Chris Oliver]], [[Andrew Mason]]\n"
        "\n"
        "**Guests**:: [[Mike Perham]]\n"
        "\n"
        "**Sponsor**:: [[Honeybadger]]\n",
        [
            (
                "panelists",
                "Panelists",
                "[[Jason Charnes]], [[Chris Oliver]], [[Andrew Mason]]",
                "list",
                1,
            ),
            ("guests", "Guests", "[[Mike Perham]]", "link", 3),
            ("sponsor", "Sponsor", "[[Honeybadger]]", "link", 5),
        ],
    ),
]

# Forms that Dataview reads and that turn up in real vaults.
INLINE_REAL_FORMAT_CASES: list[tuple[str, list[InlineRow]]] = [
    ("Rating:: 9", [("rating", "Rating", "9", "number", 1)]),
    (
        "Published Date:: 2021-03-05",
        [("published_date", "Published Date", "2021-03-05", "date", 1)],
    ),
    ("__Status__:: done", [("status", "Status", "done", "text", 1)]),
    (
        "**Duration::** 81 mins 53 secs",
        [("duration", "Duration", "81 mins 53 secs", "duration", 1)],
    ),
    ("> > **Host**:: [[Jason]]", [("host", "Host", "[[Jason]]", "link", 1)]),
    ("- Guest:: [[Mike]]", [("guest", "Guest", "[[Mike]]", "link", 1)]),
    ("* Mood:: calm", [("mood", "Mood", "calm", "text", 1)]),
    ("1. Step:: one", [("step", "Step", "one", "text", 1)]),
    ("> - Topic:: Rails", [("topic", "Topic", "Rails", "text", 1)]),
    ("发布日期:: 2023/1/16", [("发布日期", "发布日期", "2023/1/16", "date", 1)]),
    ("Empty::", [("empty", "Empty", "", "text", 1)]),
    ("Key::value", [("key", "Key", "value", "text", 1)]),
    (
        "Ep 12 [rating:: 9] and (mood:: happy) today",
        [("rating", "rating", "9", "number", 1), ("mood", "mood", "happy", "text", 1)],
    ),
    ("- [ ] Call Mike [due:: 2021-03-05]", [("due", "due", "2021-03-05", "date", 1)]),
    ("Met [who:: [[Mike Perham]]] at Rails", [("who", "who", "[[Mike Perham]]", "link", 1)]),
    (
        "(link:: [site](https://sidekiq.org/(x)))",
        [("link", "link", "[site](https://sidekiq.org/(x))", "link", 1)],
    ),
    (
        "Explicit:: No\nText\nLength:: 41:08",
        [
            ("explicit", "Explicit", "No", "bool", 1),
            ("length", "Length", "41:08", "duration", 3),
        ],
    ),
    ("```\nx:: 1\n```\nReal:: 2", [("real", "Real", "2", "number", 4)]),
]

# Must yield no field.
INLINE_NEGATIVE_CASES = [
    "https://example.com/a::b",
    "See https://x::y for details",
    "12:30:: lunch",
    "119:: number only",
    "`code:: 1`",
    "```\nkey:: value\n```",
    "~~~\n> key:: value\n~~~",
    "<!-- hidden:: 1 -->",
    "# Heading:: not a field",
    "| col:: 1 | col2 |",
    "A sentence with a: single colon.",
    "[unclosed:: value",
    "a:::b",
    "[:: no key]",
    "K" * 61 + ":: too long a key",
    "",
]

KNOWN_GAPS = [
    pytest.param(
        "Use std::vector here",
        [],
        id="C++ scope operator in prose reads as a field (as in Dataview)",
        marks=pytest.mark.xfail(strict=True, reason="Dataview reads it as a field too"),
    ),
]


@pytest.mark.parametrize(
    ("text", "rows"),
    INLINE_SEED_CASES + INLINE_REAL_FORMAT_CASES,
    ids=[_short(c[0]) for c in INLINE_SEED_CASES + INLINE_REAL_FORMAT_CASES],
)
def test_inline_fields(text: str, rows: list[InlineRow]) -> None:
    if "mins" in text and parse_duration("81 mins 53 secs") is None:
        pytest.skip("durations.py does not read spoken durations yet")
    fields = find_inline_fields(text)
    assert [(f.key, f.raw_key, f.value, f.value_type, f.line) for f in fields] == rows
    assert [f.ordinal for f in fields] == list(range(1, len(rows) + 1))
    assert {f.source for f in fields} <= {"inline"}


@pytest.mark.parametrize(
    "text", INLINE_NEGATIVE_CASES, ids=[_short(t) for t in INLINE_NEGATIVE_CASES]
)
def test_not_inline_fields(text: str) -> None:
    assert find_inline_fields(text) == []


@pytest.mark.parametrize(("text", "rows"), KNOWN_GAPS)
def test_known_gaps(text: str, rows: list[InlineRow]) -> None:
    assert [(f.key, f.value) for f in find_inline_fields(text)] == rows


def test_first_ordinal_continues_after_front_matter() -> None:
    fields = find_inline_fields("a:: 1\nb:: 2", first_ordinal=8)
    assert [f.ordinal for f in fields] == [8, 9]


def test_inline_rows_are_bounded() -> None:
    fields = find_inline_fields("[k:: v] " * (MAX_ROWS + 50))
    assert len(fields) == MAX_ROWS


@given(st.text(max_size=400))
def test_inline_never_raises(text: str) -> None:
    lines = text.count("\n") + 1
    for field in find_inline_fields(text):
        assert field.key and field.line is not None and 1 <= field.line <= lines
        classify_value(field.value)


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


@given(st.dictionaries(st.text(max_size=10), _JSONISH, max_size=5))
def test_frontmatter_fields_never_raise(metadata: dict[str, Any]) -> None:
    fields = build_frontmatter_fields(metadata, {})
    assert len(fields) <= MAX_ROWS
    assert {f.key.split(".")[0] for f in fields} <= {normalize_key(k) for k in metadata}


@given(st.text(max_size=80))
def test_classify_value_never_raises(value: str) -> None:
    assert classify_value(value) in {
        "text",
        "number",
        "bool",
        "date",
        "datetime",
        "link",
        "list",
        "duration",
    }


def _walked_rows(metadata: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Front-matter rows with every value walked by ``_leaves``, scalars included."""
    rows = []
    for raw_key, value in metadata.items():
        for path, leaf in fields_module._leaves(str(raw_key), value):
            key = ".".join(normalize_key(part) for part in path)
            raw = ".".join(fields_module._raw_key(part) for part in path)
            rows.append((key, raw, *fields_module._render(leaf)))
    return rows


_SCALAR = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.dates()
    | st.datetimes()
)


@given(st.dictionaries(st.text(max_size=10), _SCALAR | st.lists(_SCALAR, max_size=3), max_size=6))
def test_scalar_values_skip_the_walk_with_the_same_rows(metadata: dict[str, Any]) -> None:
    rows = build_frontmatter_fields(metadata, {})
    assert [(f.key, f.raw_key, f.value, f.value_type) for f in rows] == _walked_rows(metadata)


def test_front_matter_fields_inside_tables_carry_their_own_lines() -> None:
    from transforms.properties.frontmatter import split_frontmatter

    fm = split_frontmatter(
        '+++\ntitle = "A"\n[extra]\nshow = "W"\nguests = ["Ada", "Bo"]\n[extra.more]\nx = 1\n+++\n'
    )
    rows = build_frontmatter_fields(fm.metadata, fm.key_lines, fm.nested_lines)
    assert [(f.raw_key, f.value, f.line) for f in rows] == [
        ("title", "A", 2),
        ("extra.show", "W", 4),
        ("extra.guests", "Ada", 5),
        ("extra.guests", "Bo", 5),
        ("extra.more.x", "1", 7),
    ]


# classify_value answers short values from a cache; the uncached reading must agree, also
# on the second (cached) call and on values either side of the length limit.
@given(
    st.one_of(
        st.text(max_size=90),
        st.sampled_from(["true", "41:08", "[[2021-03-05]]", "1,000", "x" * 80, "1" * 81]),
    )
)
def test_cached_classify_agrees_with_plain(value: str) -> None:
    plain = fields_module._classify(value)
    assert classify_value(value) == plain
    assert classify_value(value) == plain
