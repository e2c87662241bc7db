"""Labelled word alternations (one named group per label) and a faster scan for their hits.

Private to ``context.py`` and ``growth.py``, which find the metric and basis words
nearest a figure with them; built from the guards of ``patterns.py``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from transforms.figures.patterns import FOLDS, first_chars, first_class, guard, top_level

# A zero-width test before a word's first letter, and the same test read after it: \b
# before a word character holds where the one before is none (or at 0, where two don't fit).
_LEAD = re.compile(r"\\b|\(\?<!\[A-Za-z\]\)")
_BACK = {"": "", r"\b": r"(?<!\w.)", "(?<![A-Za-z])": "(?<![A-Za-z].)"}


def letter_first(source: str) -> str:
    """One word of a re.I pattern, starting with a case-sensitive class of every character
    re.I matches to its first letter, which ``re`` skips in one test in an alternation
    (a branch starting with ``\\b`` or a letter under re.I is entered and backed out of).
    A leading ``\\b`` or ``(?<![A-Za-z])`` moves behind the letter, one character longer.

    >>> letter_first(r"\\bprofits?\\b"), letter_first("净利")
    ('(?-i:[pP])(?<!\\\\w.)rofits?\\\\b', '净利')
    >>> letter_first(r"(?<![A-Za-z])ARR\\b")
    '(?-i:[aA])(?<![A-Za-z].)RR\\\\b'
    """
    split = _split_letter(source)
    return source if split is None else f"(?-i:[{_cases(split[0])}]){split[1]}{split[2]}"


def _split_letter(source: str) -> tuple[str, str, str] | None:
    """(first letter, its look-behind, the rest) of a word starting with an ASCII letter."""
    lead = _LEAD.match(source)
    head = lead.group(0) if lead else ""
    first, rest = source[len(head) : len(head) + 1], source[len(head) + 1 :]
    if not (first.isascii() and first.isalpha()) or rest[:1] in ("?", "*", "+", "{"):
        return None  # (a quantifier would apply to the moved look-behind)
    return first.lower(), _BACK[head], rest


def _letter_class(rest: str) -> str:
    """``rest`` with a first ASCII letter written as a case-sensitive class of its cases."""
    split = _split_letter(rest)
    return rest if split is None or split[1] else f"(?-i:[{_cases(split[0])}]){split[2]}"


def _cases(letter: str) -> str:
    """Every character re.I matches to the ASCII ``letter``."""
    return letter + letter.upper() + FOLDS.get(letter, "")


def labelled(patterns: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    """One regex with a named group per label; earlier labels win at the same offset.

    The alternation is guarded by a look-ahead of the characters a hit can start with
    (see :func:`guard`), and so is each label's group, so most offsets fail after a test or
    two instead of one per word; the hits are the same as without the guards. Each word
    starts with a case-sensitive class of its first letter (:func:`letter_first`), so at a
    word start only the words of its letter are tried.

    >>> p = labelled({"price": (r"\\bprices?\\b", "定价"), "cost": (r"\\bcosts?\\b",)})
    >>> p.pattern.startswith(r"(?=[p定c])(?=\\b[pc]|[定])(?:(?=[p定])(?P<price>")
    True
    >>> [m.lastgroup for m in p.finditer("Pricing: price 定价, costs")]
    ['price', 'price', 'cost']
    """
    body = "|".join(
        f"{first_class(list(v))}(?P<{k}>{'|'.join(map(letter_first, v))})"
        for k, v in patterns.items()
    )
    return re.compile(guard(["|".join(v) for v in patterns.values()]) + f"(?:{body})", re.I)


@dataclass(frozen=True)
class LabelScan:
    """The hits of a :func:`labelled` pattern, found faster (see :func:`label_scan`)."""

    patterns: dict[str, tuple[str, ...]]
    after: re.Pattern[str] | None  # None: always scan with ``plain``
    words: re.Pattern[str] | None  # the words of ``after`` alone, read from their start
    rare: re.Pattern[str] | None  # the longest lower-case part of each word left out
    rare_parts: tuple[tuple[str, ...], ...]  # all parts of each such word
    labels: dict[str, str]  # group name of a word in ``after`` -> label
    firsts: str  # the characters a word of ``after`` can start with

    @functools.cached_property
    def plain(self) -> re.Pattern[str]:
        """``labelled(patterns)``, compiled when first needed (rarely: it is slow to build)."""
        return labelled(self.patterns)

    def hits(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, label) of each hit of ``plain.finditer(text)``, in order.

        >>> scan = label_scan({"price": (r"\\bprices?\\b", "定价"), "arr": ("run[- ]rate",)})
        >>> list(scan.hits("Prices 定价; xprice")), list(scan.hits("a run-rate"))
        ([(0, 6, 'price'), (7, 9, 'price')], [(2, 10, 'arr')])
        """
        low = text.lower() if self.rare else ""
        if not (self.after and self.words) or (
            self.rare
            and self.rare.search(low)
            and any(all(part in low for part in parts) for parts in self.rare_parts)
        ):
            for hit in self.plain.finditer(text):
                yield hit.start(), hit.end(), hit.lastgroup or ""
            return
        pos, n, match, search = 0, len(text), self.words.match, self.after.search
        while True:
            # ``after`` cannot see a word at ``pos`` (it would stop before it): try it first.
            m: re.Match[str] | None = None
            if pos < n and text[pos] in self.firsts:
                m = match(text, pos)
            skip = 0
            if m is None:
                m = search(text, pos)
                if m is None:
                    return
                skip = 1  # (a word found by ``after`` starts after the character it stops at)
            name = m.lastgroup or ""
            label = self.labels.get(name)
            yield (m.start() if label is None else m.start() + skip), m.end(), label or name
            pos = m.end()


