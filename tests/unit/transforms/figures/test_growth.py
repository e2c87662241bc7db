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
    # a basis phrase after the figure, and Chinese "compared with last year/month"
    ("signups were up 35% over last month", "35", "mom", "users"),
    ("订阅收入比去年增长 12%", "12", "yoy", "revenue"),
    ("访客比上个月减少 6%", "-6", "mom", "traffic"),
    ("下载量暴涨了整整 80%", "80", "other", "downloads"),
    ("sales soared 1,250% after launch", "1250", "other", "revenue"),
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
    # a level the change starts from, and a share
    "churn fell from 75% to nearly zero",
    "退款率从 12% 降到几乎为零",
    "| Channel | Share |\n|---|---|\n| Search | 45% |",
    "| Metric | This Month | Change |\n|---|---|---|\n| Conversion Rate | 8% | n/a |",
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


# A metrics table with a change column: (table, [(percent, basis, metric, line)]).
CHANGE_COLUMN_CASES: list[tuple[str, list[tuple[str, str, str, int]]]] = [
    ("| Metric | Value This Month | Change |\n|---|---|---|\n"
     "| Weekly Active Users | 12,040 | +18% |\n| Monthly Recurring Revenue | $3,210 | −4% |\n"
     "| Refunds | 3 | 0% |",
     [("18", "mom", "users", 3), ("-4", "mom", "mrr", 4), ("0", "mom", "other", 5)]),
    ("| | March | April | Δ |\n|---|---|---|---|\n| Revenue | $1,200 | $1,500 | +25% |",
     [("25", "mom", "revenue", 3)]),
    ("| Metric | 2022 | 2023 | Growth |\n|---|---|---|---|\n| Customers | 40 | 52 | +30% |",
     [("30", "yoy", "users", 3)]),
    ("| Item | Now | Change |\n|---|---|---|\n| Sales | $23.37 | +$22.17 (+1,848%) |",
     [("1848", "other", "revenue", 3)]),
    ("| Year | Revenue | Growth |\n|---|---|---|\n| 2022 | $40k | 25% |\n| 2023 | $52k | 30% |",
     [("25", "yoy", "revenue", 3), ("30", "yoy", "revenue", 4)]),
    ("| 指标 | 本月 | 环比 |\n|---|---|---|\n| 营收 | 3.2 万 | -12% |",
     [("-12", "mom", "revenue", 3)]),
]  # fmt: skip


@pytest.mark.parametrize("case", CHANGE_COLUMN_CASES, ids=[c[0] for c in CHANGE_COLUMN_CASES])
def test_change_columns(case: tuple[str, list[tuple[str, str, str, int]]]) -> None:
    text, want = case
    got = [(str(g.percent), g.basis, g.metric, g.line) for g in find_growth(text)]
    assert got == want
    assert all(g.text in text for g in find_growth(text))


def test_each_basis_word_attaches_to_its_own_figure() -> None:
    found = find_growth("营收比去年下降 8%，比上一季度下降 22%；同比增长 5%，环比增长 2%")
    assert [(str(g.percent), g.basis) for g in found] == [
        ("-8", "yoy"), ("-22", "other"), ("5", "yoy"), ("2", "mom"),
    ]  # fmt: skip


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
