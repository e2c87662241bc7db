"""split_frontmatter: YAML / TOML / JSON front matter, line numbers, and every way it goes wrong."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.seed_notes import SEED_000, SEED_004, head
from transforms.properties.frontmatter import split_frontmatter
from transforms.properties import yaml_frontmatter as _yaml_frontmatter


def _short(value: object, width: int = 48) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


_UTC = dt.UTC

# (text, format, metadata, start_line, end_line, key_lines) — front matter of the seed notes.
SEED_CASES: list[tuple[str, str, dict[str, Any], int, int, dict[str, int]]] = [
    (
        # the seed's front matter and callout, then a thematic break that is no fence
        head(SEED_000, 12) + "\n---\n\n## Summary\n",
        "yaml",
        {
            "id": 471329,
            "status": "published",
            "explicit": False,
            "tags": ["episode"],
            "aliases": ["119"],
            "created_at": dt.datetime(2021, 2, 22, 23, 9, 27, 450000, tzinfo=_UTC),
            "updated_at": dt.datetime(2022, 4, 5, 15, 36, 44, 404000, tzinfo=_UTC),
        },
        1,
        9,
        {
            "id": 2,
            "status": 3,
            "explicit": 4,
            "tags": 5,
            "aliases": 6,
            "created_at": 7,
            "updated_at": 8,
        },
    ),
    (
        head(SEED_004, 8) + "### Mike Perham，软件开发人员，Sidekiq创建者\n",
        "yaml",
        {
            "title": "标杆人物01：Mike Perham，软件开发人员，Sidekiq创建者",
            "date": "2023/1/16",
            "description": "Mike Perham，软件开发人员，Sidekiq创建者",
            "tag": "人物故事",
            "author": "拿小多",
        },
        1,
        7,
        {"title": 2, "date": 3, "description": 4, "tag": 5, "author": 6},
    ),
]

# Front matter as Jekyll, Hugo, Hexo, Obsidian and Zola write it.
REAL_FORMAT_CASES: list[tuple[str, str, dict[str, Any], int, int, dict[str, int]]] = [
    ("---\ntitle: Hi\n...\nBody", "yaml", {"title": "Hi"}, 1, 3, {"title": 2}),  # YAML end
    ("---\n---\nBody", "yaml", {}, 1, 2, {}),  # empty front matter
    ("---   \ntitle: Hi\n---  \n", "yaml", {"title": "Hi"}, 1, 3, {"title": 2}),  # trailing spaces
    ("\ufeff---\ntitle: Hi\n---\n", "yaml", {"title": "Hi"}, 1, 3, {"title": 2}),  # BOM kept
    (
        "---\r\ntitle: Hi\r\nn: 2\r\n---\r\nBody",
        "yaml",
        {"title": "Hi", "n": 2},
        1,
        4,
        {"title": 2, "n": 3},
    ),  # CRLF not normalised by the caller
    (
        "---\ntags:\n  - a\n  - b\ndate: 2021-03-05\n---\n",
        "yaml",
        {"tags": ["a", "b"], "date": dt.date(2021, 3, 5)},
        1,
        6,
        {"tags": 2, "date": 5},
    ),
    (
        "---\nbase: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n---\n",
        "yaml",
        {"base": {"x": 1}, "other": {"x": 1, "y": 2}},
        1,
        6,
        {"base": 2, "other": 3},
    ),
    (
        "---\n2: two\ntrue: yes\n~: none\n---\n",
        "yaml",
        {"2": "two", "true": True, "null": "none"},
        1,
        5,
        {"2": 2, "true": 3, "null": 4},
    ),  # non-string keys become text
    (
        "---\n'quoted key': 1\n\"k2\": 2\n---\n",
        "yaml",
        {"quoted key": 1, "k2": 2},
        1,
        4,
        {"quoted key": 2, "k2": 3},
    ),
    ("---\nduration: 41:08\n---\n", "yaml", {"duration": "41:08"}, 1, 3, {"duration": 2}),
    ("---\nd: 2021-13-45\n---\n", "yaml", {"d": "2021-13-45"}, 1, 3, {"d": 2}),
    (
        '+++\ntitle = "Hugo post"\ndate = 2021-03-05\n[params]\nepisode = 12\n+++\nBody',
        "toml",
        {"title": "Hugo post", "date": dt.date(2021, 3, 5), "params": {"episode": 12}},
        1,
        6,
        {"title": 2, "date": 3, "params": 4},
    ),
    (
        '+++\nsite.name = "x"\n[[authors]]\nname = "A"\n+++\n',
        "toml",
        {"site": {"name": "x"}, "authors": [{"name": "A"}]},
        1,
        5,
        {"site": 2, "authors": 3},
    ),
    (
        '{\n  "title": "Hugo JSON",\n  "params": {"title": "nested"},\n  "tags": ["a"]\n}\nBody',
        "json",
        {"title": "Hugo JSON", "params": {"title": "nested"}, "tags": ["a"]},
        1,
        5,
        {"title": 2, "params": 3, "tags": 4},
    ),
    ('{ "title": "one line" }\nBody', "json", {"title": "one line"}, 1, 1, {"title": 1}),
]

# (text, format, issue line, words in the message, front-matter lines blanked in the body).
NEGATIVE_CASES: list[tuple[str, str | None, int, str, int]] = [
    (
        "---\ntitle: Hi\nbad: [1, 2\nx: 3\n---\nBody",
        "yaml",
        4,
        "not valid YAML at line 4 (did not find expected ',' or ']', "
        "while parsing a flow sequence started on line 3)",
        5,
    ),
    ("Intro\n", None, 0, "", 0),  # no front matter at all: no issue
    (
        "---\ntitle: Hi\n\tindented: with a tab\n---\nBody",
        "yaml",
        3,
        "not valid YAML at line 3 (found a tab character",
        4,
    ),
    ("---\ntitle: Hi\n\nNo closing fence\n", None, 1, "never closed", 0),
    ("+++\ntitle = 'x'\n", None, 1, "opened with '+++' on line 1 is never closed", 0),
    ("---\n- a\n- b\n---\nBody", "yaml", 1, "front matter is a list", 4),
    ("---\n42\n---\nBody", "yaml", 1, "a single int value", 3),
    ("---\nJust a sentence between rules.\n---\nBody", None, 1, "kept as part of the note", 0),
    ("+++\ntitle = \n+++\nBody", "toml", 2, "not valid TOML at line 2 (Invalid value)", 3),
    ('+++\na = 1\nb = "x"\nb = "y"\n+++\n', "toml", 4, "not valid TOML at line 4", 5),
    ('{\n  "title": x\n}\nBody', "json", 2, "not valid JSON at line 2", 3),
    ('{\n  "title": "x",\nBody', None, 1, "opened with '{' on line 1 is never closed", 0),
    ("---\nx: &a [*a]\n---\n", "yaml", 1, "alias that contains itself", 3),
    ("---\nk: *nowhere\n---\n", "yaml", 2, "not valid YAML at line 2 (found undefined alias", 3),
    ("---\nk: !!python/object:os.system x\n---\n", "yaml", 2, "not valid YAML at line 2", 3),
    ("---\na: 1\n---\n---\nb: 2\n---\n", "yaml", 0, "", 3),  # a later rule is body
]

_BOMB = (
    "---\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10))
    + "---\nBody\n"
)
_DEEP_BLOCK = "---\n" + "".join(" " * i + f"k{i}:\n" for i in range(1000)) + "---\n"

# Found while building this module; each stays as a row.
BUGS_CAUGHT: list[tuple[str, str | None, int, str, int]] = [
    (_BOMB, "yaml", 1, "expands its aliases to more than 100,000 values", 12),
    ("---\n" + "[" * 1000 + "]" * 1000 + "\n---\n", "yaml", 1, "front matter is a list", 3),
    ("---\n" + "[" * 5000 + "]" * 5000 + "\n---\n", "yaml", 2, "maximum nesting depth", 3),
    (_DEEP_BLOCK, "yaml", 1001, "(exceeded maximum nesting depth", 1002),
    ("---\na: 1\nb: x\u2028y\nc: [\n---\n", "yaml", 4, "not valid YAML at line 4", 5),  # LS
    # An unclosed quote is only noticed at the end; the issue points at the line that opened it.
    (
        '---\ntitle: Retro\nsummary: "we met\nplace: hall\n---\nBody\n',
        "yaml",
        3,
        "quoted scalar",
        5,
    ),
    ('{\n"x": ' + "[" * 100_000 + "\n}\n", "json", 1, "not valid JSON at line 1 (nested too", 3),
    # PyYAML raised IndexError / KeyError here, and the whole note was lost.
    ("---\na: !!int\ntitle: X\n---\nbody\n", "yaml", 1, "a YAML tag such as !!int", 4),
    ("---\nflag: !!bool maybe\n---\nbody\n", "yaml", 1, "a YAML tag such as !!int", 3),
]

# (text, key, lines named in the message, line of the issue, value kept).
DUPLICATE_CASES = [
    ("---\ntitle: A\ntags: [x]\ntitle: B\n---\n", "title", "lines 2, 4", 4, "B"),
    ("---\nt: 1\nt: 2\nt: 3\n---\n", "t", "lines 2, 3, 4", 4, 3),
    ("---\nshow:\n  name: A\n  name: B\n---\n", "name", "lines 3, 4", 4, {"name": "B"}),
]

KNOWN_GAPS = [
    pytest.param(
        '+++\nnote = """\nb = fake\n"""\nb = 2\n+++\n',
        {"note": 2, "b": 5},
        id="TOML key line inside a multi-line string",
        marks=pytest.mark.xfail(strict=True, reason="key lines for TOML come from a line scan"),
    ),
]


def _blanked(body: str, count: int) -> bool:
    return body.split("\n")[:count] == [""] * count


@pytest.mark.parametrize(
    ("text", "fmt", "metadata", "start", "end", "key_lines"),
    SEED_CASES + REAL_FORMAT_CASES,
    ids=[_short(c[0]) for c in SEED_CASES + REAL_FORMAT_CASES],
)
def test_splits(
    text: str,
    fmt: str,
    metadata: dict[str, Any],
    start: int,
    end: int,
    key_lines: dict[str, int],
) -> None:
    fm = split_frontmatter(text)
    non_text_keys = [k for k in key_lines if k in ("null", "true", "false") or k.isdigit()]
    assert [i.line for i in fm.issues] == [key_lines[k] for k in non_text_keys]
    assert all("not text" in i.message for i in fm.issues)
    assert (fm.format, fm.metadata, fm.start_line, fm.end_line) == (fmt, metadata, start, end)
    assert fm.key_lines == key_lines
    lines, body = text.split("\n"), fm.body.split("\n")
    assert len(body) == len(lines)
    assert body == [""] * end + lines[end:]


@pytest.mark.parametrize(
    ("text", "fmt", "line", "says", "blanked"),
    NEGATIVE_CASES + BUGS_CAUGHT,
    ids=[_short(c[0]) for c in NEGATIVE_CASES + BUGS_CAUGHT],
)
def test_bad_front_matter_warns_and_keeps_the_body(
    text: str, fmt: str | None, line: int, says: str, blanked: int
) -> None:
    fm = split_frontmatter(text)
    assert fm.format == fmt
    assert fm.body.count("\n") == text.count("\n")
    if blanked:
        assert _blanked(fm.body, blanked)
        assert fm.body.split("\n")[blanked:] == text.split("\n")[blanked:]
    else:
        assert fm.body == text
    if not says:
        assert fm.issues == ()
        return
    assert fm.metadata == {}
    [issue] = fm.issues
    assert (issue.severity, issue.stage, issue.line) == ("warning", "frontmatter", line)
    assert says in issue.message


def test_invalid_yaml_message_says_the_note_still_loads() -> None:
    [issue] = split_frontmatter("---\na: 1\nb: : :\n---\nBody").issues
    assert issue.message.startswith("front matter is not valid YAML at line 3 (")
    assert issue.message.endswith("); the note was loaded without its properties")


@pytest.mark.parametrize(
    ("text", "key", "where", "line", "kept"),
    DUPLICATE_CASES,
    ids=[_short(c[0]) for c in DUPLICATE_CASES],
)
def test_duplicate_keys_warn_and_keep_the_last(
    text: str, key: str, where: str, line: int, kept: object
) -> None:
    fm = split_frontmatter(text)
    [issue] = fm.issues
    assert issue.severity == "warning" and issue.line == line
    assert f"the key '{key}' more than once ({where})" in issue.message
    assert kept in fm.metadata.values()


@pytest.mark.parametrize(("text", "key_lines"), KNOWN_GAPS)
def test_known_gaps(text: str, key_lines: dict[str, int]) -> None:
    assert split_frontmatter(text).key_lines == key_lines


_FENCED = st.builds(
    lambda fence, inner, rest: f"{fence}\n{inner}\n{fence}\n{rest}",
    st.sampled_from(["---", "+++", "{"]),
    st.text(max_size=300),
    st.text(max_size=100),
)


@given(st.one_of(st.text(max_size=500), _FENCED))
def test_body_keeps_every_line(text: str) -> None:
    fm = split_frontmatter(text)
    assert fm.body.count("\n") == text.count("\n")
    assert all(isinstance(k, str) for k in fm.metadata)
    assert all(1 <= n <= text.count("\n") + 1 for n in fm.key_lines.values())


# The YAML loader caches the tag of each plain scalar by its text; that is only right while
# the loader has no path resolvers, and the tag must be the stock resolver's.
_SCALAR_TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["true", "No", "~", "null", "41:08", "1_000", "0x1F", ".5", "2021-03-05", "<<"]
    ),
)


def stock_loader_tag(kind: type) -> str:
    return str(yaml.resolver.Resolver().resolve(kind, None, (True, True)))


@given(_SCALAR_TEXT)
def test_cached_scalar_tag_is_the_resolvers(value: str) -> None:
    assert not _yaml_frontmatter._Loader.yaml_path_resolvers
    stock = yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False))
    assert _yaml_frontmatter._plain_tag(value) == stock
    loader = _yaml_frontmatter._Loader("")
    try:
        assert loader.resolve(yaml.ScalarNode, value, (True, True)) == stock
        assert loader.resolve(yaml.ScalarNode, value, (False, True)) == "tag:yaml.org,2002:str"
        for kind in (yaml.SequenceNode, yaml.MappingNode):
            assert loader.resolve(kind, None, (True, True)) == stock_loader_tag(kind)
    finally:
        loader.dispose()


# Keys inside tables and mappings have their own lines (nested_lines), by dotted path.
NESTED_LINE_CASES: list[tuple[str, dict[str, int]]] = [
    (  # Zola: [taxonomies] and [extra], a sub-table's header, an array of tables left out
        '+++\ntitle = "A"\n\n[taxonomies]\ntags = ["a"]\n\n[extra]\nshow = "W"\nepisode = 63\n'
        '[extra.more]\nx = 1\n[[links]]\nurl = "u"\n+++\n',
        {"taxonomies.tags": 5, "extra.show": 8, "extra.episode": 9, "extra.more": 10,
         "extra.more.x": 11},
    ),
    (  # Hugo: [params] with a quoted key
        '+++\n[params]\n"show name" = "K"\nepisode = 12\n+++\n',
        {"params.show name": 3, "params.episode": 4},
    ),
    (  # YAML: mappings inside mappings; lists are not entered
        "---\ntitle: A\nepisode:\n  number: 12\n  meta:\n    a: 1\nlist:\n  - x: 1\n---\n",
        {"episode.number": 4, "episode.meta": 5, "episode.meta.a": 6},
    ),
    ("---\nepisode: {number: 12, show: K}\n---\n", {"episode.number": 2, "episode.show": 2}),
    (  # JSON (Hugo): objects inside the object; arrays are not entered
        '{\n"title": "A",\n"params": {\n  "show": "K",\n'
        '  "guests": [{"name": "Ada"}]\n}\n}\nBody\n',
        {"params.show": 4, "params.guests": 5},
    ),
    ("---\ntags: [a, b]\n---\n", {}),
    ('+++\ntitle = "A"\n+++\n', {}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "nested"), NESTED_LINE_CASES, ids=[_short(c[0]) for c in NESTED_LINE_CASES]
)
def test_nested_keys_have_their_own_lines(text: str, nested: dict[str, int]) -> None:
    assert split_frontmatter(text).nested_lines == nested
