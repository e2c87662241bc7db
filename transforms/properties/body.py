"""Body metadata: ``Key: value`` lines that show notes write instead of front matter.

Real archives keep an episode's facts in the body as often as in front matter:
``* Air Date: March 3, 2021``, ``- **Duration:** 49 mins 31 secs``, ``**Guest**: Ana``,
``时长：48 分钟``. These become ``fields`` rows with ``source = 'body'`` and their line.

Only three places count, so prose such as "Note: we moved" mid-paragraph is never read:

1. a list item whose text starts with a short key and a colon (``- Air Date: ...``);
2. a line that starts with a bold label (``**Duration:** 41:08``, ``**Guest**: Ana``);
3. a line of its own, ``Key: value``, in the block before the first heading and within
   the first ``TOP_LINES`` lines of the body;
4. anywhere else, a line of its own whose value is a date (``Date: July 17, 2024``).

A value that reads as a sentence (it ends in ``.``/``。`` and is long) is prose, and a key
written on ``MAX_REPEATS`` lines or more is a transcript's speaker label: neither is kept.

A key is short: at most ``MAX_KEY_WORDS`` words (or ``MAX_CJK_KEY`` Chinese characters),
letters only (no digits, links or sentence punctuation), and not a discourse word
(``Note``, ``Tip``, ``Update`` ...). Lines holding a Dataview ``::`` field are left to
``fields.find_inline_fields``; code is masked first.

>>> rows = find_body_fields("# CR 1\\n\\n* Air Date: 2021-03-03\\n- **Duration:** 49 mins 31 secs")
>>> [(f.key, f.value, f.value_type, f.source, f.line) for f in rows][1]
('duration', '49 mins 31 secs', 'duration', 'body', 4)
>>> rows[0].key, rows[0].value_type, rows[0].line
('air_date', 'date', 3)
>>> [(f.key, f.value) for f in find_body_fields("嘉宾：张三\\n\\n正文里写着 Note: we moved.")]
[('嘉宾', '张三')]
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from transforms.properties.fields import Field, classify_value, normalize_key, text_field
from transforms.text.markdown import masked_lines

TOP_LINES = 15
MAX_KEY_WORDS = 4
MAX_CJK_KEY = 8
MAX_VALUE = 300
MAX_REPEATS = 3
MAX_VALUE_WORDS = 8
MAX_CJK_VALUE = 25

_BULLET = r"[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,3}[.)])[ \t]+"
_BOLD_KEY = r"\*\*(?P<bold>[^*\n:：]{1,60})[ \t]*(?:[:：][ \t]*\*\*|\*\*[ \t]*[:：])"
_PLAIN_KEY = r"(?P<plain>[^\s:：*_\[\]()<>`#|/\\][^:：*\[\]()<>`#|/\\\n]{0,59})[ \t]*[:：]"
_VALUE = r"[ \t]*(?P<value>\S.*)"  # (its trailing spaces are stripped after the match)
_LIST_LINE = re.compile(rf"^{_BULLET}(?:{_BOLD_KEY}|{_PLAIN_KEY}){_VALUE}")
_BOLD_LINE = re.compile(rf"^[ \t]*(?:>[ \t]*)*{_BOLD_KEY}{_VALUE}")
_TOP_LINE = re.compile(rf"^(?:{_PLAIN_KEY}){_VALUE}")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]")
_DIGIT = re.compile(r"\d")
_CJK = re.compile(r"[\u3400-\u9fff]")
_SENTENCE = re.compile(r"[.!?,;，。！？；\"“”]")
_PROSE_END = re.compile(r"[.!?…][\"”’)]?$")
_CJK_PROSE = re.compile(r"[。！？，；…]")
_LINKISH = re.compile(r"https?://|\[\[|\]\(")
_STOP_KEYS = frozenset(
    {
        "note", "notes", "nb", "ps", "p_s", "tip", "tips", "pro_tip", "warning", "caution",
        "important", "update", "updated", "edit", "edited", "example", "e_g", "i_e", "fyi",
        "q", "a", "question", "answer", "todo", "reminder", "hint", "caveat", "disclaimer",
        "tl_dr", "tldr", "source", "via", "see", "also", "see_also", "because", "but", "and",
        "so", "then", "why", "how", "what", "result", "results", "conclusion", "注意", "提示",
        "注", "更新", "备注", "问", "答",
        # Keep a Changelog's headings as list labels: changes, not properties.
        "added", "changed", "fixed", "removed", "deprecated", "security", "improved",
    }
)  # fmt: skip


def _good_key(raw: str) -> bool:
    key = raw.strip()
    if not key or any(ch.isdigit() for ch in key) or _SENTENCE.search(key):
        return False
    if not any(ch.isalpha() for ch in key):
        return False
    if _CJK.search(key):
        return len(key.replace(" ", "")) <= MAX_CJK_KEY
    return len(key.split()) <= MAX_KEY_WORDS and normalize_key(key) not in _STOP_KEYS


def _prose(value: str) -> bool:
    """A sentence rather than a value: long, or ending like a sentence; links never are.

    >>> _prose("49 mins 31 secs"), _prose("[Ana Ruiz](https://x.org), founder of a small bakery")
    (False, False)
    >>> _prose("Core objects that need to be tracked within a system"), _prose("谢谢你邀请我。")
    (True, True)
    """
    if _LINKISH.search(value):
        return False
    cjk = len(_CJK.findall(value))
    if cjk:
        return cjk > MAX_CJK_VALUE or _CJK_PROSE.search(value) is not None
    count = len(value.split())
    return count >= MAX_VALUE_WORDS or (count >= 2 and _PROSE_END.search(value) is not None)


def _match(line: str, in_top: bool) -> tuple[str, str] | None:
    """The (key, value) of a list item or bold label; of a plain ``Key: value`` line in the
    opening block; and past it, of a plain line only when its value is a date."""
    found = _LIST_LINE.match(line) or _BOLD_LINE.match(line)
    dated_only = False
    if found is None:
        if not in_top and not _DIGIT.search(line):
            return None  # past the opening block a plain line needs a date, so a digit
        found = _TOP_LINE.match(line)
        dated_only = not in_top
    if found is None:
        return None
    raw = (found.groupdict().get("bold") or found.groupdict().get("plain") or "").strip()
    value = found.group("value").rstrip(" \t")
    if value.startswith("//") or len(value) > MAX_VALUE or not _good_key(raw):
        return None
    if _prose(value):
        return None  # "**Ana**: I think we should ..." is a speaker's turn, not a property
    if normalize_key(raw) in _STOP_KEYS:
        return None
    value = value.removesuffix("**").strip() if value.endswith("**") else value
    if dated_only and classify_value(value) != "date":
        return None  # ``Date: July 17, 2024`` is read anywhere, other plain lines are not
    return raw, value


def find_body_fields(text: str, first_ordinal: int = 1) -> list[Field]:
    """``Key: value`` rows from list items, bold labels and the note's opening lines.

    ``text`` is the body (front-matter lines blanked), so a row's line is the file's line.

    >>> [(f.key, f.line) for f in find_body_fields("\\n\\nLength: 1 hr\\n## Links\\nHost: x")]
    [('length', 3)]
    >>> find_body_fields("- Day 1: we left\\n- see https://x.org\\n- Note: we moved")
    []
    """
    rows: list[Field] = []
    if ":" not in text and "：" not in text:
        return rows
    lines = masked_lines(text)
    # front matter never closed: no opening block
    top = 0 if text.lstrip().startswith("---") else _opening_block(lines)
    for index in [i for i, line in enumerate(lines) if ":" in line or "：" in line]:
        line = lines[index]
        if "::" in line or _HEADING.match(line):
            continue
        in_top = index < top
        pair = _match(line, in_top)
        if pair is None:
            continue
        raw, value = pair
        key = normalize_key(raw)
        if key:
            rows.append(text_field(key, raw, value, "body", index + 1, first_ordinal + len(rows)))
    return _without_dialogue(rows)


def _opening_block(lines: Sequence[str]) -> int:
    """How many lines the block before the first heading spans, at most ``TOP_LINES``
    lines with text."""
    seen = 0
    for index, line in enumerate(lines):
        if line.strip():
            seen += 1
            if seen > TOP_LINES or _HEADING.match(line):
                return index
    return len(lines)


def _without_dialogue(rows: list[Field]) -> list[Field]:
    """Drop keys written on ``MAX_REPEATS`` lines or more: speaker labels of a transcript.

    >>> rows = find_body_fields("**Ana**: hi\\n**Ben**: yo\\n**Ana**: ok\\n**Ana**: so\\n")
    >>> [f.key for f in rows]
    ['ben']
    """
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.key] = counts.get(row.key, 0) + 1
    if all(n < MAX_REPEATS for n in counts.values()):
        return rows
    kept = [row for row in rows if counts[row.key] < MAX_REPEATS]
    return [dataclasses.replace(row, ordinal=rows[0].ordinal + i) for i, row in enumerate(kept)]
