"""People a note's body credits: role sections, label lines and credit lines.

Shapes (any case, with or without emoji, bold or a colon):

* A heading or a label line alone that names a role (``## Guests``, ``### 🗣 出场人物``,
  ``**Your hosts**``, ``Thanks to our sponsors:``) starts a section: each list item or
  plain line after it, up to the next heading (a label line's section also ends at a
  blank line after its items), names one person: a link's or wikilink's text, or the text
  before a description (``Ada Quill — potter``, ``Ada Quill：[Site](…)``). An item that is
  itself a credit line (``- 主播：miki``) gives its own role.
* A credit line (``**Guest:** Ada Quill``, ``Hosts: Bo Lind and Cy Moss``,
  ``Guests: [Ada](…) and [Bo](…)``, ``嘉宾：张三、李四``, ``Sponsored by [Kiln Co](…)``)
  gives the names of its value (``split_names``), cut before a spaced dash.
* A heading that names someone and then their role (``## Kiln Co - Sponsor``,
  ``### Ada Quill — Guest``) credits that name.
* A section that names no role (出场人物, "Cast", "Participants") gives roles only from the
  title: cast members named in the title are guests, and when exactly one member is not,
  that one is the host (an interview show names its guest in the title).

A Dataview ``Key:: value`` line is a property, and its people come from the note's
properties (``rows.build_appearance_rows``), not from here.

Everything must look like a name (``names.looks_like_name``), or the line names nobody:
a transcript's ``**Host**: Welcome back, everyone.`` is prose. A label written as a credit
line more than twice, or two labels each used more than once in four or more credit
lines (speakers taking turns in a transcript), credit nobody.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from transforms.people.names import looks_like_name, role_for_key, slug_person_id, split_names
from transforms.people.words import (
    ABBREVIATIONS,
    BODY_ROLE_WORDS,
    CAST_WORDS,
    LABEL_PREFIXES,
    ROLE_WORDS,
)
from transforms.text.markdown import find_headings, masked_lines

# Body labels never read: "By" and "文" are too common at a line's start, and a subject is
# ``rows.profile_subject``'s to find.
_SKIP_WORDS = frozenset({"by", "文", "subject", "subjects", "profiled", "人物", "主人公"})
_WORDS = sorted(
    {w for w in ROLE_WORDS if w not in _SKIP_WORDS} | set(CAST_WORDS) | set(BODY_ROLE_WORDS),
    key=len,
    reverse=True,
)


def _by_first_letter(words: list[str]) -> str:
    """An alternation of ``words`` (longest first, ``_`` for a space or dash) grouped by
    their first letter: ``re`` tries branches one by one, so a line's first word is tested
    once per letter rather than once per role word.

    >>> _by_first_letter(["hosts", "guest", "host"])
    'g(?:uest)|h(?:osts|ost)'
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0].lower(), []).append(word[1:])
    return "|".join(
        re.escape(first)
        + "(?:"
        + "|".join(re.escape(rest).replace("_", r"[ \t_-]") for rest in rests)
        + ")"
        for first, rests in sorted(groups.items())
    )


# A line that may hold a role label: a role word at its start, after a list marker, a
# heading's hashes, emoji, bold marks or a prefix ("Your", "Thanks to our", "本期"), and
# not run on into a longer Latin word.
# Searched over the whole body after a "\n" (a literal first character lets ``re`` skip
# from newline to newline), so only such lines are read.
_HINT = re.compile(
    r"\n[ \t>]*+(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:#{1,6}[ \t]+)?[^\w\n\[]{0,8}"
    r"(?=(?:\*\*|__)?["
    + re.escape("".join(sorted({w[0] for w in _WORDS} | {p[0] for p in LABEL_PREFIXES})))
    + r"])(?:(?:\*\*|__)?(?:"
    + _by_first_letter([p.strip() for p in LABEL_PREFIXES])
    + r")[ \t]*)?(?:\*\*|__)?(?:"
    + _by_first_letter(_WORDS)
    + r")(?![a-z])",  # a whole word: "Without much fuss" holds no "with"
    re.I,
)
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_LIST = re.compile(r"^[ \t>]*+(?:[-*+]|\d{1,3}[.)])[ \t]+")
# "Kiln Co - Sponsor", a heading's title: someone named, a dash, then their role
_NAMED_HEADING = re.compile(
    r"(?P<value>[^\n#]{1,60}?)[ \t]+[-–—|][ \t]+"
    r"(?P<label>sponsors?|sponsored[ \t]+by|guests?|special[ \t]+guests?|hosts?)",
    re.I,
)
_CREDIT = re.compile(
    r"^[ \t>]*+(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\*\*|__)?(?P<label>[^\n:：*_]{1,40}?)"
    r"(?:\*\*|__)?[ \t]*[:：](?:\*\*|__)?[ \t]*(?P<value>.*)$"
)
_PHRASE = re.compile(
    r"^[ \t>]*+(?:\*\*|__)?(?P<label>sponsored by|brought to you by|presented by|hosted by"
    r"|featuring|with special guests?|with guests?|with hosts?)(?:\*\*|__)?[ \t]+(?P<value>.+)$",
    re.I,
)
_PROSE_END = re.compile(r"[a-z]{2}[.!?]$|[!?。！？]$")  # "Thanks everyone." ends a sentence
_ABBREVIATION_END = re.compile(
    r"\b(?:" + "|".join(map(re.escape, sorted(ABBREVIATIONS))) + r")\.$", re.I
)
_SPACED_DASH = re.compile(r"\s+[-–—|]\s+.*$")
_EDGE_MARKS = re.compile(r"^[^\w\[]+|[^\w\])]+$")
_DESCRIPTION = re.compile(r"\s+[-–—|]\s+.*$|\s*[:：,，(（].*$")
_LEADING_LINK = re.compile(r"^(?:\[\[[^\]\n]+\]\]|!?\[[^\]\n]+\]\([^)\n]*\))")
_NAME_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s]*)[^)\n]*\)")
_MAX_LABEL = 48  # characters of a label line alone ("Thanks to all our sponsors")
_MAX_ITEMS = 40
_MAX_CREDITS = 2  # a label used more often is a transcript's speaker label


