"""``notehouse explain NOTE``: why a note came out as it did, value by value.

For one note: its kind and the rule that chose it, its title and date and where each came
from, every field with its source and line, and every extracted value (duration, chapters,
people by role, money, growth, tags) with its line and the raw text it was read from, then
the note's issues. It reads the rows of a built warehouse, or, with ``--file``, parses the file
directly with ``transforms.note.parse_note`` (the code a build runs) and shows the same report.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from pipelines.runtime.failures import EXIT_OK, EXIT_USAGE

Rows = dict[str, list[dict[str, Any]]]
TABLES = ("notes", "fields", "episodes", "chapters", "appearances", "money_mentions")
TABLES += ("growth_mentions", "tags")


class NoteNotFound(LookupError):
    """No note, or more than one, matches what was asked for."""


def rows_from_file(file: Path, vault: Path | None, timezone: str) -> tuple[Rows, list[Rows]]:
    """Parse ``file`` as a build would (its path relative to ``vault`` when it is inside it)."""
    from transforms.note import parse_note

    data = file.read_bytes()
    path = _vault_path(file, vault)
    mtime = dt.datetime.fromtimestamp(file.stat().st_mtime, dt.UTC)
    parsed = parse_note(path, data, mtime=mtime, tz=timezone)
    issues = [
        {"severity": i.severity, "stage": i.stage, "line": i.line, "message": i.message}
        for i in parsed.issues
    ]
    return dict(parsed.rows), [{"parse_issues": issues}]


def _vault_path(file: Path, vault: Path | None) -> str:
    resolved = file.resolve()
    for root in (vault, Path.cwd()):
        if root is not None and resolved.is_relative_to(root.resolve()):
            return resolved.relative_to(root.resolve()).as_posix()
    return file.name


def rows_from_warehouse(con: Any, key: str) -> tuple[Rows, list[Rows]]:
    """The rows of the note whose path, id, file name or title is ``key`` (case-insensitive)."""
    matches = con.execute(
        "select note_id, path from notes where path = $k or note_id = $k "
        "union select note_id, path from notes where lower(path) = lower($k) "
        "or lower(file_name) = lower($k) or lower(file_name) = lower($k) || '.md' "
        "or lower(title) = lower($k) order by path",
        {"k": key},
    ).fetchall()
    exact = [m for m in matches if key in m]
    matches = exact or matches
    if not matches:
        raise NoteNotFound(
            f"no note has the path, id, file name or title {key!r}; list some with: "
            "notehouse query \"select path, title from notes where title ilike '%word%'\""
        )
    if len(matches) > 1:
        paths = ", ".join(m[1] for m in matches[:8])
        raise NoteNotFound(f"{len(matches)} notes match {key!r}: {paths}; give its path")
    note_id, path = matches[0]
    rows: Rows = {}
    for table in TABLES:
        cursor = con.execute(f"select * from {table} where note_id = $id", {"id": note_id})
        names = [d[0] for d in cursor.description]
        rows[table] = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    cursor = con.execute(
        "select severity, stage, line, message from parse_issues where path = $p and run_id = "
        "(select max_by(run_id, started_at) from runs) order by line nulls first",
        {"p": path},
    )
    names = [d[0] for d in cursor.description]
    issues = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    return rows, [{"parse_issues": issues}]


def _line(value: Any) -> str:
    return f"line {value}" if value is not None else "no line"


def _field_for(fields: list[dict[str, Any]], source: str | None) -> str:
    """Where a ``frontmatter:date``-style source was read: the field's line and raw value."""
    if not source or ":" not in source:
        return ""
    kind, key = source.split(":", 1)
    for f in fields:
        if f.get("source") == kind and key in (f.get("key"), f.get("raw_key")):
            return f" — {_line(f.get('line'))}: {f.get('raw_key')} = {f.get('value')!r}"
    return ""


