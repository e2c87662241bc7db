"""Internal links (wikilinks) and external links in a note's Markdown.

Decisions, so that callers and tests agree:

* External means ``http``/``https``. ``mailto:``, ``ftp:``, ``obsidian://``
  and other schemes are not links for the ``links`` table; neither are anchors
  (``[x](#t=23:44)``) or site-rooted paths (``/about/``, ``//cdn...``).
* A relative Markdown link (``[x](other-note.md)``, ``[x](<My Note.md#Part>)``)
  is internal: it becomes a :class:`WikiLink` (target ``other-note``, the label
  as alias, ``.md`` and ``%20`` undone). Directory links ending in ``/`` and
  template paths (``{{ ... }}``) are neither.
* A wikilink's ``heading`` is everything after the first ``#`` as written, so
  a block reference ``[[Note#^abc]]`` has heading ``^abc``. Same-note links
  (``[[#Heading]]``) and empty targets are skipped. A trailing ``.md`` is
  dropped from targets; folders are kept (``people/Mike Perham``).
* ``domain`` is the lowercased host without ``www.``, port or user info.
* Reference links: each ``[label][ref]``, ``[ref][]`` or ``[ref]`` that uses a
  definition is one link at the line of use; a definition nobody uses is one
  link at its own line with label None.
* HTML ``href``/``src`` values are links with label None (``is_image`` for
  ``<img>``); other attributes are ignored.
* Bare URLs need ``http(s)://``; ``www.example.com`` alone is not a link.
  Full-width punctuation (``，。）】」``) ends a URL, trailing ``.,;:!?*'"``
  are trimmed, and a ``)`` or ``]`` is kept only when it closes one opened
  inside the URL.
* Nothing inside code or HTML comments counts (``markdown.mask_code``).
"""

from __future__ import annotations

import bisect
import functools
import posixpath
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

from transforms.links.spans import (
    LINK_TITLE,
    Found,
    angle_links,
    bare_urls,
    blank,
    clean_label,
    html_links,
    link_domain,
    reference_links,
)
from transforms.text.markdown import find_headings, mask_code


@dataclass(frozen=True, kw_only=True)
class WikiLink:
    """A link to another note: ``[[target#heading|alias]]`` or a relative Markdown link."""

    target: str
    alias: str | None
    heading: str | None
    embed: bool
    text: str
    line: int


@dataclass(frozen=True, kw_only=True)
class Link:
    """An external http(s) link with the heading it sits under."""

    url: str
    domain: str
    label: str | None
    section: str | None
    is_image: bool
    text: str
    line: int


@dataclass(frozen=True)
class _MdLink:
    start: int
    end: int
    is_image: bool
    label: str
    dest: str


# Each scanning pattern starts with a literal, so ``re`` can jump from one candidate to the next;
# the optional image/embed ``!`` in front is read from the character before the match.
_WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n]*)\]\]")  # for short values: wikilink_targets
_WIKI_SCAN = re.compile(r"\[\[([^\[\]\n]*)\]\]")
# A label is text with at most one level of [brackets]; a destination is <...>, or text with
# balanced (parentheses) and no space. Each is written as runs of one character class
# ("unrolled", possessive), which ``re`` reads in one tight loop instead of trying an
# alternation per character: about twice as fast. It matches exactly what the alternation
# ``(?:[^\[\]\n]|\[[^\[\]\n]*\])*`` (and ``(?:[^\s()<>]|\([^\s()]*\))+``) would: neither can
# succeed by giving characters back, since the character after a shorter label (destination)
# is never the "]" (space or ")") that must follow it. tests/unit/test_links.py checks this.
_LABEL = r"[^\[\]\n]*+(?:\[[^\[\]\n]*\][^\[\]\n]*+)*+"
_DEST = r"<[^<>\n]*>|(?:[^\s()<>]++|\([^\s()]*\))++"
_INLINE_SCAN = re.compile(
    rf"\[({_LABEL})\]"  # [label], one level of brackets inside
    rf"\([ \t]*({_DEST})"  # (destination, <...> or balanced ()
    + LINK_TITLE  # an optional "title"
    + r"[ \t]*\)"
)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _lines(text: str, offsets: Iterable[int]) -> list[int]:
    """1-based line of each offset; ``offsets`` must be in ascending order."""
    lines: list[int] = []
    line, at = 1, 0
    for offset in offsets:
        line += text.count("\n", at, offset)
        at = offset
        lines.append(line)
    return lines