@dataclass(frozen=True)
class Credit:
    """One person the body credits: the name as written, the role, the label and its line."""

    name: str
    role: str
    label: str
    line: int
    person_id: str | None = None  # the slug a link to the person's page gives, if any


@functools.lru_cache(maxsize=4096)  # labels repeat across notes ("Guests", "Hosts:")
def _label_role(label: str) -> str | None:
    """``host``/``guest``/... for a role label, ``cast`` for a label with no role, else None."""
    text = _EDGE_MARKS.sub("", label.replace("*", "").replace("_", " ")).strip()
    folded = text.casefold()
    for prefix in LABEL_PREFIXES:
        if folded.startswith(prefix) and len(folded) > len(prefix):
            folded = folded[len(prefix) :].strip()
            break
    if folded in CAST_WORDS:
        return "cast"
    if folded in _SKIP_WORDS:
        return None
    return BODY_ROLE_WORDS.get(folded) or role_for_key(folded)


def _names(value: str, handle: bool = True) -> list[str]:
    """The names of a credit value, or none when any piece is not a name."""
    value = value.strip()
    if not value or (_PROSE_END.search(value) and not _ABBREVIATION_END.search(value)):
        return []
    names = split_names(_SPACED_DASH.sub("", value))
    return names if names and all(looks_like_name(n, handle=handle) for n in names) else []


def _item_name(text: str) -> list[str]:
    """The person one section item names: a leading link, else the text before a description."""
    link = _LEADING_LINK.match(text)
    if link:
        names = split_names(link.group(0))
        return names[:1] if names and looks_like_name(names[0]) else []
    head = _DESCRIPTION.sub("", text).strip()
    return _names(head, handle=False)


def _section(
    lines: Sequence[str], number: int, role: str | None, label: str, heading: bool
) -> tuple[list[tuple[str, Credit]], int]:
    """Credits from the lines after a section's label on line ``number`` (0-based), and the
    last line read; a label that names no role gives none."""
    if role is None:
        return [], number
    out: list[tuple[str, Credit]] = []
    seen_item = False
    at = number
    for at in range(number + 1, min(len(lines), number + 1 + _MAX_ITEMS * 2)):
        line = lines[at]
        if _HEADING.match(line):
            at -= 1
            break
        if not line.strip(" \t>"):
            if seen_item and not heading:
                break
            continue
        seen_item = True
        text = _LIST.sub("", line).strip(" \t>")
        credit = _CREDIT.match(text)
        own = _label_role(credit.group("label")) if credit else None
        if credit and own is not None:
            names, item_role = _names(credit.group("value")), own
            item_label = credit.group("label").strip()
        else:
            names, item_role, item_label = _item_name(text), role, label
        out.extend(("", _credit(n, item_role, item_label, at + 1, text)) for n in names)
    return out, at


def _cast_roles(credits: list[Credit], title: str) -> list[Credit]:
    """Host and guest roles for a cast list, read from the title; other members are left out."""
    cast = [c for c in credits if c.role == "cast"]
    if not cast:
        return credits
    folded = title.casefold()
    named = {c.name for c in cast if _in_title(c.name.casefold(), folded)}
    rest = {c.name for c in cast} - named
    out = [c for c in credits if c.role != "cast"]
    if named and rest:
        for c in cast:
            if c.name in named:
                out.append(Credit(c.name, "guest", c.label, c.line))
            elif len(rest) == 1:
                out.append(Credit(c.name, "host", c.label, c.line))
    return out


def _in_title(name: str, title: str) -> bool:
    if not name or not title:
        return False
    if name.isascii():
        return re.search(r"(?<![a-z0-9])" + re.escape(name) + r"(?![a-z0-9])", title) is not None
    return name in title


