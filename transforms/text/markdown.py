"""Markdown structure that every extractor shares: code masking, lines, headings.

All functions keep the text's line structure, so an offset or a line index in
a masked text is the same as in the original.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

_FENCE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*(`{3,}|~{3,})")
# A code span: a run of backticks, then text, then a run of the same length. The first
# backtick is written apart from the rest of the run (group 1) so that the pattern starts
# with a literal, which lets ``re`` jump from one backtick to the next.
_INLINE_CODE = re.compile(r"`(`*)(?!`)(.+?)(?<!`)`\1(?!`)")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
# A closing run of "#" needs a space before it: "## Why I love C#" keeps its "#".
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)
_NOT_NEWLINE = re.compile(r"[^\n]")


def blank_match(match: re.Match[str]) -> str:
    """The text of ``match`` as spaces, its newlines kept (for ``re.sub``): line numbers
    and offsets of the masked text stay those of the original.

    >>> re.sub(r"<[^>]*>", blank_match, "a<b\\nc>d")
    'a  \\n  d'
    """
    text = match.group(0)
    return _NOT_NEWLINE.sub(" ", text) if "\n" in text else " " * len(text)


@functools.lru_cache(maxsize=8)
def mask_code(text: str) -> str:
    """Blank out fenced code blocks, inline code and HTML comments, keeping every newline.

    >>> mask_code("a `$5` b")
    'a      b'
    >>> mask_code("x\\n```\\n$PATH\\n```\\ny").splitlines()
    ['x', '   ', '     ', '   ', 'y']
    """
    # One-character tests first: they run at memchr speed, a longer needle does not.
    if (
        "`" not in text
        and ("~" not in text or "~~~" not in text)
        and ("<" not in text or "<!--" not in text)
    ):
        return text  # nothing that could start a fence, a code span or a comment
    lines = text.split("\n")
    out: list[str] = []
    fence: str | None = None
    for line in lines:
        m = _FENCE.match(line)
        if fence is None:
            if m:
                fence = m.group(1)[0] * len(m.group(1))
                out.append(" " * len(line))
                continue
            out.append(line)
        else:
            out.append(" " * len(line))
            if m and m.group(1).startswith(fence) and not line[m.end() :].strip():
                fence = None
    masked = "\n".join(out)
    masked = _HTML_COMMENT.sub(blank_match, masked)
    return _INLINE_CODE.sub(blank_match, masked)


class LineIndex:
    """Maps character offsets of one text to 1-based line numbers.

    Each answer counts the newlines between the offset and the previous answer's offset
    (``str.count``, in C), so offsets asked for in text order, as extractors ask for their
    matches', cost one pass over the text in all and nothing up front.

    >>> index = LineIndex("a\\nbc\\nd")
    >>> index.line_of(3), index.line_of(5), index.line_of(0)
    (2, 3, 1)
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._offset = 0  # the last offset answered for, on line self._line
        self._line = 1

    def line_of(self, offset: int) -> int:
        if offset >= self._offset:
            self._line += self._text.count("\n", self._offset, offset)
        else:
            self._line -= self._text.count("\n", offset, self._offset)
        self._offset = offset
        return self._line


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    title: str


@functools.lru_cache(maxsize=8)
def masked_lines(text: str) -> tuple[str, ...]:
    """The lines of ``mask_code(text)``, cached: several extractors read one note's lines.

    >>> masked_lines("a\\n`$5` b")
    ('a', '     b')
    """
    return tuple(mask_code(text).split("\n"))


def find_headings(text: str) -> list[Heading]:
    """ATX headings outside code, with their line numbers.

    >>> find_headings("# Top\\n\\n## Links\\n")
    [Heading(line=1, level=1, title='Top'), Heading(line=3, level=2, title='Links')]
    >>> [h.title for h in find_headings("## Why I love C# ##")]
    ['Why I love C#']
    """
    return list(_headings(text))


@functools.lru_cache(maxsize=8)
def _headings(text: str) -> tuple[Heading, ...]:
    """Cached: several extractors ask for the same note's headings."""
    masked = mask_code(text)
    found: list[Heading] = []
    line, counted = 1, 0
    at = masked.find("#")
    while at >= 0:  # only a line whose first "#" is among its first four characters
        start = masked.rfind("\n", 0, at) + 1
        match = _HEADING.match(masked, start) if at - start <= 3 else None
        if match:
            line += masked.count("\n", counted, start)
            counted = start
            found.append(Heading(line, len(match.group(1)), match.group(2).strip()))
        end = masked.find("\n", at)
        at = masked.find("#", end) if end >= 0 else -1
    return tuple(found)


def section_at(headings: list[Heading], line: int) -> str | None:
    """Title of the nearest heading at or above ``line``, or None.

    >>> section_at([Heading(3, 2, "Links")], 5)
    'Links'
    >>> section_at([Heading(3, 2, "Links")], 2) is None
    True
    """
    lines = [h.line for h in headings]
    i = bisect.bisect_right(lines, line)
    return headings[i - 1].title if i else None
