"""Where money figures can start: the numerals of a text, and which of them can take a
currency word at all (outside Chinese notes a figure without one is dropped, so those
numerals need not be tried); and the value of a figure's numerals and magnitudes.
Private to ``money.py`` and ``growth.py``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, localcontext

from transforms.figures import words as w
from transforms.figures.patterns import FOLDS


def word_firsts(words: list[str], folded: bool) -> set[str]:
    """Characters a hit of ``words`` can start with (under re.I when ``folded``).

    >>> word_firsts(["k"], folded=True) == {"k", "K", "\u212a"}
    True
    """
    out = {word[0] for word in words}
    if folded:
        out |= {c.swapcase() for c in out} | {f for c in out for f in FOLDS.get(c.lower(), "")}
    return out


_RUN = rf"(?<=\d)\d*|[{w.ZH_NUMERAL_CHARS}]*"  # the rest of a numeral after its first character
# A figure's number starts at a digit or a Chinese numeral. Inside a run of digits (or of
# Chinese numerals) only the run's first character can start one: the look-behinds of
# money's _ARABIC and _ZH_NUM refuse the others. (A leading character class lets the regex engine
# skip ahead to candidates fast.)
NUMERAL = re.compile(rf"[\d{w.ZH_NUMERAL_CHARS}](?:{_RUN})")
# The characters a figure's lead before its number is made of (sign, currency prefix, spaces).
PREFIX_CHARS = frozenset("-− \t\u00a0\u202f" + "".join([*w.PREFIX_SYMBOLS, *w.PREFIX_CODES]))
# A figure with neither prefix nor suffix names no currency (dropped outside Chinese notes).
# One can only continue past its digits with one of _EXTENDS, or a space and one of
# _AFTER_SPACE (a magnitude, a range's dash or "to", a suffix word); its lead before the
# digits holds a prefix only if it has a character besides signs and spaces.
_AFTER_SPACE = frozenset(
    "十百千万亿-–—~～t到至"
    + "".join(word_firsts(list(w.EN_MAGNITUDE_WORDS), folded=True))
    + "".join(word_firsts(list(w.SUFFIX_WORDS), folded=True))
)
_SPACES = " \t\u00a0\u202f"
_BLANK_LEAD = "-−" + _SPACES
_EXTENDS = _AFTER_SPACE | frozenset(
    _BLANK_LEAD + ",.多余+" + "".join(word_firsts(list(w.EN_MAGNITUDE_LETTERS), folded=True))
)


def bare_numeral(masked: str, lo: int, at: int, end: int) -> bool:
    """True when no figure starting in ``masked[lo:at]`` (lead characters, then the numeral
    ``masked[at:end]``) can hold a prefix or a suffix: its match would end at ``end``.

    >>> bare_numeral("in 2024 we", 2, 3, 7), bare_numeral("- 5 dollars", 0, 2, 3)
    (True, False)
    >>> bare_numeral("US$ 5%", 0, 4, 5), bare_numeral("10-20 元", 0, 0, 2)
    (False, False)
    """
    after = masked[end : end + 1]
    if after in _EXTENDS and (after not in _SPACES or masked[end + 1 : end + 2] in _AFTER_SPACE):
        return False
    return lo == at or not masked[lo:at].strip(_BLANK_LEAD)


def priced_numerals(first: str, run: str, prefix_chars: frozenset[str]) -> re.Pattern[str]:
    """A scan for the numerals (``first`` character, then ``run``) :func:`bare_numeral`
    may pass: right after a lead character that is not blank, or after a blank after any
    lead character (the lead is a run of ``prefix_chars``: its last character that is not
    blank is one of the two), or right before what can extend them. It skips only bare
    numerals. ``run`` is atomic, never cut short to pass the look-ahead; a start inside a
    run (no digit or Chinese numeral is a lead character) sees the same end and fails.

    >>> scan = priced_numerals("[0-9]", r"\\d*", frozenset("$ "))
    >>> [m.group(0) for m in scan.finditer("in 2024 we paid $ 15, 7 dollars, 80 ok")]
    ['15', '7']
    """
    lead, blank = _chars(prefix_chars - set(_BLANK_LEAD)), _chars(_BLANK_LEAD)
    after_lead = rf"(?<={lead}(?s:.))|(?<={_chars(prefix_chars)}{blank}(?s:.))"
    extends = f"{_chars(_EXTENDS - set(_SPACES))}|{_chars(_SPACES)}{_chars(_AFTER_SPACE)}"
    return re.compile(rf"{first}(?:(?:{after_lead})(?>{run})|(?>{run})(?={extends}))")


def _chars(chars: Iterable[str]) -> str:
    return "[" + re.escape("".join(sorted(chars))) + "]"


# Outside Chinese notes: the numerals less those bare_numeral calls bare (see priced_numerals).
_PRICED = priced_numerals(rf"[\d{w.ZH_NUMERAL_CHARS}]", _RUN, PREFIX_CHARS)


def numerals(masked: str, bare: bool = True) -> Iterator[re.Match[str]]:
    """``NUMERAL.finditer(masked)``; with ``bare`` False, less the numerals
    :func:`bare_numeral` would skip.

    >>> [m.group(0) for m in numerals("x1 ٣4 两万")]
    ['1', '٣4', '两万']
    >>> [m.group(0) for m in numerals("in 2024 we paid $5, 7 dollars", bare=False)]
    ['5', '7']
    """
    return (NUMERAL if bare else _PRICED).finditer(masked)


_UNIT_RUN = re.compile(r"[十百千万亿]+$")


def parse_zh_numeral(text: str) -> int | None:
    """Value of a Chinese numeral (一百万, 两千, 三十万, 百万), or None.

    >>> parse_zh_numeral("一百万"), parse_zh_numeral("三十万"), parse_zh_numeral("千万")
    (1000000, 300000, 10000000)
    >>> parse_zh_numeral("一亿两千万"), parse_zh_numeral("分") is None
    (120000000, True)
    """
    if not text or any(ch not in w.ZH_NUMERAL_CHARS for ch in text):
        return None
    high = mid = section = number = 0
    for ch in text:
        if ch in w.ZH_DIGITS:
            number = w.ZH_DIGITS[ch]
        elif ch in w.ZH_SMALL_UNITS:
            section += (number or 1) * w.ZH_SMALL_UNITS[ch]
            number = 0
        elif ch == "万":
            mid += (section + number or 1) * 10_000
            section = number = 0
        else:
            high = (high + mid + section + number or 1) * 100_000_000
            mid = section = number = 0
    return high + mid + section + number


def _magnitude(mag: str | None) -> Decimal:
    mag = (mag or "").strip().lower()
    if not mag:
        return Decimal(1)
    if mag in w.EN_MAGNITUDES:
        return w.EN_MAGNITUDES[mag]
    factor = Decimal(1)
    for ch in mag:
        factor *= w.ZH_SMALL_UNITS.get(ch) or w.ZH_BIG_UNITS.get(ch, 1)
    return factor


@functools.lru_cache(maxsize=1024)  # notes repeat their figures ($5M, 10k); a Decimal is immutable
def _number(num: str, mag: str | None) -> Decimal:
    value = parse_zh_numeral(num)
    base = Decimal(value) if value is not None else Decimal(re.sub(r"[,\s]", "", num))
    if not mag and value is None and len(num) <= 60:
        amount = base  # times 1 at 60 digits of precision: exactly itself
        return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount
    with localcontext() as dc:
        dc.prec = 60
        amount = base * _magnitude(mag)
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount


def _trailing_unit(num: str, mag: str | None) -> str:
    """The magnitude a range's low end borrows from its high end (10–20k, 两到三万)."""
    if mag:
        return mag
    run = _UNIT_RUN.search(num)
    return run.group(0) if run else ""


def amounts(m: re.Match[str]) -> tuple[Decimal, Decimal | None]:
    """(amount, high end or None) of a money figure match (groups n1, m1, n2, m2)."""
    n1, m1, n2, m2 = m["n1"], m["m1"], m["n2"], m["m2"]
    low = _number(n1, m1)
    if n2 is None:
        return low, None
    high = _number(n2, m2)
    borrowed = _trailing_unit(n2, m2)
    if not m1 and borrowed and "万" not in n1 and "亿" not in n1:
        scaled = (
            _number(n1, borrowed)
            if parse_zh_numeral(n1) is None
            else low * _magnitude(borrowed if len(n1) == 1 else borrowed[-1])
        )
        if scaled <= high:
            low = scaled
    return low, high
