"""Fast paths of ``transforms.figures.money`` (round 9) agree with the plain code they replace."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.figures import context as ctx
from transforms.figures import money

# Pieces that make and break implicit leads: money words, fillers, spaces, other text.
_NEAR_LEADS = st.sampled_from(
    ["收入", "净利", "净利润", "赚", "赚了", "价格", "花费", "月薪", "了", "为", "达到", "约",
     "超过", "：", ":", " ", "\t", "\n", "\u3000", "是", "年", "2024", "1.5万", "a", "元", "，"]
)  # fmt: skip


def _lead_words() -> list[str]:
    body = money._IMPLICIT_LEAD.pattern
    return body[body.index("(?:") + 3 : body.index(")")].split("|")


@pytest.mark.parametrize("word", _lead_words(), ids=_lead_words())
def test_every_money_word_ends_in_a_tail_character(word: str) -> None:
    ends = {word[-1]} if not word.endswith("?") else {word[-2], word[-3]}
    assert ends <= money._IMPLICIT_TAIL


@given(st.lists(_NEAR_LEADS, max_size=12).map("".join))
def test_a_lead_ends_in_a_tail_character(text: str) -> None:
    # _may_lead drops a bare figure at the end of ``text`` unless this holds; where the
    # plain lead search finds a money word the fast test must let the figure through.
    for at in range(len(text) + 1):
        found = money._IMPLICIT_LEAD.search(text[max(0, at - 12) : at])
        if found:
            assert at > 0
            assert text[at - 1] in money._IMPLICIT_TAIL or text[at - 1].isspace()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("月收入 1.5万，", [Decimal(15000)]), ("利润：3万。", [Decimal(30000)]),
     ("2024年 5 个", []), ("第3章", [])],
    ids=["月收入 1.5万，", "利润：3万。", "2024年 5 个", "第3章"],
)  # fmt: skip
def test_bare_chinese_figures_after_the_fast_reject(text: str, expected: list[Decimal]) -> None:
    assert [x.amount for x in money.find_money(text, lang="zh")] == expected


def test_lines_of_mentions_on_later_lines() -> None:
    text = "Intro\n\nWe charge $5 a month.\n\n| a | b |\n|---|---|\n| x | €7 |\n"
    assert [(x.line, x.text) for x in money.find_money(text)] == [(3, "$5 a month"), (7, "€7")]


# Round 10: qualifier_before rejects a clause whose tail ends in no qualifier or filler.
_QUAL_PIECES = st.sampled_from(
    ["over", "OVER", "more than", "about", "约", "近", "最近", "将近", "不到", "了", "是", "达到",
     "just", "only", "reached", "crossed", "roughly", " ", "  ", "\t", "\n", "~", "≈", "$",
     "\u017f", "\u0130", "\u0131", "some", "ſome", "almoſt", "Acme", "x", "了 ", "up to"]
)  # fmt: skip

QUAL_BEFORE_CASES = [
    "revenue reached ", "just over ", "超过了", "最近", "不到 \n", "about\n\n", "AROUND  ",
    "almoſt ", "ſome", "over 了 ", "", " ", "price was roughly",
]  # fmt: skip


@pytest.mark.parametrize("before", QUAL_BEFORE_CASES, ids=QUAL_BEFORE_CASES)
def test_qualifier_before_fast_reject_agrees(before: str) -> None:
    assert ctx.qualifier_before(before) == ctx._qualifier_before_plain(before[-40:])


@given(st.lists(_QUAL_PIECES, max_size=10).map("".join))
def test_qualifier_before_fast_reject_agrees_on_any_clause(before: str) -> None:
    assert ctx.qualifier_before(before) == ctx._qualifier_before_plain(before[-40:])


@pytest.mark.parametrize("before", ["revenue reached ", "2024 plan: "], ids=["en", "plan"])
def test_qualifier_before_fast_reject_fires(before: str) -> None:
    tail = before.rstrip(" \t").lower()
    assert not tail.endswith(ctx._QUAL_BEFORE_ENDS)  # the regex is not consulted
    assert ctx.qualifier_before(before) is None