def find_credits(body: str, title: str = "") -> list[Credit]:
    """The people ``body``'s role sections and credit lines name, in order.

    >>> [(c.name, c.role) for c in find_credits("## Guests\\n- [Ada Quill](https://a.q)\\n")]
    [('Ada Quill', 'guest')]
    >>> [(c.name, c.role) for c in find_credits("**Hosts:** Bo Lind and Cy Moss\\n")]
    [('Bo Lind', 'host'), ('Cy Moss', 'host')]
    >>> find_credits("**Host**: Welcome back, everyone. Today we talk kilns.\\n")
    []
    """
    if not isinstance(body, str) or not body:
        return []
    lines: Sequence[str] | None = None
    found: list[tuple[str, Credit]] = []
    counts: Counter[str] = Counter()  # credit lines per label, whether they name anyone
    done = -1
    padded = "\n" + body
    number, counted = 0, 1  # lines before ``counted`` in ``padded``, counted once
    for hint in _HINT.finditer(padded):
        number += padded.count("\n", counted, hint.start() + 1)  # the line after its "\n"
        counted = hint.start() + 1
        if number <= done:
            continue
        lines = lines if lines is not None else masked_lines(body)
        credits, done = _from_line(lines, number)
        found.extend(credits)
        counts.update({key for key, _ in credits} or _credit_key(lines[number]))
    found.extend(("", c) for c in _named_headings(body))
    repeated = sum(1 for n in counts.values() if n > 1)
    dialogue = repeated > 1 and sum(counts.values()) > 3  # speakers taking turns
    kept = [c for key, c in found if not key or (counts[key] <= _MAX_CREDITS and not dialogue)]
    return _dedupe(_cast_roles(kept, title))


def _named_headings(body: str) -> list[Credit]:
    """Credits of the headings that name someone before their role (``## Kiln Co - Sponsor``)."""
    out = []
    for heading in find_headings(body):
        m = _NAMED_HEADING.fullmatch(heading.title)
        if m is None:
            continue
        role = _label_role(m["label"])
        name = m["value"].strip(" *_")
        if role not in (None, "cast") and looks_like_name(name):
            out.append(_credit(name, role, m["label"], heading.line, heading.title))
    return out


def _bare(label: str) -> str:
    return _EDGE_MARKS.sub("", label).strip().casefold()


def _credit_key(line: str) -> set[str]:
    """The key of a credit line that named nobody (so a transcript's labels are counted)."""
    match = _CREDIT.match(line)
    role = _label_role(match.group("label")) if match else None
    if match is None or role is None or not match.group("value").strip():
        return set()
    return {role + ":" + match.group("label").strip().casefold()}


def _from_line(lines: Sequence[str], number: int) -> tuple[list[tuple[str, Credit]], int]:
    """Credits of the label on line ``number`` (0-based) as (credit-line key or "", credit),
    and the last line they were read from."""
    line = lines[number]
    if "::" in line:  # a Dataview field (``**Guests**:: [[Ada]]``): a property, read as one
        return [], number
    heading = _HEADING.match(line)
    if heading:
        return _section(lines, number, _label_role(heading.group(2)), heading.group(2), True)
    match = _CREDIT.match(line)
    if match is None or _label_role(match.group("label")) is None:
        match = _PHRASE.match(line)
    if match is None:  # a label line alone: "**Guests**", "Your hosts"
        label = line.strip(" \t>*_")
        if len(label) > _MAX_LABEL:  # a line of prose that starts with a role word
            return [], number
        role = _label_role(label)
        marked = line.strip(" \t>").startswith(("**", "__"))
        if not marked and (role == "cast" or _bare(label) in BODY_ROLE_WORDS):
            return [], number  # "with" or "people" alone on a line is prose
        return _section(lines, number, role, label, False)
    label = match.group("label").strip()
    role = _label_role(label)
    value = match.group("value")
    if role is None:
        return [], number
    if not value.strip():  # a label line with a colon: the section below it
        return _section(lines, number, role, label, False)
    if role == "cast":
        return [], number
    key = role + ":" + label.casefold()
    return [(key, _credit(n, role, label, number + 1, value)) for n in _names(value)], number


def _credit(name: str, role: str, label: str, line: int, text: str) -> Credit:
    """A credit; a Markdown link on ``name`` to a page named by its slug gives that id."""
    for link in _NAME_LINK.finditer(text):
        if split_names(link.group(1))[:1] == [name]:
            return Credit(name, role, label, line, slug_person_id(name, link.group(2)))
    return Credit(name, role, label, line)


def _dedupe(credits: list[Credit]) -> list[Credit]:
    seen: set[tuple[str, str]] = set()
    out: list[Credit] = []
    for c in credits:
        if (c.name.casefold(), c.role) not in seen:
            seen.add((c.name.casefold(), c.role))
            out.append(c)
    return out
