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

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

from transforms.markdown import LineIndex, find_headings, mask_code, section_at


@dataclass(frozen=True)
class WikiLink:
    """A link to another note: ``[[target#heading|alias]]`` or a relative Markdown link."""

    target: str
    alias: str | None
    heading: str | None
    embed: bool
    text: str
    line: int


@dataclass(frozen=True)
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


_WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n]*)\]\]")
_LABEL = r"(?:[^\[\]\n]|\[[^\[\]\n]*\])*"
_TITLE = r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?"
_INLINE = re.compile(
    r"(!?)\[("
    + _LABEL
    + r")\]\([ \t]*(<[^<>\n]*>|(?:[^\s()<>]|\([^\s()]*\))+)"
    + _TITLE
    + r"[ \t]*\)"
)
_REF_DEF = re.compile(
    r"^[ \t]{0,3}\[([^\]\n^][^\]\n]*)\]:[ \t]*(<[^<>\n]*>|\S+)" + _TITLE + r"[ \t]*$", re.M
)
_REF_USE = re.compile(r"(!?)\[([^\[\]\n]+)\](?:\[([^\[\]\n]*)\])?")
_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>", re.I)
_HTML_TAG = re.compile(r"<([a-zA-Z][\w-]*)\b[^<>]*>")
_HTML_URL = re.compile(r"\b(?:href|src)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))", re.I)
_BARE = re.compile(r"(?<![A-Za-z0-9_@.:/\\])https?://[^\s<>\"'`|\u3000-\u303f\uff00-\uffef]+", re.I)
_HTTP = re.compile(r"^https?://(?:[^/?#@\s]*@)?([^/?#\s]+)", re.I)
_HOST = re.compile(
    r"^(?:\[[0-9a-f:.]+\]|[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)*)$", re.I
)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_TRAILING = ".,;:!?*'\""
_CLOSERS = {")": "(", "]": "["}


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def link_domain(url: str) -> str | None:
    """Lowercased host of an http(s) URL without ``www.`` and port, or None.

    >>> link_domain("https://www.MikePerham.com/2017/x")
    'mikeperham.com'
    >>> link_domain("https://user@share.transistor.fm:443/s/1"), link_domain("mailto:a@b.c")
    ('share.transistor.fm', None)
    """
    m = _HTTP.match(url)
    if not m:
        return None
    host = m.group(1)
    if not host.startswith("["):
        host = host.rsplit(":", 1)[0] if ":" in host else host
    host = host.lower().rstrip(".")
    if not host or not _HOST.match(host):
        return None
    return host[4:] if host.startswith("www.") and len(host) > 4 else host


def _md_links(masked: str) -> list[_MdLink]:
    """Inline Markdown links and images, plus one level of links inside a label."""
    found: list[_MdLink] = []
    for m in _INLINE.finditer(masked):
        dest = m.group(3)
        if dest.startswith("<"):
            dest = dest[1:-1]
        found.append(_MdLink(m.start(), m.end(), bool(m.group(1)), m.group(2), dest.strip()))
        offset = m.start(2)
        for inner in _INLINE.finditer(m.group(2)):
            inner_dest = inner.group(3).strip("<>").strip()
            found.append(
                _MdLink(
                    offset + inner.start(),
                    offset + inner.end(),
                    bool(inner.group(1)),
                    inner.group(2),
                    inner_dest,
                )
            )
    return found


def _label(raw: str | None) -> str | None:
    if raw is None:
        return None
    label = " ".join(raw.split())
    return label or None


def _trim_bare(url: str) -> str:
    """Drop trailing punctuation, and closing brackets that close nothing inside the URL."""
    opened = {closer: url.count(opener) for closer, opener in _CLOSERS.items()}
    closed = {closer: url.count(closer) for closer in _CLOSERS}
    end = len(url)
    while end:
        last = url[end - 1]
        if last in _CLOSERS and opened[last] < closed[last]:
            closed[last] -= 1
        elif last not in _TRAILING:
            break
        end -= 1
    return url[:end]


_Found = tuple[int, int, str, str | None, bool]


