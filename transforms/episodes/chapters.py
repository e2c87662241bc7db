"""Chapter lists in show notes: timestamped lines to ``Chapter`` rows.

A chapter line carries one timestamp (``[h:]mm:ss[.fff]``, read with
``transforms.time.durations.parse_clock``) either at the start of the line — bare,
``[..]``, ``(..)``, bold, a Markdown link, after a list marker or a callout
``>`` — or at its end (``Title - 01:40``, ``Title (01:40)``, ``Title [1:02:03]``),
or in its own cell of a table row. Code blocks, inline code and HTML comments
never count (``transforms.text.markdown.mask_code``).

How lines become one chapter list:

* A chapter list the front matter states (``chapter_fields``: Podcasting 2.0
  ``podcast_chapters.chapters[].startTime`` in seconds, a YAML ``chapters`` list) is
  judged like any list and, when it qualifies, is the note's list.
* Lines are grouped by the heading they sit under and by their container: one
  callout/blockquote, one table, or one block of the section's plain text (more
  than six non-blank lines between two rows start a new block).
* A group is a list when its starts ascend, allowing a few rows out of order
  (at most one in four of the ascending rows, at least one): those rows are
  kept, get a warning, and have ``end_seconds``/``length_seconds`` None; the
  ascending rows end where the next *ascending* row starts. A group that is
  too disordered is split into its ascending stretches, each judged alone.
* A list needs two ascending rows, or a single row at 0:00, and its first start
  must be at most 15 minutes, or at most a quarter of the duration when that
  is later. Lines like ``09:00 Registration`` / ``09:30 Keynote`` (every
  timestamp ``HH:MM``, round to five, the first at 6:00 or later) read as a
  day's schedule and are not chapters unless labelled as chapters; under a
  "Schedule"/"Agenda"/"议程" label any ``HH:MM`` list from 6:00 on is one. Lines whose
  ``h:mm`` stamps all end in a colon (``**2:01:**``, ``14:05: deploy``) and do not
  start at 0:00 are a live blog's times of day, and a "Live blog" label never gives
  chapters.
* Lines labelled as a transcript (heading, callout title or a short label
  line above them: "Transcript", "文字稿", ...) are never chapters, nor are
  unlabelled lines where more than one in four repeats a stamp (a bilingual
  transcript writes each stamp twice): their
  timestamps mark speakers, not topics, and would swamp the chapters table.
* When several lists qualify, only **one** is returned: a list labelled like a
  chapter list ("Chapters", "Timestamps", "时间轴", ...) beats an unlabelled
  one; among equals the longest wins, then the earliest. So a "Chapters" list
  and a longer unlabelled list of times elsewhere give the chapters, and two
  lists' rows are never mixed.
* The last ascending chapter ends at ``duration_seconds``; an end is never
  past the duration. A chapter starting after the duration gets a warning and
  no end or length, so a length is never negative.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from transforms.episodes.chapter_clock import (
    Stamp,
    clock_text,
    looks_like_log,
    looks_like_schedule,
    repeats_stamps,
)
from transforms.episodes.chapter_fields import FieldChapter
from transforms.episodes.chapter_lines import from_line, from_table
from transforms.episodes.chapter_order import ascending_indexes
from transforms.episodes.chapter_words import (
    CHAPTER_LABELS,
    CLOCK_LABELS,
    SCHEDULE_LABELS,
    TRANSCRIPT_LABELS,
)
from transforms.issues import Issue
from transforms.text.markdown import Heading, find_headings, mask_code
from transforms.time.durations import parse_clock

_STAGE = "chapters"
_FIRST_START_LIMIT = 15 * 60
_LABEL_MAX = 40
_BLOCK_GAP = 6  # more non-blank lines than this between two plain rows end a list
_MAX_LINE = 2000  # longer lines are prose paragraphs, never chapter lines

_TABLE_ROW = re.compile(r"[ \t]*+(?:>[ \t]*+)*+\|")
_QUOTE = re.compile(r"[ \t]*+>")
# Every timestamp has a digit, ":" (or "：") and two digits; the search runs on the colon
# (fast), and the digit before it is checked apart. A text without "：" is searched with
# the ASCII pattern: its literal first character lets ``re`` skip ahead (a class cannot).
_STAMP_HINT = re.compile(r"[:：]\d\d")
_ASCII_STAMP_HINT = re.compile(r":\d\d")
# Chinese show notes write stamps with full-width forms (`（03：20）`, `【00:00】`, `０３：２０`);
# a line with any is read through this one-for-one map, so offsets still match the raw line.
_WIDE = str.maketrans("０１２３４５６７８９：（）【】［］｜－～　", "0123456789:()[][]|-~ ")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, kw_only=True)
class Chapter:
    """One line of a chapter list.

    >>> Chapter(
    ...     ordinal=1, start_seconds=100, end_seconds=226, length_seconds=126, title="Intro",
    ...     line=7, text="[01:40] Intro",
    ... ).length_seconds
    126
    """

    ordinal: int
    start_seconds: int
    end_seconds: int | None
    length_seconds: int | None
    title: str
    line: int
    text: str


@dataclass(frozen=True)
class _Row:
    line: int
    start: int
    stamp: str
    title: str
    text: str


@dataclass(frozen=True)
class _Run:
    rows: tuple[_Row, ...]
    ascending: frozenset[int]
    rank: int


def _candidate(masked: str, raw: str, line: int) -> _Row | None:
    if len(masked) > _MAX_LINE:
        return None
    if not masked.isascii():
        masked = masked.translate(_WIDE)
    found = from_table(masked, raw) if _TABLE_ROW.match(masked) else from_line(masked, raw)
    if found is None:
        return None
    start = parse_clock(found[0])
    if start is None:
        return None
    return _Row(line, start, found[0], found[1], raw)


def _container(masked_lines: list[str], number: int, memo: dict[int, int]) -> tuple[str, int]:
    """("table", first line), ("quote", first line) or ("text", 0) for line ``number``.

    A table is a run of table-row lines, a callout/blockquote a run of ``>`` lines;
    ``memo`` keeps the run starts found so far (per pattern, keyed ±number).
    """
    line = masked_lines[number - 1]
    if _TABLE_ROW.match(line):
        return "table", _run_start(masked_lines, number, _TABLE_ROW, memo, 1)
    if _QUOTE.match(line):
        return "quote", _run_start(masked_lines, number, _QUOTE, memo, -1)
    return "text", 0


def _run_start(
    lines: list[str], number: int, pattern: re.Pattern[str], memo: dict[int, int], sign: int
) -> int:
    """First line of the run of ``pattern`` lines that holds line ``number``."""
    start = number
    while start > 1 and pattern.match(lines[start - 2]):
        start -= 1
        if sign * start in memo:
            start = memo[sign * start]
            break
    memo[sign * number] = start
    return start


def _stamp_hint(text: str) -> re.Pattern[str]:
    """The pattern that finds ``text``'s stamp-shaped spots: the ASCII one if it has no "："."""
    return _STAMP_HINT if "：" in text else _ASCII_STAMP_HINT


