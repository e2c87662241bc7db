"""YAML front matter through libyaml, safely: bad YAML, alias bombs and deep nesting become issues.

The text is composed to a node graph first (``CSafeLoader.get_single_node``), which is what
``yaml.load`` does before it constructs Python values. The graph gives the line of every
top-level key and of every duplicate key, and its expanded size catches an alias bomb
before anything is built; then ``construct_document`` builds the values as ``yaml.load``
would. libyaml refuses nesting past 1000 levels with an ordinary error.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import yaml

from transforms.issues import Issue

_STAGE = "frontmatter"
_MAX_CHARS = 1_000_000
_MAX_VALUES = 100_000  # nodes after expanding every alias
_NOT_LOADED = "the note was loaded without its properties"
_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_PLAIN_SCALAR_TAGS = frozenset(
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp")
)
# libyaml also breaks lines at CR, NEL and the Unicode separators; a note breaks only at \n.
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_ODD_BREAK = re.compile("[\r\x85\u2028\u2029]")


class _Loader(yaml.CSafeLoader):
    """libyaml's safe loader, except that a value YAML 1.1 would misread stays text."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        """The tag of a node written without one, as the stock resolver gives it when there
        are no path resolvers (the safe loader has none); a plain scalar's is cached."""
        if kind is yaml.ScalarNode:
            return _plain_tag(value) if implicit[0] else _STR_TAG
        return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG


_RESOLVER = yaml.resolver.Resolver()


@functools.lru_cache(maxsize=4096)  # keys and flags like "title", "true", "episode" repeat
def _plain_tag(value: str) -> str:
    """The tag YAML gives a plain scalar: it depends on the text alone."""
    return str(_RESOLVER.resolve(yaml.ScalarNode, value, (True, False)))  # type: ignore[no-untyped-call]


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """``2021-13-45`` stays a string instead of failing the whole front matter."""
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """``41:08`` stays the string a person wrote, not YAML 1.1's base-60 integer 2468."""
    text = loader.construct_scalar(node)
    return text if ":" in str(text) else loader.construct_yaml_int(node)


def _float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    text = loader.construct_scalar(node)
    return text if ":" in str(text) else loader.construct_yaml_float(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _int)
_Loader.add_constructor("tag:yaml.org,2002:float", _float)


@dataclass(frozen=True)
class LoadedYaml:
    data: Any
    key_lines: dict[str, int]
    issues: tuple[Issue, ...]
    nested_lines: dict[str, int] = field(default_factory=dict)  # "episode.number": 3


class _Lines:
    """Maps libyaml's 0-based line of a mark to the 1-based line in the note."""

    def __init__(self, raw: str, first_line: int) -> None:
        self.raw = raw
        self.first_line = first_line
        self._table: list[int] | None = None
        if _ODD_BREAK.search(raw):
            counts, newlines = [0], 0
            for brk in _YAML_BREAK.finditer(raw):
                newlines += "\n" in brk.group()
                counts.append(newlines)
            self._table = counts

    def of(self, mark: Any) -> int:
        line = int(getattr(mark, "line", 0))
        if self._table is not None:
            line = self._table[min(line, len(self._table) - 1)]
        return self.first_line + line