def _md_links(masked: str) -> list[_MdLink]:
    """Inline Markdown links and images, plus one level of links inside a label."""
    found: list[_MdLink] = []
    for m in _INLINE_SCAN.finditer(masked):
        start, dest = m.start(), m.group(2)
        if dest.startswith("<"):
            dest = dest[1:-1]
        is_image = start > 0 and masked[start - 1] == "!"
        start -= is_image
        found.append(_MdLink(start, m.end(), is_image, m.group(1), dest.strip()))
        label, offset = m.group(1), m.start(1)
        if "](" not in label:
            continue
        for inner in _INLINE_SCAN.finditer(label):
            inner_image = inner.start() > 0 and label[inner.start() - 1] == "!"
            inner_dest = inner.group(2).strip("<>").strip()
            found.append(
                _MdLink(
                    offset + inner.start() - inner_image,
                    offset + inner.end(),
                    inner_image,
                    inner.group(1),
                    inner_dest,
                )
            )
    return found


_Wiki = tuple[int, int, bool, str]  # start, end, embed, the text between the brackets


@functools.lru_cache(maxsize=8)
def _link_layers(masked: str) -> tuple[tuple[_Wiki, ...], tuple[_MdLink, ...], str]:
    """Wikilinks, the Markdown links outside them, and the text with both blanked.

    Cached: :func:`find_links` and :func:`find_wikilinks` read the same note.
    """
    wiki: list[_Wiki] = []
    if "[[" in masked:
        for m in _WIKI_SCAN.finditer(masked):
            embed = m.start() > 0 and masked[m.start() - 1] == "!"
            wiki.append((m.start() - embed, m.end(), embed, m.group(1)))
    unwiki = blank(masked, [(w[0], w[1]) for w in wiki])
    md = _md_links(unwiki) if "](" in unwiki else []
    return tuple(wiki), tuple(md), blank(unwiki, [(x.start, x.end) for x in md])


def _external_spans(masked: str) -> list[Found]:
    if "://" not in masked:  # every http(s) URL has it
        return []
    _, md, masked = _link_layers(masked)
    found: list[Found] = [
        (x.start, x.end, x.dest, clean_label(x.label), x.is_image)
        for x in md
        if link_domain(x.dest)
    ]
    refs, masked = reference_links(masked)
    found += refs
    angles, masked = angle_links(masked)
    found += angles
    html, masked = html_links(masked)
    found += html
    found += bare_urls(masked)
    return sorted(found, key=lambda f: (f[0], f[1]))


def find_links(text: str) -> list[Link]:
    """External http(s) links in reading order, each with its section heading.

    >>> [(x.url, x.label, x.section) for x in find_links("## Links\\n[Sidekiq](https://sidekiq.org/)")]
    [('https://sidekiq.org/', 'Sidekiq', 'Links')]
    >>> [x.url for x in find_links("see https://en.wikipedia.org/wiki/Foo_(bar)).")]
    ['https://en.wikipedia.org/wiki/Foo_(bar)']
    >>> find_links("[t](#t=23:44) and `https://x.io`")
    []
    """
    if not isinstance(text, str):
        return []
    spans = _external_spans(mask_code(text))
    if not spans:
        return []
    headings = find_headings(text)
    heading_lines = [h.line for h in headings]
    links: list[Link] = []
    lines = _lines(text, [span[0] for span in spans])
    for (start, end, url, label, is_image), line in zip(spans, lines, strict=True):
        domain = link_domain(url) or ""
        at = bisect.bisect_right(heading_lines, line)
        section = headings[at - 1].title if at else None
        links.append(
            Link(
                url=url,
                domain=domain,
                label=label,
                section=section,
                is_image=is_image,
                text=text[start:end],
                line=line,
            )
        )
    return links


def _parse_wikilink(inner: str) -> tuple[str, str | None, str | None] | None:
    """(target, alias, heading) of the inside of ``[[...]]``, or None for same-note/empty links."""
    target_part, _, alias = inner.replace("\\|", "|").partition("|")
    target, _, heading = target_part.partition("#")
    target = _strip_md(" ".join(target.split()))
    if not target:
        return None
    return target, clean_label(alias), heading.strip() or None


def _strip_md(target: str) -> str:
    return target[:-3].rstrip() if target.lower().endswith(".md") else target


