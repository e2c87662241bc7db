"""Cross-note work after every note is parsed: wikilink targets, ``mentioned`` people, ``people``.

>>> from transforms.rows import parse_note
>>> a = parse_note("people/Ada Quill.md", b"---\\ntags: [person]\\n---\\nAda builds looms.\\n")
>>> b = parse_note("ep.md", b"Talked with [[Ada Quill]] today.\\n")
>>> tables = link_notes([a, b])
>>> tables["wikilinks"][0]["target_note_id"] == a.note_id
True
>>> [(r["name"], r["role"]) for r in tables["appearances"] if r["note_id"] == b.note_id]
[('Ada Quill', 'mentioned')]
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from typing import Any

from transforms.links import normalize_target
from transforms.rows import ParsedNote, Row
from transforms.schema import NOTE_TABLES


def _index(notes: Sequence[ParsedNote]) -> dict[str, str]:
    """Resolution keys (path, file name, alias) → note_id; the shortest path wins a tie."""
    index: dict[str, str] = {}
    for parsed in sorted(notes, key=lambda p: (p.path.count("/"), p.path)):
        stem_path = posixpath.splitext(parsed.path)[0]
        keys = [stem_path, posixpath.basename(stem_path), parsed.path]
        keys += [row["alias"] for row in parsed.rows.get("aliases", [])]
        for key in keys:
            index.setdefault(normalize_target(key), parsed.note_id)
    return index


def link_notes(notes: Iterable[ParsedNote]) -> dict[str, list[Row]]:
    """All rows of the note tables plus ``people``, with cross-note columns filled in."""
    loaded = [p for p in notes if p.loaded]
    index = _index(loaded)
    subjects = {p.note_id: p.subject for p in loaded if p.subject is not None}
    tables: dict[str, list[Row]] = {name: [] for name in NOTE_TABLES}
    for parsed in loaded:
        for name, rows in parsed.rows.items():
            tables[name].extend(rows)
    roles_in_note: set[tuple[str, str]] = {
        (r["note_id"], r["person_id"]) for r in tables["appearances"]
    }
    for row in tables["wikilinks"]:
        target = index.get(normalize_target(row["target"]))
        row["target_note_id"] = target
        subject = subjects.get(target) if target else None
        if subject is not None and target != row["note_id"]:
            key = (row["note_id"], subject[0])
            if key not in roles_in_note:
                roles_in_note.add(key)
                tables["appearances"].append(
                    {
                        "note_id": row["note_id"],
                        "person_id": subject[0],
                        "role": "mentioned",
                        "name": subject[1],
                        "source_key": "wikilink",
                        "line": row["line"],
                        "person_kind": "person",
                    }
                )
    tables["people"] = build_people_rows(tables["appearances"], subjects)
    return tables


def build_people_rows(
    appearances: Sequence[Row], subjects: dict[str, tuple[str, str]]
) -> list[Row]:
    """One row per person_id: the subject's own spelling wins, else the first seen."""
    names: dict[str, str] = {}
    kinds: dict[str, set[str]] = {}
    own_note: dict[str, str] = {}
    for nid, (pid, name) in sorted(subjects.items()):
        names.setdefault(pid, name)
        own_note.setdefault(pid, nid)
    for row in appearances:
        names.setdefault(row["person_id"], row["name"])
        kinds.setdefault(row["person_id"], set()).add(row.get("person_kind", "person"))
    people: list[dict[str, Any]] = []
    for pid in sorted(names):
        kind = "organization" if kinds.get(pid) == {"organization"} else "person"
        people.append(
            {"person_id": pid, "name": names[pid], "kind": kind, "note_id": own_note.get(pid)}
        )
    return people
