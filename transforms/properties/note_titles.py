"""A note's title, where it came from, its line and the text as written.

Precedence (documented in the README; first that gives a title wins):

1. ``frontmatter:title`` (any case: ``Title``, ``TITLE``), then ``frontmatter:name``;
2. ``inline:title`` — a Dataview ``Title::`` line of the note itself, also inside the
   note's own metadata callout (``> [!info]``). Not inside a plain ``>`` quote or a
   ``> [!quote]``/``> [!cite]`` callout: that is the title of the work quoted;
3. ``h1`` — a leading H1: the note's first heading, when it is ``# …`` (or the note
   opens with a ``Title`` line underlined by ``===``). A ``# …`` after a ``## Summary``
   is a section of the note, not its title;
4. ``file_name`` — the file name without its extension, unless the note is a page of a
   website's source (below); a vault note is named by its file;
5. otherwise no title (NULL).

A value that is only a template placeholder — Templater's ``<% tp.file.title %>``, a
core template's or a Hugo archetype's ``{{title}}`` — is skipped: the note is a template
and its placeholder is filled in only when the template is used.

A website page: the note's path has a folder where static-site generators keep their
pages — ``content/`` (Hugo, Zola, Astro, Quartz …), ``_posts/``/``_drafts/`` (Jekyll,
Hexo), ``src/pages/`` (Astro) — or its front matter sets ``layout``/``permalink``. Such
a site derives a missing title itself, often from a slug or a number (``68-河道工作者``,
``02``, ``_index``), so the file name is not the author's title. A page that links with
``[[wikilinks]]`` is an Obsidian note even under ``content/`` (a Quartz site publishes a
vault from there), and gets its file name.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from dataclasses import dataclass

from transforms.properties.lookup import Prop, Properties
from transforms.text.markdown import Heading, mask_code

FRONTMATTER_TITLE_KEYS = ("title", "name")
SITE_FOLDERS = frozenset({"content", "_posts", "_drafts"})
SITE_FOLDER_PAIRS = frozenset({("src", "pages")})
SITE_KEYS = ("layout", "permalink", "slug")
QUOTE_CALLOUTS = frozenset({"quote", "cite", "citation"})

_QUOTED = re.compile(r"[ \t]*>")
_CALLOUT = re.compile(r"[ \t]*>[ \t]*\[!(?P<type>[^\]\s]+)\]")
# A setext H1 opening the note: one line of text, then a line of "=" (blank lines before
# it are the front matter's, kept so that line numbers stay the file's).
_SETEXT_H1 = re.compile(
    r"(?:[ \t]*\n)*[ \t]{0,3}(?P<title>[^\s#>|-][^\n]*?)[ \t]*\n[ \t]{0,3}=+[ \t]*(?:\n|$)"
)
_PLACEHOLDER = re.compile(r"\s*(?:<%.*%>|\{\{.*\}\})\s*")
_WIKILINK = re.compile(r"\[\[[^\[\]\n|#]+(?:[|#][^\[\]\n]*)?\]\]")


@dataclass(frozen=True)
class Title:
    """The title, its source, the line it is on (None for the file name) and the raw text."""

    text: str | None
    source: str | None
    line: int | None
    raw: str | None


def note_title(props: Properties, headings: list[Heading], path: str, body: str = "") -> Title:
    """The note's title, by the precedence in the module docstring.

    >>> note_title(Properties({}, {}, []), [Heading(3, 1, "Hello")], "a/b.md").text
    'Hello'
    >>> note_title(Properties({}, {}, []), [Heading(1, 2, "Summary")], "Reading/Dune.md")
    Title(text='Dune', source='file_name', line=None, raw='Dune.md')
    >>> note_title(Properties({}, {}, []), [], "site/content/posts/02.md").text is None
    True
    """
    for key in FRONTMATTER_TITLE_KEYS:
        for prop in props.all(key):
            if prop.source == "frontmatter" and not _PLACEHOLDER.fullmatch(prop.text):
                return Title(prop.text, f"frontmatter:{key}", prop.line, prop.text)
    for prop in props.all("title"):
        if (
            prop.source == "inline"
            and not _PLACEHOLDER.fullmatch(prop.text)
            and _own_field(prop, body)
        ):
            return Title(prop.text, "inline:title", prop.line, str(prop.value))
    setext = _SETEXT_H1.match(body) if "=" in body else None
    if setext and not _PLACEHOLDER.fullmatch(setext["title"]):
        line = body.count("\n", 0, setext.start("title")) + 1
        return Title(setext["title"], "h1", line, setext["title"])
    if headings and headings[0].level == 1 and not _PLACEHOLDER.fullmatch(headings[0].title):
        first = headings[0]
        return Title(first.title, "h1", first.line, first.title)
    name = posixpath.basename(path)
    if is_site_page(path, props) and not _has_wikilinks(props, body):
        return Title(None, None, None, None)
    return Title(posixpath.splitext(name)[0], "file_name", None, name)


def is_site_page(path: str, props: Properties) -> bool:
    """Whether the path or the front matter says the note is a page of a website's source.

    >>> empty = Properties({}, {}, [])
    >>> is_site_page("blog/_posts/2016-02-03-a.md", empty), is_site_page("Inbox/a.md", empty)
    (True, False)
    >>> is_site_page("a.md", Properties({"layout": "post"}, {}, []))
    True
    """
    folders = [part.casefold() for part in path.split("/")[:-1]]
    if SITE_FOLDERS.intersection(folders):
        return True
    if any(pair in SITE_FOLDER_PAIRS for pair in itertools.pairwise(folders)):
        return True
    return any(p.source == "frontmatter" for key in SITE_KEYS for p in props.all(key))


def _has_wikilinks(props: Properties, body: str) -> bool:
    """An Obsidian sign: a ``[[wikilink]]`` in the body (not in code) or a front-matter value."""
    if "[[" in body and _WIKILINK.search(body) and _WIKILINK.search(mask_code(body)):
        return True
    return any(
        "[[" in p.text and _WIKILINK.search(p.text)
        for key in props.names()
        for p in props.all(key)
        if p.source == "frontmatter"
    )


def _own_field(prop: Prop, body: str) -> bool:
    """Whether an inline field belongs to the note: not in a quote, or in a metadata callout."""
    if prop.line is None or not body:
        return True
    lines = body.split("\n", prop.line)[: prop.line]
    if len(lines) < prop.line or not _QUOTED.match(lines[-1]):
        return True
    for line in reversed(lines):  # up to the first line of the quoted block
        callout = _CALLOUT.match(line)
        if callout:
            return callout["type"].casefold() not in QUOTE_CALLOUTS
        if not _QUOTED.match(line):
            break
    return False