def _stamped_lines(masked: str, start: int = 0) -> Iterator[tuple[int, int, int]]:
    """(line number, start, end offset) of each line with a ``d:dd`` timestamp shape.

    Every chapter line holds one, so no other line is read. ``start`` is where the
    unmasked text's first stamp shape is: masking only blanks, so none is before it.
    """
    hint = _stamp_hint(masked)
    number, counted = 1, 0
    found = hint.search(masked, start)
    while found:
        at = found.start()
        if at == 0 or not _DIGIT.match(masked, at - 1):
            found = hint.search(masked, at + 1)
            continue
        lo = masked.rfind("\n", 0, at) + 1
        hi = masked.find("\n", at)
        hi = len(masked) if hi < 0 else hi
        number += masked.count("\n", counted, lo)
        counted = lo
        yield number, lo, hi
        found = hint.search(masked, hi)


def _stamps(rows: Sequence[_Row]) -> list[Stamp]:
    return [(row.stamp, row.start, row.text) for row in rows]


def _rank(label: str, rows: list[_Row]) -> int:
    """2 for a list labelled as chapters, 0 for one that is never chapters, else 1."""
    lowered = label.casefold()
    if any(word in lowered for word in CHAPTER_LABELS):
        return 2
    if any(word in lowered for word in TRANSCRIPT_LABELS + CLOCK_LABELS):
        return 0
    if any(word in lowered for word in SCHEDULE_LABELS) and looks_like_schedule(_stamps(rows), 1):
        return 0
    return 0 if repeats_stamps(_stamps(rows)) else 1