_LETTERS = re.compile(r"(?:[A-Za-z](?:-[A-Za-z])?)+")
_NOT_LITERAL = "\\()[].^$|?*+{"


def label_scan(patterns: dict[str, tuple[str, ...]]) -> LabelScan:
    """A :class:`LabelScan` of ``labelled(patterns)``.

    ``plain.finditer`` tries the pattern at every offset; ``after`` stops only at a
    character that is no ASCII letter (``re`` skips to one, its first token being one
    class) and reads a hit there like ``plain``: one starting at that character (定价,
    "/seat") or else one starting right after it ("price": the character before a word
    start is no ASCII letter). A hit of the first kind wins over one a character on, and
    the kinds never share a first character, so the first label to match still wins.
    A word of neither kind ("run-rate" may follow a letter) is left out of ``after``;
    a text holding a lower-case part of one (every such hit holds it) is read by ``plain``.
    """
    at: dict[str, list[str]] = {}
    word: dict[str, list[str]] = {}
    rare: list[tuple[str, ...]] = []
    starts = ""
    for label, source in ((k, x) for k, v in patterns.items() for x in v):
        form, needle = _scan_form(source), _needle(source)
        if form is None and needle is None:
            return LabelScan(patterns, None, None, None, (), {}, "")
        if form is None:
            rare.append(needle or ())
        else:
            (word if form[0] == "" else at).setdefault(label, []).append(form[1])
            starts += form[0]
    groups = [f"(?P<{k}>{'|'.join(v)})" for k, v in at.items()]
    words, names, letters = _by_letter(word)
    if words is None:
        return LabelScan(patterns, None, None, None, (), {}, "")
    firsts = "".join(re.escape(c) for c in dict.fromkeys(starts))
    at_part = f"(?<=[{firsts}])(?:{'|'.join(groups)})|" if groups else ""
    after = re.compile(f"(?-i:[^A-Za-z])(?:{at_part}{words})", re.I)
    needles = re.compile("|".join(re.escape(r[0]) for r in rare)) if rare else None
    return LabelScan(patterns, after, re.compile(words, re.I), needles, tuple(rare), names, letters)


def _by_letter(words: dict[str, list[str]]) -> tuple[str | None, dict[str, str], str]:
    """The ``words`` (label -> sources) as one branch per first letter (a case-sensitive
    class ``re`` skips in one test) holding the labels' words of that letter in order
    (only they can match at an offset, so the same word wins); its group names' labels
    and the words' first characters. None if a word does not start with a letter."""
    branches: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for label, sources in words.items():
        for source in sources:
            split = _split_letter(source)
            if split is None:
                return None, {}, ""
            branches.setdefault(split[0], {}).setdefault(label, []).append(split[1:])
    names: dict[str, str] = {}
    alts = []
    for letter, labels in branches.items():
        backs = {back for rests in labels.values() for back, _ in rests}
        shared = backs.pop() if len(backs) == 1 else ""  # read once when all words share it
        groups = []
        for label, rests in labels.items():
            names[f"w{len(names)}"] = label
            forms = [("" if shared else back) + _letter_class(rest) for back, rest in rests]
            groups.append(f"(?P<w{len(names) - 1}>{'|'.join(forms)})")
        alts.append(f"(?-i:[{_cases(letter)}]){shared}(?:{'|'.join(groups)})")
    letters = "".join(_cases(letter) for letter in branches)
    return f"(?=(?-i:[{letters}]))(?:{'|'.join(alts)})", names, letters  # (one test for none)


def _scan_form(source: str) -> tuple[str, str] | None:
    """("", ``source``) for a word after a character that is no ASCII letter; (X, form)
    for one starting with X, no ASCII letter, read from after X; None for any other."""
    items = first_chars(source)
    if items is None or len(top_level(source, "|")) > 1:
        return None
    leads = {lead for lead, _, _ in items}
    if leads <= set(_BACK) - {""} and all(_LETTERS.fullmatch(t) for _, t, _ in items):
        return "", source
    lead = _LEAD.match(source)
    head = lead.group(0) if lead else ""
    first, rest = source[len(head) : len(head) + 1], source[len(head) + 1 :]
    if not first or first in _NOT_LITERAL or (first.isascii() and first.isalpha()):
        return None
    if rest[:1] in ("?", "*", "+", "{") or first in "".join(FOLDS.values()):
        return None
    if head == "":
        return first, f"(?<={re.escape(first)}){rest}"
    if head == r"\b" and not (first.isalnum() or first == "_"):
        return first, f"(?<=\\w{re.escape(first)}){rest}"  # a word character, then X
    return None


# Not a literal character: an atom with a quantifier, an escape, a class, other symbols.
_NOT_NEEDLE = re.compile(r"(?:\\.|\[[^]]*\]|.)(?:[?*+]|\{[^}]*\})|\\.|\[[^]]*\]|[^\w -]")


def _needle(source: str) -> tuple[str, ...] | None:
    """The runs of literal characters every hit of ``source`` holds, longest first,
    lower-case, of ASCII or caseless characters but s, i and k (which re.I also matches
    to characters that ``str.lower`` keeps apart).

    >>> _needle("run[- ]rate"), _needle(r"[A-E]\\+?轮"), _needle(r"ab{0,12}\\d{3}cd")
    (('rate', 'run'), ('轮',), ('cd', 'a'))
    """
    if "(" in source or "|" in source:
        return None
    runs = _NOT_NEEDLE.sub("\n", source.lower())
    keep = "".join(c if c.isascii() or c.lower() == c.upper() else "\n" for c in runs)
    return tuple(sorted(filter(None, re.split("[\nsik]", keep)), key=len, reverse=True)) or None
