"""Table-driven tests for transforms.figures.growth.find_growth.

Each case is (text, percent, basis, metric); a metric of None means the case is not about
the metric. Every positive case must yield exactly one growth figure.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.figures.growth import find_growth

Case = tuple[str, str, str, str | None]

SEED_CASES: list[Case] = [
    ("如何通过为流行的开源框架（即 Rails）创建一个有用的附加组件，来达到 400 万美元的 ARR，"
     "并实现 20% 的同比增长。", "20", "yoy", None),
]  # fmt: skip

REAL_FORMAT_CASES: list[Case] = [
    ("20% 的同比增长", "20", "yoy", "other"),
    ("同比增长 20%", "20", "yoy", None),
    ("营收同比增长了20%", "20", "yoy", "revenue"),
    ("环比增长 15%", "15", "mom", None),
    ("用户环比增长 15%", "15", "mom", "users"),
    ("Revenue grew 30% MoM", "30", "mom", "revenue"),
    ("30% month-over-month growth", "30", "mom", None),
    ("up 45% year over year", "45", "yoy", None),
    ("YoY growth of 12%", "12", "yoy", None),
    ("YoY growth: 12%", "12", "yoy", None),
    ("Sales were up 8% y/y", "8", "yoy", "revenue"),
    ("MRR grew by 12.5% in March", "12.5", "other", "mrr"),
    ("ARR increased 40% year-on-year", "40", "yoy", "arr"),
    ("revenue up 3x", "200", "other", "revenue"),
    ("we grew 10x last year", "900", "other", None),
    ("Revenue doubled", "100", "other", "revenue"),
    ("users tripled in 2022", "200", "other", "users"),
    ("收入翻了一番", "100", "other", "revenue"),
    ("营收翻倍", "100", "other", "revenue"),
    ("利润翻了两番", "300", "other", "profit"),
    ("增长了 50%", "50", "other", None),
    ("用户数增长了3倍", "300", "other", "users"),
    ("收入增长到3倍", "200", "other", "revenue"),
    ("down 10%", "-10", "other", None),
    ("Traffic fell 25% after the redesign", "-25", "other", "traffic"),
    ("sales fell 8% YoY", "-8", "yoy", "revenue"),
    ("下降 10%", "-10", "other", None),
    ("营收同比下降了 5.5%", "-5.5", "yoy", "revenue"),
    ("20% 的同比下降", "-20", "yoy", None),
    ("下载量增长 35%", "35", "other", "downloads"),
    ("growth of -3%", "-3", "other", None),
    ("Revenue: +20% YoY", "20", "yoy", "revenue"),
    ("利润减半", "-50", "other", "profit"),
    ("百分之二十的增长", "20", "other", None),
    ("客户数同比增长 18%", "18", "yoy", "users"),
]

NEGATIVE_CASES: list[str] = [
    "20% of users",
    "抽成 30%",
    "up to 20% off",
    "grew to 30% of the market",
    "He is a 10x engineer",
    "毛利率 80%",
    "v1.2.3",
    "`grew 30%` in code",
    "https://example.com/grew-30%",
    "3 倍速播放",
    "利润增长到 30% 的份额",
    "Only 5% convert",
]

BUGS_CAUGHT: list[Case] = [
    # 了 is a word character, so a \w look-behind hid the figure in 同比增长了20%.
    ("同比增长了20%", "20", "yoy", None),
    # The left-most growth word (同比) used to win over the nearer 下降 and gave +5.5.
    ("营收同比下降了 5.5%", "-5.5", "yoy", "revenue"),
]

KNOWN_GAPS: list[Case] = [
    ("revenue went from $1M to $2M", "100", "other", "revenue"),  # computed growth
    ("增长了百分之十二点五", "12.5", "other", None),  # Chinese decimal percent
    ("a twofold increase in users", "100", "other", "users"),  # word multipliers
]


def _check(case: Case) -> None:
    text, percent, basis, metric = case
    found = find_growth(text)
    assert len(found) == 1, found
    got = found[0]
    assert got.percent == Decimal(percent)
    assert got.basis == basis
    if metric is not None:
        assert got.metric == metric
    assert got.text in text and got.line == 1


@pytest.mark.parametrize("case", SEED_CASES, ids=[c[0] for c in SEED_CASES])
def test_seed_cases(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", REAL_FORMAT_CASES, ids=[c[0] for c in REAL_FORMAT_CASES])
def test_real_format_cases(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("text", NEGATIVE_CASES, ids=NEGATIVE_CASES)
def test_negative_cases(text: str) -> None:
    assert find_growth(text) == []


@pytest.mark.parametrize("case", BUGS_CAUGHT, ids=[c[0] for c in BUGS_CAUGHT])
def test_bugs_caught(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=pytest.mark.xfail(strict=True)) for c in KNOWN_GAPS],
    ids=[c[0] for c in KNOWN_GAPS],
)
def test_known_gaps(case: Case) -> None:
    _check(case)


def test_ordinals_lines_and_sentences() -> None:
    text = "Intro.\n\nMRR grew 10% MoM. Churn is 3%.\n收入同比增长 20%。"
    found = find_growth(text)
    assert [(g.ordinal, g.line, g.percent, g.basis) for g in found] == [
        (1, 3, Decimal(10), "mom"),
        (2, 4, Decimal(20), "yoy"),
    ]
    assert found[0].sentence == "MRR grew 10% MoM."


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    for g in find_growth(text):
        assert g.text in text


_ALPHABET = st.sampled_from(list("%％xX倍翻番同比环比增长下降 upgrewdown了的一两三0123456789.-+\n"))


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=40))
def test_never_raises_on_growth_like_text(text: str) -> None:
    find_growth(text)


_NEAR_GROWTH = st.sampled_from(
    ["grew", "up", "down", "fell", "YoY", "yoy", "year-over-year", "MoM", "m/m", "同比", "环比",
     "增长", "下降", "了", "by", " ", "\t", "a", "x", "ſ", "K", "30%", "-", ".", "\n"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_NEAR_GROWTH, max_size=20).map("".join))
def test_growth_word_guards_change_no_hit(text: str) -> None:
    import re

    from transforms.figures import growth
    from transforms.figures import words as w

    basis = re.compile("|".join(f"(?P<{b}>{'|'.join(p)})" for b, p in w.BASIS_WORDS.items()), re.I)
    assert [(m.span(), m.lastgroup) for m in growth._BASIS.finditer(text)] == [
        (m.span(), m.lastgroup) for m in basis.finditer(text)
    ]
    body = growth._BEFORE.pattern[growth._BEFORE.pattern.index("(?:(?P<down>") :]
    before = re.compile(body, re.X | re.I)
    down = re.compile(growth._DOWN, re.I)
    for pos in range(len(text) + 1):
        found, plain = growth._BEFORE.search(text, pos), before.search(text, pos)
        assert (found and found.span()) == (plain and plain.span())
        found, plain = growth._DOWN_WORD.search(text, pos), down.search(text, pos)
        assert (found and found.span()) == (plain and plain.span())


_NEAR_ANCHOR = st.sampled_from(
    [*"0123456789 \txX×%倍翻百减a.\n", "next", "3x", "2 x", "doubled", "HALVED", "www.x.io/5%",
     "Tripled", "quadrupLED", "treb", "led", "l", "ved", "ı", "ſ"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_NEAR_ANCHOR, max_size=25).map("".join))
def test_candidate_lines_hold_every_figure(text: str) -> None:
    # Speed work (issue #9): only lines with an anchor (an x only after a non-letter) are
    # read, masked by mask_prose; every figure of every line must still be found.
    import re

    from transforms.figures import context as ctx
    from transforms.figures import growth
    from transforms.text.markdown import mask_code

    masked = ctx.mask_prose(text)
    anchor, offsets = growth._anchors(masked)
    offsets = list(offsets)
    got = {
        n: [m.span() for m in growth._figures(line, anchor, first)]
        for n, line, _, first in growth._candidate_lines(text, masked, offsets)
    }
    for _, line, _, first in growth._candidate_lines(text, masked, offsets):
        found = growth._ANCHOR.search(line)  # the first anchor is where the text scan saw it
        assert found is not None and found.start() == first
    for n, line in enumerate(mask_code(text).split("\n"), start=1):
        if re.search("@|://|www[.]", line):
            line = ctx._URL.sub(lambda m: " " * len(m.group(0)), line)
        spans = [m.span() for m in growth._FIGURE.finditer(line)]
        assert got.get(n, []) == spans


_NEAR_STOP = st.sampled_from([*'ab 3$%.,;!?()|<>=+*#&"[]{}\n', "grew", "增长", "by"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_NEAR_STOP, max_size=30).map("".join))
def test_reversed_stop_search_finds_the_last_stop(text: str) -> None:
    import re

    from transforms.figures import growth

    greedy = re.compile(r".*[0-9$%.,;!?()|<>=+*#&\"\[\]{}]", re.S).match(text)
    found = growth._STOP.search(text[::-1])
    assert (len(text) - found.start() if found else None) == (greedy.end() if greedy else None)


_NEAR_FIGURE = st.sampled_from(
    [*" \t-−+.,%％x×X倍翻了番百分之一两十减半a\n", "3", "12.5", "doubled", "HALVED", "Tripled"]
)


@settings(max_examples=800, deadline=None)
@given(st.lists(_NEAR_FIGURE, max_size=25).map("".join))
def test_figure_guard_changes_no_match(text: str) -> None:
    # Speed work (issue #9, round 5): the class in front of _FIGURE only skips offsets
    # where no branch can start.
    import re

    from transforms.figures import growth

    plain = re.compile(growth._FIGURE_BODY, re.X | re.I)
    assert [(m.span(), m.groupdict()) for m in growth._FIGURE.finditer(text)] == [
        (m.span(), m.groupdict()) for m in plain.finditer(text)
    ]


@settings(max_examples=500, deadline=None)
@given(st.lists(_NEAR_GROWTH, max_size=20).map("".join), st.integers(0, 80), st.integers(0, 9))
def test_a_line_s_sentence_bounds_are_its_whole_line_bounds(text: str, a: int, n: int) -> None:
    # Speed work (issue #9, round 7): _line_growth passes a line's own bounds (0, len)
    # instead of sentence_bounds finding them again; a line holds no newline.
    from transforms.figures import context as ctx

    line = text.replace("\n", " ")
    start = min(a, len(line))
    end = min(start + n, len(line))
    got = ctx.sentence_bounds(line, start, end, (0, len(line)))
    assert got == ctx.sentence_bounds(line, start, end)


_NEAR_WORD = st.sampled_from(
    [*"0123456789 \txX×%％倍翻百减a.\n", "next", "3x", "2 x", "bled", "pLEd", "LvEd", "dou",
     "BL", "ed", "l", "v", "ı", "ſ", "K", "é", "\ud800", "doubled", "HALVED", "👍"]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(_NEAR_WORD, max_size=25).map("".join))
def test_found_anchors_are_the_anchor_scan_s(text: str) -> None:
    # Speed work (issue #9, round 8): without a multiple word the anchors are found with
    # str.find and lines searched with _SYMBOL_ANCHOR; both must agree with _ANCHOR.
    from transforms.figures import growth

    anchor, offsets = growth._anchors(text)
    assert list(offsets) == [m.start() for m in growth._ANCHOR.finditer(text)]
    for pos in range(len(text) + 1):
        found, plain = anchor.search(text, pos), growth._ANCHOR.search(text, pos)
        assert (found and found.start()) == (plain and plain.start())


def _plain_direction(before: str, after: str) -> int | None:
    """growth._direction before round 8: the span is always searched for a down word."""
    from transforms.figures import growth

    before_60 = before[-60:]
    stop = growth._STOP.search(before_60[::-1])
    found = growth._BEFORE.search(before_60, len(before_60) - stop.start() if stop else 0)
    if found and (found["up"] or "").lower() == "up" and not growth._UP_NEXT.search(before):
        found = None
    span = found.group(0) if found else ""
    if found is None:
        found = growth._AFTER.match(after)
        if found and (found["up"] or "").lower() == "up":
            found = None
        span = after[: found.end() + 6] if found else ""
    if found is None:
        return None
    return -1 if growth._DOWN_WORD.search(span) else 1


@settings(max_examples=800, deadline=None)
@given(
    st.lists(_NEAR_GROWTH, max_size=12).map("".join),
    st.lists(_NEAR_GROWTH, max_size=8).map("".join),
)
def test_a_down_word_found_needs_no_second_search(before: str, after: str) -> None:
    # Speed work (issue #9, round 8): a growth word found in the down group is the first
    # down word of its span, so _direction answers -1 without searching the span again.
    from transforms.figures import growth

    before, after = before.replace("\n", " "), after.replace("\n", " ")
    assert growth._direction(before, after) == _plain_direction(before, after)
