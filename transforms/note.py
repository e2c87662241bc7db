"""One note's bytes in, its rows for every table and its issues out.

``parse_note`` never raises: a note that cannot be read at all gives an
``error`` issue and no rows; an extractor that fails gives a ``warning`` and the
note is loaded without that part. A note's rows never depend on other notes:
cross-note work (resolving wikilinks, ``mentioned`` people, the ``people``
table) happens in the warehouse, in SQL (``sql/link/``), joining on the keys
``transforms.links.vault`` states.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from transforms.episodes.chapter_fields import FieldChapter, find_field_chapters
from transforms.episodes.chapters import find_chapters
from transforms.episodes.episode import read_duration, read_episode
from transforms.figures.context import mask_prose
from transforms.figures.growth import find_growth
from transforms.figures.money import find_money
from transforms.ids import content_sha256, normalize_path, note_id
from transforms.issues import Issue
from transforms.links.extract import find_links, find_wikilinks, normalize_target, resolve_from
from transforms.links.vault import build_note_key_rows
from transforms.people.credits import find_credits
from transforms.people.rows import build_appearance_rows, profile_subject
from transforms.properties.body import find_body_fields
from transforms.properties.classify import KindEvidence, classify_note
from transforms.properties.fields import build_frontmatter_fields, find_inline_fields
from transforms.properties.frontmatter import FrontMatter, split_frontmatter
from transforms.properties.lookup import Properties
from transforms.properties.note_facts import note_dates, note_title
from transforms.properties.tags import Tag, find_tags, tags_from_value
from transforms.schema import TABLES
from transforms.text.decode import Decoded, decode_note
from transforms.text.lang import count_words, detect_lang
from transforms.text.markdown import find_headings

PARSER_VERSION = "1"
# Longer notes (a log dump, an export) are loaded, but not searched for fields and figures.
MAX_PROSE_CHARS = 1_000_000
LONG_LINE_CHARS = 100_000
Row = dict[str, Any]
T = TypeVar("T")


@dataclass
class ParsedNote:
    """Rows per table (keyed by table name) and issues for one file."""

    path: str
    note_id: str
    rows: dict[str, list[Row]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    subject: tuple[str, str] | None = None  # (person_id, name) when the note is about a person
    content_sha256: str | None = None  # of the file's bytes, also when the note is not loaded

    @property
    def loaded(self) -> bool:
        return bool(self.rows.get("notes"))


def parse_note(
    path: str,
    data: bytes,
    *,
    mtime: dt.datetime | None = None,
    tz: str = "UTC",
    kinds: Sequence[tuple[str, str]] = (),
) -> ParsedNote:
    """Parse one file; ``path`` is vault-relative, ``mtime`` the file's modification time.

    ``kinds`` is the ``[kinds]`` table of ``notehouse.toml``: (glob, kind) pairs, first
    match wins over the classification rules.

    >>> parsed = parse_note("a/Hello.md", b"# Hello\\n\\nSome #idea here.\\n")
    >>> parsed.rows["notes"][0]["title"], [t["tag"] for t in parsed.rows["tags"]]
    ('Hello', ['idea'])
    >>> parse_note("b.md", b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00").issues[0].severity
    'error'
    """
    path = normalize_path(path)
    parsed = ParsedNote(path, note_id(path), content_sha256=content_sha256(data))
    try:
        _parse_into(parsed, data, mtime, tz, kinds)
    except Exception as exc:  # a bug must cost one note, never the run
        parsed.rows = {}
        parsed.issues.append(
            Issue(
                "error",
                "parse",
                f"notehouse failed on this note ({type(exc).__name__}: {exc}); "
                "the note was not loaded — please report it with the file",
            )
        )
    return parsed


def _guard(parsed: ParsedNote, stage: str, fn: Callable[[], T]) -> T | None:
    """Run one extractor; a failure becomes a warning and None, never an exception."""
    try:
        return fn()
    except Exception as exc:
        parsed.issues.append(
            Issue(
                "warning",
                stage,
                f"the {stage} extractor failed ({type(exc).__name__}: {exc}); "
                f"the note was loaded without its {stage} — please report it",
            )
        )
        return None


@dataclass(frozen=True)
class _Text:
    """A decoded note split from its front matter; ``body`` is what extractors search."""

    decoded: Decoded
    fm: FrontMatter
    body: str


def _read_text(parsed: ParsedNote, data: bytes) -> _Text | None:
    decoded = decode_note(data)
    parsed.issues.extend(decoded.issues)
    if decoded.text is None:
        return None
    parsed.issues.extend(_shape_issues(decoded.text))
    fm = split_frontmatter(decoded.text)
    parsed.issues.extend(fm.issues)
    body = fm.body
    if len(body) > MAX_PROSE_CHARS:
        parsed.issues.append(
            Issue(
                "warning",
                "parse",
                f"the note is {len(body):,} characters long; only its first "
                f"{MAX_PROSE_CHARS:,} were searched for fields, links, tags, chapters and "
                "money — split it into smaller notes to have all of it read",
            )
        )
        body = body[: body.rfind("\n", 0, MAX_PROSE_CHARS) + 1]
    return _Text(decoded, fm, body)


# Column names per table, read once: ``Schema.names`` builds a new list on every call.
_COLUMNS: dict[str, tuple[str, ...]] = {
    name: tuple(schema.names) for name, schema in TABLES.items()
}


def _shaped(table: str, nid: str, items: Iterable[object]) -> list[Row]:
    """Rows with exactly the table's columns, from dataclasses or dicts, carrying ``nid``."""
    names = _COLUMNS[table]
    with_nid = "note_id" in names
    rows = []
    for item in items:
        if isinstance(item, dict):
            row = {name: item.get(name) for name in names}
        else:  # a row dataclass: read its attributes, no deep copy
            row = {name: getattr(item, name, None) for name in names}
        if with_nid:
            row["note_id"] = nid  # the key is already in place, so column order stays
        rows.append(row)
    return rows


def _stated(text: _Text) -> list[FieldChapter]:
    """The chapter list the front matter states, each item with its line in the file."""
    fm = text.fm
    lines = {**fm.key_lines, **fm.nested_lines}
    return find_field_chapters(fm.metadata, lines, text.decoded.text or "")


def _parse_into(
    parsed: ParsedNote,
    data: bytes,
    mtime: dt.datetime | None,
    tz: str,
    kinds: Sequence[tuple[str, str]],
) -> None:
    text = _read_text(parsed, data)
    if text is None:
        return
    nid, path, body, fm = parsed.note_id, parsed.path, text.body, text.fm
    inline = _guard(parsed, "fields", lambda: find_inline_fields(body)) or []
    inline += _guard(parsed, "fields", lambda: find_body_fields(body)) or []
    props = Properties(fm.metadata, fm.key_lines, inline, fm.nested_lines)
    headings = find_headings(body)
    titled = note_title(props, headings, path, body)
    title = titled.text
    lang_prop = props.first("lang", "language", "locale")
    lang = lang_prop.text.lower() if lang_prop else detect_lang(body)
    dated, date_issues = note_dates(props, path, tz, mtime)
    tags = _tags(props, body)
    duration, _, duration_issues = read_duration(props)
    found = _guard(parsed, "chapters", lambda: find_chapters(body, duration, _stated(text)))
    chapters, chapter_issues = found if found is not None else ([], [])
    evidence = KindEvidence(
        fm.metadata, [t.tag for t in tags], path, title or "", props,
        [h.title for h in headings], body, len(chapters), duration is not None, kinds, lang,
    )  # fmt: skip
    kind, kind_reason = classify_note(evidence)
    note = {
        "path": path, "kind": kind, "title": title, "lang": lang,
        "note_date": dated.note_date, "created_at": dated.created_at,
        "updated_at": dated.updated_at, "word_count": count_words(fm.body),
        "size_bytes": len(data), "content_sha256": parsed.content_sha256,
        "file_name": posixpath.basename(path), "folder": posixpath.dirname(path),
        "encoding": text.decoded.encoding, "frontmatter_format": fm.format,
        "title_source": titled.source, "note_date_source": dated.source,
        "kind_reason": kind_reason, "title_line": titled.line,
        "note_date_line": dated.line, "note_date_text": dated.text,
    }  # fmt: skip
    parsed.issues.extend(date_issues)
    fields = build_frontmatter_fields(fm.metadata, fm.key_lines, fm.nested_lines) + inline
    aliases = _aliases(props)
    rows = parsed.rows
    rows["notes"] = _shaped("notes", nid, [note])
    rows["fields"] = _shaped("fields", nid, fields)
    for ordinal, row in enumerate(rows["fields"], start=1):  # numbered across both sources
        row["ordinal"] = ordinal
    rows["tags"] = _shaped("tags", nid, tags)
    rows["aliases"] = _shaped("aliases", nid, [{"alias": a} for a in aliases])
    rows["note_keys"] = build_note_key_rows(nid, path, aliases)
    # Timestamp lines are chapters only in an episode (elsewhere: a log, an agenda).
    rows["chapters"] = _shaped("chapters", nid, chapters if kind == "episode" else [])
    if kind == "episode":
        facts, episode_issues = read_episode(props, tz, title, path)
        parsed.issues.extend(episode_issues)
        rows["episodes"] = _shaped("episodes", nid, [facts])
        parsed.issues.extend(chapter_issues)
    else:
        parsed.issues.extend(duration_issues)
    parsed.subject = profile_subject(props, title or "", body, path) if kind == "profile" else None
    credits = _guard(parsed, "people", lambda: find_credits(body, title or "")) or []
    rows["appearances"] = build_appearance_rows(nid, props, parsed.subject, credits)
    _link_rows(parsed, body)
    _money_rows(parsed, body, lang)


def _link_rows(parsed: ParsedNote, body: str) -> None:
    nid = parsed.note_id
    links = _guard(parsed, "links", lambda: find_links(body)) or []
    wikilinks = _guard(parsed, "wikilinks", lambda: find_wikilinks(body)) or []
    parsed.rows["links"] = _shaped("links", nid, links)
    parsed.rows["wikilinks"] = _shaped("wikilinks", nid, wikilinks)
    for row, link in zip(parsed.rows["wikilinks"], wikilinks, strict=True):
        row["target_key"] = normalize_target(resolve_from(parsed.path, link.target))


def _money_rows(parsed: ParsedNote, body: str, lang: str | None) -> None:
    nid = parsed.note_id
    subject = parsed.subject[1] if parsed.subject else None
    masked = mask_prose(body)  # (code, URLs and e-mail addresses blanked) read by both
    money = _guard(
        parsed, "money", lambda: find_money(body, lang=lang, default_subject=subject, masked=masked)
    )
    parsed.rows["money_mentions"] = _shaped("money_mentions", nid, money or [])
    growth = _guard(parsed, "growth", lambda: find_growth(body, masked)) or []
    parsed.rows["growth_mentions"] = _shaped("growth_mentions", nid, growth)


def _tags(props: Properties, body: str) -> list[Tag]:
    seen: set[str] = set()
    out: list[Tag] = []
    found = [
        t
        for key in ("tags", "tag", "keywords")
        for p in props.all(key)
        if p.source == "frontmatter"
        for t in tags_from_value(p.value, p.line)
    ]
    for tag in found + find_tags(body):
        if tag.tag.lower() not in seen:
            seen.add(tag.tag.lower())
            out.append(tag)
    return out


def _aliases(props: Properties) -> list[str]:
    out: list[str] = []
    for prop in props.all("aliases") + props.all("alias"):
        values = prop.value if isinstance(prop.value, list) else [prop.value]
        for value in values:
            text = str(value).strip()
            if text and text not in out:
                out.append(text)
    return out


def _shape_issues(text: str) -> list[Issue]:
    """Warnings for files that load but are probably not what the author meant."""
    if not text.strip():
        return [
            Issue(
                "warning",
                "decode",
                "the file is empty (or only white space); it was "
                "loaded as a note with no content — delete it or write the note",
            )
        ]
    if len(text) <= LONG_LINE_CHARS:
        return []
    lengths = [len(line) for line in text.split("\n")]
    longest = max(lengths)
    if longest > LONG_LINE_CHARS:
        line_no = lengths.index(longest) + 1
        return [
            Issue(
                "warning",
                "decode",
                f"line {line_no} is {longest:,} characters long (pasted data?); it was read, "
                "but chapters are never read from so long a line",
                line_no,
            )
        ]
    return []
