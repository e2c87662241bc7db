"""The words around a money or growth figure: sentence and clause bounds, period,
qualifier, metric, subject and Markdown-table context.

Private to ``money.py`` and ``growth.py``. Every function works on a *masked* text
(code, URLs and e-mail addresses blanked to spaces, see :func:`mask_prose`), so offsets
are offsets of the original text.
"""

from __future__ import annotations

import re

from transforms.figures import words as w
from transforms.figures.label_scan import LabelScan, label_scan
from transforms.figures.patterns import alt as _alt
from transforms.text.markdown import blank_match, mask_code

# How far (in characters) context is read around a figure; keeps long lines linear.
REACH = 240
_WEB = r"(?:https?://|ftp://|www\.)[^\s)\]>'\"]+"
_URL = re.compile(rf"{_WEB}|[\w.+-]+@[\w-]+\.[\w.]+")
# Without an "@" the e-mail branch never matches, and trying it at every word character
# (``[\w.+-]+`` backtracks through each run) is most of the cost of masking.
_WEB_ONLY = re.compile(_WEB)
# A sentence end: one of these characters, but a full stop only before whitespace or the
# end (not "3.5"); one class first lets ``re`` skip straight to the candidates.
# ("1 . 2 亿", a decimal point written with spaces, ends nothing)
_SPACED_POINT = r"(?!(?<=\d[ \t]\.)[ \t]\d)"
_SENTENCE_END = re.compile(rf"[。！？!?\n.](?:(?<=[^.])|(?=\s|$)){_SPACED_POINT}")
# a table row, tested in place with match(masked, lo, hi): the line is not copied
_TABLE_ROW = re.compile(r"\s*\|")
_BULLET = re.compile(r"^(?:[-*+]\s+|\d+[.)]\s+|>\s*)+")


_UNIT = _alt(list(w.PER_UNIT_WORDS))
_EN_PERIOD = r"hour|hr|day|night|week|wk|month|mo|mth|quarter|qtr|year|yr|annum"
_ZH_PERIOD = r"小时|天|日|周|星期|月|季度|季|年"
_ADVERB = r"hourly|daily|weekly|monthly|quarterly|yearly|annually|annualized|annual|p\.a\."
_PERIOD_AFTER = re.compile(
    rf"""^(?:[*_]{{1,3}}(?=[ \t]))?[ \t]*(?:(?:per|/|a|an|each)[ \t]*(?:{_UNIT})s?[ \t]*)*(?:
      (?:per|/|a|an|each|every)[ \t]*(?P<en>{_EN_PERIOD})\b
    | (?:(?:in|of)[ \t]+)?(?P<adv>{_ADVERB})(?!\w)
    | (?:/|每|一)[ \t]*个?[ \t]*(?P<zh>{_ZH_PERIOD})
    | (?:的|of|in)?[ \t]*(?P<rr>ARR|MRR)\b
    )""",
    re.X | re.I,
)
# (the look-ahead lists every first character of the branches, so most offsets fail on
# one class test; the other letters' upper cases come from re.I)
_PERIOD_BEFORE = re.compile(
    rf"""(?=[每月年周日季时本财全hdwmqyaepf])
    (?:每[ \t]*个?[ \t]*(?P<zh>{_ZH_PERIOD})
    | (?<![0-9一二两三四五六七八九十个半])(?P<zhx>季度|月|年|周|日|季|时)
        (?=收入|营收|营业额|销售额|利润|净利|流水|入|薪|费|均|化)
    | (?<=[第一二三四1-4本上下])(?P<qzh>季度)
        (?=[\u4e00-\u9fff]{{0,4}}?(?:收入|营收|营业额|销售额|利润|净利|财报))
    | \b(?P<qen>Q[1-4])(?:[ \t]+\d{{4}})?[ \t]+(?=revenue|sales|income|profit|earnings)
    | (?P<fy>本?财年|(?:全年|年度)(?=收入|营收|营业额|销售额|利润|净利|预算|支出|开支|成本))
    | \b(?P<fye>fiscal[ \t]+year|financial[ \t]+year|FY(?:[ \t]?\d{{2,4}})?)\b
    | \b(?P<adv>{_ADVERB})(?!\w)
    | \b(?:each|every|per)[ \t]+(?P<en>{_EN_PERIOD})\b
    | \b(?P<rr>ARR|MRR)\b
    )""",
    re.X | re.I,
)
_QUAL_AFTER = re.compile(
    "|".join(
        rf"^[ \t]*(?P<{name}>{_alt(words)})" + (r"(?![ \t]*[$€£¥\d])" if name == "at_least" else "")
        for name, words in w.QUALIFIERS_AFTER.items()
    )
)
_QUAL_FILLERS = (
    "了",
    "是",
    "也是",
    "为",
    "达",
    "达到",
    "just",
    "only",
)  # between a qualifier and a figure
_QUAL_BEFORE_BODY = "|".join(
    rf"(?P<{name}>{_alt(words)})[ \t]*(?:{'|'.join(_QUAL_FILLERS)})?[ \t]*$"
    for name, words in w.QUALIFIERS_BEFORE.items()
)
# (a look-ahead of the qualifier words' first characters rejects most offsets in one test)
_QUAL_FIRSTS = "".join(sorted({x[0] for words in w.QUALIFIERS_BEFORE.values() for x in words}))
_QUAL_BEFORE = re.compile(f"(?=[{re.escape(_QUAL_FIRSTS)}])(?:{_QUAL_BEFORE_BODY})", re.I)
# A _QUAL_BEFORE match ends (before blanks and a final newline) in a qualifier word or a
# filler, so a tail ending in none of them, lower-cased, holds none. re.I also matches ſ,
# İ and ı to s and i, which str.lower keeps apart: a text holding one goes to the regex.
_QUAL_ENDS = tuple(
    {x.lower() for words in w.QUALIFIERS_BEFORE.values() for x in words} | set(_QUAL_FILLERS)
)
_ODD_FOLDS = re.compile("[\u017f\u0130\u0131]")
_NOT_NEAR = re.compile(r"[最附临]$")
# The last sentence or clause end in a span, found as the first one in the span reversed
# (a greedy ".*" backing off from the span's end tests every character on the way back).
# Reversed, "a full stop before whitespace or the span's end" is a full stop after
# whitespace or at the start. Each pattern starts with one class, so ``re`` skips to it.
_SENTENCE_END_REVERSED = re.compile(
    rf"[。！？!?\n.](?:(?<=[^.])|(?<=\s.)|(?<![\s\S].)){_SPACED_POINT}"
)
_CLAUSE_END_REVERSED = re.compile(
    rf"[。！？!?\n，,；;|.](?:(?<=[^.])|(?<=\s.)|(?<![\s\S].)){_SPACED_POINT}"
)