def report(rows: Rows, issues: list[Rows], *, from_file: bool) -> list[str]:
    """The lines of the explanation (the same for a warehouse's rows and a parsed file's)."""
    notes = rows.get("notes") or []
    problems = issues[0]["parse_issues"] if issues else []
    if not notes:
        out = ["the note was not loaded (no row in notes)"]
        return out + [_issue(i) for i in problems]
    note, fields = notes[0], rows.get("fields") or []
    out = [
        f"{note['path']}  (note_id {note['note_id']})",
        f"kind: {note['kind']}  — because {note.get('kind_reason') or 'no reason recorded'}",
        f"title: {note['title']!r}  — from {note.get('title_source')}"
        + _field_for(fields, note.get("title_source")),
        f"note_date: {note.get('note_date')}  — from {note.get('note_date_source')}"
        + _field_for(fields, note.get("note_date_source")),
        f"lang: {note.get('lang')}; created_at {note.get('created_at')}; "
        f"updated_at {note.get('updated_at')}; {note.get('word_count')} words",
    ]
    sections: Sequence[tuple[str, str, Callable[[dict[str, Any]], str]]] = (
        ("fields", "fields", _field),
        ("episodes", "episode", lambda e: _episode(e, fields)),
        ("chapters", "chapters", _chapter),
        ("appearances", "people", _person),
        ("money_mentions", "money", _money),
        ("growth_mentions", "growth", _growth),
        ("tags", "tags", lambda t: f"{t['tag']}  ({t.get('source')}, {_line(t.get('line'))})"),
    )
    for table, title, show in sections:
        found = rows.get(table) or []
        if table == "appearances":
            found = sorted(found, key=lambda a: (a.get("role") or "", a.get("line") or 0))
        out.append(f"{title} ({len(found)}):")
        out += [f"  {show(r)}" for r in found]
    if from_file:
        out.append("  (mentioned people are found across the vault, in a build; not here)")
    out.append(f"issues ({len(problems)}):")
    out += [f"  {_issue(i)}" for i in problems]
    return out


def _field(f: dict[str, Any]) -> str:
    key = f["key"] if f.get("raw_key") in (None, f["key"]) else f"{f['key']} ({f['raw_key']})"
    return f"{_line(f.get('line'))}: {key} = {f.get('value')!r}  [{f.get('source')}]"


def _episode(e: dict[str, Any], fields: list[dict[str, Any]]) -> str:
    raw = e.get("duration_text")
    where = next((f for f in fields if raw is not None and f.get("value") == raw), None)
    at = f", {_line(where.get('line'))} ({where.get('raw_key')})" if where else ""
    return (
        f"show {e.get('show_name')!r}, number {e.get('number')}, season {e.get('season')}, "
        f"published {e.get('published_date')}, duration {e.get('duration_seconds')} s "
        f"from {raw!r}{at}, explicit {e.get('explicit')}, status {e.get('status')}"
    )


def _chapter(c: dict[str, Any]) -> str:
    return (
        f"{_line(c.get('line'))}: #{c.get('ordinal')} at {c.get('start_seconds')} s"
        f" → {c.get('end_seconds')} s {c.get('title')!r}  from {c.get('text')!r}"
    )


def _person(a: dict[str, Any]) -> str:
    source = f"field {a['source_key']}" if a.get("source_key") else "the vault's links"
    return (
        f"{a.get('role')}: {a.get('name')} ({a.get('person_kind') or 'person'}) "
        f"— {_line(a.get('line'))}, {source}"
    )


def _num(value: Any) -> str:
    """A Decimal without its padding zeros: 19.000000 → 19, 0.50 → 0.5."""
    if isinstance(value, Decimal):
        text = f"{value.normalize():f}"
        return text
    return str(value)


def _money(m: dict[str, Any]) -> str:
    high = m.get("amount_high")
    amount = _num(m.get("amount")) + (f"–{_num(high)}" if high is not None else "")
    period = f"/{m['period']}" if m.get("period") else ""
    yearly = m.get("annualized_amount")
    return (
        f"{_line(m.get('line'))}: {m.get('text')!r} → {amount} {m.get('currency')}{period}"
        f"{f' (annualised {_num(yearly)})' if yearly is not None and period else ''}, "
        f"metric {m.get('metric')}, qualifier {m.get('qualifier')}, subject {m.get('subject')}"
    )


def _growth(g: dict[str, Any]) -> str:
    return (
        f"{_line(g.get('line'))}: {g.get('text')!r} → {_num(g.get('percent'))} %, "
        f"basis {g.get('basis')}, metric {g.get('metric')}"
    )


def _issue(i: dict[str, Any]) -> str:
    return f"{i.get('severity')} [{i.get('stage')}] {_line(i.get('line'))}: {i.get('message')}"


def explain_command(note: str, warehouse: Path, *, file: bool, vault: Path | None, tz: str) -> int:
    """Handler of ``notehouse explain``; prints the report, returns the exit status."""
    from pipelines.runtime.query import connect

    try:
        if file:
            path = Path(note)
            if not path.is_file():
                raise NoteNotFound(f"{note} is not a file")
            rows, issues = rows_from_file(path, vault, tz)
        else:
            con = connect(warehouse)
            try:
                rows, issues = rows_from_warehouse(con, note)
            finally:
                con.close()
    except (FileNotFoundError, NoteNotFound) as exc:
        print(f"notehouse: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return EXIT_USAGE
    print("\n".join(report(rows, issues, from_file=file)))
    return EXIT_OK
