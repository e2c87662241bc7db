"""The data contract in code: one explicit pyarrow schema per warehouse table.

Parquet writes, the DuckDB DDL in ``sql/schema/`` and the contract test all
check against these schemas; column types are never inferred from data.

>>> TABLES["notes"].field("note_date").type
DataType(date32[day])
>>> "show_name" in TABLES["episodes"].names
True
"""

from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")
MONEY = pa.decimal128(38, 6)


def _schema(*fields: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema([pa.field(name, typ) for name, typ in fields])


TABLES: dict[str, pa.Schema] = {
    "notes": _schema(
        ("note_id", pa.string()),
        ("path", pa.string()),
        ("kind", pa.string()),
        ("title", pa.string()),
        ("lang", pa.string()),
        ("note_date", pa.date32()),
        ("created_at", TS),
        ("updated_at", TS),
        ("word_count", pa.int64()),
        ("size_bytes", pa.int64()),
        ("content_sha256", pa.string()),
        ("file_name", pa.string()),
        ("folder", pa.string()),
        ("encoding", pa.string()),
        ("frontmatter_format", pa.string()),
        ("title_source", pa.string()),
        ("note_date_source", pa.string()),
        ("kind_reason", pa.string()),
        ("title_line", pa.int32()),  # where the title was read (NULL: file name or none)
        ("note_date_line", pa.int32()),  # where note_date was read (NULL: file name, URL)
        ("note_date_text", pa.string()),  # what note_date was read from, as written
    ),
    "fields": _schema(
        ("note_id", pa.string()),
        ("ordinal", pa.int32()),
        ("key", pa.string()),
        ("raw_key", pa.string()),
        ("value", pa.string()),
        ("value_type", pa.string()),
        ("source", pa.string()),
        ("line", pa.int32()),
    ),
    "episodes": _schema(
        ("note_id", pa.string()),
        ("show_name", pa.string()),
        ("number", pa.int64()),
        ("season", pa.int64()),
        ("title", pa.string()),
        ("published_date", pa.date32()),
        ("duration_seconds", pa.int64()),
        ("duration_text", pa.string()),
        ("explicit", pa.bool_()),
        ("status", pa.string()),
        ("share_url", pa.string()),
        ("media_url", pa.string()),
    ),
    "chapters": _schema(
        ("note_id", pa.string()),
        ("ordinal", pa.int32()),
        ("start_seconds", pa.int64()),
        ("end_seconds", pa.int64()),
        ("length_seconds", pa.int64()),
        ("title", pa.string()),
        ("line", pa.int32()),
        ("text", pa.string()),
    ),
    "people": _schema(
        ("person_id", pa.string()),
        ("name", pa.string()),
        ("kind", pa.string()),
        ("note_id", pa.string()),
    ),
    "appearances": _schema(
        ("note_id", pa.string()),
        ("person_id", pa.string()),
        ("role", pa.string()),
        ("name", pa.string()),
        ("source_key", pa.string()),
        ("line", pa.int32()),
        ("person_kind", pa.string()),
    ),
    "tags": _schema(
        ("note_id", pa.string()),
        ("tag", pa.string()),
        ("source", pa.string()),
        ("line", pa.int32()),
    ),
    "aliases": _schema(
        ("note_id", pa.string()),
        ("alias", pa.string()),
    ),
    "links": _schema(
        ("note_id", pa.string()),
        ("url", pa.string()),
        ("domain", pa.string()),
        ("label", pa.string()),
        ("section", pa.string()),
        ("is_image", pa.bool_()),
        ("line", pa.int32()),
        ("text", pa.string()),  # the link as written
    ),
    "wikilinks": _schema(
        ("note_id", pa.string()),
        ("target", pa.string()),
        ("target_key", pa.string()),
        ("target_note_id", pa.string()),
        ("alias", pa.string()),
        ("heading", pa.string()),
        ("embed", pa.bool_()),
        ("line", pa.int32()),
        ("text", pa.string()),  # the link as written
    ),
    "note_keys": _schema(
        ("note_id", pa.string()),
        ("key", pa.string()),
        ("rank", pa.int32()),
        ("depth", pa.int32()),
        ("path", pa.string()),
    ),
    "money_mentions": _schema(
        ("note_id", pa.string()),
        ("ordinal", pa.int32()),
        ("amount", MONEY),
        ("amount_high", MONEY),
        ("currency", pa.string()),
        ("period", pa.string()),
        ("annualized_amount", MONEY),
        ("metric", pa.string()),
        ("qualifier", pa.string()),
        ("subject", pa.string()),
        ("text", pa.string()),
        ("sentence", pa.string()),
        ("line", pa.int32()),
    ),
    "growth_mentions": _schema(
        ("note_id", pa.string()),
        ("ordinal", pa.int32()),
        ("percent", pa.decimal128(18, 4)),
        ("basis", pa.string()),
        ("metric", pa.string()),
        ("text", pa.string()),
        ("sentence", pa.string()),
        ("line", pa.int32()),
    ),
    "parse_issues": _schema(
        ("run_id", pa.string()),
        ("path", pa.string()),
        ("note_id", pa.string()),
        ("severity", pa.string()),
        ("stage", pa.string()),
        ("message", pa.string()),
        ("line", pa.int32()),
    ),
    "runs": _schema(
        ("run_id", pa.string()),
        ("started_at", TS),
        ("finished_at", TS),
        ("vault", pa.string()),
        ("files_seen", pa.int64()),
        ("files_new", pa.int64()),
        ("files_changed", pa.int64()),
        ("files_deleted", pa.int64()),
        ("files_unchanged", pa.int64()),
        ("files_parsed", pa.int64()),
        ("notes_loaded", pa.int64()),
        ("errors", pa.int64()),
        ("warnings", pa.int64()),
        ("status", pa.string()),
        ("parser_version", pa.string()),
    ),
    "manifest": _schema(
        ("path", pa.string()),
        ("note_id", pa.string()),
        ("size_bytes", pa.int64()),
        ("mtime_ns", pa.int64()),
        ("content_sha256", pa.string()),
        ("parser_version", pa.string()),
        ("loaded", pa.bool_()),
        ("run_id", pa.string()),
    ),
    "check_results": _schema(
        ("run_id", pa.string()),
        ("check_name", pa.string()),
        ("severity", pa.string()),
        ("description", pa.string()),
        ("failing_rows", pa.int64()),
        ("passed", pa.bool_()),
        ("sample", pa.string()),
    ),
}

# Tables whose rows belong to one note (they carry note_id and are rebuilt per note).
NOTE_TABLES = (
    "notes",
    "fields",
    "episodes",
    "chapters",
    "appearances",
    "tags",
    "aliases",
    "note_keys",
    "links",
    "wikilinks",
    "money_mentions",
    "growth_mentions",
)

KINDS = ("episode", "profile", "note")
ROLES = ("host", "panelist", "guest", "sponsor", "subject", "author", "mentioned")
PERIODS = ("hour", "day", "week", "month", "quarter", "year")
METRICS = ("revenue", "arr", "mrr", "price", "profit", "funding", "valuation", "cost", "other")
QUALIFIERS = ("exact", "approx", "at_least", "at_most")
FIELD_SOURCES = ("frontmatter", "inline", "body")
PERSON_KINDS = ("person", "organization")
BASES = ("yoy", "mom", "other")

# Every column whose values come from a fixed set, with that set: the check
# ``sql/checks/values_in_their_sets.sql`` tests the same sets (tests/unit/transforms/
# test_contract.py keeps the two equal).
ACCEPTED_VALUES: dict[str, tuple[str, ...]] = {
    "notes.kind": KINDS,
    "fields.source": FIELD_SOURCES,
    "people.kind": PERSON_KINDS,
    "appearances.role": ROLES,
    "money_mentions.period": PERIODS,
    "money_mentions.metric": METRICS,
    "money_mentions.qualifier": QUALIFIERS,
    "growth_mentions.basis": BASES,
}
