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
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from transforms.figures import change_columns as cc
from transforms.figures import context as ctx
from transforms.figures import patterns as _rx
from transforms.figures import tables
from transforms.figures import words as w
from transforms.figures.label_scan import label_scan, labelled
from transforms.figures.numerals import parse_zh_numeral

_UP = _rx.alt(list(w.GROWTH_UP))
_DOWN = _rx.alt(list(w.GROWTH_DOWN))
# One group per basis; a basis listed earlier wins a tie (the bases never overlap).
_BASIS = labelled({k: v + w.BASIS_AFTER[k] for k, v in w.BASIS_WORDS.items()})
_CLAUSE = re.compile(r"[，,；;。!?！？]|\.(?!\d)")  # where a clause after a figure ends
_ANY_BASIS = "|".join(p for ps in w.BASIS_WORDS.values() for p in ps)
_FIGURE_BODY = r"""(?P<sign>(?<![A-Za-z0-9_.])[-−+])?
      (?<![A-Za-z0-9_.,])(?P<pct>(?:\d{1,3}(?:,\d{3}){1,2}|\d{1,9})(?:\.\d{1,6})?)[ \t]?[%％]
    | 百分之(?P<zhpct>[零一二两三四五六七八九十百]+)
    | (?<![A-Za-z0-9_.])(?P<mult>\d{1,6}(?:\.\d{1,3})?)[ \t]?(?:[x×](?![A-Za-z])|倍)
    | 翻了?(?P<fan>[一二两三四五六七八九十\d]{1,2})番 | (?P<fanbei>翻番)
    | \b(?P<word>doubled|tripled|trebled|quadrupled|halved)\b | (?P<zhword>翻了一倍|翻倍|减半)"""
# Every branch starts with a sign, a digit, 百, 翻, 减 or d/t/q/h (a multiple word): one class
# test up front rejects most offsets.
_FIGURE = re.compile(rf"(?=[-−+\d百翻减dtqh])(?:{_FIGURE_BODY})", re.X | re.I)
# The first characters of the growth and basis words: a look-ahead of them rejects most
# offsets of a search in one test.
_FIRSTS = "".join(
    sorted(
        {x[0] for x in (*w.GROWTH_UP, *w.GROWTH_DOWN)}
        | {p.removeprefix("\\b")[0] for ps in w.BASIS_WORDS.values() for p in ps}
    )
)
_BEFORE = re.compile(
    rf"""(?=[{_FIRSTS}])(?:(?P<down>{_DOWN})|(?P<up>{_UP})|(?P<basis>{_ANY_BASIS}))
    (?:[ \t]+[A-Za-z'-]+){{0,2}}?[\u4e00-\u9fff]{{0,3}}?
    [ \t]*(?:by|of|at|了|达|达到|为|幅度为?)?[ \t]*:?[ \t]*$""",
    re.X | re.I,
)
_AFTER = re.compile(
    rf"""^[ \t]*(?:的)?[ \t]*(?:(?P<down>{_DOWN})|(?P<up>{_UP})|(?P<basis>{_ANY_BASIS}))""",
    re.X | re.I,
)
# A character no growth or basis word, nor what _BEFORE allows after one, can hold; the
# phrase before a figure starts just after the last one (the first in the text reversed:
# a greedy ".*" backing off from the end would test every character on the way back).
_STOP = re.compile(r"[0-9$%.,;!?()|<>=+*#&\"\[\]{}]")  # (searched in the text reversed)
# "grew to 30%" is a level, not growth, and so is "fell from 75% (to nearly zero)"
_LEVEL = re.compile(r"\b(?:to|from)[ \t]*$|[到从][ \t]*$", re.I)
_DOWN_WORD = re.compile(_DOWN, re.I)
_UP_NEXT = re.compile(r"\b(?:up|down)[ \t]*(?:by[ \t]*)?$", re.I)
_BY_TIMES = re.compile(r"(?:增长|增加)了?[ \t]*$")
_METRICS = label_scan(w.GROWTH_METRICS)
# Every _FIGURE match holds an anchor, so a line without one is skipped: one of these
# symbols (% for 20%, x or × for 3x, 倍, 百 for 百分之, 翻 for 翻倍/翻番, 减 for 减半), an
# x right after no Latin letter, or the "bled"/"pled"/"lved" of a multiple word (doubled,
# tripled, quadrupled, halved). The pattern starts with one character class (b, p and v
# are rare letters), so the scan tests that class alone at most offsets.
_SYMBOLS = "%％倍×翻百减"
_ANCHOR = re.compile(
    rf"""[{_SYMBOLS}xXbBpPvV]
    (?: (?<=[{_SYMBOLS}]) | (?<=[xX])(?<![A-Za-z][xX])
      | (?<=[bBpP])[lL][eE][dD]
      | (?<=[lL][vV])[eE][dD] )""",
    re.X,
)
# Every branch of _FIGURE is at most ~20 characters long and its anchor lies at most 18
# characters after its start (a sign, 9 digits, 6 decimals, a space and "%").
_BACK = 24


@dataclass(frozen=True, kw_only=True)
class GrowthMention:
    """One growth figure, as a percent change, with its raw span, sentence and line."""

    ordinal: int
    percent: Decimal
    basis: str
    metric: str
    text: str
    sentence: str
    line: int


