"""Titles: front matter → the note's own ``Title::`` → a leading H1 → the file name (not for
a website's pages) → none. One row per shape seen in real archives, in our own words."""

from __future__ import annotations

import pytest

from tests.seed_notes import SEED_000_HEAD as SEED_000
from tests.seed_notes import SEED_004_HEAD as SEED_004
from transforms.properties.fields import find_inline_fields
from transforms.properties.frontmatter import split_frontmatter
from transforms.properties.lookup import Properties
from transforms.properties.note_titles import Title, is_site_page, note_title
from transforms.text.markdown import find_headings


def _title(note: str, path: str) -> Title:
    fm = split_frontmatter(note)
    props = Properties(fm.metadata, fm.key_lines, find_inline_fields(fm.body), fm.nested_lines)
    return note_title(props, find_headings(fm.body), path, fm.body)


# (note, path, (title, source, line))
TitleCase = tuple[str, str, tuple[str | None, str | None, int | None]]

TITLE_SEED_CASES: list[TitleCase] = [
    # The note's own metadata callout (`> [!INFO] Metadata`) holds its title.
    (
        SEED_000,
        "podcast/119.md",
        ("Building a Business on Rails with Mike Perham", "inline:title", 12),
    ),
    (
        SEED_004,
        "founders/mike.md",
        ("标杆人物01：Mike Perham，软件开发人员，Sidekiq创建者", "frontmatter:title", 2),
    ),
]

TITLE_REAL_FORMAT_CASES: list[TitleCase] = [
    ("---\ntitle: A\n---\nTitle:: B\n# C\n", "d.md", ("A", "frontmatter:title", 2)),
    # Hugo sites that capitalise their keys.
    (
        "---\nTitle: Ep 9 - Moss\nDate: 2022-03-01\n---\n",
        "content/episode/9.md",
        ("Ep 9 - Moss", "frontmatter:title", 2),
    ),
    ('+++\ntitle = "From TOML"\n+++\n# H\n', "hugo/x.md", ("From TOML", "frontmatter:title", 2)),
    ("---\ntitle: '  Padded  '\n---\n", "x.md", ("Padded", "frontmatter:title", 2)),
    ("---\ntitle: 2021\n---\n", "x.md", ("2021", "frontmatter:title", 2)),
    ("---\nname: Ada Quill\n---\n", "people/ada.md", ("Ada Quill", "frontmatter:name", 2)),
    ("Title:: B\n# C\n", "d.md", ("B", "inline:title", 1)),
    ("**Title**:: B\n", "d.md", ("B", "inline:title", 1)),
    ("> [!info] About\n> Title:: Own title\n", "Notes/x.md", ("Own title", "inline:title", 2)),
    # A numbered page of a site: its H1 is the title, not "02".
    (
        "---\ndate: 2020-01-02\n---\n\n# Moss and Lichen\n",
        "site/content/show/02.md",
        ("Moss and Lichen", "h1", 5),
    ),
    # A daily note with a heading of its own.
    ("# 20251223 Tue\n\n- walked\n", "01_dailies/2025/12/20251223.md", ("20251223 Tue", "h1", 1)),
    ("```\n# in code\n```\n# Real\n", "x.md", ("Real", "h1", 4)),
    # An older blog post that underlines its title.
    (
        "\n\nMoss and Lichen\n===============\n\nText.\n",
        "blog/moss.md",
        ("Moss and Lichen", "h1", 3),
    ),
    ("Moss\n===\n\n# Later\n", "blog/moss.md", ("Moss", "h1", 1)),
    # Obsidian: no H1, the file is the title (the extension goes, other dots stay).
    (
        "---\ncreated: 2023-09-13\n---\nA board game.\n",
        "References/Lantern Isle.md",
        ("Lantern Isle", "file_name", None),
    ),
    ("", "notes/v1.2 release.md", ("v1.2 release", "file_name", None)),
    ("", "journal/2023-05-07.md", ("2023-05-07", "file_name", None)),
    # A Quartz site publishes a vault from content/: wikilinks say it is one.
    (
        "See [[Moss]] and [[Lichen|lichens]].\n",
        "content/Garden/Ferns.md",
        ("Ferns", "file_name", None),
    ),
    (
        "---\ncategories:\n  - '[[Books]]'\n---\n",
        "content/Books/Drift.md",
        ("Drift", "file_name", None),
    ),
]

