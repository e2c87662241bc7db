"""Tests for transforms/properties/tags.py: front matter tag values and inline #tags."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import transforms.properties.tags
from transforms.properties.tags import Tag, find_tags, tags_from_value

# ---- front matter values ------------------------------------------------------------------

ValueCase = tuple[object, list[str]]

# From the seed front matter: 000 has `tags: [episode]`, 004 has `tag: 人物故事`.
VALUE_SEED_CASES: list[ValueCase] = [
    (["episode"], ["episode"]),
    ("人物故事", ["人物故事"]),
]

VALUE_REAL_FORMAT_CASES: list[ValueCase] = [
    (["podcast/ruby", "#interview"], ["podcast/ruby", "interview"]),
    ("a, b", ["a", "b"]),
    ("a b", ["a", "b"]),
    ("#a #b", ["a", "b"]),
    ("[a, b]", ["a", "b"]),
    ("创业，独立开发、开源", ["创业", "独立开发", "开源"]),
    (["Ruby on Rails", "open source"], ["Ruby on Rails", "open source"]),
    ([["Parent", "Child"], "Other"], ["Parent", "Child", "Other"]),
    (("x", "y"), ["x", "y"]),
    (["dup", "dup", "Dup"], ["dup", "Dup"]),
    ([2021, "travel"], ["2021", "travel"]),
    (['"quoted"', "  spaced  "], ["quoted", "spaced"]),
    ([date(2023, 1, 16)], ["2023-01-16"]),
]

VALUE_NEGATIVE_CASES: list[object] = [None, "", "  ", [], [None, ""], True, {"a": 1}, "#", ","]


def _tag_names(tags: list[Tag]) -> list[str]:
    return [t.tag for t in tags]


@pytest.mark.parametrize(
    ("value", "expected"),
    VALUE_SEED_CASES + VALUE_REAL_FORMAT_CASES,
    ids=[repr(c[0]) for c in VALUE_SEED_CASES + VALUE_REAL_FORMAT_CASES],
)
def test_tags_from_value(value: object, expected: list[str]) -> None:
    assert _tag_names(tags_from_value(value)) == expected


@pytest.mark.parametrize("value", VALUE_NEGATIVE_CASES, ids=[repr(v) for v in VALUE_NEGATIVE_CASES])
def test_tags_from_value_negative(value: object) -> None:
    assert tags_from_value(value) == []


def test_tags_from_value_keeps_source_and_line() -> None:
    assert tags_from_value(["episode"], line=5) == [
        Tag(tag="episode", source="frontmatter", line=5)
    ]


# ---- inline tags --------------------------------------------------------------------------

InlineCase = tuple[str, list[tuple[str, int]]]

# Seed lines that look like tags but are not: headings, an episode number, a link fragment.
SEED_CASES: list[InlineCase] = [
    ("## Links", []),
    ("### 关于Mike Perham的访谈内容", []),
    ("> **Number**:: 119", []),
    ("[Mike Perham Twitter](https://twitter.com/getajobmike?lang=en)", []),
    ('<iframe width="100%" height="180" src="https://share.transistor.fm/e/102fc5a6/dark">', []),
]

REAL_FORMAT_CASES: list[InlineCase] = [
    ("#podcast", [("podcast", 1)]),
    ("Loved it #podcast/ruby today", [("podcast/ruby", 1)]),
    ("line one\n#a #b", [("a", 2), ("b", 2)]),
    ("#创业 故事", [("创业", 1)]),
    ("标签：\u3000#独立开发", [("独立开发", 1)]),
    ("#tag. #tag, (#not-after-paren)", [("tag", 1), ("tag", 1)]),
    ("#snake_case #kebab-case", [("snake_case", 1), ("kebab-case", 1)]),
    ("#2021年 #y1984", [("2021年", 1), ("y1984", 1)]),
    ("#fff is a colour but Obsidian calls it a tag", [("fff", 1)]),
    ("#a/ trailing slash", [("a", 1)]),
    ("#हिंदी", [("हिंदी", 1)]),
    ("#Title without a space is a tag", [("Title", 1)]),
    ("- [ ] todo #next", [("next", 1)]),
    ("> quoted #idea", [("idea", 1)]),
    ("#a#b", [("a", 1)]),
]

NEGATIVE_CASES: list[str] = [
    "# Heading",
    "## Links",
    "#119",
    "episode #119",
    "#2021-01",
    "#_ #- #/",
    "&#123; and &#x1F600;",
    "https://x.com/#frag",
    "[x](#t=23:44)",
    "[[Note#Heading]]",
    "x#y",
    "\\#escaped",
    "`#code`",
    "```\n#fenced\n```",
    "<!-- #commented -->",
    '<span style="color: #fff">t</span>',
    "#",
    "",
]

# Each was a wrong result before the fix that made it pass.
BUGS_CAUGHT: list[InlineCase] = [
    # Devanagari vowel signs are marks, not \w: the tag was cut to its first letter.
    ("#हिंदी and #ไทย", [("हिंदी", 1), ("ไทย", 1)]),
    # A multi-line HTML tag was blanked with its newlines, shifting every later line.
    ('<img\n  style="color: #fff"\n  src="x">\n#after', [("after", 4)]),
]

KNOWN_GAPS: list[InlineCase] = [
    # Obsidian %%comments%% are not masked.
    ("%% #hidden %%", []),
    # Obsidian allows emoji in tags.
    ("#🚀launch", [("🚀launch", 1)]),
]


def _inline(text: str) -> list[tuple[str, int]]:
    tags = find_tags(text)
    assert all(t.source == "inline" for t in tags)
    return [(t.tag, t.line or 0) for t in tags]


@pytest.mark.parametrize(
    ("text", "expected"),
    SEED_CASES + REAL_FORMAT_CASES,
    ids=[c[0] for c in SEED_CASES + REAL_FORMAT_CASES],
)
def test_find_tags(text: str, expected: list[tuple[str, int]]) -> None:
    assert _inline(text) == expected


@pytest.mark.parametrize("text", NEGATIVE_CASES, ids=NEGATIVE_CASES)
def test_find_tags_negative(text: str) -> None:
    assert find_tags(text) == []


@pytest.mark.parametrize(("text", "expected"), BUGS_CAUGHT, ids=[c[0] for c in BUGS_CAUGHT])
def test_find_tags_bugs_caught(text: str, expected: list[tuple[str, int]]) -> None:
    assert _inline(text) == expected


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize(("text", "expected"), KNOWN_GAPS, ids=[c[0] for c in KNOWN_GAPS])
def test_find_tags_known_gaps(text: str, expected: list[tuple[str, int]]) -> None:
    assert _inline(text) == expected


@given(st.text())
def test_find_tags_never_raises(text: str) -> None:
    lines = text.split("\n")
    for tag in find_tags(text):
        assert tag.line is not None and 1 <= tag.line <= len(lines)
        assert "#" + tag.tag in lines[tag.line - 1]
        assert any(ch.isalpha() for ch in tag.tag)


@given(st.recursive(st.none() | st.text() | st.integers(), lambda kids: st.lists(kids)))
def test_tags_from_value_never_raises(value: object) -> None:
    tags = tags_from_value(value)
    assert all(t.tag and not t.tag.startswith("#") for t in tags)
    assert len({t.tag for t in tags}) == len(tags)


# --- the ASCII fast path of _inline_tag agrees with the Unicode category loop -------------


def category_tag(raw: str) -> str | None:
    """``_inline_tag`` by Unicode categories alone, as it reads non-ASCII text."""
    end = 0
    for ch in raw:
        if ch not in "_-/" and unicodedata.category(ch)[0] not in "LMN":
            break
        end += 1
    tag = raw[:end].rstrip("/")
    return None if tag.startswith("/") or not any(map(str.isalpha, tag)) else tag


@given(st.text(st.characters(max_codepoint=127)) | st.text())
def test_inline_tag_fast_path_agrees_with_categories(raw: str) -> None:
    assert transforms.properties.tags._inline_tag(raw) == category_tag(raw)


@pytest.mark.parametrize(
    "raw", ["podcast/ruby", "a-b_c/", "/x", "119", "fff;", "x.y", "tag,", "a b", "é", "创业，x"]
)
def test_inline_tag_edges_agree_with_categories(raw: str) -> None:
    assert transforms.properties.tags._inline_tag(raw) == category_tag(raw)
