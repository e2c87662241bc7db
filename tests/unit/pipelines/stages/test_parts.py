"""Rows to Arrow for the Parquet parts: decimals land at their column's scale."""

from __future__ import annotations

from decimal import Decimal

import pyarrow as pa
import pytest

from pipelines.stages.parts import arrow_table

# (value written by the parser, what the money column's scale of 6 holds)
FITS_CASES = [
    (Decimal("1.5"), Decimal("1.500000")),
    (Decimal("4E+6"), Decimal("4000000.000000")),
    (Decimal("-1072"), Decimal("-1072.000000")),
    (Decimal("0.000001"), Decimal("0.000001")),
]
# more places than the scale: rounded half to even, as Decimal.quantize does
ROUNDED_CASES = [
    (Decimal("1.2345675"), Decimal("1.234568")),
    (Decimal("1.2345665"), Decimal("1.234566")),
    (Decimal("0.0000005"), Decimal("0.000000")),
    (Decimal("83.333333333333333333"), Decimal("83.333333")),
]


@pytest.mark.parametrize(("value", "stored"), FITS_CASES + ROUNDED_CASES, ids=str)
def test_money_values_are_stored_at_the_column_scale(value: Decimal, stored: Decimal) -> None:
    rows = [{"note_id": "n", "ordinal": 1, "amount": value, "annualized_amount": value}]
    table = arrow_table("money_mentions", rows)
    assert table.column("amount").to_pylist() == [stored]
    assert table.column("annualized_amount").to_pylist() == [stored]
    assert rows[0]["amount"] is value  # the caller's rows are never changed


def test_one_value_past_the_scale_rounds_only_that_value() -> None:
    rows = [
        {"note_id": "n", "ordinal": 1, "amount": Decimal("2")},
        {"note_id": "n", "ordinal": 2, "amount": Decimal("0.1234567")},
        {"note_id": "n", "ordinal": 3, "amount": None},
    ]
    table = arrow_table("money_mentions", rows)
    assert table.column("amount").to_pylist() == [Decimal("2.000000"), Decimal("0.123457"), None]
    assert table.schema == arrow_table("money_mentions", []).schema


def test_a_value_no_scale_can_hold_is_still_refused() -> None:
    with pytest.raises(pa.ArrowInvalid):
        arrow_table("money_mentions", [{"note_id": "n", "ordinal": 1, "amount": Decimal("NaN")}])