def _qualifies(run: _Run, duration: int | None) -> bool:
    count = len(run.ascending)
    if count == 0:
        return False
    first = run.rows[min(run.ascending)].start
    if count == 1:
        return len(run.rows) == 1 and first == 0
    if len(run.rows) - count > max(1, count // 4):
        return False
    limit = _FIRST_START_LIMIT if duration is None else max(_FIRST_START_LIMIT, duration // 4)
    stamps = _stamps(run.rows)
    if run.rank < 2 and (looks_like_schedule(stamps) or looks_like_log(stamps)):
        return False
    return first <= limit


def _runs(rows: list[_Row], rank: int, duration: int | None) -> list[_Run]:
    """The group as one list, or else its ascending stretches that qualify."""
    whole = _Run(tuple(rows), ascending_indexes([r.start for r in rows]), rank)
    if _qualifies(whole, duration):
        return [whole]
    stretches: list[list[_Row]] = []
    for row in rows:
        if stretches and stretches[-1][-1].start < row.start:
            stretches[-1].append(row)
        else:
            stretches.append([row])
    runs = [_Run(tuple(s), frozenset(range(len(s))), rank) for s in stretches]
    return [run for run in runs if _qualifies(run, duration)]


def _label(lines: list[str], heading: str, container: tuple[str, int], first: int) -> str:
    """The heading, the callout's first line and a short label line just above ``first``."""
    parts = [heading, lines[container[1] - 1] if container[0] == "quote" else ""]
    above = first - 2
    while above >= 0 and not lines[above].strip(" \t>"):
        above -= 1
    if above >= 0 and len(lines[above].strip()) <= _LABEL_MAX:
        parts.append(lines[above])
    return "\n".join(parts)


def _best_run(text: str, duration: int | None, stated: list[FieldChapter]) -> _Run | None:
    if stated:  # a list the front matter states beats any list of lines in the body
        rows = [_Row(line, start, "", title, raw) for line, start, title, raw in stated]
        best = max(_runs(rows, 3, duration), key=lambda r: len(r.ascending), default=None)
        if best is not None:
            return best
    groups, masked_lines, headings = _groups(text)
    if not groups:
        return None
    runs: list[_Run] = []
    for (section, container), rows in groups.items():
        heading = headings[section - 1].title if section else ""
        rank = _rank(_label(masked_lines, heading, container, rows[0].line), rows)
        if rank > 0:  # a transcript is never a chapter list
            runs.extend(_runs(rows, rank, duration))
    if not runs:
        return None
    return max(runs, key=lambda r: (r.rank, len(r.ascending), -r.rows[0].line))


_Groups = dict[tuple[int, tuple[str, int]], list[_Row]]


def _groups(text: str) -> tuple[_Groups, list[str], list[Heading]]:
    """The candidate rows, grouped by (heading section, container), the masked lines and
    the headings (found once, for the sections here and the labels in ``_best_run``)."""
    first = _stamp_hint(text).search(text)
    if first is None:  # masking only blanks, so no stamp, no rows
        return {}, [], []
    masked = mask_code(text)
    rows = [
        row
        for number, lo, hi in _stamped_lines(masked, first.start())
        if (row := _candidate(masked[lo:hi], text[lo:hi], number)) is not None
    ]
    if not rows:
        return {}, [], []
    masked_lines = masked.split("\n")
    headings = find_headings(text)
    heading_lines = [h.line for h in headings]
    memo: dict[int, int] = {}
    groups: _Groups = {}
    last: dict[int, tuple[int, int]] = {}  # per section: (last plain row's line, block)
    for row in rows:
        section = bisect.bisect_right(heading_lines, row.line)
        container = _container(masked_lines, row.line, memo)
        if container[0] == "text":  # plain lines: one block until a stretch of prose
            before, block = last.get(section, (row.line, 0))
            gap = masked_lines[before : row.line - 1]
            if sum(1 for line in gap if line.strip()) > _BLOCK_GAP:
                block += 1
            last[section] = (row.line, block)
            container = ("text", block)
        groups.setdefault((section, container), []).append(row)
    return groups, masked_lines, headings


def _order_issue(run: _Run, ascending: list[int], i: int) -> Issue:
    """Why row ``i`` (not among the ``ascending`` indexes, sorted) is out of order."""
    row = run.rows[i]
    k = bisect.bisect_left(ascending, i)
    before = run.rows[ascending[k - 1]] if k else None
    if before is not None and before.start >= row.start:
        other = before
        where = f"does not start after the chapter before it at {clock_text(other.start)}"
    else:
        other = run.rows[ascending[k]] if k < len(ascending) else run.rows[ascending[-1]]
        where = f"starts after the chapter that follows it at {clock_text(other.start)}"
    message = (
        f"chapter at {clock_text(row.start)} {where} (line {other.line}); "
        "check its timestamp — it is kept without an end or length"
    )
    return Issue("warning", _STAGE, message, row.line)


def _chapters(run: _Run, duration: int | None) -> tuple[list[Chapter], list[Issue]]:
    ascending = sorted(run.ascending)
    next_start = {a: run.rows[b].start for a, b in itertools.pairwise(ascending)}
    chapters: list[Chapter] = []
    issues: list[Issue] = []
    for i, row in enumerate(run.rows):
        end = next_start.get(i, duration) if i in run.ascending else None
        if end is not None and duration is not None:
            end = min(end, duration)
        if i not in run.ascending:
            issues.append(_order_issue(run, ascending, i))
        if duration is not None and row.start > duration:
            end = None
            message = (
                f"chapter at {clock_text(row.start)} starts after the episode's duration "
                f"{clock_text(duration)}"
            )
            issues.append(Issue("warning", _STAGE, message, row.line))
        length = end - row.start if end is not None else None
        chapter = Chapter(
            ordinal=i + 1, start_seconds=row.start, end_seconds=end, length_seconds=length,
            title=row.title, line=row.line, text=row.text,
        )  # fmt: skip
        chapters.append(chapter)
    return chapters, issues


def find_chapters(
    text: str,
    duration_seconds: int | None = None,
    stated: list[FieldChapter] | None = None,
) -> tuple[list[Chapter], list[Issue]]:
    """The note's chapter list (see the module docstring) and any warnings about it.

    ``duration_seconds`` of None, zero or less means the duration is unknown. ``stated``
    is the front matter's chapter list (``chapter_fields.find_field_chapters``).

    >>> chapters, issues = find_chapters("## Chapters\\n[00:00] Hello\\n[01:40] Rails\\n", 300)
    >>> [(c.start_seconds, c.end_seconds, c.title) for c in chapters], issues
    ([(0, 100, 'Hello'), (100, 300, 'Rails')], [])
    >>> find_chapters("Doors open 19:30, [10:32] <bob> hi\\n")
    ([], [])
    >>> [i.message for i in find_chapters("- 0:00 Intro\\n- 45:10 Outro\\n", 2468)[1]]
    ["chapter at 45:10 starts after the episode's duration 41:08"]
    """
    if not isinstance(text, str):
        return [], []
    duration = duration_seconds if duration_seconds and duration_seconds > 0 else None
    run = _best_run(text, duration, stated or [])
    return _chapters(run, duration) if run else ([], [])