def load_yaml(raw: str, first_line: int) -> LoadedYaml:
    """Load the YAML ``raw`` whose first line is line ``first_line`` of the note.

    >>> load_yaml("a: 1\\nb: *x", 2).issues[0].message[:42]
    'front matter is not valid YAML at line 3 ('
    >>> load_yaml("a: 1\\nb: 2\\na: 3", 5).issues[0].message
    "front matter has the key 'a' more than once (lines 5, 7); the last value is kept"
    """
    lines = _Lines(raw, first_line)
    if len(raw) > _MAX_CHARS:
        message = f"front matter is longer than {_MAX_CHARS:,} characters; {_NOT_LOADED}"
        return LoadedYaml(None, {}, (_warn(message, first_line - 1),))
    loader = _Loader(raw)
    try:
        return _compose_and_build(loader, lines)
    except yaml.MarkedYAMLError as exc:
        # An unclosed quote or bracket is noticed far below it; point at where it opened.
        opened = exc.context_mark if "quoted scalar" in (exc.context or "") else None
        line = lines.of(opened or exc.problem_mark or exc.context_mark)
        problem = exc.problem or exc.context or "unreadable"
        if exc.problem and exc.context and exc.context_mark:
            problem += f", {exc.context} started on line {lines.of(exc.context_mark)}"
        message = f"front matter is not valid YAML at line {line} ({problem}); {_NOT_LOADED}"
        return LoadedYaml(None, {}, (_warn(message, line),))
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
        message = f"front matter could not be read as YAML ({exc}); {_NOT_LOADED}"
        return LoadedYaml(None, {}, (_warn(message, first_line - 1),))
    except (IndexError, KeyError):  # PyYAML's own failure on `!!int` with no value, `!!bool x`
        message = (
            "front matter has a YAML tag such as !!int or !!bool on a value it cannot "
            f"take (an empty or misspelt value); remove the tag or fix the value; {_NOT_LOADED}"
        )
        return LoadedYaml(None, {}, (_warn(message, first_line - 1),))
    finally:
        loader.dispose()


def _compose_and_build(loader: _Loader, lines: _Lines) -> LoadedYaml:
    root = loader.get_single_node()
    if root is None:
        return LoadedYaml(None, {}, ())
    # Without a "*" there is no alias, so the graph is a tree: no shared or cyclic nodes.
    plain = False
    if "*" in lines.raw:
        size, duplicates = _inspect(root, lines)
    else:
        size, duplicates, plain = _inspect_tree(root, lines)
    if size is None or size > _MAX_VALUES:
        why = (
            "has an alias that contains itself"
            if size is None
            else f"expands its aliases to more than {_MAX_VALUES:,} values (an alias bomb?)"
        )
        return LoadedYaml(
            None, {}, (_warn(f"front matter {why}; {_NOT_LOADED}", lines.first_line - 1),)
        )
    data = _build_plain(loader, root) if plain else loader.construct_document(root)
    key_lines: dict[str, int] = {}
    nested: dict[str, int] = {}
    issues = list(duplicates)
    if isinstance(root, yaml.MappingNode) and isinstance(data, dict):
        for key_node, value_node in root.value:  # merge keys (<<) are flattened in by now
            if key_node.tag == _STR_TAG:  # what the str constructor would return
                key = key_node.value
            else:
                key = loader.construct_object(key_node, deep=True)
            line = lines.of(key_node.start_mark)
            key_lines[key_text(key)] = line
            if isinstance(value_node, yaml.MappingNode):
                _nested_lines(value_node, key_text(key), lines, nested)
            if not isinstance(key, str):
                issues.append(
                    _warn(
                        f"front-matter key {key_node.value!r} is read by YAML as a "
                        f"{type(key).__name__}, not text; it was stored as '{key_text(key)}' — "
                        "quote it to keep it as written",
                        line,
                    )
                )
    return LoadedYaml(data, key_lines, tuple(issues), nested)


def _nested_lines(
    node: yaml.MappingNode, prefix: str, lines: _Lines, out: dict[str, int], depth: int = 1
) -> None:
    """The line of every text key of mappings inside mappings, by its dotted path (the last
    of a repeated key, as the data keeps); lists are not entered: their items share a line
    with nothing."""
    for key_node, value_node in node.value:
        if key_node.tag != _STR_TAG:
            continue
        path = f"{prefix}.{key_node.value}"
        out[path] = lines.of(key_node.start_mark)
        if isinstance(value_node, yaml.MappingNode) and depth < _MAX_NESTED_DEPTH:
            _nested_lines(value_node, path, lines, out, depth + 1)


_MAX_NESTED_DEPTH = 8


def key_text(key: Any) -> str:
    """A mapping key as text: ``True`` -> "true", ``None`` -> "null", others ``str()``.

    >>> key_text(True), key_text(None), key_text(3)
    ('true', 'null', '3')
    """
    if isinstance(key, bool):
        return "true" if key else "false"
    return "null" if key is None else str(key)