# A first heading that is a section, a field of something quoted, a site's slug: not titles.
TITLE_NEGATIVE_CASES: list[TitleCase] = [
    # Obsidian notes that open on a section: the file name, not "Summary".
    (
        "---\ntags: [book]\n---\n## Summary\n\nA book.\n",
        "Reading/Dune Messiah.md",
        ("Dune Messiah", "file_name", None),
    ),
    # A later `# …` is a section too.
    (
        "## Books\n- x\n\n# Clippings\n- y\n",
        "References/Ona Berg.md",
        ("Ona Berg", "file_name", None),
    ),
    ("## Not h1\n# C\n# Later\n", "d.md", ("d", "file_name", None)),
    # A citation block quotes another work's title: the note's H1 is its own.
    (
        "# My reading notes\n\n> Title:: The Quiet Ledger\n> Author:: R. Amsel\n",
        "Sources/ledger.md",
        ("My reading notes", "h1", 1),
    ),
    (
        "> Title:: The Quiet Ledger\n> Year:: 2019\n\nThoughts.\n",
        "Sources/ledger notes.md",
        ("ledger notes", "file_name", None),
    ),
    ("> [!cite]\n> Title:: The Quiet Ledger\n", "Sources/cited.md", ("cited", "file_name", None)),
    # Website pages without a title: the site makes one from the slug; we do not.
    ('<img src="x.jpg" />\n\n## 本周推荐\n', "src/pages/posts/12-晚风.md", (None, None, None)),
    (
        "---\nlayout: post\n---\nA slow month.\n",
        "_posts/2016-02-03-a-slow-month.markdown",
        (None, None, None),
    ),
    ("Notes.\n", "site/content/episodes/0061.md", (None, None, None)),
    ("---\nweight: 3\n---\n", "content/show/hosts/_index.md", (None, None, None)),
    ("---\nlayout: page\n---\nAbout us.\n", "about.md", (None, None, None)),
    ("---\nslug: late-spring\n---\nText.\n", "posts/late.md", (None, None, None)),
    # An "=" in the first line is no underline.
    ("a = b\n", "scratch/sum.md", ("sum", "file_name", None)),
    # Templates: a placeholder is filled in when the template is used, it is no title.
    (
        '# <%tp.date.now("YYYY-MM-DD ddd") %>\n\n## Log\n',
        "templates/Daily.md",
        ("Daily", "file_name", None),
    ),
    (
        "---\ntitle: '{{title}}'\n---\n# {{title}}\n",
        "Templates/Book.md",
        ("Book", "file_name", None),
    ),
    # An empty title property is not a title: the next source is used.
    ("---\ntitle: ''\n---\n# H\n", "x.md", ("H", "h1", 4)),
    ("---\ntitle:\n---\n", "a/b.md", ("b", "file_name", None)),
    ("---\ntitle: []\n---\n", "a/b.md", ("b", "file_name", None)),
    ("Title::\n", "a/b.md", ("b", "file_name", None)),
]

ALL_TITLE_CASES = TITLE_SEED_CASES + TITLE_REAL_FORMAT_CASES + TITLE_NEGATIVE_CASES


@pytest.mark.parametrize(
    ("note", "path", "expected"),
    ALL_TITLE_CASES,
    ids=[f"{c[0][:40]}|{c[1]}" for c in ALL_TITLE_CASES],
)
def test_note_title(
    note: str, path: str, expected: tuple[str | None, str | None, int | None]
) -> None:
    title = _title(note, path)
    assert (title.text, title.source, title.line) == expected
    if title.source == "file_name":
        assert title.raw == path.rsplit("/", 1)[-1]
    elif title.text is not None:
        assert title.raw is not None and title.text in title.raw


SITE_CASES: list[tuple[str, bool]] = [
    ("content/posts/a.md", True),
    ("site/content/podcasts/02-x.md", True),
    ("blog/_posts/2018/2018-02-05-x.markdown", True),
    ("_drafts/x.md", True),
    ("src/pages/posts/68-x.md", True),
    ("Content.md", False),  # a file, not a folder
    ("pages/Moss.md", False),  # Logseq keeps its pages here and names them by file
    ("01_dailies/2025/12/20251223.md", False),
    ("References/x.md", False),
]


@pytest.mark.parametrize(("path", "expected"), SITE_CASES)
def test_is_site_page(path: str, expected: bool) -> None:
    assert is_site_page(path, Properties({}, {}, [])) is expected
