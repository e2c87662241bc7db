"""Money figures in prose, list items, table cells and inline fields, English and Chinese.

``find_money`` scans a note's text (front matter already blanked) and returns one
:class:`MoneyMention` per figure that names a currency: ``$4M``, ``US$5,000``, ``€3.5k``,
``400 万美元``, ``年收入百万美元``, ``人民币 50 万``, ``80,000 美元/月``. Code, URLs and
e-mail addresses are masked first, so ``$PATH``, ``${var}`` and ``$1`` in a regex never match.

Decisions worth knowing:

* A range (``$10–20k``, ``10~20 万元``) gives two rows, one per end, with the same text:
  the low end's row also holds the high end in ``amount_high``. Each end is exact unless
  a qualifier word says otherwise.
* ``nearly``/``almost``/``近``/``将近`` are ``at_most``: the true value is just below the figure.
* ``($1,072)`` is negative only as a whole table cell or field value (accounting style);
  in prose a parenthesised figure is an aside and stays positive.
* A figure with no currency word (``月收入1.5万``) is CNY only when ``lang`` starts with
  ``zh`` and a money word (收入, 月薪, 赚, 利润 ...) leads straight into it; otherwise nothing.
* ``¥``/``￥`` is JPY when ``lang`` starts with ``ja``, else CNY. No exchange rate is applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Context, Decimal, InvalidOperation, getcontext

from transforms.figures import context as ctx
from transforms.figures import patterns as _rx
from transforms.figures import tables
from transforms.figures import words as w
from transforms.figures.blocks import FROM, block_period, pair_period
from transforms.figures.numerals import PREFIX_CHARS, amounts, bare_numeral
from transforms.figures.numerals import numerals as _numerals
from transforms.figures.numerals import parse_zh_numeral as parse_zh_numeral
from transforms.figures.subjects import funded_subject, subject_in
from transforms.text.markdown import LineIndex

_SPACE = r"[ \t\u00a0\u202f]"
_SP = _SPACE + "?"
_SYMBOLS = "|".join(re.escape(s) for s in sorted(w.PREFIX_SYMBOLS, key=len, reverse=True))
_CODES = "|".join(sorted(w.PREFIX_CODES, key=len, reverse=True))
_PREFIX = rf"(?<![A-Za-z])(?:{_SYMBOLS}|(?:{_CODES}){_SP})"
# (a decimal point with a space on each side, "1 . 2 亿", only before a Chinese magnitude)
_ARABIC = (
    r"(?<![A-Za-z_\d.,])(?:\d{1,3}(?:,\d{3})+|\d{1,15})"
    r"(?:\.\d{1,8}|[ \t]\.[ \t]\d{1,8}(?=[ \t]?[十百千万亿]))?(?!\d|,\d|\.\d)"
)
_ZH_NUM = rf"(?<![{w.ZH_NUMERAL_BLOCKERS}{w.ZH_NUMERAL_CHARS}])[{w.ZH_NUMERAL_CHARS}]+"
_NUM = rf"{_ARABIC}|{_ZH_NUM}"
_EN_WORDS = "|".join(w.EN_MAGNITUDE_WORDS)
_EN_LETTERS = "|".join(w.EN_MAGNITUDE_LETTERS)
_MAG = (
    rf"{_SP}[十百千万亿]+(?:[多余][万亿]+)?|(?i:{_EN_LETTERS})(?![A-Za-z])|{_SP}(?i:{_EN_WORDS})\b"
)
_YUAN_STOP = "|".join(w.YUAN_NOT_CURRENCY)
_SUFFIX = _rx.suffix_alt(
    w.SUFFIX_WORDS,
    _SPACE,
    {
        "元": rf"元(?!{_YUAN_STOP}|[一二两三四五六七八九十]次)",
        "块": f"块(?={'|'.join(w.KUAI_NEXT)})",
    },
)


_FIGURE = re.compile(
    rf"""(?P<neg>(?<![\w.\d])[-−]{_SP})?
    (?:(?P<pre>{_PREFIX}){_SP})?
    (?P<sign>(?<![\w\d])[-−])?
    (?P<n1>{_NUM})(?P<more1>[多余])?(?P<m1>{_MAG})?(?P<more2>[多余])?
    (?:{_SP}(?:(?P<dash>[-–—~～]){_SP}(?:{_PREFIX}{_SP})?|(?(m1)(?!)|(?:to|到|至){_SP}))
       (?P<n2>{_NUM})(?P<m2>{_MAG})?[多余]?)?
    (?P<plus>\+)?
    (?:{_SP}(?P<suf>{_SUFFIX}))?""",
    re.X,
)
# Before the number a figure holds at most _LEAD characters (sign, currency prefix, spaces),
# all of them PREFIX_CHARS, and it can only begin with one of _LEAD_CHARS.
_LONGEST_PREFIX = max(*map(len, w.PREFIX_SYMBOLS), *(len(c) + 1 for c in w.PREFIX_CODES))
_LEAD = 2 + _LONGEST_PREFIX + 1 + 1  # "- " + prefix + space + sign
_LEAD_CHARS = frozenset("-−" + "".join(p[0] for p in [*w.PREFIX_SYMBOLS, *w.PREFIX_CODES]))
_DOLLAR_BAD_PREV = re.compile(r"[A-Za-z0-9_\\/=\"'{\[$]")
_DOLLAR_BAD_NEXT = re.compile(r"[$^_\\{}=]|/(?![A-Za-z]{2}|[^\x00-\x7f])|\s*[+*/^=<>]\s*[\d$]")
_SHELL = re.compile(r"\b(?:echo|printf|print|awk|sed|grep|export|perl|bash|sh)\b")
_IMPLICIT_LEAD = re.compile(
    r"(?:收入|营收|营业额|销售额|流水|月入|年入|月薪|年薪|时薪|日薪|工资|薪水|利润|净利润?|"
    r"赚了?|赚到|融资|估值|市值|总?资产|身家|成本|售价|定价|价格|花了|花费)"
    r"[了为是达到约近超过：:\s]{0,4}$"
)
# A money noun right after a bare figure with a magnitude: "2万亿资产", "百亿估值"; after
# such a figure a "的" may follow too ("市值千亿的那天").
_IMPLICIT_TAIL = re.compile(r"的|(?:总?资产|市值|营收|收入|销售额|营业额|净?利润|估值|融资|身家)")
_METRIC_REACH = 120  # a metric word further than this from the figure is not about it
_IMPLICIT_END = re.compile(r"[ \t]*(?:$|[\n，。,.;；！!？?)）|、])")


@dataclass(frozen=True, kw_only=True)
class MoneyMention:
    """One money figure, with the raw span, its sentence and its line."""

    ordinal: int
    amount: Decimal
    currency: str
    period: str | None
    annualized_amount: Decimal | None
    metric: str
    qualifier: str
    subject: str | None
    text: str
    sentence: str
    line: int
    amount_high: Decimal | None = None


def _currency(m: re.Match[str], lang: str) -> str | None:
    code = None
    if m["pre"]:
        code = w.PREFIX_SYMBOLS.get(m["pre"].strip()) or w.PREFIX_CODES.get(m["pre"].strip())
    if m["suf"] == "块" and not (m["n1"][:1].isdigit() and not m["m1"]) and code is None:
        return None  # 块 is yuan only after digits: "这一块" is "this part", "10 万块 GPU"
    if m["suf"] and (code is None or code == "YEN_SIGN"):
        word = " ".join(m["suf"].split())  # "US\u00a0dollars" is listed as "US dollars"
        code = w.SUFFIX_WORDS.get(word) or w.SUFFIX_WORDS.get(word.lower(), code)
    if code == "YEN_SIGN":
        return "JPY" if lang.startswith("ja") else "CNY"
    return code


def _dollar_is_code(masked: str, m: re.Match[str], line_start: int) -> bool:
    """True when a ``$`` figure is really a shell variable, regex group or LaTeX."""
    if not m["pre"] or "$" not in m["pre"]:
        return False
    start = m.start("pre")
    if start > 0 and _DOLLAR_BAD_PREV.match(masked[start - 1]) and m["pre"] == "$":
        return True
    if _DOLLAR_BAD_NEXT.match(masked, m.end()) and not m["suf"]:
        return True
    return bool(_SHELL.search(masked, max(line_start, start - ctx.REACH), start))


def _implicit(masked: str, m: re.Match[str], lang: str, floor: int) -> bool:
    """A bare figure is money in a Chinese note right after a money word (月收入1.5万), or
    when it has a magnitude and a money noun follows it (2万亿资产)."""
    if not lang.startswith("zh") or m["pre"] or m["neg"]:
        return False
    if _IMPLICIT_LEAD.search(masked[max(floor, m.start() - 12) : m.start()]):
        return True
    tail = _IMPLICIT_TAIL.match(masked, m.end())
    return tail is not None and tail.group() != "的" and _has_magnitude(m)


def _order_of_magnitude(m: re.Match[str]) -> str | None:
    """``approx`` for a round number of 亿 written with no digit (十亿, 百亿, 千亿, 万亿:
    "a hundred-billion market cap"), which names an order of magnitude, not an amount."""
    n1 = m["n1"]
    units_only = all(ch in w.ZH_SMALL_UNITS or ch in w.ZH_BIG_UNITS for ch in n1)
    return "approx" if units_only and n1.endswith("亿") and not m["n2"] else None


def _bare_end(masked: str, m: re.Match[str], end: int) -> bool:
    """Whether a bare figure ends where a money figure can: at punctuation, or, with 万/亿,
    before 的 or a money noun (千亿的那天, 2万亿资产)."""
    if _IMPLICIT_END.match(masked, end):
        return True
    return _has_magnitude(m) and _IMPLICIT_TAIL.match(masked, end) is not None


def _has_magnitude(m: re.Match[str]) -> bool:
    """Whether a figure is written with 万 or 亿 (2万, 千亿, 1.5 亿)."""
    return any(unit in (m["m1"] or "") + m["n1"] for unit in "万亿")


def find_money(
    text: str,
    *,
    lang: str | None = None,
    default_subject: str | None = None,
    masked: str | None = None,
) -> list[MoneyMention]:
    """Every money figure in ``text``, in text order (``masked``: ``mask_prose(text)``,
    when the caller has it).

    >>> [(str(x.amount), x.currency, x.period, x.metric) for x in find_money("ARR: $4M")]
    [('4000000', 'USD', 'year', 'arr')]
    >>> x = find_money("收入增加到 80,000 美元/月。")[0]
    >>> x.text, x.annualized_amount, x.metric
    ('80,000 美元/月', Decimal('960000'), 'revenue')
    >>> find_money("他一分钱都没花，$PATH 和 `$5` 也不算。")
    []
    """
    try:
        masked = ctx.mask_prose(text) if masked is None else masked
        return _scan(_Note(text, masked, (lang or "").lower(), default_subject))
    except (InvalidOperation, ValueError, OverflowError):  # pragma: no cover - defensive
        return []


@dataclass
class _Note:
    """What every figure of one note shares: its texts, language, lines and tables."""

    text: str
    masked: str
    lang: str
    default_subject: str | None
    lines: LineIndex = field(init=False)
    tables: tables.TableMemo = field(default_factory=tables.TableMemo)
    blocks: dict[int, str | None] = field(default_factory=dict)  # see block_period
    commons: dict[str, bool] = field(default_factory=dict)  # see common
    written: str | None = None  # the currency of the last figure that wrote one
    wide: Context = field(default_factory=lambda: _wide(getcontext()))

    def __post_init__(self) -> None:
        self.lines = LineIndex(self.masked)  # masking keeps every newline

    def common(self, word: str) -> bool:
        """Whether the note also writes ``word`` in lower case (a common word, no name)."""
        low = word.lower()
        if low not in self.commons:
            self.commons[low] = low != word and _has_word(self.masked, low)
        return self.commons[low]


def _high_end(note: _Note, low: MoneyMention, ordinal: int) -> MoneyMention:
    high = low.amount_high or low.amount
    annual = (
        None if low.period is None else note.wide.multiply(high, w.PERIODS_PER_YEAR[low.period])
    )
    return replace(low, ordinal=ordinal, amount=high, annualized_amount=annual, amount_high=None)


def _has_word(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` as a whole word (no letter or digit touching it)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and text[at - 1].isalnum()) and not text[end : end + 1].isalnum():
            return True
        at = text.find(word, end)
    return False


def _wide(current: Context) -> Context:
    # One 60-digit copy of the current context per note, as localcontext() made per figure.
    wide = current.copy()
    wide.prec = 60
    return wide


def _scan(note: _Note) -> list[MoneyMention]:
    lang = note.lang
    out: list[MoneyMention] = []
    prev_end = 0
    zh = lang.startswith("zh")
    for m in _figures(note.masked, zh):
        currency = _currency(m, lang) if m["pre"] or m["suf"] else None
        if currency is None and (not zh or m["pre"] or m["neg"]):
            continue  # without a currency word only a Chinese note can keep a figure
        mention = _mention(note, m, currency, prev_end, len(out) + 1)
        if mention is not None and out and mention.period is None and out[-1].period:
            period = pair_period(note.masked, prev_end, m.start(), out[-1].period)
            if period is not None:  # "from $1M a year to $200k": the same period
                annual = note.wide.multiply(mention.amount, w.PERIODS_PER_YEAR[period])
                mention = replace(mention, period=period, annualized_amount=annual)
        if mention is not None:
            out.append(mention)
            prev_end = m.end()
            note.written = currency or note.written
            if mention.amount_high is not None:  # a range's high end is a figure too
                out.append(_high_end(note, mention, len(out) + 1))
    return out


def _figures(masked: str, bare: bool = True) -> list[re.Match[str]]:
    """The matches of ``_FIGURE.finditer(masked)``, trying the regex only near numerals.

    With ``bare`` False a numeral that can take neither prefix nor suffix is not tried
    (outside Chinese notes such a figure is dropped anyway); see ``_money_numerals.bare_numeral``.

    >>> [m.group(0) for m in _figures("a 2024 plan: US$ 5k, -€3 and 两万元")]
    ['2024', 'US$ 5k', '-€3', '两万元']
    """
    out: list[re.Match[str]] = []
    pos = 0  # the next match starts at or after pos
    for numeral in _numerals(masked, bare):
        at = numeral.start()
        if at < pos:
            continue
        floor = at - _LEAD if at - _LEAD > pos else pos
        lo = at  # back over the characters a currency prefix or sign can be made of
        while lo > floor and masked[lo - 1] in PREFIX_CHARS:
            lo -= 1
        if not bare and bare_numeral(masked, lo, at, numeral.end()):
            continue  # its match ends at the numeral (pos would stay before the next one)
        for start in range(lo, at + 1):
            if start < at and masked[start] not in _LEAD_CHARS:
                continue
            m = _FIGURE.match(masked, start)
            if m is not None:
                out.append(m)
                pos = m.end()
                break
    return out


def _mention(
    note: _Note, m: re.Match[str], currency: str | None, prev_end: int, ordinal: int
) -> MoneyMention | None:
    """The mention for figure ``m`` (``currency`` None: a bare figure, maybe CNY)."""
    text, masked, lang = note.text, note.masked, note.lang
    line_lo, line_hi = ctx.line_bounds(masked, m.start())
    floor = max(line_lo, prev_end)
    if currency is None:
        if not _implicit(masked, m, lang, floor):
            return None
        currency = note.written or "CNY"  # a reader goes on in the currency last named
    if _dollar_is_code(masked, m, line_lo) or ctx.in_yaml_key(masked, m.start(), line_lo, line_hi):
        return None
    start, end = m.start(), m.end()
    amount, high = amounts(m)
    bullet = m["neg"] and m["neg"][-1:].isspace() and not masked[line_lo:start].strip()
    if bullet:
        start = m.end("neg")  # "- $200/mo" at a line's start is a list item, not a minus
    elif m["neg"] or m["sign"]:
        amount, high = -amount, (-high if high is not None else None)
    eol, line_hi = line_hi, min(line_hi, end + ctx.REACH)
    if ctx.accounting(masked, start, end, line_lo, line_hi):
        amount, start, end = -abs(amount), start - 1, end + 1
    clause = ctx.clause_start(masked, start, floor)
    qualifier, period, end = _qualifier_and_period(masked, m, clause, start, end, line_hi)
    if not (m["pre"] or m["suf"] or _bare_end(masked, m, end)):
        return None  # a bare number in running text ("108 洗 5 件衣服")
    table = tables.table_context(masked, start, note.tables, (line_lo, eol))  # start's line
    if period is None and table is not None:
        period = ctx.period_before(table[0]) or tables.table_period(table[1])
    if period is None:
        period = block_period(masked, line_lo, note.blocks)
    s_lo, s_hi = ctx.sentence_bounds(masked, start, end, (line_lo, eol))
    if period is None and FROM.match(masked, clause, start):
        period = ctx.period_before(masked[s_lo:clause])  # "每年的成本降低 80%，从 100 万美元"
    metric = _metric(masked, s_lo, s_hi, start, end, table)
    if metric in ("arr", "mrr") and period is None:
        period = "year" if metric == "arr" else "month"
    subject = (
        funded_subject(masked[clause:start], masked[end:line_hi]) if metric == "funding" else None
    )
    subject = subject or subject_in(masked[clause:start], note.common) or note.default_subject
    annual = None
    if period is not None:
        annual = note.wide.multiply(amount, w.PERIODS_PER_YEAR[period])
    return MoneyMention(
        ordinal=ordinal, amount=amount, currency=currency, period=period,
        annualized_amount=annual, metric=metric, qualifier=qualifier, subject=subject,
        text=text[start:end], sentence=ctx.clean_sentence(text[s_lo:s_hi]),
        line=note.lines.line_of(start), amount_high=high,
    )  # fmt: skip


def _qualifier_and_period(
    masked: str, m: re.Match[str], clause: int, start: int, end: int, line_hi: int
) -> tuple[str, str | None, int]:
    qualifier = None
    if m["plus"] or m["more1"] or m["more2"] or "多" in (m["m1"] or "") or "余" in (m["m1"] or ""):
        qualifier = qualifier or "at_least"
    q, n = ctx.qualifier_after(masked[end:line_hi])
    qualifier, end = qualifier or q, end + n
    period, n = ctx.period_after(masked[end:line_hi])
    end += n
    if n and qualifier is None:
        q, n = ctx.qualifier_after(masked[end:line_hi])
        qualifier, end = q, end + n
    before = masked[clause:start]
    qualifier = qualifier or ctx.qualifier_before(before) or _order_of_magnitude(m) or "exact"
    return qualifier, period or ctx.period_before(before), end


def _metric(
    masked: str, s_lo: int, s_hi: int, start: int, end: int, table: tuple[str, str] | None
) -> str:
    if table is not None:
        for label in table:
            found = ctx.nearest_metric(label, len(label), len(label))
            if found:
                return found
    lo, hi = max(s_lo, start - _METRIC_REACH), min(s_hi, end + _METRIC_REACH)
    return ctx.nearest_metric(masked[lo:hi], start - lo, end - lo) or "other"
