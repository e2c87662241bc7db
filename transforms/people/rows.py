"""``appearances`` rows of one note: people named in role fields, and a profile's subject.

>>> from transforms.properties.lookup import Properties
>>> props = Properties({}, {}, [])
>>> profile_subject(props, "标杆人物01：Mike Perham，软件开发人员", "")
('mike-perham', 'Mike Perham')
>>> profile_subject(props, "Notes", "-   名字：Ada Quill\\n")
('ada-quill', 'Ada Quill')
>>> profile_subject(props, "Notes", "- **Name:** Bo Lind\\n")
('bo-lind', 'Bo Lind')
"""

from __future__ import annotations

import re
from typing import Any

from transforms.people.names import (
    normalize_name,
    person_id,
    person_kind,
    role_for_key,
    split_names,
)
from transforms.properties.lookup import Properties

SUBJECT_KEYS = ("subject", "person", "founder", "name", "名字", "姓名", "人物")
# "Name: Ada", "- **Name:** Ada", "**名字**：张三": a bold label is the usual bio format.
_BIO_NAME = re.compile(
    r"^[ \t>]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:名字|姓名|Name|Full name)(?:\*\*|__)?[ \t]*[:：]"
    r"(?:\*\*|__)?[ \t]*(.+?)[ \t]*$",
    re.M | re.I,
)
_SERIES_PREFIX = re.compile(r"^[^:：]{0,24}[:：](?!//)\s*")  # "https://" is no series name
_NAME_END = re.compile(r"\s*(?:[，,|｜（(—–]| - | – ).*$")


def profile_subject(props: Properties, title: str, body: str) -> tuple[str, str] | None:
    """(person_id, name) of the person a profile is about, or None."""
    prop = props.first(*SUBJECT_KEYS)
    candidates = [prop.text] if prop is not None else []
    m = _bio_name(body[:20_000])
    if m:
        candidates.append(m.group(1))
    candidates.append(_NAME_END.sub("", _SERIES_PREFIX.sub("", title)))
    for candidate in candidates:
        names = split_names(candidate)
        if names:
            name = normalize_name(names[0])
            pid = person_id(name)
            if pid:
                return pid, name
    return None


def _bio_name(sample: str) -> re.Match[str] | None:
    """``_BIO_NAME.search(sample)``, started at the line of the first label word.

    Every bio line holds "名字", "姓名" or "name" in any case, and no line above the first
    of them can hold a label, so the line-anchored pattern is not tried there. ``re.I``
    folds only the ASCII letters N, A, M, E to n, a, m, e, so lowering the sample's ASCII
    bytes (every other character one "?" byte, offsets kept) finds each "name" it matches.
    """
    ascii_lowered = sample.encode("ascii", "replace").lower()
    found = (ascii_lowered.find(b"name"), sample.find("名字"), sample.find("姓名"))
    first = min((at for at in found if at >= 0), default=-1)
    if first < 0:
        return None
    return _BIO_NAME.search(sample, sample.rfind("\n", 0, first) + 1)


def build_appearance_rows(
    nid: str, props: Properties, subject: tuple[str, str] | None
) -> list[dict[str, Any]]:
    """One row per (person, role) in the note; the first mention's line is kept."""
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(name: str, role: str, key: str, line: int | None) -> None:
        name = normalize_name(name)
        pid = person_id(name)
        if pid and (pid, role) not in seen:
            seen.add((pid, role))
            rows.append(
                {
                    "note_id": nid,
                    "person_id": pid,
                    "role": role,
                    "name": name,
                    "source_key": key,
                    "line": line,
                    "person_kind": person_kind(role, name),
                }
            )

    if subject is not None:
        add(subject[1], "subject", "subject", None)
    for key in props.names():
        role = role_for_key(key.split(".")[-1])
        if role is None:
            continue
        for prop in props.all(key):
            values = prop.value if isinstance(prop.value, list) else [prop.value]
            for value in values:
                if isinstance(value, dict):
                    value = value.get("name", "")
                for name in split_names(str(value)):
                    add(name, role, key, prop.line)
    return rows
