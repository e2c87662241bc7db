"""``sql/schema/<table>.sql`` rendered from ``transforms.schema``: the contract as DuckDB DDL.

The SQL files are kept in the repository so a user can read them; the contract
test fails when one drifts from the pyarrow schema. After changing a schema,
regenerate them with ``python -m pipelines.stages.ddl``.
"""

from __future__ import annotations

import pyarrow as pa

from pipelines import SQL_DIR
from transforms.schema import TABLES

DESCRIPTIONS = {
    "notes": "one row per note file that could be read",
    "fields": "one row per property: front-matter keys (dotted, one row per list item) "
    "and Dataview inline fields",
    "episodes": "one row per episode note",
    "chapters": "one row per chapter line of an episode's chapter list",
    "people": "one row per person or organisation, keyed by a stable id from the normalised name",
    "appearances": "one row per person and role in a note",
    "tags": "one row per tag of a note (front matter and #inline)",
    "aliases": "one row per alias of a note",
    "note_keys": "the keys a wikilink may use to reach a note (path, file name, alias)",
    "links": "one row per external link",
    "wikilinks": "one row per internal [[link]]; target_note_id is NULL when unresolved",
    "money_mentions": "one row per money figure found in prose, tables or fields",
    "growth_mentions": "one row per percentage growth figure",
    "parse_issues": "one row per problem found, kept for the last 20 runs",
    "runs": "one row per build, kept for every run",
    "manifest": "one row per file of the last build: what incremental builds compare against",
    "check_results": "one row per data-quality check and run",
}


def duck_type(typ: pa.DataType) -> str:
    if pa.types.is_string(typ):
        return "VARCHAR"
    if pa.types.is_int64(typ):
        return "BIGINT"
    if pa.types.is_int32(typ):
        return "INTEGER"
    if pa.types.is_date32(typ):
        return "DATE"
    if pa.types.is_timestamp(typ):
        return "TIMESTAMPTZ"
    if pa.types.is_boolean(typ):
        return "BOOLEAN"
    if pa.types.is_decimal(typ):
        return f"DECIMAL({typ.precision}, {typ.scale})"
    raise ValueError(f"no DuckDB type for {typ}")


def render_ddl(table: str) -> str:
    columns = ",\n".join(f"    {f.name} {duck_type(f.type)}" for f in TABLES[table])
    return f"-- {table}: {DESCRIPTIONS[table]}.\nCREATE TABLE {table} (\n{columns}\n);\n"


def main() -> None:
    for table in TABLES:
        (SQL_DIR / "schema" / f"{table}.sql").write_text(render_ddl(table), encoding="utf-8")


if __name__ == "__main__":
    main()