def _inspect(root: yaml.Node, lines: _Lines) -> tuple[int | None, tuple[Issue, ...]]:
    """Expanded size of the node graph (None when an alias contains itself) and duplicate keys."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    issues: list[Issue] = []
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        if finished:
            on_path.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if id(node) in sizes:
            continue
        on_path.add(id(node))
        stack.append((node, True))
        if isinstance(node, yaml.MappingNode):
            issues.extend(_duplicate_keys(node, lines))
        for child in _children(node):
            if id(child) in on_path:
                return None, ()
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes[id(root)], tuple(issues)


def _inspect_tree(root: yaml.Node, lines: _Lines) -> tuple[int, tuple[Issue, ...], bool]:
    """:func:`_inspect` for a graph without aliases: same size and issues, in the same order.

    The third value says whether the tree is plain enough for :func:`_build_plain`.
    """
    size = 0
    plain = True
    issues: list[Issue] = []
    stack = [root]
    while stack:
        node = stack.pop()
        size += 1
        if isinstance(node, yaml.MappingNode):
            if _may_repeat_keys(node):
                issues.extend(_duplicate_keys(node, lines))
            plain = plain and node.tag == _MAP_TAG
            for key, value in node.value:
                plain = plain and isinstance(key, yaml.ScalarNode)
                stack += (key, value)
        elif isinstance(node, yaml.SequenceNode):
            plain = plain and node.tag == _SEQ_TAG
            stack.extend(node.value)
        else:
            plain = plain and node.tag in _PLAIN_SCALAR_TAGS
    return size, tuple(issues), plain


def _build_plain(loader: _Loader, root: yaml.Node) -> Any:
    """``loader.construct_document(root)`` for a plain tree (see :func:`_inspect_tree`).

    Same values, built in the same order (containers breadth first, as PyYAML's deferred
    generators fill them), so a scalar that fails to construct fails as it would there.
    """
    data = _shell(loader, root)
    pending = [(root, data)] if not isinstance(root, yaml.ScalarNode) else []
    while pending:
        current, pending = pending, []
        for node, container in current:
            if isinstance(node, yaml.MappingNode):
                mapping = {}
                for key_node, value_node in node.value:
                    # In a plain tree only a scalar has the string tag: its value is the text.
                    key = key_node.value if key_node.tag == _STR_TAG else _shell(loader, key_node)
                    if value_node.tag == _STR_TAG:
                        mapping[key] = value_node.value
                        continue
                    mapping[key] = value = _shell(loader, value_node)
                    if not isinstance(value_node, yaml.ScalarNode):
                        pending.append((value_node, value))
                container.update(mapping)
            else:
                items = [_shell(loader, child) for child in node.value]
                pending += [
                    (child, item)
                    for child, item in zip(node.value, items, strict=True)
                    if not isinstance(child, yaml.ScalarNode)
                ]
                container.extend(items)
    return data


def _shell(loader: _Loader, node: yaml.Node) -> Any:
    """A scalar's value, or a new empty list or dict for a sequence or mapping."""
    if isinstance(node, yaml.MappingNode):
        return {}
    if isinstance(node, yaml.SequenceNode):
        return []
    if node.tag == _STR_TAG:
        return node.value
    return loader.yaml_constructors[node.tag](loader, node)


def _may_repeat_keys(node: yaml.MappingNode) -> bool:
    keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
    return len(set(keys)) < len(keys)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _duplicate_keys(node: yaml.MappingNode, lines: _Lines) -> list[Issue]:
    seen: defaultdict[str, list[int]] = defaultdict(list)
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
            seen[key_node.value].append(lines.of(key_node.start_mark))
    issues = []
    for key, at in seen.items():
        if len(at) > 1:
            where = ", ".join(str(n) for n in at)
            message = f"front matter has the key '{key}' more than once (lines {where}); "
            issues.append(_warn(message + "the last value is kept", at[-1]))
    return issues


def _warn(message: str, line: int) -> Issue:
    return Issue("warning", _STAGE, message, line)
