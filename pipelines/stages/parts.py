"""Parsed rows as Parquet parts: written where the notes are parsed, read once by the load.

A parse worker turns its chunk of notes into one Arrow table per note table (with the
declared schema) and writes each as ``<parts>/<table>/<chunk>.parquet``. Only a small
``NoteOutcome`` per file (path, id, issues, whether it loaded) travels back to the flow,
so the flow process never holds the rows of the whole vault: its memory stays flat as
the vault grows. The parts folder sits beside the staged build and is removed with it.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from transforms.issues import Issue
from transforms.note import ParsedNote, Row
from transforms.schema import NOTE_TABLES, TABLES


@dataclass(frozen=True)
class NoteOutcome:
    """What the flow needs to know of one parsed file once its rows are in the parts."""

    path: str
    note_id: str
    issues: tuple[Issue, ...]
    loaded: bool
    content_sha256: str | None


def outcome(parsed: ParsedNote) -> NoteOutcome:
    return NoteOutcome(
        parsed.path, parsed.note_id, tuple(parsed.issues), parsed.loaded, parsed.content_sha256
    )


def _quantize(rows: Sequence[dict[str, Any]], schema: pa.Schema) -> Sequence[dict[str, Any]]:
    """Round Decimals to their column's scale so pyarrow never refuses a value."""
    scales = {f.name: f.type.scale for f in schema if pa.types.is_decimal(f.type)}
    if not scales or not rows:
        return rows
    out = []
    for row in rows:
        row = dict(row)
        for name, scale in scales.items():
            value = row.get(name)
            if isinstance(value, decimal.Decimal):
                row[name] = value.quantize(decimal.Decimal(1).scaleb(-scale))
        out.append(row)
    return out


def arrow_table(name: str, rows: Sequence[Row]) -> pa.Table:
    """``rows`` of contract table ``name`` as an Arrow table with its declared schema.

    A Decimal with more places than its column's scale is rounded to it (half to even);
    the rows are copied for that only when PyArrow refuses them as they are, which it
    does for such a value and never rounds by itself.
    """
    schema = TABLES[name]
    try:
        return pa.Table.from_pylist(list(rows), schema=schema)
    except pa.ArrowInvalid:
        return pa.Table.from_pylist(list(_quantize(rows, schema)), schema=schema)


def to_arrow(tables: Mapping[str, Sequence[Row] | pa.Table]) -> dict[str, pa.Table]:
    """Every contract table as an Arrow table with its declared schema (empty ones too);
    a table given as Arrow already is only cast to it."""
    return {name: _as_arrow(name, tables.get(name, [])) for name in TABLES}


def _as_arrow(name: str, found: Sequence[Row] | pa.Table) -> pa.Table:
    if isinstance(found, pa.Table):
        return found.select(TABLES[name].names).cast(TABLES[name])
    return arrow_table(name, found)


def write_parts(parts: Path, chunk: str, parsed: Sequence[ParsedNote]) -> list[NoteOutcome]:
    """Write the rows of ``parsed`` as ``parts/<table>/<chunk>.parquet``; tables with no rows
    get no file. Writing the same chunk again replaces it (a retried batch)."""
    rows: dict[str, list[Row]] = {name: [] for name in NOTE_TABLES}
    for note in parsed:
        for name, found in note.rows.items():
            rows[name].extend(found)
    for name, found in rows.items():
        target = parts / name / f"{chunk}.parquet"
        target.unlink(missing_ok=True)  # a retried batch leaves nothing of its first try
        if found:
            target.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(arrow_table(name, found), target)
    return [outcome(p) for p in parsed]


def part_files(parts: Path, name: str) -> list[Path]:
    """The part files of table ``name``, in chunk order."""
    folder = parts / name
    return sorted(folder.glob("*.parquet")) if folder.is_dir() else []
