"""Properties as rows: front-matter keys and Dataview inline fields (``Key:: value``).

Front-matter values are rendered canonically (dates ISO, booleans "true"/"false");
inline values keep the text as written, trimmed (``[[2021-03-05]]``, ``<https://…>``,
``[MP3](https://…)``), with ``value_type`` saying how to read it. Extractors that need
the URL or the seconds parse the raw value themselves.

Inline fields follow Dataview: a whole line ``Key:: value`` (also ``**Key**::``,
``__Key__::``, inside ``>`` callouts and list items) or ``[key:: value]`` /
``(key:: value)`` anywhere in a line. Not in code; a key has at most 60 characters,
at least one letter, and no ``:``, so ``https://x::y`` and ``12:30:: x`` are not fields.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from transforms.text.markdown import mask_code
from transforms.time.dates import parse_date, parse_datetime
from transforms.time.durations import parse_duration

MAX_ROWS = 10_000  # rows per note; the caller can warn when a note reaches it
_MAX_KEY = 60
_MAX_WHEN = 80  # longer values are prose, not a date or a duration

_MARKUP = re.compile(r"^(\*\*|__)(.*)\1$")
_NON_WORD = re.compile(r"[\W_]+")
_KEY = (
    r"(?:\*\*(?P<bold>[^*:]+?)\*\*|__(?P<under>[^_:]+?)__"
    r"|(?P<plain>[^\s:\[\]()>*`#|][^:\[\]()`|]*?))"
)
_LINE_FIELD = re.compile(
    r"^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?"
    r"(?:\*\*(?P<boldc>[^*:]+?)[ \t]*::\*\*|"  # **Key::** value
    + _KEY
    + r"[ \t]*::(?!:))[ \t]*(?P<value>.*?)[ \t]*$"
)
_INLINE_OPEN = re.compile(r"[\[(][ \t]*" + _KEY + r"[ \t]*::(?!:)")
_CLOSER = {"[": "]", "(": ")"}

_BOOL = frozenset({"true", "false", "yes", "no"})
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+")
_HAS_TIME = re.compile(r"\d[T ]\d{1,2}:\d{2}")
_DIGIT = re.compile(r"\d")
_WIKILINK = re.compile(r"!?\[\[([^\[\]|#]+)(?:[#|][^\[\]]*)?\]\]")
_WIKILINK_LIST = re.compile(r"!?\[\[[^\[\]]+\]\](?:[ \t]*[,，、;][ \t]*!?\[\[[^\[\]]+\]\])+")
_LINK = re.compile(r"<https?://\S+>|\[[^\]]*\]\(\S+?\)|(?:https?://|www\.)\S+", re.I)


@dataclass(frozen=True, kw_only=True)
class Field:
    """One property row; ``ordinal`` is its 1-based position among the rows returned."""

    key: str
    raw_key: str
    value: str
    value_type: str
    source: str
    line: int | None
    ordinal: int


@functools.lru_cache(maxsize=4096)  # the same few keys come back in every note
def normalize_key(raw: str) -> str:
    """The key as the warehouse stores it: NFKC, casefolded, markup gone, words joined by ``_``.

    Returns "" when the key holds no letter or digit.

    >>> normalize_key("**Published Date**"), normalize_key("发布日期")
    ('published_date', '发布日期')
    >>> normalize_key("  Episode-No. "), normalize_key("Ｔｉｔｌｅ")
    ('episode_no', 'title')
    """
    text = unicodedata.normalize("NFKC", _raw_key(raw)).casefold()
    return _NON_WORD.sub("_", text).strip("_")


@functools.lru_cache(maxsize=4096)
def _raw_key(raw: str) -> str:
    """The key as written, less surrounding space and ``**``/``__`` markup."""
    text = raw.strip()
    while (found := _MARKUP.match(text)) is not None:
        text = found.group(2).strip()
    return text


def classify_value(value: str) -> str:
    """The ``value_type`` of one text value.

    >>> [classify_value(v) for v in ("[[2021-03-05]]", "[[Mike Perham]]", "41:08", "1,000")]
    ['date', 'link', 'duration', 'number']
    >>> [classify_value(v) for v in ("No", "<https://x.fm/s/1>", "[[A]], [[B]]", "Hello")]
    ['bool', 'link', 'list', 'text']
    """
    # Fast path: the type depends on the text alone, and short values ("draft", "episode",
    # "true", a date) repeat from note to note, so those are looked up once per process.
    if len(value) <= _MAX_WHEN:
        return _classify_short(value)
    return _classify(value)


@functools.lru_cache(maxsize=4096)
def _classify_short(value: str) -> str:
    return _classify(value)


def _classify(value: str) -> str:
    text = value.strip()
    if not text:
        return "text"
    if text.casefold() in _BOOL:
        return "bool"
    if _NUMBER.fullmatch(text):
        return "number"
    if _WIKILINK_LIST.fullmatch(text):
        return "list"
    inner = _WIKILINK.fullmatch(text)
    if inner is None and _LINK.fullmatch(text):
        return "link"
    target = inner.group(1).strip() if inner else text
    when = _when_type(target) if len(target) <= _MAX_WHEN else None
    return when or ("link" if inner else "text")


def _when_type(text: str) -> str | None:
    """The type of a text that reads as a point or span of time: datetime, date, duration."""
    if not _DIGIT.search(unicodedata.normalize("NFKC", text)):
        return None  # every date, datetime and duration reader needs a digit after NFKC
    if _HAS_TIME.search(text) and parse_datetime(text) is not None:
        return "datetime"
    if parse_date(text) is not None:
        return "date"
    if parse_duration(text) is not None:
        return "duration"
    return None


def build_frontmatter_fields(
    metadata: Mapping[str, Any],
    key_lines: Mapping[str, int],
    nested_lines: Mapping[str, int] | None = None,
) -> list[Field]:
    """One row per front-matter value: nested keys dotted, one row per list item.

    A list or mapping with nothing in it still gets one row with an empty value.
    At most ``MAX_ROWS`` rows.

    >>> rows = build_frontmatter_fields({"tags": ["a", 2], "explicit": False}, {"tags": 3})
    >>> [(f.key, f.value, f.value_type, f.line) for f in rows]
    [('tags', 'a', 'text', 3), ('tags', '2', 'number', 3), ('explicit', 'false', 'bool', None)]
    >>> rows = build_frontmatter_fields({"Guests": [{"Name": "Mike"}]}, {})
    >>> [(f.key, f.raw_key, f.value) for f in rows]
    [('guests.name', 'Guests.Name', 'Mike')]
    """
    rows: list[Field] = []
    try:
        for raw_key, value in metadata.items():
            line = key_lines.get(str(raw_key))
            if type(value) in _SCALARS:  # one row, the path is the key: no walk needed
                leaves: Iterable[tuple[list[str], Any]] = (([str(raw_key)], value),)
            else:
                leaves = _leaves(str(raw_key), value)
            for path, leaf in leaves:
                key, raw = _path_keys(path)
                text, value_type = _render(leaf)
                at = _nested_line(raw, nested_lines, line) if nested_lines else line
                rows.append(
                    Field(
                        key=key,
                        raw_key=raw,
                        value=text,
                        value_type=value_type,
                        source="frontmatter",
                        line=at,
                        ordinal=len(rows) + 1,
                    )
                )
                if len(rows) >= MAX_ROWS:
                    return rows
    except (RecursionError, TypeError, ValueError):
        pass  # a mapping that misbehaves keeps the rows built so far
    return rows


def _nested_line(raw: str, nested_lines: Mapping[str, int], line: int | None) -> int | None:
    """The line of the nearest key on the dotted path ``raw`` whose line is known, else ``line``.

    >>> _nested_line("extra.more.x", {"extra.more": 10}, 7), _nested_line("a.b", {}, 2)
    (10, 2)
    """
    while "." in raw:
        if raw in nested_lines:
            return nested_lines[raw]
        raw = raw.rsplit(".", 1)[0]
    return line


# Exact types (no subclasses) that ``_leaves`` yields as they are.
_SCALARS = frozenset({str, int, float, bool, type(None), dt.date, dt.datetime})
_SEQUENCES = (list, tuple, set, frozenset)
_NUMBERS = (int, float)
_CONTAINERS = (Mapping, *_SEQUENCES)
_EMPTY_LIST = object()
_EMPTY_MAP = object()


def _path_keys(path: list[str]) -> tuple[str, str]:
    """The normalised and the raw dotted key of a path of keys."""
    if len(path) == 1:
        return normalize_key(path[0]), _raw_key(path[0])
    return ".".join(map(normalize_key, path)), ".".join(map(_raw_key, path))


def _leaves(key: str, value: Any) -> Iterator[tuple[list[str], Any]]:
    """Depth-first (path, value) pairs; containers already on the path are not entered again."""
    stack: list[tuple[list[str], Any, frozenset[int]]] = [([key], value, frozenset())]
    while stack:
        path, item, seen = stack.pop()
        if isinstance(item, _CONTAINERS) and id(item) in seen:
            continue
        if isinstance(item, Mapping):
            inner = seen | {id(item)}
            entries = [([*path, str(k)], v, inner) for k, v in item.items()]
            stack.extend(reversed(entries))
            if not entries:
                yield path, _EMPTY_MAP
        elif isinstance(item, _SEQUENCES):
            inner = seen | {id(item)}
            ordered = sorted(item, key=str) if isinstance(item, set | frozenset) else item
            stack.extend(reversed([(path, v, inner) for v in ordered]))
            if not ordered:
                yield path, _EMPTY_LIST
        else:
            yield path, item


def _render(value: Any) -> tuple[str, str]:
    """A leaf value as (text, value_type)."""
    if value is _EMPTY_LIST:
        return "", "list"
    if value is None or value is _EMPTY_MAP:
        return "", "text"
    if isinstance(value, bool):
        return ("true" if value else "false"), "bool"
    if isinstance(value, _NUMBERS):
        return str(value), "number"
    if isinstance(value, dt.datetime):
        return value.isoformat(), "datetime"
    if isinstance(value, dt.date):
        return value.isoformat(), "date"
    if isinstance(value, dt.time):  # TOML local time: a time of day, not a duration
        return value.isoformat(), "text"
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace"), "text"
    text = str(value)
    return text, classify_value(text)


def text_field(key: str, raw_key: str, value: str, source: str, line: int, ordinal: int) -> Field:
    """A row for a property written as text in the body (inline or ``Key: value``), its
    type read from the value.

    >>> text_field("length", "Length", "41:08", "body", 3, 1).value_type
    'duration'
    """
    return Field(
        key=key, raw_key=raw_key, value=value, value_type=classify_value(value), source=source,
        line=line, ordinal=ordinal,
    )  # fmt: skip


def find_inline_fields(text: str, first_ordinal: int = 1) -> list[Field]:
    """Dataview inline fields outside code, in order of line then position.

    ``first_ordinal`` numbers the rows after the front-matter ones. At most ``MAX_ROWS``.

    >>> rows = find_inline_fields("x\\n> **Duration**:: 41:08")
    >>> [(f.key, f.raw_key, f.value, f.value_type, f.line) for f in rows]
    [('duration', 'Duration', '41:08', 'duration', 2)]
    >>> [(f.key, f.value) for f in find_inline_fields("Ep 1 [rating:: 9] (mood:: [[Calm]])")]
    [('rating', '9'), ('mood', '[[Calm]]')]
    """
    rows: list[Field] = []
    if "::" not in text:  # masking only blanks characters, so no field can appear
        return rows
    for number, line in _lines_with(mask_code(text), "::"):
        for raw_key, value in _fields_in_line(line):
            key = normalize_key(raw_key)
            if key:
                ordinal = first_ordinal + len(rows)
                rows.append(text_field(key, raw_key, value, "inline", number, ordinal))
                if len(rows) >= MAX_ROWS:
                    return rows
    return rows


def _lines_with(text: str, needle: str) -> Iterator[tuple[int, str]]:
    """(1-based number, line) of each line of ``text`` that contains ``needle``."""
    number, counted = 1, 0
    at = text.find(needle)
    while at != -1:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end == -1 else end
        number += text.count("\n", counted, start)
        counted = start
        yield number, text[start:end]
        at = text.find(needle, end)


def _fields_in_line(line: str) -> list[tuple[str, str]]:
    """(raw key, value) pairs in one masked line: a whole-line field, else bracketed ones."""
    whole = _LINE_FIELD.match(line)
    if whole and _good_key(key := _key_of(whole)):
        return [(key, whole.group("value"))]
    found: list[tuple[str, str]] = []
    start = 0
    while (opening := _INLINE_OPEN.search(line, start)) is not None:
        close = _closing(line, opening.start(), opening.end())
        if close is None:
            start = opening.start() + 1
            continue
        if _good_key(key := _key_of(opening)):
            found.append((key, line[opening.end() : close].strip()))
        start = close + 1
    return found


def _key_of(match: re.Match[str]) -> str:
    groups = match.groupdict()
    key = groups.get("boldc") or groups["bold"] or groups["under"] or groups["plain"] or ""
    return str(key).strip()


def _good_key(key: str) -> bool:
    return 0 < len(key) <= _MAX_KEY and any(map(str.isalpha, key))


def _closing(line: str, open_at: int, value_at: int) -> int | None:
    """Index of the bracket closing the one at ``open_at``, counting nested pairs."""
    opener = line[open_at]
    closer = _CLOSER[opener]
    depth = 1
    for i in range(value_at, len(line)):
        if line[i] == opener:
            depth += 1
        elif line[i] == closer:
            depth -= 1
            if depth == 0:
                return i
    return None
