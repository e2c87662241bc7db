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
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from transforms.figures import context as ctx
from transforms.figures import patterns as _rx
from transforms.figures import words as w
from transforms.figures.label_scan import label_scan, labelled
from transforms.figures.money import parse_zh_numeral

_UP = _rx.alt(list(w.GROWTH_UP))
_DOWN = _rx.alt(list(w.GROWTH_DOWN))
# One group per basis; a basis listed earlier wins a tie (the bases never overlap).
_BASIS = labelled(w.BASIS_WORDS)
_BASIS_ORDER = {b: i for i, b in enumerate(w.BASIS_WORDS)}
_ANY_BASIS = "|".join(p for ps in w.BASIS_WORDS.values() for p in ps)
_FIGURE_BODY = r"""(?P<sign>(?<![A-Za-z0-9_.])[-−+])?
      (?<![A-Za-z0-9_.,])(?P<pct>\d{1,9}(?:\.\d{1,6})?)[ \t]?[%％]
    | 百分之(?P<zhpct>[零一二两三四五六七八九十百]+)
    | (?<![A-Za-z0-9_.])(?P<mult>\d{1,6}(?:\.\d{1,3})?)[ \t]?(?:[x×](?![A-Za-z])|倍)
    | 翻了?(?P<fan>[一二两三四五六七八九十\d]{1,2})番 | (?P<fanbei>翻番)
    | \b(?P<word>doubled|tripled|trebled|quadrupled|halved)\b | (?P<zhword>翻了一倍|翻倍|减半)"""
