"""Growth read from the change column of a metrics table: ``| New Users | 1,200 | +27% |``
under a ``Change`` (Δ, Growth, 变化, 环比 ...) header is +27 % growth of that row's metric.

Private to ``growth.py``. The row's label names the metric; the basis is the change
column's own basis word (MoM, YoY, 环比, 同比), else month-over-month when the other
columns are consecutive months or this month's values, year-over-year when they are
consecutive years or this year's. A figure in any other column (a level, a share) is
not growth.
"""

from __future__ import annotations

import itertools
import re

from transforms.figures import tables

# The header of a change column: the whole header is one of these words (maybe with a %
# sign, a basis word or "vs last month" around it).
_CHANGE_HEAD = re.compile(
    r"""^[*_ ]*(?:%[ \t]*)?(?:
        change|chg|changes|Δ|delta|diff|difference|growth|trend|increase|
        变化|变动|增长|增幅|涨幅|增减|环比|同比|
        mom|yoy|m/m|y/y|month[- ]over[- ]month|year[- ]over[- ]year
    )\b""",
    re.X | re.I,
)
_MOM = re.compile(r"\bmom\b|\bm/m\b|month[- ]over[- ]month|环比|vs\.?[ \t]+last[ \t]+month", re.I)
_YOY = re.compile(r"\byoy\b|\by/y\b|year[- ]over[- ]year|同比|vs\.?[ \t]+last[ \t]+year", re.I)
_THIS_MONTH = re.compile(r"\b(?:this|last|prev(?:ious)?)[ \t]+month\b|本月|上月|当月", re.I)
_THIS_YEAR = re.compile(r"\b(?:this|last|prev(?:ious)?)[ \t]+year\b|今年|去年|本年", re.I)
_MONTHS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip
_MONTH_CELL = re.compile(
    r"^(?:(?P<en>[A-Za-z]{3})[a-z]*\.?(?:[ \t]+\d{4})?"
    r"|(?:\d{4}[-/年][ \t]*)?(?P<zh>\d{1,2})[ \t]*月)$"
)
_YEAR_CELL = re.compile(r"^(?:FY[ \t]*)?(?P<year>(?:19|20)\d\d)(?:年)?$", re.I)


def change_cell(cell: tables.Cell) -> bool:
    """Whether a table cell sits in a change column.

    >>> change_cell(tables.Cell(["Metric", "Value", "Change"], ["Users", "5", "+2%"], 2))
    True
    >>> change_cell(tables.Cell(["Metric", "Share"], ["Users", "20%"], 1))
    False
    """
    return cell.col > 0 and bool(_CHANGE_HEAD.match(cell.head))


def change_basis(cell: tables.Cell) -> str:
    """``mom``, ``yoy`` or ``other`` for a figure in a change column.

    >>> change_basis(tables.Cell(["Metric", "Aug", "Sep", "Change"], [], 3))
    'mom'
    >>> change_basis(tables.Cell(["", "2022", "2023", "Δ"], [], 3))
    'yoy'
    >>> change_basis(tables.Cell(["Metric", "Value This Month", "Change"], [], 2))
    'mom'
    >>> change_basis(tables.Cell(["Year", "Revenue", "Growth"], [], 2))
    'yoy'
    """
    if _MOM.search(cell.head):
        return "mom"
    if _YOY.search(cell.head):
        return "yoy"
    rows = tables.table_period(cell.header[0]) if cell.header else None
    if rows in ("month", "year"):
        return "mom" if rows == "month" else "yoy"  # a row per month or per year
    others = [c.strip("*_ ") for i, c in enumerate(cell.header) if i != cell.col]
    months = [_month(c) for c in others]
    if _consecutive([m for m in months if m is not None], 12):
        return "mom"
    years = [int(m["year"]) for c in others if (m := _YEAR_CELL.match(c))]
    if _consecutive(years, 0):
        return "yoy"
    if any(_THIS_MONTH.search(c) for c in others):
        return "mom"
    if any(_THIS_YEAR.search(c) for c in others):
        return "yoy"
    return "other"


def _month(cell: str) -> int | None:
    m = _MONTH_CELL.match(cell)
    if m is None:
        return None
    if m["zh"]:
        return int(m["zh"]) if 1 <= int(m["zh"]) <= 12 else None
    low = m["en"].lower()
    return _MONTHS.index(low) + 1 if low in _MONTHS else None


def _consecutive(values: list[int], wrap: int) -> bool:
    """Two or more values, each one after the one before (12 wraps to 1 for months)."""
    if len(values) < 2:
        return False
    return all(b - a == 1 or (wrap and (a, b) == (wrap, 1)) for a, b in itertools.pairwise(values))
