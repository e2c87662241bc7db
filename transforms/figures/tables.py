"""Markdown tables around a money or growth figure: its column header, its row label, the
header row, and the period a table's rows or columns imply.

Private to ``money.py`` and ``growth.py``. Every function works on a *masked* text (see
``context.mask_prose``), so offsets are offsets of the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from transforms.figures import words as w
from transforms.figures.context import line_bounds

# a table row, tested in place with match(masked, lo, hi): the line is not copied
TABLE_ROW = re.compile(r"\s*\|")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_TABLE_PERIOD = re.compile(r"^(?:month|月份?|year|年份?|quarter|季度|week|周)$", re.I)
_MAX_ROWS = 500  # rows read above a cell; a longer table is walked as before


@dataclass(frozen=True)
class Cell:
    """Where a figure sits in a table: the header cells, the row's cells, its column."""

    header: list[str]
    row: list[str]
    col: int

    @property
    def head(self) -> str:
        """The header of the figure's column ("" past the header's end)."""
        return self.header[self.col] if self.col < len(self.header) else ""

    @property
    def label(self) -> str:
        """The row's label (its first cell), "" for a figure in the first column."""
        return self.row[0] if self.col > 0 and self.row else ""


@dataclass
class TableMemo:
    """What one text's tables have shown so far: the rows above each table line (by the
    line's offset) and each table's header cells (by its first line's offset), so the
    cells of one table do not each walk back up to its header and split it again."""

    rows: dict[int, tuple[int, int]] = field(default_factory=dict)
    headers: dict[int, list[str] | None] = field(default_factory=dict)


def table_cell(
    masked: str,
    pos: int,
    memo: TableMemo | None = None,
    line: tuple[int, int] | None = None,
) -> Cell | None:
    """The :class:`Cell` of a figure at ``pos`` in a Markdown table body, else None.

    ``memo`` (one per text) keeps what earlier cells found; ``line`` is the bounds of
    ``pos``'s line when the caller has them. The header list is shared by the cells of
    a table: read it, do not change it.

    >>> t = "| Metric | This Month | Change |\\n|---|---|---|\\n| Users | 1,200 | +27% |"
    >>> c = table_cell(t, t.index("+27%")); (c.head, c.label, c.header[1])
    ('Change', 'Users', 'This Month')
    """
    lo, hi = line or line_bounds(masked, pos)
    if not TABLE_ROW.match(masked, lo, hi):
        return None
    header = _header_cells(masked, lo, TableMemo() if memo is None else memo)
    if header is None:
        return None
    row = _cells(masked[lo:hi])
    col = masked[lo:pos].strip().lstrip("|").count("|")
    return Cell(header, row, col)


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def table_context(
    masked: str,
    pos: int,
    memo: TableMemo | None = None,
    line: tuple[int, int] | None = None,
) -> tuple[str, str] | None:
    """For a figure in a Markdown table cell: (column header + row label, first header).

    >>> t = "| Month | Revenue |\\n|---|---|\\n| Jan | $5 |"
    >>> table_context(t, t.index("$5"))
    ('Revenue Jan', 'Month')
    """
    cell = table_cell(masked, pos, memo, line)
    if cell is None:
        return None
    return f"{cell.head} {cell.label}".strip(), cell.header[0] if cell.header else ""


def _header_cells(masked: str, lo: int, memo: TableMemo) -> list[str] | None:
    """The header cells of the table whose row starts at ``lo`` (a rule line under it)."""
    count, top = _rows_above(masked, lo, memo.rows)
    if count < 2:
        return None
    if count >= _MAX_ROWS:
        walked = _header_walk(masked, lo)
        return None if walked is None else _cells(walked)
    if top not in memo.headers:
        rule_lo, rule_hi = line_bounds(masked, masked.index("\n", top) + 1)
        ruled = _TABLE_RULE.match(masked[rule_lo:rule_hi])
        memo.headers[top] = _cells(masked[top : masked.index("\n", top)]) if ruled else None
    return memo.headers[top]


def _rows_above(masked: str, lo: int, memo: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """(how many table rows sit right above the line starting at ``lo``, where the top
    one starts); ``memo`` holds the answer for lines already seen, so a table is read once.
    """
    chain: list[int] = []
    cur = lo
    while cur not in memo:
        if cur == 0:
            memo[cur] = (0, 0)
            break
        prev_lo, prev_hi = line_bounds(masked, cur - 1)
        if not TABLE_ROW.match(masked, prev_lo, prev_hi):
            memo[cur] = (0, cur)
            break
        chain.append(cur)
        cur = prev_lo
    for line in reversed(chain):  # each line's row above is the one before it in chain
        count, top = memo[cur]
        memo[line] = (count + 1, top if count else cur)
        cur = line
    return memo[lo]


def _header_walk(masked: str, lo: int) -> str | None:
    """``_header_row`` for a row with ``_MAX_ROWS`` or more rows above it: the row that
    many rows up, if a rule sits under it."""
    rows: list[str] = []
    start = lo
    while start > 0 and len(rows) < _MAX_ROWS:
        prev_lo, prev_hi = line_bounds(masked, start - 1)
        if not TABLE_ROW.match(masked, prev_lo, prev_hi):
            break
        rows.insert(0, masked[prev_lo:prev_hi])
        start = prev_lo
    if len(rows) < 2 or not _TABLE_RULE.match(rows[1]):
        return None
    return rows[0]


def table_period(first_header: str) -> str | None:
    """Period implied by a table whose rows are months, years, quarters or weeks."""
    m = _TABLE_PERIOD.match(first_header.strip("* "))
    if not m:
        return None
    word = m.group(0).lower()
    return {"month": "month", "year": "year", "quarter": "quarter", "week": "week"}.get(
        word, w.PERIOD_WORDS.get(word[:1], w.PERIOD_WORDS.get(word[:2], "month"))
    )