_METRICS = label_scan(w.METRIC_PATTERNS)
_YAML_KEY = re.compile(r"^\s*([^\s:]+):(?:\s|$)")
_ACCOUNTING_CLOSE = re.compile(r"\)\s*(?:\||$)")


def mask_prose(text: str) -> str:
    """``mask_code`` plus URLs and e-mail addresses blanked, every offset kept.

    >>> mask_prose("see https://x.io/$5 now").split()
    ['see', 'now']
    >>> len(mask_prose("a@b.io `$1`")) == len("a@b.io `$1`")
    True
    """
    masked = mask_code(text)
    if "@" in text:
        return _URL.sub(blank_match, masked)
    if "://" not in text and "www." not in text:
        return masked
    return _WEB_ONLY.sub(blank_match, masked)


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end offsets of the line holding ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def sentence_bounds(
    masked: str, start: int, end: int, line: tuple[int, int] | None = None
) -> tuple[int, int]:
    """Offsets of the sentence around ``masked[start:end]``; a table row is one sentence.
    ``line`` is the bounds of ``start``'s line when the caller has them (``line_bounds``).

    >>> s = "Hi. We made $5 today! Bye"
    >>> a, b = sentence_bounds(s, 12, 14); s[a:b]
    ' We made $5 today!'
    >>> sentence_bounds(s, 12, 14, (0, len(s))) == (a, b)
    True
    """
    line_lo, line_hi = line or line_bounds(masked, start)
    lo, hi = max(line_lo, start - REACH), min(line_hi, end + REACH)
    if _TABLE_ROW.match(masked, lo, hi):
        return lo, hi
    s = last_end(_SENTENCE_END_REVERSED, masked, lo, start)
    m = _SENTENCE_END.search(masked, end, hi)
    return s, m.end() if m else hi


def clean_sentence(sentence: str) -> str:
    """A sentence trimmed of whitespace, list bullets and table pipes."""
    return _BULLET.sub("", sentence.strip().strip("|").strip()).strip()


def clause_start(masked: str, pos: int, floor: int) -> int:
    """Offset where the clause holding ``pos`` starts (never before ``floor``)."""
    lo = max(floor, pos - REACH)
    start = last_end(_CLAUSE_END_REVERSED, masked, lo, pos)
    return floor if start == lo else start


