"""External links in Markdown text, the kinds ``transforms.links.extract`` finds beside inline
``[label](url)`` links: reference links, ``<https://...>`` autolinks, HTML ``href``/``src``
and bare URLs; and the pieces both modules use (``link_domain``, ``blank``, ``clean_label``).

Each finder returns ``Found`` tuples (start, end, url, label, is_image) and, where later
finders must not see its matches again, the text with them blanked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# an optional link title: "..." , '...' or (...)
LINK_TITLE = r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?"
_REF_DEF = re.compile(
    r"^[ \t]{0,3}\[([^\]\n^][^\]\n]*)\]:[ \t]*(<[^<>\n]*>|\S+)" + LINK_TITLE + r"[ \t]*$", re.M
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
_NOT_NEWLINE = re.compile(r"[^\n]")
_TRAILING = ".,;:!?*'\""
_CLOSERS = {")": "(", "]": "["}


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
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


def clean_label(raw: str | None) -> str | None:
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


Found = tuple[int, int, str, str | None, bool]


def reference_links(masked: str) -> tuple[list[Found], str]:
    """Links made from ``[ref]: url`` definitions; returns them and the text with them blanked."""
    defs: dict[str, tuple[str, int, int]] = {}
    if "]:" in masked:
        for m in _REF_DEF.finditer(masked):
            key = " ".join(m.group(1).split()).casefold()
            defs.setdefault(key, (m.group(2).strip("<>"), m.start(), m.end()))
    if not defs:
        return [], masked
    blanked = blank(masked, [(s, e) for _, s, e in defs.values()])
    found: list[Found] = []
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
            found.append((m.start(), m.end(), url, clean_label(m.group(2)), bool(m.group(1))))
    for key, (url, start, end) in defs.items():
        if key not in used and link_domain(url):
            found.append((start, end, url, None, False))
    return found, blank(blanked, spans)


def html_links(masked: str) -> tuple[list[Found], str]:
    found: list[Found] = []
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
    return found, blank(masked, spans)


def angle_links(masked: str) -> tuple[list[Found], str]:
    """``<https://...>`` links; returns them and the text with every one blanked."""
    if "<" not in masked:
        return [], masked
    autolinks = list(_AUTOLINK.finditer(masked))
    found: list[Found] = [
        (m.start(), m.end(), m.group(1), None, False) for m in autolinks if link_domain(m.group(1))
    ]
    return found, blank(masked, [m.span() for m in autolinks])


def bare_urls(masked: str) -> list[Found]:
    """Bare ``http(s)://`` URLs, tried only where ``://`` follows ``http`` or ``https``."""
    found: list[Found] = []
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
