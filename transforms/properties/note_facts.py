"""Note-level facts: title, note date, created and updated times.

Precedence (documented in the README):

* title: front-matter ``title`` → an inline ``Title::`` field → the first
  ``# H1`` → the file name without its extension.
* note_date: front-matter ``date``/``published``/``pubdate`` → an inline
  ``Published::``/``Date::`` field → a date at the start of the file name →
  front-matter ``created``. Two sources that disagree give a warning, and so
  does a date property that cannot be read (``03/04/2023`` is ambiguous).
* created_at: front-matter ``created_at``/``created``/``date_created`` → the
  front-matter ``date`` when it is a full datetime; else NULL.
* updated_at: front-matter ``updated_at``/``updated``/``modified``/``lastmod``
  → the file's modification time.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass

from transforms.issues import Issue
from transforms.properties.lookup import Properties
from transforms.text.markdown import Heading
from transforms.time.dates import (
    date_from_value,
    datetime_from_value,
    explain_date,
    parse_filename_date,
)

_CLOCK = re.compile(r"\d:\d\d")  # a time of day: "09:30", "2021-03-05T9:30Z"
TITLE_KEYS = ("title", "name")
DATE_KEYS = ("date", "published", "pubdate", "published_date", "publish_date", "发布日期", "日期")
INLINE_DATE_KEYS = ("published", "date", "pubdate", "published_date", "发布日期", "日期")
CREATED_KEYS = ("created_at", "created", "date_created", "creation_date", "ctime", "创建时间")
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


@dataclass(frozen=True)
class Dated:
    note_date: dt.date | None
    source: str | None
    created_at: dt.datetime | None
    updated_at: dt.datetime | None


def note_title(props: Properties, headings: list[Heading], path: str) -> tuple[str, str]:
    """The note's title and where it came from.

    >>> note_title(Properties({}, {}, []), [Heading(3, 1, "Hello")], "a/b.md")
    ('Hello', 'h1')
    >>> note_title(Properties({}, {}, []), [], "a/2021-03-05 Walk.md")
    ('2021-03-05 Walk', 'file_name')
    """
    prop = props.first(*TITLE_KEYS)
    if prop is not None:
        return prop.text, f"{prop.source}:{prop.key}"
    for heading in headings:
        if heading.level == 1:
            return heading.title, "h1"
    stem = posixpath.splitext(posixpath.basename(path))[0]
    return stem, "file_name"


def note_dates(
    props: Properties, path: str, tz: str, mtime: dt.datetime | None
) -> tuple[Dated, list[Issue]]:
    """note_date with its source, created_at and updated_at; warnings for conflicts.

    >>> dated, issues = note_dates(Properties({"date": "2023/1/16"}, {}, []), "x.md", "UTC", None)
    >>> dated.note_date, dated.source, dated.created_at, issues
    (datetime.date(2023, 1, 16), 'frontmatter:date', None, [])
    >>> ambiguous = Properties({"date": "03/04/2023"}, {"date": 2}, [])
    >>> _, issues = note_dates(ambiguous, "x.md", "UTC", None)
    >>> issues[0].line, issues[0].message
    (2, "date: '03/04/2023': day and month are ambiguous; write 2023-04-03 or 2023-03-04")
    """
    candidates, issues = _date_candidates(props, tz)
    from_name = parse_filename_date(posixpath.basename(path))
    if from_name is not None:
        candidates.append(("file_name", from_name, None))
    created = _first_datetime(props, CREATED_KEYS, tz)
    if created is not None:
        candidates.append(("frontmatter:created", created.date(), None))
    else:
        date_prop = props.first("date")
        if date_prop is not None and date_prop.source == "frontmatter":
            created = _full_datetime(date_prop.value, tz)
    note_date, source = (candidates[0][1], candidates[0][0]) if candidates else (None, None)
    for other_source, other, line in candidates[1:]:
        if other != note_date and not other_source.startswith("frontmatter:created"):
            issues.append(
                Issue(
                    "warning",
                    "dates",
                    f"note date {note_date} (from {source}) disagrees with {other} "
                    f"(from {other_source}); {note_date} was kept — fix whichever is wrong",
                    line,
                )
            )
            break
    updated = _first_datetime(props, UPDATED_KEYS, tz) or mtime
    return Dated(note_date, source, created, updated), issues


def _date_candidates(
    props: Properties, tz: str
) -> tuple[list[tuple[str, dt.date, int | None]], list[Issue]]:
    """(source, date, line) of every readable date property; a warning for each unreadable one."""
    candidates: list[tuple[str, dt.date, int | None]] = []
    issues: list[Issue] = []
    for keys, source in ((DATE_KEYS, "frontmatter"), (INLINE_DATE_KEYS, "inline")):
        for key in keys:
            for prop in props.all(key):
                if prop.source != source:
                    continue
                value = date_from_value(prop.value, tz)
                if value is not None:
                    candidates.append((f"{source}:{key}", value, prop.line))
                elif isinstance(prop.value, str) and (why := explain_date(prop.value)):
                    issue = Issue("warning", "dates", f"{key}: {why}", prop.line)
                    if issue not in issues:
                        issues.append(issue)
    return candidates, issues


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
