"""Tags from front matter values and from ``#tags`` in prose.

Inline tags follow Obsidian's rules: ``#`` at the start of a line or after
whitespace, then letters and marks (any script, CJK included), digits, ``_``,
``-`` and ``/``. A tag needs at least one letter, so ``#119``, ``#2021-01`` and ``#_``
are not tags (Obsidian accepts the last two; they are never topics). ``#fff``
in prose *is* a tag, as it is in Obsidian. Nothing counts inside code, HTML
comments or HTML tags (``<span style="color: #fff">``), nor in headings
(``## Links``), URL fragments, ``&#123;`` entities or link anchors
(``[x](#t=23:44)``). Obsidian's ``%%comments%%`` are not masked yet.
A trailing ``/`` is dropped (``#a/`` is ``a``). :func:`find_tags` returns every
occurrence; de-duplicating per note is the row builder's job.

Front matter is looser, because Hugo, Jekyll and Hexo tags are plain strings:
a list item is one tag as written (``Ruby on Rails`` stays one tag, digits
allowed), while a single string is split on commas, else on whitespace.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from transforms.text.markdown import blank_match, mask_code

# "#" then the run of non-space after it; the tag must also follow a space or start the text,
# which is checked on the character before (a literal first lets ``re`` skip ahead).
_INLINE_TAG = re.compile(r"#(\S+)")
_TAG_PUNCTUATION = frozenset("_-/")
_ASCII_TAG = re.compile(r"[A-Za-z0-9_/-]*")  # the same run, for ASCII text
_HTML_TAG = re.compile(r"<[a-zA-Z][\w-]*\b[^<>]*>")
_COMMAS = re.compile(r"[,，、;；]")
_QUOTES = "\"'“”‘’「」"


@dataclass(frozen=True, kw_only=True)
class Tag:
    """One tag, without ``#``; ``line`` is None when the front matter line is unknown."""

    tag: str
    source: str
    line: int | None


def _clean(piece: str) -> str:
    piece = " ".join(piece.split()).strip(_QUOTES + "[] ")
    return piece.lstrip("#").strip()


def _split_string(value: str) -> list[str]:
    text = value.strip()
    if text.startswith("[") and text.endswith("]") and not text.startswith("[["):
        return _COMMAS.split(text[1:-1])
    if _COMMAS.search(text):
        return _COMMAS.split(text)
    return text.split()


def _pieces(value: object, in_list: bool) -> list[str]:
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, str):
        return [value] if in_list else _split_string(value)
    if isinstance(value, int | float | date):
        return [str(value)]
    if isinstance(value, list | tuple):
        out: list[str] = []
        for item in value:
            out.extend(_pieces(item, True))
        return out
    return []


def tags_from_value(value: object, line: int | None = None) -> list[Tag]:
    """Tags of a front matter ``tags``/``tag``/``categories`` value, first occurrence kept.

    >>> [t.tag for t in tags_from_value(["episode", "#podcast/ruby"])]
    ['episode', 'podcast/ruby']
    >>> [t.tag for t in tags_from_value("a, b")], [t.tag for t in tags_from_value("#a #b")]
    (['a', 'b'], ['a', 'b'])
    >>> tags_from_value("人物故事", line=6)
    [Tag(tag='人物故事', source='frontmatter', line=6)]
    """
    tags: list[Tag] = []
    seen: set[str] = set()
    for piece in _pieces(value, False):
        tag = _clean(piece)
        if tag and tag not in seen:
            seen.add(tag)
            tags.append(Tag(tag=tag, source="frontmatter", line=line))
    return tags


def _inline_tag(raw: str) -> str | None:
    """The tag at the start of ``raw``: letters, marks, digits, ``_ - /``; None if not a tag."""
    if raw.isascii():  # fast path: the ASCII letters, marks and digits are [A-Za-z0-9]
        end = _ASCII_TAG.match(raw).end()  # type: ignore[union-attr]  # "*" always matches
    else:
        end = 0
        for ch in raw:
            if ch not in _TAG_PUNCTUATION and unicodedata.category(ch)[0] not in "LMN":
                break
            end += 1
    tag = raw[:end].rstrip("/")
    if tag.startswith("/") or not any(map(str.isalpha, tag)):
        return None
    return tag


def find_tags(text: str) -> list[Tag]:
    """Every inline ``#tag`` in prose, in reading order, with its line.

    >>> [(t.tag, t.line) for t in find_tags("## Links\\nLoved it #podcast/ruby #119")]
    [('podcast/ruby', 2)]
    >>> [t.tag for t in find_tags("#创业 see https://x.com/#frag and `#code`")]
    ['创业']
    """
    if not isinstance(text, str):
        return []
    masked = mask_code(text)
    if "#" not in masked:
        return []
    if "<" in masked:
        masked = _HTML_TAG.sub(blank_match, masked)
    tags: list[Tag] = []
    line, counted = 1, 0
    for m in _INLINE_TAG.finditer(masked):
        start = m.start()
        if start and not masked[start - 1].isspace():  # str.isspace() is re's \s
            continue
        tag = _inline_tag(m.group(1))
        if tag:
            line += masked.count("\n", counted, start)
            counted = start
            tags.append(Tag(tag=tag, source="inline", line=line))
    return tags
