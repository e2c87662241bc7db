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
from collections.abc import Sequence
from typing import Any

from transforms.people.credits import Credit
from transforms.people.names import (
    looks_like_name,
    normalize_name,
    person_id,
    person_kind,
    role_for_key,
    slug_person_id,
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
_FOUNDER = re.compile(
    r"^[ \t>]*(?:[-*+][ \t]+)?(?:\*\*|__)(?:Founder|Co-founder|创始人)(?:\*\*|__)?[ \t]*[:：]"
    r"(?:\*\*|__)?[ \t]*(.+?)[ \t]*$",
    re.M | re.I,
)
_SERIES_PREFIX = re.compile(r"^[^:：]{0,24}[:：](?!//)\s*")  # "https://" is no series name
_NAME_END = re.compile(r"\s*(?:[，,|｜（(—–]| - | – ).*$")


def profile_subject(
    props: Properties, title: str, body: str, path: str = ""
) -> tuple[str, str] | None:
    """(person_id, name) of the person a profile is about, or None.

    Tried in order: a ``subject``/``name``/``founder`` property; a ``Name:``/``名字：``
    line or a bold ``**Founder:**`` line; a ``guest`` property, then a ``speaker`` one
    that is not also the author (a channel's name); the first of a ``people`` list;
    the title without a series prefix or a description. Each must look like a name
    (``names.looks_like_name``); a one-word title is no evidence of one. When the note's
    ``path`` ends in the name's slug (``person/johndowns/index.md``), that slug is the id,
    so a front-matter host ``johndowns`` elsewhere is the same person.
    """
    sample = body[:20_000]
    candidates: list[tuple[str, bool]] = []
    prop = props.first(*SUBJECT_KEYS)
    if prop is not None:
        candidates.append((prop.text, True))
    m = _bio_name(sample)
    if m:
        candidates.append((m.group(1), True))
    if "ounder" in sample or "创始人" in sample:
        founder = _FOUNDER.search(sample)
        if founder:
            candidates.append((founder.group(1), True))
    candidates.extend((text, True) for text in _interview_subjects(props))
    candidates.append((_NAME_END.sub("", _SERIES_PREFIX.sub("", title)), False))
    for candidate, single_word in candidates:
        names = split_names(candidate)
        if names and looks_like_name(names[0], single_word=single_word):
            name = normalize_name(names[0])
            pid = slug_person_id(name, path) or person_id(name)
            if pid:
                return pid, name
    return None


def _interview_subjects(props: Properties) -> list[str]:
    """A ``guest``, a ``speaker`` other than the author, and the first of ``people``."""
    out: list[str] = []
    guest = props.first("guest", "interviewee", "嘉宾")
    if guest is not None:
        out.append(guest.text)
    speaker = props.first("speaker")
    author = props.first("author", "authors", "channel")
    if speaker is not None and (author is None or author.text != speaker.text):
        out.append(speaker.text)
    people = props.first("people")
    if people is not None:
        first = people.value[0] if isinstance(people.value, list) else people.value
        out.append(str(first))
    return out


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
    nid: str,
    props: Properties,
    subject: tuple[str, str] | None,
    credits: Sequence[Credit] = (),
) -> list[dict[str, Any]]:
    """One row per (person, role) in the note; the first mention's line is kept.

    Properties come first, then the body's ``credits`` (``credits.find_credits``). A
    property read from a body line (source ``body``) must name only names, and a key
    seen on more than two body lines is a transcript's speaker label: it names nobody.
    """
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(name: str, role: str, key: str, line: int | None, slug_id: str | None = None) -> None:
        name = normalize_name(name)
        pid = slug_id or person_id(name)
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
        add(subject[1], "subject", "subject", None, subject[0])
    for key in props.names():
        role = role_for_key(key.split(".")[-1])
        if role is None:
            continue
        found = props.all(key)
        body_lines = sum(1 for prop in found if prop.source == "body")
        for prop in found:
            if prop.source == "body" and body_lines > 2:
                continue
            values = prop.value if isinstance(prop.value, list) else [prop.value]
            for value in values:
                if isinstance(value, dict):
                    value = value.get("name", "")
                names = split_names(str(value))
                if prop.source == "body" and not all(looks_like_name(n) for n in names):
                    continue
                for name in names:
                    add(name, role, key, prop.line)
    for credit in credits:
        add(credit.name, credit.role, credit.label, credit.line, credit.person_id)
    return rows
