"""One chapter line: its timestamp and its title, from a table row or a plain line.

A leading stamp (``[@11:24]`` too) may follow a list marker, a checkbox or a callout ``>``
and sit bare, in ``[..]``/``(..)``, in bold or as a link; a trailing stamp follows ``-``,
``|`` or opens ``(..)``/``[..]`` at the line's end; a Han character may follow a leading
stamp directly (``00:00开场``); a link's text may start with the stamp
(``[00:12:30 Topic](url)``). A stamp followed by ``am``/``pm`` or a time zone is a
clock time, and ``<nick>`` after it marks a chat log: neither is a chapter.
(``transforms.episodes.chapters`` decides which lines form a chapter list.)
"""

from __future__ import annotations

import itertools
import re

from transforms.episodes.chapter_words import TIME_ZONES

# Possessive quantifiers keep every pattern linear in the line's length.
_TS = r"\d{1,3}(?::\d{2}){1,2}(?:[.,]\d{1,3})?(?!\d|:\d|[.,]\d)"
_PREFIX = re.compile(
    r"[ \t]*+(?:>[ \t]*+)*+(?:(?:[-*+]|\d{1,3}[.)])[ \t]++)?+(?:\[[ xX]\][ \t]++)?+"
)
_LEADING = re.compile(
    r"(?:\*\*|__)?(?P<br>[\[(])?@?(?P<ts>" + _TS + r")(?(br)[\])])"
    r"(?:\([^)\s]*+\))?(?:\*\*|__)?(?P<rest>[ \t\-–—|:~].*|[\u3400-\u9fff\uf900-\ufaff].*|)$"
)
_TRAILING = re.compile(
    r"(?:(?<![ \t])[ \t]++[-–—|][ \t]*+(?:\*\*)?[\[(]?|(?<=\S)[ \t]*+(?:\*\*)?[\[(])"
    r"(?P<ts>" + _TS + r")[\])]?(?:\([^)\s]*+\))?(?:\*\*)?[ \t]*+$"
)
# "- [00:12:30 Topic](url)": a link whose text starts with the timestamp.
_LINK_LEADING = re.compile(
    r"\[@?(?P<ts>" + _TS + r")(?:[ \t]*+[-–—:|][ \t]*+|[ \t]++)(?P<title>[^\]\n]+)\]\([^)\s]*\)"
    r"[ \t]*+$"
)
_TABLE_RULE = re.compile(r"^[ \t]*:?-{2,}:?[ \t]*$")
_TABLE_TS = re.compile(r"^(?:\*\*)?\[?(" + _TS + r")\]?(?:\([^)\s]*\))?(?:\*\*)?$")
_RANGE_END = re.compile(r"^[ \t]*(?:[-–—~]|to)[ \t]*[\[(]?" + _TS + r"[\])]?")
_MERIDIEM = re.compile(r"^[ \t]*[ap]\.?[ \t]?m\b", re.I)
_TIME_ZONE = re.compile(r"^[ \t]*(?:" + "|".join(TIME_ZONES) + r")\b")
_CHAT_NICK = re.compile(r"^(?:<[^>\s]{0,40}>|\*[ \t]+\S)")
_WIKILINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_LINE_BREAK = re.compile(r"(?:<br\s*/?>|\\)\s*$", re.I)
_EDGE = " \t-–—|:~•·"


def _wikilink_label(match: re.Match[str]) -> str:
    return match.group(2) or match.group(1)


def _clean_title(raw: str) -> str:
    # Each pattern needs a literal piece ("[[", "](", "<" or "\\"): without it the text
    # cannot match, so the substitution is skipped.
    title = _WIKILINK.sub(_wikilink_label, raw) if "[[" in raw else raw
    title = _LINK.sub(r"\1", title) if "](" in title else title
    title = title.replace("**", "").replace("`", "")
    if "<" in title or "\\" in title:
        title = _LINE_BREAK.sub("", title)
    title = " ".join(title.split()).strip(_EDGE)
    for mark in "*_":
        if len(title) > 2 and title[0] == mark and title[-1] == mark:
            title = title[1:-1].strip()
    return title


def from_table(masked: str, raw: str) -> tuple[str, str] | None:
    """(timestamp, title) of a table row with exactly one timestamp cell."""
    bounds = [i for i, ch in enumerate(masked) if ch == "|"]
    if masked[bounds[-1] + 1 :].strip():
        bounds.append(len(masked))
    cells = [(a + 1, b) for a, b in itertools.pairwise(bounds)]
    stamps = [(a, b) for a, b in cells if _TABLE_TS.match(masked[a:b].strip())]
    if len(stamps) != 1:
        return None
    a, b = stamps[0]
    stamp = _TABLE_TS.match(masked[a:b].strip())
    for c, d in cells:
        cell = raw[c:d].strip()
        if (c, d) != (a, b) and cell and not cell.isdigit() and not _TABLE_RULE.match(cell):
            return stamp.group(1) if stamp else "", _clean_title(cell)
    return None


def from_line(masked: str, raw: str) -> tuple[str, str] | None:
    """(timestamp, title) of a leading- or trailing-timestamp line, or None."""
    prefix = _PREFIX.match(masked)
    pos = prefix.end() if prefix else 0
    linked = _LINK_LEADING.match(masked, pos)
    if linked:
        return linked.group("ts"), _clean_title(raw[linked.start("title") : linked.end("title")])
    m = _LEADING.match(masked, pos)
    if m:
        rest = masked[m.start("rest") :]
        if _MERIDIEM.match(rest) or _TIME_ZONE.match(rest):
            return None
        skip = _RANGE_END.match(rest)
        start = m.start("rest") + (skip.end() if skip else 0)
        title = raw[start:].strip(_EDGE)
        if _CHAT_NICK.match(title):
            return None
        return m.group("ts"), _clean_title(title)
    m = _TRAILING.search(masked, pos)
    if m and masked[pos : m.start()].strip():
        return m.group("ts"), _clean_title(raw[pos : m.start()])
    return None
