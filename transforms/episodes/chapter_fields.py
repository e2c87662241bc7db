"""Chapters stated in front matter: a ``chapters`` list, or one inside a chapters object.

Real shapes: Podcasting 2.0 JSON chapters kept in Hugo front matter
(``"podcast_chapters": {"chapters": [{"startTime": 243, "title": "..."}]}``, seconds,
whole or with a fraction), and YAML lists (``chapters: [{start: "00:04:03", title: ...}]``
or ``chapters: ["00:00 Intro", "04:03 Printers"]``). A key counts when its name holds
"chapter" (or is ``timestamps``/``时间轴``/``章节``) and its value is a list, at the top level
or one object down; an object under such a key is entered for its own ``chapters`` list.
Nothing else with a ``startTime`` counts (value-split ``timesplits`` blocks are not chapters).

Each item gives (line, start seconds, title, text): the line is the item's start key in the
file when it can be found from the list's own line, else the list's line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from transforms.episodes.chapter_lines import from_line
from transforms.time.durations import parse_clock

_START_KEYS = ("starttime", "start_time", "start", "time", "timestamp", "at", "offset", "begin")
_TITLE_KEYS = ("title", "name", "text", "label", "topic")
_LIST_NAMES = ("timestamps", "时间轴", "章节")
_SECONDS = re.compile(r"^\d{1,6}(?:\.\d+)?$")
_MAX_ITEMS = 500

FieldChapter = tuple[int, int, str, str]


def _is_chapter_key(key: str) -> bool:
    folded = key.casefold()
    return "chapter" in folded or folded in _LIST_NAMES


def _chapter_list(metadata: Mapping[str, Any]) -> tuple[str, list[Any]] | None:
    """(dotted key, items) of the first chapter list in ``metadata``, or None."""
    for key, value in metadata.items():
        if not _is_chapter_key(str(key)):
            continue
        if isinstance(value, list) and value:
            return str(key), value
        if isinstance(value, Mapping):
            for sub_key, sub_value in value.items():
                if _is_chapter_key(str(sub_key)) and isinstance(sub_value, list) and sub_value:
                    return f"{key}.{sub_key}", sub_value
    return None


def _seconds(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if 0 <= value < 10**6 else None
    if isinstance(value, str):
        text = value.strip()
        if _SECONDS.match(text):
            return int(float(text))
        return parse_clock(text)
    return None


def _item(item: object) -> tuple[int, str, str] | None:
    """(start, title, start key) of one list item, or None."""
    if isinstance(item, str):
        found = from_line(item, item)
        if found is None:
            return None
        start = parse_clock(found[0])
        return (start, found[1], found[0]) if start is not None else None
    if not isinstance(item, Mapping):
        return None
    keys = {str(k).casefold(): k for k in item}
    for name in _START_KEYS:
        if name in keys:
            start = _seconds(item[keys[name]])
            if start is None:
                return None
            title = next(
                (str(item[keys[t]]).strip() for t in _TITLE_KEYS if t in keys and item[keys[t]]),
                "",
            )
            return start, title, str(keys[name])
    return None


def _item_lines(lines: list[str], first_line: int, marks: list[str]) -> list[int]:
    """The line of each item's start key (``marks``, in order) from ``first_line`` on."""
    out: list[int] = []
    at = first_line - 1
    for mark in marks:
        while at < len(lines) and mark not in lines[at]:
            at += 1
        if at >= len(lines):
            return []
        out.append(at + 1)
        at += 1
    return out


def find_field_chapters(
    metadata: Mapping[str, Any], lines: Mapping[str, int], source: str = ""
) -> list[FieldChapter]:
    """The chapters a front-matter chapter list states; ``lines`` maps (dotted) keys to lines.

    >>> meta = {"podcast_chapters": {"version": "1.2.0",
    ...     "chapters": [{"startTime": 0, "title": "Intro"}, {"startTime": 243.0, "title": "Q&A"}]},
    ...     "value": {"timesplits": [{"startTime": 3055}]}}
    >>> [(s, t) for _, s, t, _ in find_field_chapters(meta, {"podcast_chapters.chapters": 3})]
    [(0, 'Intro'), (243, 'Q&A')]
    >>> [(s, t) for _, s, t, _ in find_field_chapters({"chapters": ["00:00 Hi", "04:03 Tea"]}, {})]
    [(0, 'Hi'), (243, 'Tea')]
    >>> find_field_chapters({"value": {"timesplits": [{"startTime": 30}]}}, {})
    []
    """
    found = _chapter_list(metadata)
    if found is None:
        return []
    key, items = found
    list_line = lines.get(key, lines.get(key.split(".")[0], 1))
    read = [r for r in (_item(i) for i in items[:_MAX_ITEMS]) if r is not None]
    if len(read) != len(items[:_MAX_ITEMS]):
        return []  # a list with unreadable items is not read in part
    source_lines = source.split("\n") if source else []
    item_lines = _item_lines(source_lines, list_line, [mark for _, _, mark in read])
    if len(item_lines) != len(read):
        item_lines = [list_line] * len(read)
    return [
        (line, start, title, source_lines[line - 1].strip() if source_lines else title)
        for line, (start, title, _) in zip(item_lines, read, strict=True)
    ]
