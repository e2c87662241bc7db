"""A row contract that checks itself: each row class's fields are its table's columns."""

from __future__ import annotations

import dataclasses

import pytest

from transforms.row_types import FILLED_LATER, ROW_TYPES
from transforms.schema import TABLES


@pytest.mark.parametrize("table", sorted(ROW_TYPES))
def test_the_row_class_has_exactly_the_tables_columns(table: str) -> None:
    fields = {f.name for f in dataclasses.fields(ROW_TYPES[table])}
    columns = set(TABLES[table].names) - {"note_id"} - FILLED_LATER.get(table, frozenset())
    assert sorted(fields - columns) == [], "attributes no column stores"
    assert sorted(columns - fields) == [], "columns the row class does not fill"


@pytest.mark.parametrize("table", sorted(ROW_TYPES))
def test_the_row_class_is_built_by_keyword(table: str) -> None:
    cls = ROW_TYPES[table]
    values = [None] * len(dataclasses.fields(cls))
    with pytest.raises(TypeError):
        cls(*values)


def test_later_columns_are_columns() -> None:
    for table, names in FILLED_LATER.items():
        assert names <= set(TABLES[table].names)