def last_end(reversed_end: re.Pattern[str], masked: str, lo: int, hi: int) -> int:
    """Offset just past the last sentence (or clause) end in ``masked[lo:hi]``, else ``lo``:
    ``reversed_end`` finds the first end in the span read backwards.

    >>> last_end(_SENTENCE_END_REVERSED, "Hi. 3.5 Yes! We", 0, 15)
    12
    >>> last_end(_SENTENCE_END_REVERSED, "v1.2 at x.", 0, 10)
    10
    >>> last_end(_CLAUSE_END_REVERSED, "a", 0, 1), last_end(_CLAUSE_END_REVERSED, "a, b", 0, 4)
    (0, 2)
    """
    # One reversed copy of the span instead of a slice and its reverse (hi - 1 down to
    # lo; a stop of lo - 1 = -1 would mean the string's end, so lo 0 slices to the start).
    span = "" if hi <= lo else masked[hi - 1 : lo - 1 : -1] if lo else masked[hi - 1 :: -1]
    found = reversed_end.search(span)
    return hi - found.start() if found else lo


def _period_of(m: re.Match[str]) -> str:
    if m.lastgroup in ("qzh", "qen"):
        return "quarter"  # (a named quarter: 第三季度, Q3)
    word = next(g for g in m.groups() if g)
    return w.PERIOD_WORDS.get(word.lower(), "year")


def period_after(after: str) -> tuple[str | None, int]:
    """Period written right after a figure, and how many characters it spans.

    >>> period_after("/月。"), period_after(" per seat per month"), period_after(" ARR")
    (('month', 2), ('month', 19), ('year', 4))
    """
    m = _PERIOD_AFTER.match(after)
    return (_period_of(m), m.end()) if m else (None, 0)


def period_before(window: str) -> str | None:
    """Period named in the clause before a figure, the nearest one winning.

    >>> period_before("Pro 是每年 "), period_before("目前月收入"), period_before("3个月收入")
    ('year', 'month', None)
    """
    found = list(_PERIOD_BEFORE.finditer(window))
    return _period_of(found[-1]) if found else None


def qualifier_after(after: str) -> tuple[str | None, int]:
    """Qualifier written right after a figure (以上, +, or so) and its length."""
    m = _QUAL_AFTER.match(after)
    return (m.lastgroup, m.end()) if m and m.lastgroup else (None, 0)


def qualifier_before(before: str) -> str | None:
    """Qualifier written right before a figure (over, 约, 不到).

    >>> qualifier_before("just over "), qualifier_before("超过了"), qualifier_before("最近")
    ('at_least', 'at_least', None)
    """
    before = before[-40:].rstrip("*_")  # ("roughly **£375**": bold around the figure)
    tail = (before[:-1] if before.endswith("\n") else before).rstrip(" \t").lower()
    if not tail.endswith(_QUAL_ENDS) and not _ODD_FOLDS.search(before):
        return None  # (most clauses end "revenue reached ": the search tried every offset)
    m = _QUAL_BEFORE.search(before)
    if not m or not m.lastgroup:
        return None
    if m.group(0).startswith("近") and _NOT_NEAR.search(before[: m.start()]):
        return None
    return m.lastgroup


def nearest_label(scan: LabelScan, text: str, start: int, end: int) -> str | None:
    """The label of the ``scan`` hit nearest ``text[start:end]`` (the first on a tie).

    A hit past the span is the last one worth reading: every later hit lies further away.
    """
    best: tuple[int, str] | None = None
    for lo, hi, label in scan.hits(text):
        gap = start - hi if hi <= start else (lo - end if lo > end else 0)
        if label and (best is None or gap < best[0]):
            best = (gap, label)
        if lo > end or (best is not None and best[0] == 0):
            break
    return best[1] if best else None


def nearest_metric(text: str, start: int, end: int) -> str | None:
    """The metric whose word sits nearest ``text[start:end]``.

    >>> nearest_metric("Pro costs $5 a month", 10, 12), nearest_metric("融资 400 万美元", 3, 10)
    ('price', 'funding')
    """
    return nearest_label(_METRICS, text, start, end)


def in_yaml_key(masked: str, start: int, line_start: int, line_end: int) -> bool:
    """True when the figure sits inside a ``key:`` at the start of a line (``$5k: tier``)."""
    hi = min(line_end, line_start + REACH)
    if masked.find(":", start, hi) < 0:
        return False  # the key's colon would come after the figure
    key = _YAML_KEY.match(masked[line_start:hi])
    return key is not None and start - line_start < key.end(1)


def accounting(masked: str, start: int, end: int, line_lo: int, line_hi: int) -> bool:
    """True for an accounting negative: ``($1,072)`` as a whole table cell or field value."""
    if start <= line_lo or masked[start - 1] != "(":
        return False
    head = masked[max(line_lo, start - 1 - REACH) : start - 1].rstrip(" \t")
    return (not head or head[-1] in "|:") and bool(_ACCOUNTING_CLOSE.match(masked, end, line_hi))
