"""The data contract: DESIGN.md's tables and columns, the pyarrow schemas and the DDL agree."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from transforms.schema import ACCEPTED_VALUES, TABLES

ROOT = Path(__file__).resolve().parents[3]
DESIGN = ROOT.parent / "shared" / "DESIGN.md"
DUCK_TYPES = {
    "string": "VARCHAR",
    "int64": "BIGINT",
    "int32": "INTEGER",
    "date32[day]": "DATE",
    "timestamp[us, tz=UTC]": "TIMESTAMP WITH TIME ZONE",
    "bool": "BOOLEAN",
}


def design_contract() -> dict[str, list[str]]:
    """Table → required columns, read from the contract table in DESIGN.md."""
    contract: dict[str, list[str]] = {}
    for line in DESIGN.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| `([a-z_]+)`(?: / `([a-z_]+)`)? \| [^|]+ \| (.+) \|$", line)
        if not m:
            continue
        columns = [c.split("(")[0].strip() for c in re.split(r",(?![^(]*\))", m.group(3))]
        names = [m.group(1)] + ([m.group(2)] if m.group(2) else [])
        for i, name in enumerate(names):
            cols = columns
            if len(names) > 1:  # "note_id, tag / alias" describes two tables
                cols = ["note_id", columns[1].split("/")[i]]
            contract[name] = [c.strip("` ") for c in cols if c.strip("` ")]
    return contract


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    from pipelines.stages.database import create_database

    path = tmp_path_factory.mktemp("contract") / "notehouse.duckdb"
    create_database(path).close()
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute(
        "select table_name, column_name, data_type from information_schema.columns"
    ).fetchall()
    con.close()
    out: dict[str, dict[str, str]] = {}
    for table, column, typ in rows:
        out.setdefault(table, {})[column] = typ
    return out


@pytest.mark.skipif(not DESIGN.exists(), reason="../shared/DESIGN.md is not beside this checkout")
def test_design_md_lists_the_tables_we_know() -> None:
    contract = design_contract()
    assert len(contract) >= 14, contract
    assert contract["tags"] == ["note_id", "tag"]
    assert contract["aliases"] == ["note_id", "alias"]


@pytest.mark.skipif(not DESIGN.exists(), reason="../shared/DESIGN.md is not beside this checkout")
def test_every_contract_column_is_in_the_duckdb_catalog(catalog: dict[str, dict[str, str]]) -> None:
    missing = [
        f"{table}.{column}"
        for table, columns in design_contract().items()
        for column in columns
        if column not in catalog.get(table, {})
    ]
    assert missing == []


@pytest.mark.parametrize("table", sorted(TABLES))
def test_ddl_matches_the_arrow_schema(table: str, catalog: dict[str, dict[str, str]]) -> None:
    schema = TABLES[table]
    assert list(catalog[table]) == schema.names
    for field in schema:
        want = DUCK_TYPES.get(str(field.type))
        if pa.types.is_decimal(field.type):
            want = f"DECIMAL({field.type.precision},{field.type.scale})"
        assert catalog[table][field.name] == want, field.name


def test_no_column_is_a_reserved_word() -> None:
    con = duckdb.connect()
    reserved = {
        r[0]
        for r in con.execute(
            "select keyword_name from duckdb_keywords() where keyword_category = 'reserved'"
        ).fetchall()
    }
    used = {f.name for schema in TABLES.values() for f in schema}
    assert used & reserved == set()


@pytest.mark.parametrize("table", sorted(TABLES))
def test_sql_schema_file_is_rendered_from_the_arrow_schema(table: str) -> None:
    from pipelines.stages.ddl import render_ddl

    path = ROOT / "sql" / "schema" / f"{table}.sql"
    assert path.read_text(encoding="utf-8") == render_ddl(table), (
        "regenerate with: python -m pipelines.stages.ddl"
    )


def _check_sets() -> dict[str, tuple[str, ...]]:
    """``column -> accepted values`` as ``values_in_their_sets.sql`` writes them."""
    sql = (ROOT / "sql" / "checks" / "values_in_their_sets.sql").read_text(encoding="utf-8")
    found = {}
    for part in re.split(r"\bunion all\b", sql, flags=re.I):
        column = re.search(r"select '(\w+\.\w+)'", part)
        values = re.search(r"not in \(([^)]*)\)", part)
        if column and values:
            found[column.group(1)] = tuple(re.findall(r"'([^']*)'", values.group(1)))
    return found


def test_the_check_accepts_exactly_the_schemas_sets() -> None:
    assert _check_sets() == ACCEPTED_VALUES


@pytest.mark.parametrize("column", sorted(ACCEPTED_VALUES))
def test_every_set_names_a_contract_column(column: str) -> None:
    table, name = column.split(".")
    assert name in TABLES[table].names
