"""People in a note: which field names a role, how a value splits into names, stable ids.

Decisions:

* Roles: ``host`` (also co-host, interviewer, 主持人), ``panelist``, ``guest``,
  ``sponsor``, ``author`` (also ``by``), ``subject``; word lists are in
  ``_people_words.py``. Anything else is None (not a people field).
* A wikilink names a person by its target's last path part, the alias dropped:
  ``[[people/Mike Perham|Mike]]`` is ``Mike Perham``. ``[Name](url)`` is ``Name``.
* Lists split on ``, ， 、 ; ；``, newlines, `` & ``, ``and``, `` / `` and, between
  Chinese names of two or more characters, ``和 与 及 以及``.
* A piece that is a degree or suffix (``PhD``, ``Jr.``) joins the name before
  it, so ``Dr. Jane Doe, PhD`` stays one name; honorifics are kept as written.
* ``@handle`` loses its ``@`` (the handle is kept as the name); a trailing
  parenthesis (``Mike Perham (@getajobmike)``, ``张三（主播）``) is dropped;
  placeholders (``TBD``, ``none``, ``无``) and URLs name nobody.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from transforms.links.extract import wikilink_targets
from transforms.people.words import (
    ABBREVIATIONS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_NAMES,
    ORG_SUFFIXES,
    PLACEHOLDERS,
    ROLE_WORDS,
    TITLE_WORDS,
)

_WIKILINK = re.compile(r"\[\[[^\[\]\n]*\]\]")
_MD_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\n]*\)")
_SLOT = re.compile(r"\x00(\d+)\x00")
_SEPARATORS = re.compile(r"[,，、;；\n]|\s+&\s+|＆|\s+and\s+|\s+/\s+", re.I)
_LEADING_JOINER = re.compile(r"^(?:and|&)\s+", re.I)
_CJK_JOINER = re.compile(r"以及|[和与及]")
_CJK_ONLY = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff·•]+$")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_TRAILING_PAREN = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_KEY_SEPARATORS = re.compile(r"[\s_\-]+")
_QUOTES = "\"'“”‘’「」『』[]<>"
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENTENCE = re.compile(r"[?!。？！…;；\"“”]|\.\s|\s[-–—]\s")
_WORD_OK = re.compile(r"^(?:[A-Z\u00c0-\u024f\d]|[a-z]+[A-Z])|^[^A-Za-z]")
_TITLE_NOISE = re.compile(r"[\d'’&/]")
_HANDLE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,38}$")


def _role_key(key: str) -> str:
    k = unicodedata.normalize("NFKC", key).casefold().strip().strip("*").strip()
    k = k.rstrip(":：").strip("*").strip().replace("(s)", "s")
    return _KEY_SEPARATORS.sub("_", k).strip("_")


def role_for_key(key: str) -> str | None:
    """The appearance role a field key names, or None.

    >>> role_for_key("Panelists"), role_for_key("**Guests**"), role_for_key("sponsored-by")
    ('panelist', 'guest', 'sponsor')
    >>> role_for_key("主持人"), role_for_key("co-host"), role_for_key("duration")
    ('host', 'host', None)
    """
    if not isinstance(key, str):
        return None
    return _role(key)


@functools.lru_cache(maxsize=4096)  # a vault uses a few keys over and over
def _role(key: str) -> str | None:
    return ROLE_WORDS.get(_role_key(key))


def normalize_name(name: str) -> str:
    """A name for display: NFKC, no zero-width characters, single spaces, trimmed.

    >>> normalize_name("  Mike\\u00a0  Perham ")
    'Mike Perham'
    >>> normalize_name("Ｍｉｋｅ")
    'Mike'
    """
    if not isinstance(name, str):
        return ""
    text = _ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", name))
    return " ".join(text.split())


def person_id(name: str) -> str:
    """A stable id for a name: NFKC, casefolded, every run of non-letters/digits as ``-``.

    >>> person_id("Mike Perham"), person_id("  mike  PERHAM "), person_id("张三")
    ('mike-perham', 'mike-perham', '张三')
    >>> person_id("Dr. Jane Doe, PhD"), person_id("  ")
    ('dr-jane-doe-phd', '')
    """
    if not isinstance(name, str):
        return ""
    return _person_id(name)


@functools.lru_cache(maxsize=4096)  # hosts and guests come back note after note
def _person_id(name: str) -> str:
    text = unicodedata.normalize("NFKC", normalize_name(name).casefold())
    words: list[str] = []
    word: list[str] = []
    for ch in text:
        if unicodedata.category(ch)[0] in "LNM":
            word.append(ch)
        elif word:
            words.append("".join(word))
            word = []
    if word:
        words.append("".join(word))
    return "-".join(words)


_URL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://[^/]*", re.I)
_INDEX_FILES = frozenset({"index", "_index", "readme"})


def slug_person_id(name: str, where: str) -> str | None:
    """The id a page slug gives ``name``, when the link or path ``where`` ends in the
    name's slug written with or without dashes; else None.

    ``[Chris Reddington](/person/chrisreddington/)`` and a front-matter host
    ``chrisreddington`` are then one person, as are a profile at
    ``person/johndowns/index.md`` titled "John Downs" and a host ``johndowns``.

    >>> slug_person_id("Chris Reddington", "/person/chrisreddington/")
    'chrisreddington'
    >>> slug_person_id("John Downs", "content/person/johndowns/index.md")
    'johndowns'
    >>> slug_person_id("Ada Quill", "https://twitter.com/adaq"), slug_person_id("Ada Quill", "https://adaquill.example")
    (None, None)
    """
    if not isinstance(name, str) or not isinstance(where, str):
        return None
    path = _URL_HOST.sub("", re.sub(r"[?#].*$", "", where))  # a site's name is no slug
    parts = [p for p in re.split(r"[/\\]", path) if p]
    while parts and parts[-1].rsplit(".", 1)[0].casefold() in _INDEX_FILES:
        parts.pop()
    if not parts:
        return None
    slug = person_id(parts[-1].rsplit(".", 1)[0] if "." in parts[-1] else parts[-1])
    own = person_id(name)
    if slug and own and slug.replace("-", "") == own.replace("-", ""):
        return slug
    return None


def person_kind(role: str, name: str) -> str:
    """``organization`` for sponsors and company-like names, else ``person``.

    >>> person_kind("sponsor", "Honeybadger"), person_kind("guest", "Mike Perham")
    ('organization', 'person')
    >>> person_kind("guest", "Contributed Systems LLC")
    'organization'
    """
    if role == "sponsor":
        return "organization"
    folded = normalize_name(name).casefold() if isinstance(name, str) else ""
    return "organization" if folded.endswith(ORG_SUFFIXES) else "person"


def _split_cjk(piece: str) -> list[str]:
    """Split ``张三和李四`` when every part looks like a Chinese name (two or more characters)."""
    parts = [p.strip() for p in _CJK_JOINER.split(piece)]
    if len(parts) > 1 and all(len(p) >= 2 and _CJK_ONLY.match(p) for p in parts):
        return parts
    return [piece]


def _strip_trailing_dot(name: str) -> str:
    if not name.endswith("."):
        return name
    last = name[:-1].split()[-1] if name[:-1].split() else ""
    if len(last) == 1 or last.casefold() in ABBREVIATIONS or "." in last:
        return name
    return name[:-1]


def _clean_name(piece: str) -> str:
    name = _LIST_MARKER.sub("", piece).replace("*", "").replace("`", "")
    name = _LEADING_JOINER.sub("", name.strip()).strip(" _~")
    name = _TRAILING_PAREN.sub("", name).strip().strip(_QUOTES).strip()
    name = name.lstrip("@").rstrip(",;:!?。，；：！？、 ")
    name = normalize_name(_strip_trailing_dot(name))
    if name.casefold() in PLACEHOLDERS or "://" in name:
        return ""
    return name


def _protect(value: str, slots: list[str]) -> str:
    """Replace wikilinks and Markdown links by numbered slots so separators inside them stay."""

    def wiki(m: re.Match[str]) -> str:
        targets = wikilink_targets(m.group(0))
        slots.append(targets[0].rsplit("/", 1)[-1] if targets else "")
        return f"\x00{len(slots) - 1}\x00"

    def md(m: re.Match[str]) -> str:
        slots.append(m.group(1))
        return f"\x00{len(slots) - 1}\x00"

    return _MD_LINK.sub(md, _WIKILINK.sub(wiki, value.replace("\x00", "")))


def split_names(value: str) -> list[str]:
    """The names in a people field value, in order.

    >>> split_names("[[Jason Charnes]], [[Chris Oliver]], [[Andrew Mason]]")
    ['Jason Charnes', 'Chris Oliver', 'Andrew Mason']
    >>> split_names("Alice, Bob and Carol"), split_names("张三、李四和王五")
    (['Alice', 'Bob', 'Carol'], ['张三', '李四', '王五'])
    >>> split_names("[[people/Mike Perham|Mike]]; Dr. Jane Doe, PhD")
    ['Mike Perham', 'Dr. Jane Doe, PhD']
    """
    if not isinstance(value, str):
        return []
    return list(_split_names(value))


@functools.lru_cache(maxsize=4096)  # the same host or guest list comes back note after note
def _split_names(value: str) -> tuple[str, ...]:
    slots: list[str] = []
    protected = _protect(value, slots)
    names: list[str] = []
    for piece in _SEPARATORS.split(protected):
        for part in _split_cjk(piece.strip()):
            name = _clean_name(_SLOT.sub(lambda m: slots[int(m.group(1))], part))
            if not name:
                continue
            if names and name.casefold().replace(".", "") in NAME_SUFFIXES:
                names[-1] = f"{names[-1]}, {name}"
            else:
                names.append(name)
    return tuple(names)


def looks_like_name(name: str, *, single_word: bool = True, handle: bool = True) -> bool:
    """Whether ``name`` reads as a person's or organisation's name rather than prose.

    Latin names: at most five words, each capitalised (or a particle like ``van``, or
    camel-case like ``PixelMage``); one lowercase word is a handle (``miki``,
    ``drew-devore``). Chinese names: two to four Han characters, or longer with ``·``.
    Never a role word, a pronoun or a common title word (``Host``, ``Welcome``, ``Notes``);
    ``single_word=False`` (a name read from a title) also refuses a one-word Latin name,
    more than three words, digits, apostrophes and title words (``January Recap``);
    ``handle=False`` refuses a lowercase one-word name (a plain line may be one word).

    >>> looks_like_name("Ada Quill"), looks_like_name("PixelMage"), looks_like_name("miki")
    (True, True, True)
    >>> looks_like_name("张三"), looks_like_name("布莱恩·切斯基"), looks_like_name("如果他这样做")
    (True, True, False)
    >>> looks_like_name("Welcome back everyone"), looks_like_name("Host"), looks_like_name("Notes")
    (False, False, False)
    >>> looks_like_name("Ada", single_word=False), looks_like_name("Ludwig van Beethoven")
    (False, True)
    >>> looks_like_name("January Recap", single_word=False), looks_like_name("CoderNotes Part 3")
    (False, True)
    """
    if not isinstance(name, str):
        return False
    text = normalize_name(name)
    bare = text.rstrip(".,!?。，！？").casefold()
    if not text or len(text) > 60 or _SENTENCE.search(text) or bare in NOT_NAMES:
        return False
    if _HAN.search(text):
        han = len(_HAN.findall(text))
        if "·" in text or "•" in text:
            return _CJK_ONLY.match(text) is not None and han <= 15
        return _CJK_ONLY.match(text) is not None and 2 <= han <= 4
    words = text.split()
    if len(words) > 5 or any(w.casefold() in NOT_NAMES for w in words):
        return False
    if not single_word and (
        len(words) > 3
        or _TITLE_NOISE.search(text)
        or any(w.casefold() in TITLE_WORDS for w in words)
    ):
        return False
    if len(words) == 1:
        if not single_word:
            return False
        return _WORD_OK.match(text) is not None or (handle and _HANDLE.match(text) is not None)
    return all(_WORD_OK.match(w) or w.casefold() in NAME_PARTICLES for w in words)
