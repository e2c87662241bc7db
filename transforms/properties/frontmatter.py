"""Front matter: split a note into its properties and its body, keeping every line number.

Formats, tried in order on the first line: YAML between ``---`` lines (closed by ``---`` or
``...``), TOML between ``+++`` lines, a JSON object starting the note (Hugo allows it),
or none. The body is the whole text with the front-matter lines (fences included)
replaced by empty lines, so a line in the body is the same line in the file.

python-frontmatter's handlers are not used: its YAML handler compiles ``-{3,}`` fences,
its TOML handler only exists when the third-party ``toml`` package is installed, and each
fence needs its line number here anyway, so three one-line patterns do the detection.
Problems never raise; they become warnings and the note loads from its body.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from transforms.issues import Issue
from transforms.properties.yaml_frontmatter import key_text, load_yaml

_STAGE = "frontmatter"
_YAML_OPEN = re.compile(r"^---[ \t]*\r?$")
# Searched in the whole text (re.M), so "$" is the end of a line, as it is for one split line.
_YAML_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_TOML_FENCE = re.compile(r"^\+\+\+[ \t]*\r?$", re.M)
_JSON_OPEN = re.compile(r'^\{[ \t]*(?:"|\r?$)')
_JSON_CLOSE = re.compile(r"^\}[ \t]*\r?$")
_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\]\n]')
_JSON_COLON = re.compile(r"\s*:")
_TOML_LINE_NO = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")
_TOML_NAME = r"(\"(?:[^\"\\]|\\.)*\"|'[^']*'|[A-Za-z0-9_-]+)"
_TOML_KEY = re.compile(r"^[ \t]*" + _TOML_NAME + r"[ \t]*[.=]")
_TOML_TABLE = re.compile(r"^[ \t]*\[\[?[ \t]*" + _TOML_NAME)
_TOML_HEADER = re.compile(r"^[ \t]*\[[ \t]*([^\[\]]+?)[ \t]*\][ \t]*(?:#.*)?$")  # not [[x]]
_BOM = "\ufeff"
_NOT_LOADED = "the note was loaded without its properties"


@dataclass(frozen=True)
class FrontMatter:
    """A note's properties and its body; line numbers always refer to the original text."""

    format: str | None
    metadata: dict[str, Any]
    body: str
    start_line: int | None = None
    end_line: int | None = None
    key_lines: dict[str, int] = field(default_factory=dict)
    issues: tuple[Issue, ...] = ()
    # line of each key inside a table or mapping, by dotted path: {"extra.guests": 4}
    nested_lines: dict[str, int] = field(default_factory=dict)


def split_frontmatter(text: str) -> FrontMatter:
    """Split ``text`` into front matter and a body with the same number of lines.

    >>> fm = split_frontmatter("---\\ntitle: Hi\\ntags: [a]\\n---\\nBody\\n")
    >>> fm.format, fm.metadata, fm.body, fm.key_lines
    ('yaml', {'title': 'Hi', 'tags': ['a']}, '\\n\\n\\n\\nBody\\n', {'title': 2, 'tags': 3})
    >>> split_frontmatter('+++\\ntitle = "Hi"\\n+++\\n').metadata
    {'title': 'Hi'}
    >>> split_frontmatter("---\\na: [1\\n---\\nBody").issues[0].line
    3
    """
    first_end = text.find("\n")
    first = text[: first_end if first_end != -1 else len(text)]
    if _YAML_OPEN.match(first.removeprefix(_BOM)):
        return _split_fenced(text, first, "yaml", _YAML_CLOSE)
    if _TOML_FENCE.match(first.removeprefix(_BOM)):
        return _split_fenced(text, first, "toml", _TOML_FENCE)
    if _JSON_OPEN.match(first.removeprefix(_BOM)):
        return _split_json(text, text.split("\n"))
    return FrontMatter(None, {}, text)


def _split_fenced(text: str, first: str, fmt: str, closing: re.Pattern[str]) -> FrontMatter:
    # The first closing line after line 1, found in the whole text rather than line by line.
    found = closing.search(text, len(first) + 1) if len(first) < len(text) else None
    if found is None:
        return _unclosed(text, first.strip().removeprefix(_BOM))
    end = text.count("\n", 0, found.start())  # 0-based line of the closing fence
    raw = text[len(first) + 1 : max(found.start() - 1, len(first) + 1)]
    after = text.find("\n", found.start())
    body = "\n" * (end + 1) + (text[after + 1 :] if after != -1 else "")
    if fmt == "toml":
        data, key_lines, nested, issues = _load_toml(raw, first_line=2)
    else:
        loaded = load_yaml(raw, first_line=2)
        data, key_lines, issues = loaded.data, loaded.key_lines, loaded.issues
        nested = loaded.nested_lines
        if isinstance(data, str):
            return _not_properties(text, end + 1)
    metadata, shape_issues = _as_metadata(data)
    if not metadata:
        key_lines, nested = {}, {}
    return FrontMatter(fmt, metadata, body, 1, end + 1, key_lines, issues + shape_issues, nested)


def _blank(lines: list[str], end: int) -> str:
    """The text with lines 0..end (0-based, inclusive) replaced by empty lines."""
    return "\n" * (end + 1) + "\n".join(lines[end + 1 :])


def _unclosed(text: str, fence: str) -> FrontMatter:
    message = (
        f"front matter opened with '{fence}' on line 1 is never closed, so the note was read "
        f"as having no front matter; add a closing '{fence}' line after the properties"
    )
    return FrontMatter(None, {}, text, issues=(Issue("warning", _STAGE, message, 1),))


