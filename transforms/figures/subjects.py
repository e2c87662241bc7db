"""Who a money figure is about: the last name in the clause before it, never a
capitalised common word, and in a funding sentence the company raising, not the investor.

Private to ``money.py``. Works on a *masked* text (see ``context.mask_prose``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_NAME = re.compile(r"(?<![\w$])(?:[A-Z][\w&'.+-]*|[a-z]+[A-Z]\w*)(?:[ \t]+(?:[A-Z][\w&'.+-]*))*")
_SUBJECT_STOP = frozenset(
    """The A An In On At By For From To With We I It Its Our My He She They His Her Their
    This That These Those And But So Then After Before Since Last Next Total Net Gross
    Revenue Revenues Profit Sales Income MRR ARR USD EUR GBP CNY RMB JPY Price Pricing
    Funding Valuation Cost Costs YoY MoM Month Year Quarter Week Day Over Under About Around
    Nearly Almost Up Down Monthly Annual Yearly Each Every Per Q1 Q2 Q3 Q4 Jan Feb Mar Apr
    May Jun Jul Aug Sep Sept Oct Nov Dec January February March April June July August
    September October November December Today Now Also Plus Just Only""".split()  # noqa: SIM905
)
_VERB_LIKE = re.compile(r"^[A-Z][a-z]+(?:ed|ing|ly)$")
_LETTER = re.compile(r"[^\W\d_]")
# The first word of a lower-case item label before a colon: "Web hosting: $9".
_LABEL = re.compile(r"[ \t]+[a-z][^:：]*[:：][ \t*_]*$")
# An investor's verb before a funding figure, and the company it went to after it:
# "Northwind Ventures led a $4M round in Tallyho" is Tallyho's round.
_INVESTOR_VERB = re.compile(
    r"\b(?:invest(?:s|ed)?|led|leads|backed|backs|funded|put|wrote|participated)\b", re.I
)
_FUNDED = re.compile(
    r"^[ \t]*(?:[\w-]+[ \t]+){0,3}?(?:in|into|for|to)[ \t]+"
    r"(?P<name>[A-Z][\w&.+-]*(?:[ \t]+[A-Z][\w&.+-]*)*)"
)


def never_common(_: str) -> bool:
    """The default test of :func:`subject_in`: no word is known to be a common one."""
    return False


def subject_in(clause: str, common: Callable[[str], bool] = never_common) -> str | None:
    """The last Latin-script name in the clause before a figure, if any. A capitalised
    word alone at the clause's start is no name when it reads as a verb or adverb or
    ``common`` says the note also writes it in lower case ("Both", "Started").

    >>> subject_in("Sidekiq 是免费的"), subject_in("Revenue at Acme Corp hit "), subject_in("他")
    ('Sidekiq', 'Acme Corp', None)
    >>> subject_in("- **Hitting** "), subject_in("Both earn ", lambda w: w.lower() == "both")
    (None, None)
    """
    if clause.islower():  # no capital letter, so no name (a quick test before the pattern)
        return None
    for m in reversed(list(_NAME.finditer(clause))):
        words = m.group(0).split()
        first = words[0].strip("*_.,'")
        if (
            first not in _SUBJECT_STOP  # (a stop word goes anyway, just below)
            and not _LETTER.search(clause[: m.start()])
            and (
                _VERB_LIKE.search(first)
                or (len(words) == 1 and (common(words[0]) or _LABEL.match(clause, m.end())))
            )
        ):
            words.pop(0)  # a sentence-initial verb or adverb: "Raised $4M", "Recently ..."
        while words and words[0].strip(".,'*_") in _SUBJECT_STOP:
            words.pop(0)
        while words and words[-1].strip(".,'*_") in _SUBJECT_STOP:
            words.pop()
        if words and len(" ".join(words)) > 1:
            return _possessor(" ".join(words).strip(".,'*_"))
    return None


def funded_subject(clause: str, after: str) -> str | None:
    """For a funding figure whose clause names an investor ("X led", "X invested"): the
    company named right after the figure ("... in Tallyho"), else None.

    >>> funded_subject("Northwind Ventures led a ", " seed round in Tallyho Labs.")
    'Tallyho Labs'
    >>> funded_subject("Tallyho raised ", " from Northwind.") is None
    True
    """
    if not _INVESTOR_VERB.search(clause):
        return None
    m = _FUNDED.match(after)
    if m is None:
        return None
    words = [x for x in m["name"].split() if x.strip(".,'") not in _SUBJECT_STOP]
    return _possessor(" ".join(words).strip(".,'")) or None


def _possessor(name: str) -> str:
    """``Acme's`` is Acme's round: the name without its possessive."""
    return name[:-2] if name.endswith(("'s", "’s")) else name
