"""Tests for transforms/links/extract.py: external links, wikilinks, targets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.links import extract as links
from transforms.links.extract import (
    find_links,
    find_wikilinks,
    link_domain,
    normalize_target,
    wikilink_targets,
)
from transforms.links.spans import LINK_TITLE

LinkCase = tuple[str, list[tuple[str, str | None, str | None, bool]]]

# Lines copied from the seed notes (000 podcast episode, 004 Chinese founder profile).
# Expected: (url, label, section, is_image) per link, in reading order.
SEED_CASES: list[LinkCase] = [
    (
        "## Links\n\n[Mike Perham Twitter](https://twitter.com/getajobmike?lang=en)",
        [("https://twitter.com/getajobmike?lang=en", "Mike Perham Twitter", "Links", False)],
    ),
    (
        "> **Share**:: <https://share.transistor.fm/s/102fc5a6>",
        [("https://share.transistor.fm/s/102fc5a6", None, None, False)],
    ),
    (
        "> **Media**:: [MP3 Direct Link](https://dts.podtrac.com/redirect.mp3/"
        "media.transistor.fm/102fc5a6/54afd9e9.mp3)",
        [
            (
                "https://dts.podtrac.com/redirect.mp3/media.transistor.fm/102fc5a6/54afd9e9.mp3",
                "MP3 Direct Link",
                None,
                False,
            )
        ],
    ),
    (
        '<iframe width="100%" height="180" frameborder="no" scrolling="no" seamless '
        'src="https://share.transistor.fm/e/102fc5a6/dark"></iframe>',
        [("https://share.transistor.fm/e/102fc5a6/dark", None, None, False)],
    ),
    (
        "## Links\n\n[Jeremy Evans-GitHub](https://github.com/jeremyevans)\n"
        "[Andrew Kane-GitHub](https://github.com/ankane)",
        [
            ("https://github.com/jeremyevans", "Jeremy Evans-GitHub", "Links", False),
            ("https://github.com/ankane", "Andrew Kane-GitHub", "Links", False),
        ],
    ),
    (
        "### 关于Mike Perham的访谈内容\n\n-   [Indie Hackers](https://www.indiehackers.com/"
        "podcast/016-mike-perham-of-sidekiq)：了解 Mike Perham "
        "如何将他的开源副项目转变为一项业务。",
        [
            (
                "https://www.indiehackers.com/podcast/016-mike-perham-of-sidekiq",
                "Indie Hackers",
                "关于Mike Perham的访谈内容",
                False,
            )
        ],
    ),
    (
        "-   代表作：[Sidekiq](https://sidekiq.org/)、[Faktory](https://contribsys.com/faktory/)、"
        "[Inspeqtor](https://www.mikeperham.com/2014/10/02/introducing-inspeqtor/)等",
        [
            ("https://sidekiq.org/", "Sidekiq", None, False),
            ("https://contribsys.com/faktory/", "Faktory", None, False),
            (
                "https://www.mikeperham.com/2014/10/02/introducing-inspeqtor/",
                "Inspeqtor",
                None,
                False,
            ),
        ],
    ),
    (
        " ![](https://cdn.nlark.com/yuque/0/2022/png/126467/1668588401805-71e55e30-c8fb-4288"
        "-9c34-4702b5bbdfda.png)",
        [
            (
                "https://cdn.nlark.com/yuque/0/2022/png/126467/1668588401805-71e55e30-c8fb-4288"
                "-9c34-4702b5bbdfda.png",
                None,
                None,
                True,
            )
        ],
    ),
    (
        "-   [AlphaList](https://alphalist.com/podcast/"
        "49-mike-perham-creator-of-sidekiq-faktory) ："
        "Mike Perham 分享了他如何将Sidekiq开源并商业化",
        [
            (
                "https://alphalist.com/podcast/49-mike-perham-creator-of-sidekiq-faktory",
                "AlphaList",
                None,
                False,
            )
        ],
    ),
]

REAL_FORMAT_CASES: list[LinkCase] = [
    ('[a](https://a.com "Title")', [("https://a.com", "a", None, False)]),
    ("[a](<https://a.com/x y>)", [("https://a.com/x y", "a", None, False)]),
    (
        "see https://en.wikipedia.org/wiki/Foo_(bar).",
        [("https://en.wikipedia.org/wiki/Foo_(bar)", None, None, False)],
    ),
    (
        "[Foo](https://en.wikipedia.org/wiki/Foo_(bar))",
        [("https://en.wikipedia.org/wiki/Foo_(bar)", "Foo", None, False)],
    ),
    ("(see https://x.com/a).", [("https://x.com/a", None, None, False)]),
    (
        "Read https://x.com/a, then https://y.com/b!",
        [
            ("https://x.com/a", None, None, False),
            ("https://y.com/b", None, None, False),
        ],
    ),
    (
        "见 https://x.cn/a，然后（https://y.cn/b）。",
        [
            ("https://x.cn/a", None, None, False),
            ("https://y.cn/b", None, None, False),
        ],
    ),
    (
        "【https://x.cn/a】「https://y.cn/b」",
        [
            ("https://x.cn/a", None, None, False),
            ("https://y.cn/b", None, None, False),
        ],
    ),
    ("**https://bold.com/x**", [("https://bold.com/x", None, None, False)]),
    ("| a | https://t.com/x | b |", [("https://t.com/x", None, None, False)]),
    (
        "[a](https://a.com) and again https://a.com",
        [
            ("https://a.com", "a", None, False),
            ("https://a.com", None, None, False),
        ],
    ),
    ("[https://a.com](https://a.com)", [("https://a.com", "https://a.com", None, False)]),
    (
        "[![build](https://img.shields.io/b.svg)](https://github.com/a/b)",
        [
            ("https://github.com/a/b", "![build](https://img.shields.io/b.svg)", None, False),
            ("https://img.shields.io/b.svg", "build", None, True),
        ],
    ),
    (
        'See [docs][1].\n\n[1]: https://ruby-doc.org "Docs"',
        [
            ("https://ruby-doc.org", "docs", None, False),
        ],
    ),
    (
        "[Ruby][] rocks\n[ruby]: <https://ruby-lang.org>",
        [
            ("https://ruby-lang.org", "Ruby", None, False),
        ],
    ),
    (
        "[Ruby] rocks\n\n[Ruby]: https://ruby-lang.org",
        [
            ("https://ruby-lang.org", "Ruby", None, False),
        ],
    ),
    ("[unused]: https://unused.example/", [("https://unused.example/", None, None, False)]),
    ("<a href='https://a.com/x'>A</a>", [("https://a.com/x", None, None, False)]),
    ('<img src="https://i.com/p.png" alt="">', [("https://i.com/p.png", None, None, True)]),
    ("HTTPS://EXAMPLE.COM/Path", [("HTTPS://EXAMPLE.COM/Path", None, None, False)]),
    (
        "Footnote.[^1]\n\n[^1]: https://source.example/a",
        [
            ("https://source.example/a", None, None, False),
        ],
    ),
    (
        "# Show\n## Links\n[a](https://a.com)\n## Credits\nhttps://b.com",
        [("https://a.com", "a", "Links", False), ("https://b.com", None, "Credits", False)],
    ),
]

NEGATIVE_CASES: list[str] = [
    "[Jump](#t=23:44)",
    "[x](other-note.md)",
    "[About](/about/)",
    "[Mail](mailto:mike@example.com)",
    "[Open](obsidian://open?vault=v)",
    "`https://in.code/x`",
    "```\nhttps://in.fence/x\n```",
    "<!-- https://in.comment/x -->",
    "www.example.com",
    "http:// nothing here",
    "https://-",
    "ftp://files.example.com/x",
    "[[https://not-external.example]]",
    "user@https://x.com",
    "",
]

# Each was a wrong result before the fix that made it pass.
BUGS_CAUGHT: list[LinkCase] = [
    # A URL glued to Chinese text was missed: the lookbehind rejected any word character.
    ("访问https://example.com/a，谢谢", [("https://example.com/a", None, None, False)]),
    # "https://-" was accepted with domain "-".
    ("https://- and https://ok.example", [("https://ok.example", None, None, False)]),
    # Autolinks skipped the host check and gave a link with an empty domain.
    ("<https://[>", []),
    # Trimming a run of unbalanced ")" recounted the URL each time (quadratic).
    ("https://a.com/" + ")" * 50, [("https://a.com/", None, None, False)]),
]

KNOWN_GAPS: list[LinkCase] = [
    # Setext headings are not seen by markdown.find_headings, so the section is None.
    ("Links\n-----\n[a](https://a.com)", [("https://a.com", "a", "Links", False)]),
    # Parentheses nested two deep in a Markdown destination.
    ("[a](https://a.com/x_(b_(c)))", [("https://a.com/x_(b_(c))", "a", None, False)]),
    # Obsidian %%comments%% are not masked.
    ("%% see https://hidden.example %%", []),
]


def _summary(text: str) -> list[tuple[str, str | None, str | None, bool]]:
    return [(x.url, x.label, x.section, x.is_image) for x in find_links(text)]


@pytest.mark.parametrize(("text", "expected"), SEED_CASES, ids=[c[0] for c in SEED_CASES])
def test_seed_links(text: str, expected: list[tuple[str, str | None, str | None, bool]]) -> None:
    assert _summary(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), REAL_FORMAT_CASES, ids=[c[0] for c in REAL_FORMAT_CASES]
)
def test_real_format_links(
    text: str, expected: list[tuple[str, str | None, str | None, bool]]
) -> None:
    assert _summary(text) == expected


@pytest.mark.parametrize("text", NEGATIVE_CASES, ids=NEGATIVE_CASES)
def test_negative_links(text: str) -> None:
    assert find_links(text) == []


@pytest.mark.parametrize(("text", "expected"), BUGS_CAUGHT, ids=[c[0] for c in BUGS_CAUGHT])
def test_bugs_caught_links(
    text: str, expected: list[tuple[str, str | None, str | None, bool]]
) -> None:
    assert _summary(text) == expected


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize(("text", "expected"), KNOWN_GAPS, ids=[c[0] for c in KNOWN_GAPS])
def test_known_gaps_links(
    text: str, expected: list[tuple[str, str | None, str | None, bool]]
) -> None:
    assert _summary(text) == expected


SEED_000_EXCERPT = "\n".join(
    [
        "",
        "> [!INFO] Metadata",
        "> **Share**:: <https://share.transistor.fm/s/102fc5a6>",
        "",
        '<iframe width="100%" height="180" frameborder="no" scrolling="no" seamless '
        'src="https://share.transistor.fm/e/102fc5a6/dark"></iframe>',
        "",
        "---",
        "",
        "## Links",
        "",
        "[Mike Perham Twitter](https://twitter.com/getajobmike?lang=en)",
        "[Mike Perham Website](https://www.mikeperham.com/)",
    ]
)


def test_seed_000_lines_domains_and_text() -> None:
    links = find_links(SEED_000_EXCERPT)
    lines = SEED_000_EXCERPT.split("\n")
    assert [(x.domain, x.line) for x in links] == [
        ("share.transistor.fm", 3),
        ("share.transistor.fm", 5),
        ("twitter.com", 11),
        ("mikeperham.com", 12),
    ]
    for link in links:
        assert link.text in lines[link.line - 1]
        assert link.url in link.text


DOMAIN_CASES = [
    ("https://www.MikePerham.com/x", "mikeperham.com"),
    ("http://user:pw@host.example:8080/p", "host.example"),
    ("https://中文.cn/路径", "中文.cn"),
    ("https://www.", "www"),
    ("http://127.0.0.1:8000/x", "127.0.0.1"),
    ("mailto:a@b.c", None),
    ("https://a-.com", None),
    ("not a url", None),
]


@pytest.mark.parametrize(("url", "expected"), DOMAIN_CASES, ids=[c[0] for c in DOMAIN_CASES])
def test_link_domain(url: str, expected: str | None) -> None:
    assert link_domain(url) == expected


# ---- wikilinks ----------------------------------------------------------------------------

WikiCase = tuple[str, list[tuple[str, str | None, str | None, bool]]]

# Expected: (target, alias, heading, embed).
WIKILINK_SEED_CASES: list[WikiCase] = [
    ("> **Published**:: [[2021-03-05]]", [("2021-03-05", None, None, False)]),
    (
        "**Panelists**:: [[Jason Charnes]], [[Chris Oliver]], [[Andrew Mason]]",
        [
            ("Jason Charnes", None, None, False),
            ("Chris Oliver", None, None, False),
            ("Andrew Mason", None, None, False),
        ],
    ),
    ("**Sponsor**:: [[Honeybadger]]", [("Honeybadger", None, None, False)]),
]

WIKILINK_REAL_FORMAT_CASES: list[WikiCase] = [
    ("[[Mike Perham|Mike]]", [("Mike Perham", "Mike", None, False)]),
    ("[[Note#Heading]]", [("Note", None, "Heading", False)]),
    ("[[Note#^abc123]]", [("Note", None, "^abc123", False)]),
    ("[[Note#Part|shown]]", [("Note", "shown", "Part", False)]),
    ("[[people/Mike Perham]]", [("people/Mike Perham", None, None, False)]),
    ("![[cover.png]]", [("cover.png", None, None, True)]),
    ("| [[Note\\|alias]] |", [("Note", "alias", None, False)]),
    ("[[Note.md]]", [("Note", None, None, False)]),
    ("[[  Spaced   Out  ]]", [("Spaced Out", None, None, False)]),
    ("[x](other-note.md)", [("other-note", "x", None, False)]),
    ("[y](<My Note.md#Part>)", [("My Note", "y", "Part", False)]),
    ("[z](My%20Note.md)", [("My Note", "z", None, False)]),
    ("[w](./folder/Note)", [("folder/Note", "w", None, False)]),
    ("![](assets/pic.png)", [("assets/pic.png", None, None, True)]),
    ("[a](https://a.com) [[B]] [c](C.md)", [("B", None, None, False), ("C", "c", None, False)]),
]

WIKILINK_NEGATIVE_CASES: list[str] = [
    "[[#Heading on this page]]",
    "[[]]",
    "[[|alias only]]",
    "`[[in code]]`",
    "[a](https://a.com)",
    "[About](/about/)",
    "[Dir](../posts/)",
    "[Jump](#t=23:44)",
    "[Mail](mailto:a@b.c)",
    "[T]({{ site.baseurl }}/x)",
    "[[broken\nacross lines]]",
]

WIKILINK_KNOWN_GAPS: list[WikiCase] = [
    # Reference-style internal links are not resolved to notes.
    ("[x][1]\n\n[1]: other-note.md", [("other-note", "x", None, False)]),
]


def _wiki_summary(text: str) -> list[tuple[str, str | None, str | None, bool]]:
    return [(w.target, w.alias, w.heading, w.embed) for w in find_wikilinks(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    WIKILINK_SEED_CASES + WIKILINK_REAL_FORMAT_CASES,
    ids=[c[0] for c in WIKILINK_SEED_CASES + WIKILINK_REAL_FORMAT_CASES],
)
def test_wikilinks(text: str, expected: list[tuple[str, str | None, str | None, bool]]) -> None:
    assert _wiki_summary(text) == expected


@pytest.mark.parametrize("text", WIKILINK_NEGATIVE_CASES, ids=WIKILINK_NEGATIVE_CASES)
def test_negative_wikilinks(text: str) -> None:
    assert find_wikilinks(text) == []


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize(
    ("text", "expected"), WIKILINK_KNOWN_GAPS, ids=[c[0] for c in WIKILINK_KNOWN_GAPS]
)
def test_known_gaps_wikilinks(
    text: str, expected: list[tuple[str, str | None, str | None, bool]]
) -> None:
    assert _wiki_summary(text) == expected


def test_wikilink_lines_and_text() -> None:
    text = "\n> **Published**:: [[2021-03-05]]\n\n**Guests**:: [[Mike Perham]]"
    assert [(w.text, w.line) for w in find_wikilinks(text)] == [
        ("[[2021-03-05]]", 2),
        ("[[Mike Perham]]", 4),
    ]


TARGET_CASES = [
    (
        "[[Jason Charnes]], [[Chris Oliver]], [[Andrew Mason]]",
        ["Jason Charnes", "Chris Oliver", "Andrew Mason"],
    ),
    ("[[people/Mike Perham|Mike]]", ["people/Mike Perham"]),
    ('"[[2021-03-05]]"', ["2021-03-05"]),
    ("Mike Perham", []),
    ("[[#Heading]]", []),
]


@pytest.mark.parametrize(("value", "expected"), TARGET_CASES, ids=[c[0] for c in TARGET_CASES])
def test_wikilink_targets(value: str, expected: list[str]) -> None:
    assert wikilink_targets(value) == expected


NORMALIZE_CASES = [
    ("Mike Perham", "mike perham"),
    ("  People/Mike   Perham.md ", "people/mike perham"),
    ("./Notes//Note.MD", "notes/note"),
    ("Cafe\u0301", "café"),
    ("STRASSE", "strasse"),
    ("Straße", "strasse"),
    ("标杆人物01", "标杆人物01"),
]

# normalize_target was not idempotent: one ".md" or one "/" was removed per call.
TARGET_BUGS_CAUGHT = [
    ("Note.md.md", "note"),
    ("a/x.md/", "a/x"),
    ("a/.md", "a"),
]


@pytest.mark.parametrize(
    ("target", "expected"),
    NORMALIZE_CASES + TARGET_BUGS_CAUGHT,
    ids=[c[0] for c in NORMALIZE_CASES + TARGET_BUGS_CAUGHT],
)
def test_normalize_target(target: str, expected: str) -> None:
    assert normalize_target(target) == expected


@given(st.text())
def test_nothing_raises_on_arbitrary_text(text: str) -> None:
    lines = text.split("\n")
    for link in find_links(text):
        assert 1 <= link.line <= len(lines)
        assert link.text and link.text in text
        assert link.url.lower().startswith(("http://", "https://"))
    for wiki in find_wikilinks(text):
        assert 1 <= wiki.line <= len(lines)
        assert wiki.target
    wikilink_targets(text)


@given(st.text())
def test_normalize_target_is_idempotent(target: str) -> None:
    once = normalize_target(target)
    assert normalize_target(once) == once


@given(
    st.lists(
        st.sampled_from(
            ["[a](https://a.com)", "https://b.com/x", "<https://c.com>", " ", "\n", "，", "("]
        ),
        max_size=12,
    )
)
def test_each_url_found_once_per_occurrence(parts: list[str]) -> None:
    text = "".join(parts)
    urls = [x.url for x in find_links(text)]
    assert urls.count("https://a.com") == parts.count("[a](https://a.com)")
    assert urls.count("https://c.com") == parts.count("<https://c.com>")


# _INLINE_SCAN reads labels and destinations as possessive runs of one character class;
# the plain per-character alternation it replaced must find the same matches and groups.
_PLAIN_INLINE_SCAN = re.compile(
    r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"\([ \t]*(<[^<>\n]*>|(?:[^\s()<>]|\([^\s()]*\))+)" + LINK_TITLE + r"[ \t]*\)"
)


def _scan(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "[a [b] c](https://x.io/a_(b)) [d](<e f> 't') [g](h (i)",
        '[[x]](y) [a]](b) [a](b)c) [a]( b "t" ) [a](b\t(t))',
        "![i](https://x.io/(a)(b)) [a](b((c)) [a [b [c]]](d)",
    ],
    ids=lambda text: text,
)
def test_fast_inline_scan_agrees_with_plain(text: str) -> None:
    assert _scan(links._INLINE_SCAN, text) == _scan(_PLAIN_INLINE_SCAN, text)


@given(st.text(alphabet="[]()<> \t\n\"'!ab:/.", max_size=60))
def test_fast_inline_scan_agrees_with_plain_on_any_text(text: str) -> None:
    assert _scan(links._INLINE_SCAN, text) == _scan(_PLAIN_INLINE_SCAN, text)
