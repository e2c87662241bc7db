"""Note-level facts: title (``note_titles``), note date, created and updated times.

note_date is the day the note says it was published or aired. Sources, tried in this
order (documented in the README); ``notes.note_date_source`` says which one gave it:

1. ``frontmatter:<key>`` — a publication key in the front matter (``DATE_KEYS``:
   ``date``, ``published``, ``pubDate``, ``publishDate``, ``air_date``, ``release_date``,
   ``发布日期``, ``日期`` …), in that key order; any date form ``dates`` reads, also
   ``2024/04/08`` and epoch seconds or milliseconds (``1714521600000``);
2. ``inline:<key>`` — a Dataview field with such a key (``**Published**:: [[2021-03-05]]``);
3. ``body:<key>`` — a ``Key: value`` line of the body whose key is such a key
   (``Date: July 17, 2024``, ``- **Air Date:** …``), read through the property lookup
   (source ``body``); a note without body properties has its own such lines read here,
   outside code and quotes. Used only when every such line names the same day (a log
   with many ``Date:`` lines has no one date);
4. ``file_name`` — a date at the start of the file name (``2015-08-16-slug.markdown``,
   ``20240408.md``, ``2024-04-08.md``, ``202103051230 Zettel.md``);
5. ``source_url`` — a date in the path of the note's ``source``/``url``/``link`` address
   (``https://site.example/2023/05/12/slug``): the day of the page the note is about;
6. ``frontmatter:<key>`` for a creation key (``created``, ``datecreated``, ``date_created`` …):
   the day the note was written, the last resort.

The first four are what the note states about itself: when two of them are more than a
day apart, a warning names both (a time zone can move a day by one). A source URL or a
creation day may differ from the publication day without a warning. A date property
that cannot be read gives a warning too (``03/04/2023`` is ambiguous).

created_at: a creation key → the front-matter ``date`` when it is a full datetime; else
NULL. updated_at: ``updated_at``/``updated``/``modified``/``lastmod`` … → the file's
modification time.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass

from transforms.issues import Issue
from transforms.properties.lookup import Prop, Properties
from transforms.properties.note_titles import Title, note_title
from transforms.time.dates import (
    date_from_value,
    datetime_from_value,
    explain_date,
    parse_date,
    parse_filename_date,
)
from transforms.time.url_dates import parse_url_date

__all__ = ["Dated", "Title", "note_dates", "note_title"]

_CLOCK = re.compile(r"\d:\d\d")  # a time of day: "09:30", "2021-03-05T9:30Z"
DATE_KEYS = (
    "date",
    "published",
    "pubdate",
    "pub_date",
    "published_date",
    "publish_date",
    "publishdate",
    "published_at",
    "published_on",
    "publication_date",
    "date_published",
    "air_date",
    "airdate",
    "aired",
    "release_date",
    "releasedate",
    "released",
    "发布日期",
    "发布时间",
    "日期",
)
URL_KEYS = ("source", "source_url", "url", "link", "original_url", "canonical_url", "来源")
CREATED_KEYS = (
    "created_at",
    "created",
    "date_created",
    "datecreated",
    "created_date",
    "creation_date",
    "ctime",
    "创建时间",
)
UPDATED_KEYS = (
    "updated_at",
    "updated",
    "modified",
    "modified_at",
    "lastmod",
    "last_modified",
    "date_modified",
    "mtime",
    "更新时间",
)
_DATE_KEY_SET = frozenset(DATE_KEYS)


@dataclass(frozen=True)
class Dated:
    """note_date with its source, line and raw text; created_at and updated_at."""

    note_date: dt.date | None
    source: str | None
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    line: int | None = None  # of the property or body line; None for the file name
    text: str | None = None  # what the date was read from, as written


@dataclass(frozen=True)
class _Candidate:
    source: str
    date: dt.date
    line: int | None
    text: str
    stated: bool = True  # what the note says of itself; compared for conflicts


def note_dates(
    props: Properties, path: str, tz: str, mtime: dt.datetime | None
) -> tuple[Dated, list[Issue]]:
    """note_date with its source, created_at and updated_at; warnings for conflicts.

    >>> dated, issues = note_dates(Properties({"date": "2023/1/16"}, {}, []), "x.md", "UTC", None)
    >>> dated.note_date, dated.source, dated.created_at, issues
    (datetime.date(2023, 1, 16), 'frontmatter:date', None, [])
    >>> from transforms.properties.body import find_body_fields
    >>> lines = Properties({}, {}, find_body_fields("Date: July 17, 2024\\n"))
    >>> dated, _ = note_dates(lines, "a.md", "UTC", None)
    >>> dated.note_date, dated.source, dated.line, dated.text
    (datetime.date(2024, 7, 17), 'body:date', 1, 'July 17, 2024')
    >>> ambiguous = Properties({"date": "03/04/2023"}, {"date": 2}, [])
    >>> _, issues = note_dates(ambiguous, "x.md", "UTC", None)
    >>> issues[0].line, issues[0].message
    (2, "date: '03/04/2023': day and month are ambiguous; write 2023-04-03 or 2023-03-04")
    """
    candidates, from_lookup, issues = _property_dates(props, tz)
    candidates += _body_dates(from_lookup)
    name = posixpath.basename(path)
    from_name = parse_filename_date(name)
    if from_name is not None:
        candidates.append(_Candidate("file_name", from_name, None, name))
    candidates += _url_dates(props)
    created_candidate, created = _created(props, tz)
    if created_candidate is not None:
        candidates.append(created_candidate)
    else:
        date_prop = props.first("date")
        if date_prop is not None and date_prop.source == "frontmatter":
            created = _full_datetime(date_prop.value, tz)
    updated = _first_datetime(props, UPDATED_KEYS, tz) or mtime
    if not candidates:
        return Dated(None, None, created, updated), issues
    chosen = candidates[0]
    conflict = _conflict(chosen, candidates[1:])
    if conflict is not None:
        issues.append(conflict)
    return Dated(chosen.date, chosen.source, created, updated, chosen.line, chosen.text), issues


def _conflict(chosen: _Candidate, others: list[_Candidate]) -> Issue | None:
    """A warning for the first stated source more than a day away from the chosen one."""
    if not chosen.stated:
        return None
    for other in others:
        if other.stated and abs((other.date - chosen.date).days) > 1:
            return Issue(
                "warning",
                "dates",
                f"note date {chosen.date} (from {chosen.source}) disagrees with {other.date} "
                f"(from {other.source}); {chosen.date} was kept — fix whichever is wrong",
                other.line,
            )
    return None


def _property_dates(
    props: Properties, tz: str
) -> tuple[list[_Candidate], list[_Candidate], list[Issue]]:
    """The readable publication dates of the front matter, then of the inline fields; those
    of the lookup's body lines; a warning for each unreadable front-matter or inline one."""
    by_source: dict[str, list[tuple[str, Prop]]] = {"frontmatter": [], "inline": [], "body": []}
    for key in DATE_KEYS:
        for prop in props.all(key):
            if prop.source in by_source:
                by_source[prop.source].append((key, prop))
    candidates: list[_Candidate] = []
    issues: list[Issue] = []
    for source in ("frontmatter", "inline"):
        for key, prop in by_source[source]:
            value = date_from_value(prop.value, tz)
            if value is not None:
                candidates.append(_Candidate(f"{source}:{key}", value, prop.line, prop.text))
            elif isinstance(prop.value, str) and (why := explain_date(prop.value)):
                issue = Issue("warning", "dates", f"{key}: {why}", prop.line)
                if issue not in issues:
                    issues.append(issue)
    body = [
        _Candidate(f"body:{key}", day, prop.line, prop.text)
        for key, prop in by_source["body"]
        if (day := parse_date(prop.text)) is not None
    ]
    return candidates, body, issues