# Every branch starts with a sign, a digit, 百, 翻, 减 or d/t/q/h (a multiple word): one class
# test up front rejects most offsets of a search, where each branch would cost a test. A
# look-ahead consumes nothing and every match passes it, so the matches stay the same.
_FIGURE_GUARD = r"(?=[-−+\d百翻减dtqh])"
_FIGURE = re.compile(f"{_FIGURE_GUARD}(?:{_FIGURE_BODY})", re.X | re.I)
_BEFORE = re.compile(
    _rx.guard([_DOWN, _UP, _ANY_BASIS])
    + rf"""(?:(?P<down>{_DOWN})|(?P<up>{_UP})|(?P<basis>{_ANY_BASIS}))
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
_LEVEL = re.compile(r"\bto[ \t]*$|到[ \t]*$", re.I)  # "grew to 30%" is a level, not growth
_DOWN_WORD = re.compile(_rx.guard([_DOWN]) + f"(?:{_DOWN})", re.I)  # (guard: see _BEFORE)
_UP_NEXT = re.compile(r"\b(?:up|down)[ \t]*(?:by[ \t]*)?$", re.I)
_BY_TIMES = re.compile(r"(?:增长|增加)了?[ \t]*$")
_METRICS = label_scan(w.GROWTH_METRICS)
# Every _FIGURE match holds an anchor, so a line without one is skipped: one of these
# characters (x/X/× for "3x", 百 for 百分之, 翻 for 翻倍/翻番, 减 for 减半), or the
# "bled"/"pled"/"lved" of a multiple word (doubled, tripled, quadrupled, halved ...; no
# character but the ASCII letters themselves matches b, p, l, v, e or d under re.I).
# An x right after a Latin letter ("next", "text") never follows a number, so the anchor
# refuses it. The pattern starts with one character class (b, p and v are rare letters),
# so a scan tests that class alone at most offsets; the look-behinds then say which kind
# of anchor was found. A word's anchor starts at its b, p or v.
_SYMBOLS = "%％倍×翻百减"
_SYMBOL_BRANCHES = rf"(?<=[{_SYMBOLS}]) | (?<=[xX])(?<![A-Za-z][xX])"
_ANCHOR = re.compile(
    rf"""[{_SYMBOLS}xXbBpPvV]
    (?: {_SYMBOL_BRANCHES}
      | (?<=[bBpP])[lL][eE][dD]
      | (?<=[lL][vV])[eE][dD] )""",
    re.X,
)
# _ANCHOR without its multiple-word branch: in a text with no "bled", "pled" or "lved" (in
# any ASCII case) that branch never matches, so both find the same anchors there.
_SYMBOL_ANCHOR = re.compile(rf"[{_SYMBOLS}xX](?:{_SYMBOL_BRANCHES})", re.X)
_LATIN = frozenset(string.ascii_letters)
# "bled", "pled" or "lved" in the UTF-8 bytes of a text lowered (bytes.lower() folds ASCII
# letters only, as _ANCHOR's [bB]... classes do; no other character's bytes are ASCII).
_MULTIPLE_WORD = re.compile(rb"l(?:(?<=[bp]l)ed|ved)")
# Window of a _FIGURE search around an anchor. Every branch but 百分之 is at most ~20
# characters long (sign, 9 digits, 6 decimals, a space and "%" is the longest) and its
# anchor lies at most 18 characters after its start; 百分之's numerals run on greedily,
# so a match that ends near the cut is searched for again without it.
_BACK, _FRONT, _MARGIN = 24, 64, 32


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


def find_growth(text: str) -> list[GrowthMention]:
    """Every growth figure in ``text``, in text order.

    >>> [(str(g.percent), g.basis) for g in find_growth("并实现 20% 的同比增长。")]
    [('20', 'yoy')]
    >>> [(str(g.percent), g.basis, g.metric) for g in find_growth("Revenue grew 30% MoM.")]
    [('30', 'mom', 'revenue')]
    >>> find_growth("20% of users pay; 抽成 30%")
    []
    """
    masked = ctx.mask_prose(text)  # money has masked the same note just before: cached
    out: list[GrowthMention] = []
    anchor, offsets = _anchors(masked)
    for number, line, raw, first in _candidate_lines(text, masked, offsets):
        _line_growth(out, _figures(line, anchor, first), line, raw, number)
    return out


def _anchors(masked: str) -> tuple[re.Pattern[str], Iterable[int]]:
    """The anchor pattern a text needs and the offsets of its anchors, in text order.

    A regex scan tests every character of the text against _ANCHOR's class, and its b, p
    and v (common letters) each cost a failed try. Most notes hold no multiple word, and
    then the anchors are the symbols and the x's after a non-letter: ``str.find`` finds
    them far faster (it skips ahead in C), and the lines use the cheaper _SYMBOL_ANCHOR.
    """
    if _MULTIPLE_WORD.search(masked.encode("utf-8", "surrogatepass").lower()):
        return _ANCHOR, (m.start() for m in _ANCHOR.finditer(masked))
    found: list[int] = []
    for char in _SYMBOLS:
        at = masked.find(char)
        while at >= 0:
            found.append(at)
            at = masked.find(char, at + 1)
    for char in "xX":
        at = masked.find(char)
        while at >= 0:
            if at == 0 or masked[at - 1] not in _LATIN:  # (_ANCHOR's x look-behind)
                found.append(at)
            at = masked.find(char, at + 1)
    found.sort()
    return _SYMBOL_ANCHOR, found


def _candidate_lines(
    text: str, masked: str, offsets: Iterable[int]
) -> Iterator[tuple[int, str, str, int]]:
    """(line number, prose-masked line, raw line, first anchor) of each line holding one
    of the anchor ``offsets`` (ascending; the first anchor is the line's first offset).

    Everything a figure needs (its clause, sentence and growth word) lies on its own
    line, so only lines that can hold a figure are read.
    """
    number, counted, hi = 1, 0, -1
    for at in offsets:
        if at < hi:
            continue  # a later anchor of a line already read
        lo = masked.rfind("\n", 0, at) + 1
        hi = masked.find("\n", at)
        hi = len(masked) if hi < 0 else hi
        number += masked.count("\n", counted, lo)
        counted = lo
        yield number, masked[lo:hi], text[lo:hi], at - lo


def _figures(line: str, anchor: re.Pattern[str], first: int = -1) -> Iterator[re.Match[str]]:
    """The matches of ``_FIGURE.finditer(line)``, searched for only near anchor characters.

    A match holds an anchor at most ``_BACK`` characters after its start, so the search
    starts there; it reads up to ``_FRONT`` characters past the anchor, and a match ending
    within ``_MARGIN`` of that cut (or a line shorter than it) is searched for again
    uncut, so the cut never changes a match (see the ``_BACK`` comment). ``first``, when
    known, is where the line's first anchor is (it is not searched for again).
    """
    pos = 0
    at = first if first >= 0 else _next_anchor(line, anchor, 0)
    while at >= 0:
        if line[at] in "xX" and not _after_number(line, at):
            pos = at + 1  # no match holds an x that does not follow a number
            at = _next_anchor(line, anchor, pos)
            continue
        start, cut = max(pos, at - _BACK), at + _FRONT
        m = _FIGURE.search(line, start, cut) if cut < len(line) else None
        if m is None and cut < len(line):
            pos = at + 1  # nothing starts at or before the anchor
            at = _next_anchor(line, anchor, pos)
            continue
        if m is None or m.end() > cut - _MARGIN:
            m = _FIGURE.search(line, start)
            if m is None:
                return
        yield m
        pos = m.end()
        at = _next_anchor(line, anchor, pos)


def _next_anchor(line: str, anchor: re.Pattern[str], pos: int) -> int:
    found = anchor.search(line, pos)
    return -1 if found is None else found.start()


def _after_number(line: str, at: int) -> bool:
    """Whether ``line[at]`` follows a digit, maybe with one space or tab between."""
    before = line[max(at - 2, 0) : at]
    return before[-1:].isdigit() or (before[-1:] in (" ", "\t") and before[:1].isdigit())


def _line_growth(
    out: list[GrowthMention], figures: Iterator[re.Match[str]], masked: str, raw: str, number: int
) -> None:
    """Append the growth ``figures`` of one line (offsets are offsets in the line)."""
    for m in figures:
        start, end = m.span()
        before = masked[ctx.clause_start(masked, start, 0) : start]
        after = masked[end : end + ctx.REACH]  # (a slice stops at the line's end itself)
        percent = _percent(m, before, after)
        if percent is None:
            continue
        # ``masked`` is one line (no newline): its bounds are the whole string
        s_lo, s_hi = ctx.sentence_bounds(masked, start, end, (0, len(masked)))
        out.append(
            GrowthMention(
                ordinal=len(out) + 1,
                percent=percent,
                basis=_basis(before, after),
                metric=_metric(masked[s_lo:s_hi], start - s_lo, end - s_lo),
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
    best: tuple[int, int, str] | None = None
    centre = min(len(before), 30)
    for hit in _BASIS.finditer(window):
        basis = hit.lastgroup or ""
        key = (abs(hit.start() - centre), _BASIS_ORDER[basis], basis)
        if best is None or key < best:
            best = key
    return best[2] if best else "other"


def _metric(sentence: str, start: int, end: int) -> str:
    return ctx.nearest_label(_METRICS, sentence, start, end) or "other"
