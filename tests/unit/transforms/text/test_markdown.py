"""Shared Markdown structure: code masking, offsets to lines, headings and sections."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.text import markdown
from transforms.text.markdown import Heading, LineIndex, find_headings, mask_code, section_at

# ---- mask_code ------------------------------------------------------------------------------

# (text, what must survive masking, what must be gone)
MaskCase = tuple[str, list[str], list[str]]

MASK_SEED_CASES: list[MaskCase] = [
    # Seed 000: an HTML iframe is not a comment and not code; it stays.
    (
        '<iframe src="https://share.transistor.fm/e/102fc5a6/dark"></iframe>',
        ["https://share.transistor.fm/e/102fc5a6/dark"],
        [],
    ),
    ("Pro 是每年 1,000 美元", ["1,000 美元"], []),
]

MASK_REAL_FORMAT_CASES: list[MaskCase] = [
    ("a `$5` b", ["a", "b"], ["$5"]),
    ("``a ` b`` then $9", ["then $9"], ["a ` b"]),
    ("x\n```\n$PATH\n```\ny", ["x", "y"], ["$PATH", "```"]),
    ("x\n~~~python\nprice = 5\n~~~\ny", ["x", "y"], ["price", "~~~"]),
    ("x\n````\n```\nstill code\n```\n````\ny", ["x", "y"], ["still code"]),
    ("x\n~~~\n```\ninside\n~~~\ny", ["x", "y"], ["inside"]),  # ``` does not close ~~~
    ("> ```\n> [00:01:40] code\n> ```\nafter", ["after"], ["00:01:40"]),
    ("   ```\nindented three\n   ```\nz", ["z"], ["indented three"]),
    ("x <!-- $5 hidden --> y", ["x", "y"], ["$5 hidden"]),
    ("a\n<!--\nDuration:: 41:08\n-->\nb", ["a", "b"], ["Duration", "41:08"]),
    ("unclosed\n```\nrest is code\n", ["unclosed"], ["rest is code"]),
]

# Nothing to mask: the text comes back unchanged.
MASK_NEGATIVE_CASES: list[str] = [
    "",
    "plain text\nwith lines\n",
    "    indented four spaces is not a fence here",
    "a single ` backtick",
    "`` unmatched ``` run",
    "text ``` in the middle of a line",
    "<iframe></iframe>",
]

MASK_KNOWN_GAPS: list[MaskCase] = [
    # CommonMark lets a code span run over a line break.
    ("`code\nspan` after", ["after"], ["code", "span"]),
]


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    MASK_SEED_CASES + MASK_REAL_FORMAT_CASES,
    ids=[c[0][:40] for c in MASK_SEED_CASES + MASK_REAL_FORMAT_CASES],
)
def test_mask_code(text: str, kept: list[str], gone: list[str]) -> None:
    masked = mask_code(text)
    assert len(masked) == len(text)
    assert masked.count("\n") == text.count("\n")
    for piece in kept:
        assert piece in masked
    for piece in gone:
        assert piece not in masked


@pytest.mark.parametrize("text", MASK_NEGATIVE_CASES, ids=MASK_NEGATIVE_CASES)
def test_mask_code_leaves_plain_text(text: str) -> None:
    assert mask_code(text) == text


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize(
    ("text", "kept", "gone"), MASK_KNOWN_GAPS, ids=[c[0] for c in MASK_KNOWN_GAPS]
)
def test_mask_code_known_gaps(text: str, kept: list[str], gone: list[str]) -> None:
    masked = mask_code(text)
    assert all(piece in masked for piece in kept)
    assert not any(piece in masked for piece in gone)


@given(st.text(alphabet=st.sampled_from("ab`~<!->\n $"), max_size=60))
def test_mask_code_keeps_every_line_and_column(text: str) -> None:
    masked = mask_code(text)
    assert len(masked) == len(text)
    assert [len(line) for line in masked.split("\n")] == [len(line) for line in text.split("\n")]


# ---- LineIndex ------------------------------------------------------------------------------

LINE_CASES: list[tuple[str, int, int]] = [
    ("a\nbc\nd", 0, 1),
    ("a\nbc\nd", 1, 1),  # the newline belongs to the line it ends
    ("a\nbc\nd", 2, 2),
    ("a\nbc\nd", 4, 2),
    ("a\nbc\nd", 5, 3),
    ("a\nbc\nd", 6, 3),  # one past the end
    ("", 0, 1),
    ("\n\n\n", 3, 4),
]


@pytest.mark.parametrize(
    ("text", "offset", "line"), LINE_CASES, ids=[f"{t!r}@{o}" for t, o, _ in LINE_CASES]
)
def test_line_of(text: str, offset: int, line: int) -> None:
    assert LineIndex(text).line_of(offset) == line


@given(st.lists(st.sampled_from(["\n", "a", "$5", " ", "\n\n", "收入"]), max_size=30).map("".join),
       st.lists(st.integers(0, 60)))  # fmt: skip
def test_line_of_counted_from_the_last_answer(text: str, offsets: list[int]) -> None:
    # LineIndex counts from its previous answer: in text order (as money asks) and after a
    # step back, every answer is the plain count of the newlines before the offset, plus one.
    index = LineIndex(text)
    ordered = sorted(min(x, len(text)) for x in offsets)
    for offset in [*ordered, *ordered[:1], *reversed(ordered)]:
        assert index.line_of(offset) == text.count("\n", 0, offset) + 1


# ---- headings -------------------------------------------------------------------------------

# Seed 000 and 004 heading lines, with the lines they sit on.
HEADING_SEED_CASES: list[tuple[str, list[Heading]]] = [
    ("## Summary\n\n## Description\n", [Heading(1, 2, "Summary"), Heading(3, 2, "Description")]),
    (
        "\n### Mike Perham，软件开发人员，Sidekiq创建者\n",
        [Heading(2, 3, "Mike Perham，软件开发人员，Sidekiq创建者")],
    ),
    ("### 关于Mike Perham的访谈内容", [Heading(1, 3, "关于Mike Perham的访谈内容")]),
]

HEADING_REAL_FORMAT_CASES: list[tuple[str, list[Heading]]] = [
    ("# Top\n\n## Links\n", [Heading(1, 1, "Top"), Heading(3, 2, "Links")]),
    ("## Links ##", [Heading(1, 2, "Links")]),
    ("   # Three spaces", [Heading(1, 1, "Three spaces")]),
    ("###### Six", [Heading(1, 6, "Six")]),
    ("#\tTabbed", [Heading(1, 1, "Tabbed")]),
    ("# #hashtag", [Heading(1, 1, "#hashtag")]),
    ("```\n# not a heading\n```\n# Real", [Heading(4, 1, "Real")]),
    ("<!--\n# hidden\n-->\n## Shown", [Heading(4, 2, "Shown")]),
]

HEADING_NEGATIVE_CASES: list[str] = [
    "#tag at line start",
    "####### seven",
    "    # four spaces is code",
    "> # quoted",
    "text # not at start",
    "#",
]

# A "#" that is part of the title (no space before it) is not a closing sequence.
HEADING_BUGS_CAUGHT: list[tuple[str, list[Heading]]] = [
    ("## Why I love C#", [Heading(1, 2, "Why I love C#")]),
    ("# F# and C# ##", [Heading(1, 1, "F# and C#")]),
]

HEADING_KNOWN_GAPS: list[tuple[str, list[Heading]]] = [
    # Setext headings (a line underlined with === or ---) are not read.
    ("Title\n=====\n", [Heading(1, 1, "Title")]),
]

ALL_HEADING_CASES = HEADING_SEED_CASES + HEADING_REAL_FORMAT_CASES + HEADING_BUGS_CAUGHT


@pytest.mark.parametrize(
    ("text", "expected"), ALL_HEADING_CASES, ids=[c[0][:40] for c in ALL_HEADING_CASES]
)
def test_find_headings(text: str, expected: list[Heading]) -> None:
    assert find_headings(text) == expected


@pytest.mark.parametrize("text", HEADING_NEGATIVE_CASES, ids=HEADING_NEGATIVE_CASES)
def test_find_headings_negative(text: str) -> None:
    assert find_headings(text) == []


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize(
    ("text", "expected"), HEADING_KNOWN_GAPS, ids=[c[0] for c in HEADING_KNOWN_GAPS]
)
def test_find_headings_known_gaps(text: str, expected: list[Heading]) -> None:
    assert find_headings(text) == expected


SECTION_CASES: list[tuple[int, str | None]] = [
    (1, None),  # above the first heading
    (2, "Summary"),  # the heading's own line
    (3, "Summary"),
    (5, "Links"),
    (99, "Links"),
]


@pytest.mark.parametrize(("line", "section"), SECTION_CASES, ids=[str(c[0]) for c in SECTION_CASES])
def test_section_at(line: int, section: str | None) -> None:
    headings = find_headings("intro\n## Summary\ntext\n## Links\n[x](https://x.fm)\n")
    assert section_at(headings, line) == section


def test_section_at_without_headings() -> None:
    assert section_at([], 3) is None


# ---- fast paths that must agree with the plain patterns -------------------------------------

# The code-span pattern as first written: ``(`+)`` opens, so ``re`` cannot skip to a backtick.
_PLAIN_INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")


@settings(max_examples=400)
@given(st.text(alphabet=st.sampled_from("ab` \n"), max_size=40))
def test_code_span_pattern_finds_what_the_plain_one_finds(text: str) -> None:
    found = [m.span() for m in markdown._INLINE_CODE.finditer(text)]
    assert found == [m.span() for m in _PLAIN_INLINE_CODE.finditer(text)]