def find_growth(text: str, masked: str | None = None) -> list[GrowthMention]:
    """Every growth figure in ``text``, in text order (``masked``: ``mask_prose(text)``,
    when the caller has it).

    >>> [(str(g.percent), g.basis) for g in find_growth("并实现 20% 的同比增长。")]
    [('20', 'yoy')]
    >>> [(str(g.percent), g.basis, g.metric) for g in find_growth("Revenue grew 30% MoM.")]
    [('30', 'mom', 'revenue')]
    >>> find_growth("20% of users pay; 抽成 30%")
    []
    """
    masked = ctx.mask_prose(text) if masked is None else masked
    out: list[GrowthMention] = []
    memo = tables.TableMemo()  # what the note's tables showed so far
    for number, lo, line, raw in _candidate_lines(text, masked):
        row = _Row(masked, lo, memo) if tables.TABLE_ROW.match(line) else None
        _line_growth(out, _figures(line), line, raw, number, row)
    return out


@dataclass(frozen=True)
class _Row:
    """A table row's place in the note: the masked note, where the row starts, the memo."""

    masked: str
    lo: int
    memo: tables.TableMemo

    def cell(self, start: int, length: int) -> tables.Cell | None:
        line = (self.lo, self.lo + length)
        return tables.table_cell(self.masked, self.lo + start, self.memo, line)


def _candidate_lines(text: str, masked: str) -> Iterator[tuple[int, int, str, str]]:
    """(line number, its offset, prose-masked line, raw line) of each line holding an anchor.

    Everything a figure needs (its clause, sentence and growth word) lies on its own
    line, so only lines that can hold a figure are read.
    """
    number, counted, hi = 1, 0, -1
    for anchor in _ANCHOR.finditer(masked):
        at = anchor.start()
        if at < hi:
            continue  # a later anchor of a line already read
        lo = masked.rfind("\n", 0, at) + 1
        hi = masked.find("\n", at)
        hi = len(masked) if hi < 0 else hi
        number += masked.count("\n", counted, lo)
        counted = lo
        yield number, lo, masked[lo:hi], text[lo:hi]


def _figures(line: str) -> Iterator[re.Match[str]]:
    """The matches of ``_FIGURE.finditer(line)``, searched for from the anchors only.

    A match holds an anchor at most ``_BACK`` characters after its start, so the search
    for the next one starts there (an x that follows no number starts no match).
    """
    pos = 0
    for anchor in _ANCHOR.finditer(line):
        at = anchor.start()
        if at < pos or (line[at] in "xX" and not _after_number(line, at)):
            continue
        m = _FIGURE.search(line, max(pos, at - _BACK))
        if m is None:
            return
        yield m
        pos = m.end()


def _after_number(line: str, at: int) -> bool:
    """Whether ``line[at]`` follows a digit, maybe with one space or tab between."""
    before = line[max(at - 2, 0) : at]
    return before[-1:].isdigit() or (before[-1:] in (" ", "\t") and before[:1].isdigit())


def _line_growth(
    out: list[GrowthMention],
    figures: Iterator[re.Match[str]],
    masked: str,
    raw: str,
    number: int,
    row: _Row | None = None,
) -> None:
    """Append the growth ``figures`` of one line (offsets are offsets in the line);
    ``row`` is the line's place when it is a table row."""
    for m in figures:
        start, end = m.span()
        cell = row.cell(start, len(masked)) if row is not None and m["pct"] else None
        metric: str | None = None  # from the sentence, unless a table row gives it
        if cell is not None and cc.change_cell(cell):
            value = Decimal(m["pct"].replace(",", ""))
            percent = -value if m["sign"] and m["sign"] in "-−" else value
            basis = cc.change_basis(cell)
            metric = _metric(cell.label, 0, len(cell.label))
            if metric == "other":  # rows by period ("| 2016 | $14k | +69% |"): the headers
                heads = " ".join(cell.header)
                metric = _metric(heads, 0, len(heads))
        else:
            before = masked[ctx.clause_start(masked, start, 0) : start]
            after = masked[end : end + ctx.REACH]  # (a slice stops at the line's end itself)
            found = _percent(m, before, after)
            if found is None:
                continue
            percent, basis = found, _basis(before, after)
        # ``masked`` is one line (no newline): its bounds are the whole string
        s_lo, s_hi = ctx.sentence_bounds(masked, start, end, (0, len(masked)))
        metric = metric or _metric(masked[s_lo:s_hi], start - s_lo, end - s_lo)
        out.append(
            GrowthMention(
                ordinal=len(out) + 1,
                percent=percent,
                basis=basis,
                metric=metric,
                text=raw[start:end],
                sentence=ctx.clean_sentence(raw[s_lo:s_hi]),
                line=number,
            )
        )


def _direction(before: str, after: str) -> int | None:
    """+1 or -1 when a growth word touches the figure, None when none does."""
    before_60 = before[-60:]
    stop = _STOP.search(before_60[::-1])  # the phrase starts after the last stop character
    found = _BEFORE.search(before_60, len(before_60) - stop.start() if stop else 0)
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
    if found["down"]:
        # the span holds that down word with the same characters around it, so the
        # search below would find it (or one before it): no need to search again
        return -1
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
        value = Decimal(m["pct"].replace(",", ""))
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
    """The basis word of a figure: the last one in its clause before it, else the first
    after it up to the clause's end (``同比下降 8%，环比下降 22%``: each its own).

    >>> _basis("同比下降 ", "，环比下降 22%"), _basis("grew ", " MoM."), _basis("up ", ", YoY")
    ('yoy', 'mom', 'other')
    """
    hits = list(_BASIS.finditer(before[-30:]))
    if hits:
        return hits[-1].lastgroup or "other"
    hit = _BASIS.search(_CLAUSE.split(after[:30], maxsplit=1)[0])
    return (hit.lastgroup or "other") if hit else "other"


def _metric(sentence: str, start: int, end: int) -> str:
    return ctx.nearest_label(_METRICS, sentence, start, end) or "other"
