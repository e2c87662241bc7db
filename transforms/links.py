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
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

from transforms.markdown import find_headings, mask_code


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


# Each scanning pattern starts with a literal, so ``re`` can jump from one candidate to the next;
# the optional image/embed ``!`` in front is read from the character before the match.
_WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n]*)\]\]")  # for short values: wikilink_targets
_WIKI_SCAN = re.compile(r"\[\[([^\[\]\n]*)\]\]")
_LABEL = r"(?:[^\[\]\n]|\[[^\[\]\n]*\])*"
_TITLE = r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?"
_INLINE_SCAN = re.compile(
    r"\[(" + _LABEL + r")\]"  # [label], one level of brackets inside
    r"\([ \t]*(<[^<>\n]*>|(?:[^\s()<>]|\([^\s()]*\))+)"  # (destination, <...> or balanced ()
    + _TITLE  # an optional "title"
    + r"[ \t]*\)"
)
_REF_DEF = re.compile(
    r"^[ \t]{0,3}\[([^\]\n^][^\]\n]*)\]:[ \t]*(<[^<>\n]*>|\S+)" + _TITLE + r"[ \t]*$", re.M
)
_REF_USE = re.compile(r"(!?)\[([^\[\]\n]+)\](?:\[([^\[\]\n]*)\])?")
_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>", re.I)
_HTML_TAG = re.compile(r"<([a-zA-Z][\w-]*)\b[^<>]*>")
_HTML_URL = re.compile(r"\b(?:href|src)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))", re.I)
# Tried only where "://" is 4 or 5 characters on (see _bare_urls).
_BARE = re.compile(r"(?<![A-Za-z0-9_@.:/\\])https?://[^\s<>\"'`|\u3000-\u303f\uff00-\uffef]+", re.I)
_HTTP = re.compile(r"^https?://(?:[^/?#@\s]*@)?([^/?#\s]+)", re.I)
_HOST = re.compile(
    r"^(?:\[[0-9a-f:.]+\]|[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)*)$", re.I
)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_NOT_NEWLINE = re.compile(r"[^\n]")
_TRAILING = ".,;:!?*'\""
_CLOSERS = {")": "(", "]": "["}


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each character inside ``spans`` (which may overlap) a space; newlines stay."""
    parts: list[str] = []
    done = 0
    for start, end in sorted(spans):
        start = max(start, done)
        if end <= start:
            continue
        piece = text[start:end]
        parts += (
            text[done:start],
            _NOT_NEWLINE.sub(" ", piece) if "\n" in piece else " " * len(piece),
        )
        done = end
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def _lines(text: str, offsets: Iterable[int]) -> list[int]:
    """1-based line of each offset; ``offsets`` must be in ascending order."""
    lines: list[int] = []
    line, at = 1, 0
    for offset in offsets:
        line += text.count("\n", at, offset)
        at = offset
        lines.append(line)
    return lines


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
    unwiki = _blank(masked, [(w[0], w[1]) for w in wiki])
    md = _md_links(unwiki) if "](" in unwiki else []
    return tuple(wiki), tuple(md), _blank(unwiki, [(x.start, x.end) for x in md])


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
    if "]:" in masked:
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
    if "<" not in masked:
        return found, masked
    for tag in _HTML_TAG.finditer(masked):
        spans.append(tag.span())
        is_image = tag.group(1).lower() == "img"
        for attr in _HTML_URL.finditer(tag.group(0)):
            url = next(g for g in attr.groups() if g is not None).strip()
            if link_domain(url):
                found.append((tag.start(), tag.end(), url, None, is_image))
    return found, _blank(masked, spans)


def _autolinks(masked: str) -> tuple[list[_Found], str]:
    """``<https://...>`` links; returns them and the text with every one blanked."""
    if "<" not in masked:
        return [], masked
    autolinks = list(_AUTOLINK.finditer(masked))
    found: list[_Found] = [
        (m.start(), m.end(), m.group(1), None, False) for m in autolinks if link_domain(m.group(1))
    ]
    return found, _blank(masked, [m.span() for m in autolinks])


def _bare_urls(masked: str) -> list[_Found]:
    """Bare ``http(s)://`` URLs, tried only where ``://`` follows ``http`` or ``https``."""
    found: list[_Found] = []
    done = 0  # end of the last URL: matches never overlap
    at = masked.find("://")
    while at != -1:
        for start in (at - 5, at - 4):
            m = _BARE.match(masked, start) if start >= done else None
            if m is not None:
                done = m.end()
                url = _trim_bare(m.group(0))
                if link_domain(url):
                    found.append((start, start + len(url), url, None, False))
                break
        at = masked.find("://", at + 1)
    return found


def _external_spans(masked: str) -> list[_Found]:
    if "://" not in masked:  # every http(s) URL has it
        return []
    _, md, masked = _link_layers(masked)
    found: list[_Found] = [
        (x.start, x.end, x.dest, _label(x.label), x.is_image) for x in md if link_domain(x.dest)
    ]
    refs, masked = _reference_links(masked)
    found += refs
    autolinks, masked = _autolinks(masked)
    found += autolinks
    html, masked = _html_links(masked)
    found += html
    found += _bare_urls(masked)
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
    wiki, md, _ = _link_layers(mask_code(text))
    found: list[tuple[int, WikiLink]] = []
    for start, end, embed, inner in wiki:
        parsed = _parse_wikilink(inner)
        if parsed:
            target, alias, heading = parsed
            found.append((start, WikiLink(target, alias, heading, embed, text[start:end], 0)))
    for x in md:
        internal = _internal_target(x.dest)
        if internal:
            raw = text[x.start : x.end]
            link = WikiLink(internal[0], _label(x.label), internal[1], x.is_image, raw, 0)
            found.append((x.start, link))
    found.sort(key=lambda pair: pair[0])
    lines = _lines(text, [start for start, _ in found])
    return [
        WikiLink(w.target, w.alias, w.heading, w.embed, w.text, line)
        for (_, w), line in zip(found, lines, strict=True)
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
