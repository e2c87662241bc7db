"""top_revenue_rows: the revenue chart's rows, chosen once, in DuckDB."""

from __future__ import annotations

import datetime as dt
import decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipelines.report.charts import TOP_SUBJECTS, top_revenue_rows

LAST = f"s{TOP_SUBJECTS + 1:02d}"  # the subject with the most dated points


def _row(subject: str | None, day: int, currency: str | None = "USD") -> dict[str, object]:
    return {
        "subject": subject,
        "currency": currency,
        "note_date": dt.date(2024, 1, day),
        "annualized_amount": decimal.Decimal("1200"),
    }


def _revenue() -> pa.Table:
    rows = []
    for k in range(TOP_SUBJECTS + 2):  # subject s00 has 1 dated point, the last LAST + 1
        rows += [_row(f"s{k:02d}", day) for day in range(1, k + 2)]
    rows += [_row(None, 1), _row(LAST, 1, None)]  # no subject, no currency: never drawn
    rows.append({**_row(LAST, 2), "annualized_amount": None})  # no yearly figure
    return pa.Table.from_pylist(rows)


def test_the_subjects_with_most_dated_points_are_kept(tmp_path: Path) -> None:
    table = _revenue()
    kept = top_revenue_rows(table)
    subjects = set(kept.column("subject").to_pylist())
    assert subjects == {f"s{k:02d}" for k in range(2, TOP_SUBJECTS + 2)}
    assert kept.filter(pc.equal(kept["subject"], LAST)).num_rows == TOP_SUBJECTS + 2
    assert None not in kept.column("annualized_amount").to_pylist()
    # the same rows when read straight from the mart's Parquet file
    pq.write_table(table, tmp_path / "revenue_facts.parquet")
    from_file = top_revenue_rows(tmp_path / "revenue_facts.parquet")
    assert sorted(from_file.to_pylist(), key=repr) == sorted(kept.to_pylist(), key=repr)
