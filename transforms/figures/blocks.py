"""Periods stated once for several figures: in the heading or lead-in line above a list
or table (``## Expenses (Monthly)`` or ``Monthly costs:`` over ``- Hosting: $20`` makes
every figure of the list a monthly one), or for both ends of "from $1M to $200k".

Private to ``money.py``. Works on a *masked* text (see ``context.mask_prose``).
"""

from __future__ import annotations

import re

from transforms.figures import words as w

# Between the two figures of a change ("from $1M to $200k", "从 100 万美元降至 20 万美元").
_PAIR_GAP = re.compile(
    r"[ \t]*(?:to|->|→|至|到|降至|升至|增至|降到|涨到|增加到|减少到)[ \t]*$", re.I
)
# A clause that starts "from": its period may be named earlier in the sentence.
FROM = re.compile(r"[ \t*_]*(?:from\b|从)", re.I)

# A list item or a table row; a block is a run of them (maybe with indented lines).
_ITEM = re.compile(r"[ \t]*(?:[-*+][ \t]|\d{1,3}[.)][ \t]|\|)")
_INDENTED = re.compile(r"[ \t]{2,}\S")
_BLANK = re.compile(r"[ \t]*$")
# A lead-in: a heading, a line in bold, or a line ending in a colon.
_LEAD = re.compile(r"[ \t]*(?:#{1,6}[ \t]|\*\*|__)|.*[:：][ \t]*\**[ \t]*$")
_WORD = r"monthly|weekly|yearly|annual|annually|quarterly|daily"
_PER = r"(?:per|a|each)[ \t]+(?P<{}>month|year|week|quarter|day)"
_ZH = r"每月|每年|每周|每季度|每天|月度|年度|季度"
# The period, stated as the lead's first word or in brackets ("Expenses (Monthly)") or
# as its end ("Costs per month:").
_LEAD_PERIOD = re.compile(
    rf"""^[ \t#*_]*(?P<first>(?:{_WORD})\b|{_ZH})
    | [(（][ \t]*(?:(?P<inner>{_WORD}|{_ZH})|{_PER.format("per")})[ \t]*[)）]
    | {_PER.format("unit")}[ \t]*\**[ \t]*[:：]?[ \t]*\**[ \t]*$""",
    re.X | re.I,
)
_MAX_UP = 60  # lines read up from a figure to the block's lead


def block_period(masked: str, line_lo: int, memo: dict[int, str | None]) -> str | None:
    """The period the lead-in line of the list or table holding the line that starts at
    ``line_lo`` states, else None. ``memo`` (one dict per text) keeps the answer per line.

    >>> t = "## Expenses (Monthly)\\n\\n- Hosting: $20\\n- Domain: $1\\n"
    >>> block_period(t, t.index("- Domain"), {}), block_period(t, 0, {})
    ('month', None)
    >>> t = "Costs per year:\\n| Item | Cost |\\n|---|---|\\n| Rent | $9k |"
    >>> block_period(t, t.index("| Rent"), {})
    'year'
    """
    if line_lo in memo:
        return memo[line_lo]
    if not _ITEM.match(masked, line_lo):
        memo[line_lo] = None
        return None
    seen = [line_lo]
    lo, found, blanks = line_lo, None, 0
    for _ in range(_MAX_UP):
        if lo == 0:
            break
        lo = masked.rfind("\n", 0, lo - 1) + 1
        if lo in memo:
            found = memo[lo]
            break
        hi = masked.find("\n", lo)
        line = masked[lo : len(masked) if hi < 0 else hi]
        if _BLANK.match(line):
            blanks += 1
            if blanks > 1:
                break
            continue
        if _ITEM.match(line) or _INDENTED.match(line):
            if blanks:
                break  # another block above a blank line
            seen.append(lo)
            continue
        found = _lead_period(line) if _LEAD.match(line) else None
        break
    for at in seen:
        memo[at] = found
    return found


def pair_period(masked: str, prev_end: int, start: int, period: str) -> str | None:
    """The previous figure's ``period`` for a figure when only "to" (至, 降至 ...) stands
    between them (``masked[prev_end:start]``), else None.

    >>> pair_period("$1M a year to $200k", 10, 14, "year"), pair_period("$1M, $2", 3, 5, "year")
    ('year', None)
    """
    return period if _PAIR_GAP.match(masked, prev_end, start) else None


def _lead_period(line: str) -> str | None:
    m = _LEAD_PERIOD.search(line)
    if m is None:
        return None
    word = (m["first"] or m["inner"] or m["per"] or m["unit"] or "").lower()
    return w.PERIOD_WORDS.get(word, _ZH_PERIODS.get(word))


_ZH_PERIODS = {"每月": "month", "每年": "year", "每周": "week", "每季度": "quarter",
               "每天": "day", "月度": "month", "年度": "year", "季度": "quarter"}  # fmt: skip