def _internal_target(dest: str) -> tuple[str, str | None] | None:
    """(target, heading) of a relative Markdown link destination, or None if it is not a note."""
    if not dest or dest[0] in "#/?" or _SCHEME.match(dest) or "{" in dest:
        return None
    path, _, heading = dest.partition("#")
    path = path.partition("?")[0]
    if not path or path.endswith("/"):
        return None
    path = unquote(path)
    while path.startswith("./"):
        path = path[2:]
    target = _strip_md(path.strip())
    if not target:
        return None
    return target, unquote(heading).strip() or None


def find_wikilinks(text: str) -> list[WikiLink]:
    """``[[...]]`` links, ``![[...]]`` embeds and relative Markdown links, in reading order.

    >>> [(w.target, w.alias, w.heading) for w in find_wikilinks("[[people/Mike Perham|Mike]]")]
    [('people/Mike Perham', 'Mike', None)]
    >>> [(w.target, w.heading, w.embed) for w in find_wikilinks("![[Note#^abc]] [x](My%20Note.md)")]
    [('Note', '^abc', True), ('My Note', None, False)]
    """
    if not isinstance(text, str):
        return []
    wiki, md, _ = _link_layers(mask_code(text))
    # (start, target, alias, heading, embed, raw text): the line is known once all are found
    found: list[tuple[int, str, str | None, str | None, bool, str]] = []
    for start, end, embed, inner in wiki:
        parsed = _parse_wikilink(inner)
        if parsed:
            target, alias, heading = parsed
            found.append((start, target, alias, heading, embed, text[start:end]))
    for x in md:
        internal = _internal_target(x.dest)
        if internal:
            raw = text[x.start : x.end]
            found.append((x.start, internal[0], clean_label(x.label), internal[1], x.is_image, raw))
    found.sort(key=lambda item: item[0])
    lines = _lines(text, [item[0] for item in found])
    return [
        WikiLink(target=target, alias=alias, heading=heading, embed=embed, text=raw, line=line)
        for (_, target, alias, heading, embed, raw), line in zip(found, lines, strict=True)
    ]


def wikilink_targets(value: str) -> list[str]:
    """Targets of every ``[[...]]`` in a short field value, in order.

    >>> wikilink_targets("[[Jason Charnes]], [[Chris Oliver]], [[Andrew Mason|Andrew]]")
    ['Jason Charnes', 'Chris Oliver', 'Andrew Mason']
    >>> wikilink_targets("[[2021-03-05]]"), wikilink_targets("no links")
    (['2021-03-05'], [])
    """
    if not isinstance(value, str):
        return []
    targets: list[str] = []
    for m in _WIKILINK.finditer(value):
        parsed = _parse_wikilink(m.group(2))
        if parsed:
            targets.append(parsed[0])
    return targets


def resolve_from(note_path: str, target: str) -> str:
    """A ``../``-relative link target as a vault path, read from the linking note's folder;
    any other target as it is (a name, or a path from the vault's root). A target that would
    climb out of the vault is left as written.

    >>> resolve_from("podcast/2023/ep-12.md", "../../people/Mike Perham")
    'people/Mike Perham'
    >>> resolve_from("podcast/ep-12.md", "../people/Mike Perham")
    'people/Mike Perham'
    >>> resolve_from("podcast/ep-12.md", "people/Mike Perham"), resolve_from("ep.md", "../x")
    ('people/Mike Perham', '../x')
    """
    if not target.startswith("../"):
        return target
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(note_path), target))
    return target if resolved.startswith("../") or resolved == ".." else resolved


def normalize_target(target: str) -> str:
    """The key a link target resolves by: NFC, casefolded, no ``.md``, single spaces, ``/`` kept.

    >>> normalize_target("  People/Mike   Perham.md ")
    'people/mike perham'
    >>> normalize_target("./Notes//Café") == normalize_target("notes/Cafe\\u0301")
    True
    """
    if not isinstance(target, str):
        return ""
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", target).casefold())
    key = folded.replace("\\", "/")
    while True:  # "a/x.md/" -> "a/x.md" -> "a/x": repeat until stable, each pass shrinks
        parts = [" ".join(p.split()) for p in key.split("/")]
        shorter = _strip_md("/".join(p for p in parts if p not in ("", ".")))
        if shorter == key:
            return key
        key = shorter
