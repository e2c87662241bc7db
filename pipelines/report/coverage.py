"""What a build understood, per top-level folder: the ``coverage`` view, read for the build's
summary on the command line (``sql/views/coverage.sql`` says what each column counts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

# The columns the summary shows, with the short headings it prints them under.
SHOWN = {
    "folder": "folder",
    "notes": "notes",
    "episodes": "episodes",
    "profiles": "profiles",
    "other_notes": "other",
    "dated_share": "dated",
    "episodes_with_duration": "ep+duration",
    "episodes_with_chapters": "ep+chapters",
    "episodes_with_people": "ep+people",
    "money_mentions": "money",
}


def coverage_table(database: Path, limit: int = 12) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The summary's headings and up to ``limit`` folders' rows (most notes first), the rest
    folded into one ``(N more folders)`` row; read-only, from the published database."""
    with duckdb.connect(str(database), read_only=True) as con:
        columns = ", ".join(SHOWN)
        rows = con.execute(f"SELECT {columns} FROM coverage").fetchall()
    shown = rows[:limit]
    rest = rows[limit:]
    if rest:
        folded: list[Any] = [f"({len(rest)} more folders)"]
        for i, name in enumerate(list(SHOWN)[1:], start=1):
            if name == "dated_share":
                total = sum(r[1] for r in rest)
                folded.append(round(sum(r[i] * r[1] for r in rest) / total, 3) if total else None)
            else:
                folded.append(sum(r[i] or 0 for r in rest))
        shown.append(tuple(folded))
    return list(SHOWN.values()), shown