def _reference_links(masked: str) -> tuple[list[_Found], str]:
    """Links made from ``[ref]: url`` definitions; returns them and the text with them blanked."""
    defs: dict[str, tuple[str, int, int]] = {}
    for m in _REF_DEF.finditer(masked):
        key = " ".join(m.group(1).split()).casefold()
        defs.setdefault(key, (m.group(2).strip("<>"), m.start(), m.end()))
    if not defs:
        return [], masked
    blanked = _blank(masked, [(s, e) for _, s, e in defs.values()])
    found: list[_Found] = []
    used: set[str] = set()
    spans: list[tuple[int, int]] = []
    for m in _REF_USE.finditer(blanked):
        ref = m.group(3) if m.group(3) else m.group(2)
        key = " ".join(ref.split()).casefold()
        if key not in defs:
            continue
        used.add(key)
        spans.append(m.span())
        url = defs[key][0]
        if link_domain(url):
            found.append((m.start(), m.end(), url, _label(m.group(2)), bool(m.group(1))))
    for key, (url, start, end) in defs.items():
        if key not in used and link_domain(url):
            found.append((start, end, url, None, False))
    return found, _blank(blanked, spans)


def _html_links(masked: str) -> tuple[list[_Found], str]:
    found: list[_Found] = []
    spans: list[tuple[int, int]] = []
    for tag in _HTML_TAG.finditer(masked):
        spans.append(tag.span())
        is_image = tag.group(1).lower() == "img"
        for attr in _HTML_URL.finditer(tag.group(0)):
            url = next(g for g in attr.groups() if g is not None).strip()
            if link_domain(url):
                found.append((tag.start(), tag.end(), url, None, is_image))
    return found, _blank(masked, spans)


def _external_spans(masked: str) -> list[_Found]:
    masked = _blank(masked, [m.span() for m in _WIKILINK.finditer(masked)])
    md = _md_links(masked)
    found: list[_Found] = [
        (x.start, x.end, x.dest, _label(x.label), x.is_image) for x in md if link_domain(x.dest)
    ]
    masked = _blank(masked, [(x.start, x.end) for x in md])
    refs, masked = _reference_links(masked)
    found += refs
    autolinks = list(_AUTOLINK.finditer(masked))
    found += [
        (m.start(), m.end(), m.group(1), None, False) for m in autolinks if link_domain(m.group(1))
    ]
    masked = _blank(masked, [m.span() for m in autolinks])
    html, masked = _html_links(masked)
    found += html
    for m in _BARE.finditer(masked):
        url = _trim_bare(m.group(0))
        if link_domain(url):
            found.append((m.start(), m.start() + len(url), url, None, False))
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
    index = LineIndex(text)
    headings = find_headings(text)
    links: list[Link] = []
    for start, end, url, label, is_image in _external_spans(mask_code(text)):
        line = index.line_of(start)
        domain = link_domain(url) or ""
        section = section_at(headings, line)
        links.append(Link(url, domain, label, section, is_image, text[start:end], line))
    return links


def _parse_wikilink(inner: str) -> tuple[str, str | None, str | None] | None:
    """(target, alias, heading) of the inside of ``[[...]]``, or None for same-note/empty links."""
    target_part, _, alias = inner.replace("\\|", "|").partition("|")
    target, _, heading = target_part.partition("#")
    target = _strip_md(" ".join(target.split()))
    if not target:
        return None
    return target, _label(alias), heading.strip() or None


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
    masked = mask_code(text)
    index = LineIndex(text)
    found: list[tuple[int, WikiLink]] = []
    wiki = list(_WIKILINK.finditer(masked))
    for m in wiki:
        parsed = _parse_wikilink(m.group(2))
        if parsed:
            target, alias, heading = parsed
            link = WikiLink(target, alias, heading, bool(m.group(1)), text[m.start() : m.end()], 0)
            found.append((m.start(), link))
    for md in _md_links(_blank(masked, [m.span() for m in wiki])):
        internal = _internal_target(md.dest)
        if internal:
            raw = text[md.start : md.end]
            link = WikiLink(internal[0], _label(md.label), internal[1], md.is_image, raw, 0)
            found.append((md.start, link))
    found.sort(key=lambda pair: pair[0])
    return [
        WikiLink(w.target, w.alias, w.heading, w.embed, w.text, index.line_of(start))
        for start, w in found
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
