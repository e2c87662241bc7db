"""Growth figures: a percentage, a multiple or a doubling word tied to a growth word.

``find_growth`` keeps only figures that a growth word (grew, up, increase, 增长, 下降 ...)
or a basis word (YoY, MoM, 同比, 环比) touches: ``20% 的同比增长``, ``grew 30% MoM``,
``down 10%``. A bare percentage (``20% of users``, ``抽成 30%``) is not growth.

Decisions worth knowing:

* Multiples are converted to a percentage change: ``3x`` / ``3 倍`` is +200 % (×3 = +200 %),
  ``doubled`` / ``翻了一番`` / ``翻倍`` +100 %, ``翻了两番`` (×4) +300 %,
  ``halved`` / ``减半`` −50 %.
  The one exception is Chinese ``增长了 N 倍`` / ``增加了 N 倍``, which grammatically means
  "grew *by* N times" and gives N × 100 %.
* A down word (down, fell, 下降, 减少 ...) makes the percent negative.
* ``basis`` is ``yoy`` for YoY / year-over-year / 同比, ``mom`` for MoM / month-over-month /
  环比 (环比 is period-over-period; notes use it for months), else ``other``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from transforms import _money_context as ctx
from transforms import _money_words as w
from transforms.markdown import LineIndex
from transforms.money import parse_zh_numeral

_UP = ctx._alt(list(w.GROWTH_UP))
_DOWN = ctx._alt(list(w.GROWTH_DOWN))
_BASIS = {b: re.compile("|".join(p), re.I) for b, p in w.BASIS_WORDS.items()}
_ANY_BASIS = "|".join(p for ps in w.BASIS_WORDS.values() for p in ps)
_FIGURE = re.compile(
    r"""(?P<sign>(?<![A-Za-z0-9_.])[-−+])?
      (?<![A-Za-z0-9_.,])(?P<pct>\d{1,9}(?:\.\d{1,6})?)[ \t]?[%％]
    | 百分之(?P<zhpct>[零一二两三四五六七八九十百]+)
    | (?<![A-Za-z0-9_.])(?P<mult>\d{1,6}(?:\.\d{1,3})?)[ \t]?(?:[x×](?![A-Za-z])|倍)
    | 翻了?(?P<fan>[一二两三四五六七八九十\d]{1,2})番 | (?P<fanbei>翻番)
    | \b(?P<word>doubled|tripled|trebled|quadrupled|halved)\b | (?P<zhword>翻了一倍|翻倍|减半)""",
    re.X | re.I,
)
_BEFORE = re.compile(
    rf"""(?:(?P<down>{_DOWN})|(?P<up>{_UP})|(?P<basis>{_ANY_BASIS}))
    (?:[ \t]+[A-Za-z'-]+){{0,2}}?[\u4e00-\u9fff]{{0,3}}?
    [ \t]*(?:by|of|at|了|达|达到|为|幅度为?)?[ \t]*:?[ \t]*$""",
    re.X | re.I,
)
_AFTER = re.compile(
    rf"""^[ \t]*(?:的)?[ \t]*(?:(?P<down>{_DOWN})|(?P<up>{_UP})|(?P<basis>{_ANY_BASIS}))""",
    re.X | re.I,
)
_LEVEL = re.compile(r"\bto[ \t]*$|到[ \t]*$", re.I)  # "grew to 30%" is a level, not growth
_DOWN_WORD = re.compile(_DOWN, re.I)
_UP_NEXT = re.compile(r"\b(?:up|down)[ \t]*(?:by[ \t]*)?$", re.I)
_BY_TIMES = re.compile(r"(?:增长|增加)了?[ \t]*$")
_METRICS = ctx.labelled(w.GROWTH_METRICS)


@dataclass(frozen=True)
class GrowthMention:
    """One growth figure, as a percent change, with its raw span, sentence and line."""

    ordinal: int
    percent: Decimal
    basis: str
    metric: str
    text: str
    sentence: str
    line: int


def find_growth(text: str) -> list[GrowthMention]:
    """Every growth figure in ``text``, in text order.

    >>> [(str(g.percent), g.basis) for g in find_growth("并实现 20% 的同比增长。")]
    [('20', 'yoy')]
    >>> [(str(g.percent), g.basis, g.metric) for g in find_growth("Revenue grew 30% MoM.")]
    [('30', 'mom', 'revenue')]
    >>> find_growth("20% of users pay; 抽成 30%")
    []
    """
    masked = ctx.mask_prose(text)
    lines = LineIndex(masked)
    out: list[GrowthMention] = []
    for m in _FIGURE.finditer(masked):
        line_lo, line_hi = ctx.line_bounds(masked, m.start())
        line_hi = min(line_hi, m.end() + ctx.REACH)
        clause = ctx.clause_start(masked, m.start(), line_lo)
        percent = _percent(m, masked[clause : m.start()], masked[m.end() : line_hi])
        if percent is None:
            continue
        s_lo, s_hi = ctx.sentence_bounds(masked, m.start(), m.end())
        sentence = masked[s_lo:s_hi]
        out.append(
            GrowthMention(
                len(out) + 1,
                percent,
                _basis(masked[clause : m.start()], masked[m.end() : line_hi]),
                _metric(sentence, m.start() - s_lo, m.end() - s_lo),
                text[m.start() : m.end()],
                ctx.clean_sentence(text[s_lo:s_hi]),
                lines.line_of(m.start()),
            )
        )
    return out


def _direction(before: str, after: str) -> int | None:
    """+1 or -1 when a growth word touches the figure, None when none does."""
    found = _BEFORE.search(before[-60:])
    if found and (found["up"] or "").lower() == "up" and not _UP_NEXT.search(before):
        found = None
    span = found.group(0) if found else ""
    if found is None:
        found = _AFTER.match(after)
        if found and (found["up"] or "").lower() == "up":
            found = None
        span = after[: found.end() + 6] if found else ""
    if found is None:
        return None
    return -1 if _DOWN_WORD.search(span) else 1


def _percent(m: re.Match[str], before: str, after: str) -> Decimal | None:
    if m["word"] or m["zhword"] or m["fan"] or m["fanbei"]:
        return _word_percent(m)
    direction = _direction(before, after)
    if direction is None or (m["mult"] is None and _LEVEL.search(before[-12:])):
        return None
    if m["mult"]:
        times = Decimal(m["mult"])
        value = times * 100 if _BY_TIMES.search(before) else (times - 1) * 100
    elif m["zhpct"]:
        value = Decimal(parse_zh_numeral(m["zhpct"]) or 0)
    else:
        value = Decimal(m["pct"])
    if m["sign"] and m["sign"] in "-−":
        return -value
    return value * direction


def _word_percent(m: re.Match[str]) -> Decimal:
    word = (m["word"] or m["zhword"] or "").lower()
    if word in ("halved", "减半"):
        return Decimal(-50)
    if m["fanbei"]:
        return Decimal(100)
    if m["fan"]:
        times = parse_zh_numeral(m["fan"]) if not m["fan"].isdigit() else int(m["fan"])
        return Decimal(2 ** (times or 1) - 1) * 100
    return Decimal(w.GROWTH_FACTORS.get(word, 2) - 1) * 100


def _basis(before: str, after: str) -> str:
    window = before[-30:] + " " + after[:30]
    best: tuple[int, str] | None = None
    centre = min(len(before), 30)
    for basis, pattern in _BASIS.items():
        for hit in pattern.finditer(window):
            gap = abs(hit.start() - centre)
            if best is None or gap < best[0]:
                best = (gap, basis)
    return best[1] if best else "other"


def _metric(sentence: str, start: int, end: int) -> str:
    return ctx.nearest_label(_METRICS, sentence, start, end) or "other"
