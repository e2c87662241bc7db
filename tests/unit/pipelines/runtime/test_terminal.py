"""The table printer measures terminal columns, so Chinese (wide) text lines up."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from pipelines.runtime.terminal import format_table

# (case, rows of (title, number))
CASES = [
    ("Chinese titles beside English ones", [("第27期｜在县城开一家书店", 1), ("Kettle notes", 22)]),
    ("full-width punctuation and digits", [("（１２３）：", 3), ("(123):", 4)]),
    ("emoji, two columns each", [("launch 🚀", 5), ("plain", 6)]),
    ("mixed scripts in one value", [("Linnea 访谈 2023", 7), ("x", None)]),
]


@pytest.mark.parametrize(("case", "rows"), CASES)
def test_every_separator_is_in_the_same_terminal_column(
    case: str, rows: list[tuple[str, int | None]]
) -> None:
    lines = format_table(["title", "n"], rows).splitlines()[:-1]  # not the "(n rows)" footer
    bars = {cell_len(line.split("|")[0]) for line in lines if "|" in line}
    assert len(bars) == 1, (case, lines)
    header, rule = lines[0], lines[1]
    assert cell_len(rule.split("+")[0]) == cell_len(header.split("|")[0]), case


def test_a_value_with_a_line_break_stays_on_one_line() -> None:
    lines = format_table(["text"], [("one\ntwo",)]).splitlines()
    assert lines[2] == "one⏎two" and len(lines) == 4