def _not_properties(text: str, end_line: int) -> FrontMatter:
    """Prose between two ``---`` rules: keep it in the body, with a warning."""
    message = (
        f"the lines between the '---' on lines 1 and {end_line} are plain text, not "
        "'key: value' properties, so they were kept as part of the note"
    )
    return FrontMatter(None, {}, text, issues=(Issue("warning", _STAGE, message, 1),))


def _as_metadata(data: Any) -> tuple[dict[str, Any], tuple[Issue, ...]]:
    """The loaded value as a dict with string keys, or {} and a warning for a list or scalar."""
    if data is None:
        return {}, ()
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single {type(data).__name__} value"
        message = f"front matter is {kind}, not 'key: value' properties; {_NOT_LOADED}"
        return {}, (Issue("warning", _STAGE, message, 1),)
    return {key_text(k): v for k, v in data.items()}, ()


_TomlLoaded = tuple[Any, dict[str, int], dict[str, int], tuple[Issue, ...]]


def _load_toml(raw: str, first_line: int) -> _TomlLoaded:
    """(data, top-level key lines, nested key lines, issues)."""
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_LINE_NO.search(message)
        number = found.group(1) if found else None
        line = first_line + int(number) - 1 if number else first_line + raw.count("\n")
        problem = _TOML_LINE_NO.sub("", message)
        text = f"front matter is not valid TOML at line {line} ({problem}); {_NOT_LOADED}"
        return None, {}, {}, (Issue("warning", _STAGE, text, line),)
    except RecursionError:
        text = f"front matter is nested too deeply to read; {_NOT_LOADED}"
        return None, {}, {}, (Issue("warning", _STAGE, text, first_line - 1),)
    return data, *_toml_key_lines(raw, first_line, data), ()


def _toml_key_lines(
    raw: str, first_line: int, data: dict[str, Any]
) -> tuple[dict[str, int], dict[str, int]]:
    """Line of each top-level key (plain and dotted keys before any table, and table
    headers), and of each key under a ``[table]`` header by dotted path (``extra.guests``;
    a sub-table's header gives its own path's line). Keys of ``[[arrays]]`` are not listed."""
    top: dict[str, int] = {}
    nested: dict[str, int] = {}
    table: str | None = None
    in_table = False
    for i, line in enumerate(raw.split("\n")):
        header = _TOML_TABLE.match(line)
        if header:
            name = header.group(1).strip("\"'")
            if name in data:
                top.setdefault(name, first_line + i)
            in_table = True
            whole = _TOML_HEADER.match(line)
            parts = whole[1].split(".") if whole else []
            table = ".".join(p.strip().strip("\"'") for p in parts) or None
            if table and "." in table:
                nested.setdefault(table, first_line + i)
            continue
        key = _TOML_KEY.match(line)
        if key and not in_table:
            name = key.group(1).strip("\"'")
            if name in data:
                top.setdefault(name, first_line + i)
        elif key and table:
            nested[f"{table}.{key.group(1).strip(chr(34) + chr(39))}"] = first_line + i
    return top, nested


def _split_json(text: str, lines: list[str]) -> FrontMatter:
    start = 1 if text.startswith(_BOM) else 0
    try:
        data, end = json.JSONDecoder().raw_decode(text, start)
    except json.JSONDecodeError as exc:
        return _bad_json(text, lines, f"{exc.msg}", exc.lineno)
    except RecursionError:
        return _bad_json(text, lines, "nested too deeply", 1)
    end_line = text.count("\n", 0, end)
    if lines[end_line][end - (text.rfind("\n", 0, end) + 1) :].strip():
        return FrontMatter(None, {}, text)  # prose that happens to start with an object
    key_lines, nested = _json_key_lines(text, end)
    metadata, issues = _as_metadata(data)
    return FrontMatter(
        "json", metadata, _blank(lines, end_line), 1, end_line + 1, key_lines, issues, nested
    )


def _bad_json(text: str, lines: list[str], problem: str, line: int) -> FrontMatter:
    end = next((i for i, ln in enumerate(lines) if _JSON_CLOSE.match(ln)), None)
    if end is None:
        return _unclosed(text, "{")
    message = f"front matter is not valid JSON at line {line} ({problem}); {_NOT_LOADED}"
    issue = Issue("warning", _STAGE, message, line)
    return FrontMatter("json", {}, _blank(lines, end), 1, end + 1, issues=(issue,))


def _json_key_lines(text: str, end: int) -> tuple[dict[str, int], dict[str, int]]:
    """Line of each key of the outermost JSON object, and of each key of the objects inside
    it by dotted path (arrays are not entered); the last of a repeated key wins, as in ``json``.

    >>> _json_key_lines('{"a": 1,\\n "b": {"c": [{"d": 2}],\\n "e": 3}}', 99)
    ({'a': 1, 'b': 2}, {'b.c': 2, 'b.e': 3})
    """
    top: dict[str, int] = {}
    nested: dict[str, int] = {}
    paths: list[str | None] = []  # per open object or array: its dotted path, None in an array
    key: str | None = None  # the path of a key whose value comes next
    line = 1
    for match in _JSON_TOKEN.finditer(text, 0, end):
        token = match.group()
        if token == "\n":
            line += 1
            continue
        if token == "{":
            paths.append("" if not paths else key)
        elif token == "[":
            paths.append(None)
        elif token in "}]":
            paths.pop()
        elif paths and paths[-1] is not None and _JSON_COLON.match(text, match.end()):
            name = json.loads(token)
            key = f"{paths[-1]}.{name}" if paths[-1] else name
            (top if len(paths) == 1 else nested)[key] = line
            continue
        key = None
    return top, nested
