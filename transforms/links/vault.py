"""Keys that let other notes find this one: its path, its file name and its aliases.

Cross-note work happens in the warehouse, in SQL (``sql/link/``), so that a
note's own rows never depend on other notes and an unchanged note's rows can
be reused as they are. This module states, per note, the keys a wikilink may
use to reach it; ``wikilinks.target_key`` is the same normalisation of the link.

Resolution order (``sql/link/wikilink_targets.sql``): a full path beats a file
name, which beats an alias; between notes of equal rank the shallower path,
then the alphabetically first, wins.

>>> [(k["key"], k["rank"]) for k in build_note_key_rows("n1", "people/Ada Quill.md", ["Ada"])]
[('people/ada quill', 0), ('ada quill', 1), ('ada', 2)]
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from typing import Any

from transforms.links.extract import normalize_target

RANK_PATH, RANK_FILE_NAME, RANK_ALIAS = 0, 1, 2


def build_note_key_rows(note_id: str, path: str, aliases: Iterable[str]) -> list[dict[str, Any]]:
    """One row per distinct key, with its rank and the note's folder depth."""
    stem_path = posixpath.splitext(path)[0]
    depth = path.count("/")
    candidates = [(stem_path, RANK_PATH), (posixpath.basename(stem_path), RANK_FILE_NAME)]
    candidates += [(alias, RANK_ALIAS) for alias in aliases]
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for text, rank in candidates:
        key = normalize_target(text)
        if key and key not in seen:
            seen.add(key)
            rows.append(
                {"note_id": note_id, "key": key, "rank": rank, "depth": depth, "path": path}
            )
    return rows