def _body_dates(found: list[_Candidate]) -> list[_Candidate]:
    """The body's date lines (``Date: July 17, 2024``, body fields of the lookup), when they
    all name one day: the first of them."""
    found = sorted(found, key=lambda c: c.line or 0)
    return found[:1] if len({c.date for c in found}) == 1 else []


def _url_dates(props: Properties) -> list[_Candidate]:
    """The first date in the path of a source/url/link address of the note."""
    for key in URL_KEYS:
        for prop in props.all(key):
            values = prop.value if isinstance(prop.value, list) else [prop.value]
            for value in values:
                if isinstance(value, str) and (day := parse_url_date(value)) is not None:
                    return [_Candidate("source_url", day, prop.line, value, stated=False)]
    return []


def _created(props: Properties, tz: str) -> tuple[_Candidate | None, dt.datetime | None]:
    """The first readable creation time (front matter or inline) as a candidate and a time."""
    for key in CREATED_KEYS:
        for prop in props.all(key):
            if prop.source not in ("frontmatter", "inline"):
                continue
            value = datetime_from_value(prop.value, tz)
            if value is not None:
                day = date_from_value(prop.value, tz) or value.date()
                candidate = _Candidate(f"{prop.source}:{key}", day, prop.line, prop.text, False)
                return candidate, value
    return None, None


def _first_datetime(props: Properties, keys: tuple[str, ...], tz: str) -> dt.datetime | None:
    for key in keys:
        for prop in props.all(key):
            value = datetime_from_value(prop.value, tz)
            if value is not None:
                return value
    return None


def _full_datetime(value: object, tz: str) -> dt.datetime | None:
    """A datetime only when the value carries a time of day, not a bare date."""
    if isinstance(value, dt.datetime):
        return datetime_from_value(value, tz)
    if isinstance(value, str) and _CLOCK.search(value):
        return datetime_from_value(value, tz)
    return None
