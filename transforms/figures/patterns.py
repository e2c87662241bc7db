"""Regex building blocks for the money and growth extractors: word alternations and guards.

Private to ``context.py``, ``money.py``, ``growth.py`` and ``label_scan.py``. A *guard* is
a look-ahead put in front of a long alternation so that most offsets fail after one or two
cheap tests instead of one test per word; a guard never changes which hits it finds.
Labelled alternations and their letter-skipping scan are in ``label_scan.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alt(words: tuple[str, ...] | list[str]) -> str:
    """Regex alternation of literal words, longest first; ASCII words get word bounds."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        src = re.escape(word)
        if word[:1].isascii() and word[:1].isalpha():
            src = r"\b" + src
        if word[-1:].isascii() and word[-1:].isalpha():
            src += r"\b"
        parts.append(src)
    return "|".join(parts)


def guard(sources: list[str]) -> str:
    """A look-ahead that fails where no hit of any of ``sources`` can start ("" if unknown).

    Each hit starts with zero-width tests (``\\b``) and a first character; the guard tests
    the same things, one character class per kind of lead instead of one branch per word.
    A word whose first letter needs no boundary goes into the guard whole (``run[- ]rate``).
    One class of every first character goes in front: it rejects most offsets in a single
    test, where the branches behind it cost one test each.

    >>> guard([r"\\bprices?\\b|定价", r"\\bcosts?\\b"])
    '(?=[p定c])(?=\\\\b[pc]|[定])'
    """
    items = _items(sources)
    if items is None:
        return ""
    classes: dict[str, str] = {}
    wholes: list[str] = []
    for lead, token, whole in items:
        if whole:
            wholes.append(whole)
        elif token not in classes.get(lead, ""):
            classes[lead] = classes.get(lead, "") + token
    guard = [f"{lead}[{chars}]" for lead, chars in classes.items()] + wholes
    return first_class(sources) + f"(?={'|'.join(dict.fromkeys(guard))})"


# Characters outside ASCII that re.I matches to an ASCII letter (Kelvin sign, long s,
# dotted and dotless i); tests/unit/transforms/figures/test_money.py checks the list.
FOLDS = {"k": "\u212a", "s": "\u017f", "i": "\u0130\u0131"}


def suffix_alt(words: Iterable[str], space: str, special: dict[str, str]) -> str:
    """Alternation of words written after a number (currency words), longest first, for a
    verbose (``re.X``) pattern, where a bare space is ignored: a space inside a word is
    spelled ``space``, or "US dollars" would only match "USdollars". A lower-case word ending
    in a Latin letter matches in any case; ``special`` gives some words their own pattern.

    >>> suffix_alt(["US dollars", "yen"], "[ ]", {}).split("|")
    ['US[ ]dollars\\\\b', '(?i:yen)\\\\b']
    """
    parts = []
    for word in sorted(words, key=len, reverse=True):
        src = re.escape(word).replace(r"\ ", space)
        if word in special:
            src = special[word]
        elif word[-1].isascii() and word[-1].isalpha():
            src = (rf"(?i:{src})" if word.islower() else src) + r"\b"
        parts.append(src)
    return "|".join(parts)


def first_class(sources: list[str]) -> str:
    """A look-ahead of the one character class every hit of ``sources`` starts with.

    >>> first_class([r"\\bnet\\b|净利", r"(?<![A-Za-z])ARR\\b"]), first_class([r"\\w+"])
    ('(?=[n净A])', '')
    """
    items = _items(sources)
    if items is None:
        return ""
    return f"(?=[{''.join(dict.fromkeys(token for _, token, _ in items))}])"


def _items(sources: list[str]) -> list[tuple[str, str, str]] | None:
    starts = [first_chars(source) for source in sources]
    if any(s is None for s in starts):
        return None
    return [item for s in starts if s for item in s]


_ZERO_WIDTH = re.compile(r"\\b|\(\?<?[=!](?:[^()\\]|\\.)*\)")  # \b or a flat look-around
_QUANTIFIED = re.compile(r"[?*{]")  # a first token that may be skipped makes the guard unknown
_PLAIN_GROUPS = re.compile(r"\((?!\?:)|\\\d")  # a group other than (?:...) or a back-reference


def first_chars(source: str, lead: str = "") -> list[tuple[str, str, str]] | None:
    """(zero-width lead, first-character class body, whole alternative or "") per alternative.

    None when ``source`` starts in a way this reader does not follow (then no guard is used).
    """
    out: list[tuple[str, str, str]] = []
    for alt in top_level(source, "|"):
        head = lead
        while m := _ZERO_WIDTH.match(alt):
            head, alt = head + m.group(0), alt[m.end() :]
        if alt.startswith("(?:"):
            close = top_level(alt[3:], ")")
            inner, rest = close[0], ")".join(close[1:])
            found = None if _QUANTIFIED.match(rest) else first_chars(inner, head)
        else:
            found = _first_token(alt, head)
        if found is None:
            return None
        out.extend(found)
    return out


def _first_token(alt: str, lead: str) -> list[tuple[str, str, str]] | None:
    """Guard item for the first token of ``alt``: a class, an escape or a character."""
    if alt.startswith("[") and not alt.startswith(("[^", "[]")):
        end = alt.find("]")
        token, rest = alt[1:end], alt[end + 1 :]
        if end < 0 or "\\" in token or token.startswith("-") or token.endswith("-"):
            return None
    elif alt.startswith("\\") and len(alt) > 1 and not alt[1].isalnum():
        token, rest = alt[:2], alt[2:]
    elif alt and alt[0] not in "\\()[].^$|?*+{":
        token, rest = re.escape(alt[0]), alt[1:]
    else:
        return None
    if _QUANTIFIED.match(rest):
        return None
    if not lead and re.search("[A-Za-z]", token) and not _PLAIN_GROUPS.search(alt):
        return [("", token, alt)]  # a bare first letter is too common to be a useful guard
    return [(lead, token, "")]


def top_level(source: str, sep: str) -> list[str]:
    """``source`` split at ``sep`` outside groups, classes and escapes."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 2 if source[i + 1 : i + 2] == "^" else 1
            i += 1 if source[i : i + 1] == "]" else 0
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts
