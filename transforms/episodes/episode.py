"""The ``episodes`` row of an episode note, read from its properties.

Every column is looked up under the spellings real show notes use; the first
key that holds a readable value wins.

>>> from transforms.properties.lookup import Properties
>>> props = Properties({"explicit": False, "status": "published"}, {},
...     [])
>>> read_explicit(props)
False
>>> parse_number("#119")
119
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass

from transforms.issues import Issue
from transforms.properties.lookup import Properties
from transforms.time.dates import date_from_value
from transforms.time.durations import duration_from_value, explain_duration

SHOW_KEYS = (
    "show_name",
    "show",
    "podcast",
    "podcast_name",
    "series",
    "programme",
    "program",
    "节目",
)
NUMBER_KEYS = ("number", "episode", "episode_number", "episode_no", "ep", "no", "集数", "期数")
SEASON_KEYS = ("season", "season_number", "季")
PUBLISHED_KEYS = (
    "published",
    "pubdate",
    "published_date",
    "publish_date",
    "release_date",
    "air_date",
    "aired",
    "airdate",
    "date",
    "发布日期",
    "日期",
)
DURATION_KEYS = (
    "duration",
    "podcast_duration",
    "episode_duration",
    "audio_duration",
    "length",
    "runtime",
    "running_time",
    "itunes_duration",
    "时长",
    "时间长度",
)
STATUS_KEYS = ("status", "state", "状态")
EXPLICIT_KEYS = ("explicit", "itunes_explicit", "nsfw")
SHARE_KEYS = ("share", "share_url", "share_link", "url", "link", "permalink", "episode_url")
MEDIA_KEYS = (
    "media",
    "media_url",
    "audio",
    "audio_url",
    "mp3",
    "enclosure",
    "enclosure_url",
    "podcast_file",
    "audio_file",
    "file",
)

# (?!\d), not \b, after the digits: "119期" has no word boundary, 期 being a word character.
_NUMBER = re.compile(r"(?:^|#|\bep(?:isode)?\.?\s*|第)\s*(\d{1,5})(?!\d)", re.I)
# A number that leads a title: "CR 553: x", "Episode 12 - x", "Ep. 7", "EP12", "#45", "25 - x";
# or "第 12 期" anywhere in it.
_TITLE_NUMBER = re.compile(
    r"^\s*(?:(?:episode|ep\.?)\s*(\d{1,5})\b|(?-i:[A-Z]{1,6})\s?(\d{1,5})\s*[:：\-–—|]"
    r"|#(\d{1,5})\b|(\d{1,4})\s*[:：\-–—|]\s)|第\s*(\d{1,5})\s*[期集回]",
    re.I,
)
# A file named for its number: "0061", "003 - Title", "episode-062", "the-changelog-473".
_FILE_NUMBER = re.compile(
    r"^(?:(\d{1,4})(?:$|\s*[-_.–]\s*\S)|(?:episode|ep)[-_ ]?(\d{1,4})\b|[a-z][a-z-]*-(\d{1,4})$)",
    re.I,
)
# Folders that hold episodes (lower case; "show-notes" is read as "show_notes"); the kind
# classifier counts the same folders as episode evidence.
EPISODE_FOLDERS = frozenset(
    {"episodes", "episode", "_episodes", "shows", "show", "podcast", "podcasts", "_podcast",
     "_podcasts", "show_notes", "shownotes", "播客", "节目", "单集"}
)  # fmt: skip


def _folder_word(folder: str) -> str:
    return folder.lower().replace(" ", "_").replace("-", "_")


_URL = re.compile(r"https?://[^\s<>()\[\]\"']+")
_TRUE = frozenset({"true", "yes", "y", "explicit", "1", "是"})
_FALSE = frozenset({"false", "no", "n", "clean", "0", "否"})


@dataclass(frozen=True, kw_only=True)
class EpisodeFacts:
    show_name: str | None
    number: int | None
    title: str | None  # the note's title
    season: int | None
    published_date: dt.date | None
    duration_seconds: int | None
    duration_text: str | None
    explicit: bool | None
    status: str | None
    share_url: str | None
    media_url: str | None


def parse_number(text: str) -> int | None:
    """An episode number from ``119``, ``#119``, ``Ep. 119``, ``第119期``; else None.

    >>> parse_number("第119期"), parse_number("Ep. 119"), parse_number("TBD")
    (119, 119, None)
    """
    m = _NUMBER.search(text.strip())
    return int(m.group(1)) if m else None


def number_from_title(title: str | None) -> int | None:
    """The episode number a title starts with, or its ``第 N 期``.

    >>> number_from_title("CR 553: Rust"), number_from_title("Episode 12 - Backups")
    (553, 12)
    >>> number_from_title("#45 Tide tables"), number_from_title("慢车道 第 27 期 书店")
    (45, 27)
    >>> number_from_title("2021 in review") is None, number_from_title("Top 10: x") is None
    (True, True)
    """
    found = _TITLE_NUMBER.search(title or "")
    if found is None:
        return None
    return next(int(g) for g in found.groups() if g)


def number_from_path(path: str) -> int | None:
    """The number a file is named for: ``0061.md``, ``003 - Title.md``, ``episode-062.md``.

    Only when the file name is nothing but a number, or starts with one, or is a slug
    ending in one; a date (``2021-03-05-x``) is not an episode number.

    >>> number_from_path("content/show/self-hosted/0061.md"), number_from_path("shows/003 - A.md")
    (61, 3)
    >>> number_from_path("podcast/the-changelog-473.md"), number_from_path("2021-03-05-x.md")
    (473, None)
    """
    stem = posixpath.splitext(posixpath.basename(path))[0]
    found = _FILE_NUMBER.match(stem)
    if found is None or re.match(r"\d{4}-\d{2}", stem):
        return None
    return next(int(g) for g in found.groups() if g)


# Words that name a sequence of notes, not a show: "lectures/lecture-3.md" is lecture notes.
_SEQUENCE_WORDS = frozenset(
    {"note", "notes", "lecture", "lectures", "week", "weeks", "weekly", "day", "days", "daily",
     "chapter", "chapters", "part", "parts", "page", "pages", "post", "posts", "draft", "drafts",
     "lesson", "lessons", "issue", "issues", "entry", "entries", "exercise", "exercises",
     "homework", "assignment", "assignments", "section", "sections", "unit", "units", "module",
     "modules", "sprint", "sprints", "meeting", "meetings", "release", "releases", "version",
     "versions", "report", "reports", "recap", "recaps", "log", "logs", "journal", "test",
     "tests", "step", "steps", "level", "levels", "session", "sessions", "problem", "problems",
     "blog", "blogs", "article", "articles", "update", "updates", "digest", "diary", "story",
     "stories", "newsletter", "newsletters"}
)  # fmt: skip
_TRAILING_NUMBER = re.compile(r"[-_ ]*\d{1,4}$")


def series_folder(path: str) -> str | None:
    """The folder of a show whose files are named for it and a number: ``gotime/go-time-100.md``,
    ``jsparty/js-party-143.md``, ``friends/changelog-friends-9.md``, or for its initials
    (``afk/away-from-keyboard-1.md``); not a sequence of notes (``lectures/lecture-3.md``).

    >>> series_folder("gotime/go-time-100.md"), series_folder("podcast/the-changelog-473.md")
    ('gotime', None)
    >>> series_folder("lectures/lecture-3.md"), series_folder("blog/progress-report-4.md")
    (None, None)
    """
    folders = path.split("/")[:-1]
    stem = posixpath.splitext(posixpath.basename(path))[0].lower()
    if not folders or number_from_path(path) is None or not _TRAILING_NUMBER.search(stem):
        return None
    if _folder_word(folders[-1]) in EPISODE_FOLDERS:  # "episodes/episode-062.md" names no show
        return None
    words = re.split(r"[-_ ]+", _TRAILING_NUMBER.sub("", stem))
    if not words or any(w in _SEQUENCE_WORDS or w.isdigit() for w in words):
        return None
    name, folder = "".join(words), re.sub(r"[^a-z0-9]", "", folders[-1].lower())
    initials = "".join(w[0] for w in words if w)
    if min(len(name), len(folder)) >= 4 and (name in folder or folder in name):
        return folders[-1]  # gotime/go-time-1, friends/changelog--friends-1
    if len(folder) >= 3 and folder == initials:
        return folders[-1]  # afk/away-from-keyboard-1, rfc/request-for-commits-1
    return None


def show_from_path(path: str) -> str | None:
    """The show a folder is named for: inside an episodes folder (``show/self-hosted/0061.md``),
    or holding files named for it (``gotime/go-time-100.md``).

    >>> show_from_path("content/show/self-hosted/0061.md"), show_from_path("shows/003 - A.md")
    ('self-hosted', None)
    >>> show_from_path("content/episode/kelp/index.md"), show_from_path("gotime/go-time-9.md")
    (None, 'gotime')
    """
    series = series_folder(path)
    if series is not None:
        return series
    folders = path.split("/")[:-1]
    if posixpath.basename(path).lower().startswith("index."):
        folders = folders[:-1]  # a Hugo page bundle: the folder is the episode's own
    if len(folders) < 2 or _folder_word(folders[-2]) not in EPISODE_FOLDERS:
        return None
    return None if _folder_word(folders[-1]) in EPISODE_FOLDERS else folders[-1]


def _show_name(props: Properties) -> str | None:
    show = props.first(*SHOW_KEYS)
    if show is None or show.text.startswith("{"):
        return None
    text = show.text.strip()
    if text.startswith("[[") and text.endswith("]]"):  # Obsidian: show: "[[Well Made]]"
        text = text[2:-2].split("|")[-1].strip()
    return text or None


def read_explicit(props: Properties) -> bool | None:
    prop = props.first(*EXPLICIT_KEYS)
    if prop is None:
        return None
    if isinstance(prop.value, bool):
        return prop.value
    word = prop.text.lower()
    return True if word in _TRUE else False if word in _FALSE else None


def read_duration(props: Properties) -> tuple[int | None, str | None, list[Issue]]:
    """Seconds and raw text of the first readable duration field.

    When none can be read, the first one's text and a warning saying why.

    >>> read_duration(Properties({"duration": "TBD", "length": "41:08"}, {}, []))
    (2468, '41:08', [])
    >>> read_duration(Properties({"duration": "41:75"}, {"duration": 3}, []))[2][0].message
    "duration: '41:75' has 75 in the seconds place; write mm:ss with seconds below 60"
    """
    unreadable: tuple[str, Issue] | None = None
    for key in DURATION_KEYS:
        for prop in props.all(key):
            seconds = duration_from_value(prop.value)
            if seconds is not None:
                return seconds, prop.text, []
            if unreadable is None:
                why = explain_duration(prop.text) or f"'{prop.text}' is not a duration"
                unreadable = prop.text, Issue("warning", "durations", f"{key}: {why}", prop.line)
    if unreadable is not None:
        return None, unreadable[0], [unreadable[1]]
    return None, None, []


def _url(props: Properties, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        for prop in props.all(key):
            m = _URL.search(prop.text)
            if m:
                return m.group(0).rstrip(".,;")
    return None


_AUDIO = re.compile(r"\.(?:mp3|m4a|aac|ogg|opus|wav)(?:[?#]|$)", re.I)


def _audio_url(props: Properties) -> str | None:
    """A share or link URL that points at an audio file is the episode's media.

    >>> _audio_url(Properties({"url": "https://x.fm/212.mp3"}, {}, []))
    'https://x.fm/212.mp3'
    """
    url = _url(props, SHARE_KEYS)
    return url if url is not None and _AUDIO.search(url) else None


def _int(props: Properties, keys: tuple[str, ...]) -> int | None:
    for key in keys:
        for prop in props.all(key):
            if isinstance(prop.value, int) and not isinstance(prop.value, bool):
                return prop.value
            number = parse_number(prop.text)
            if number is not None:
                return number
    return None


def read_episode(
    props: Properties, tz: str, title: str | None = None, path: str = ""
) -> tuple[EpisodeFacts, list[Issue]]:
    """Everything the ``episodes`` table needs, with warnings for unreadable values.

    The number comes from a property, else the title, else the file name; the show from a
    property, else the show's folder.
    """
    duration, duration_text, issues = read_duration(props)
    published = None
    for key in PUBLISHED_KEYS:
        for prop in props.all(key):
            published = date_from_value(prop.value, tz)
            if published is not None:
                break
        if published is not None:
            break
    status = props.first(*STATUS_KEYS)
    number = _int(props, NUMBER_KEYS)
    if number is None:
        number = number_from_title(title)
    if number is None:
        number = number_from_path(path)
    facts = EpisodeFacts(
        show_name=_show_name(props) or show_from_path(path),
        number=number,
        title=title,
        season=_int(props, SEASON_KEYS),
        published_date=published,
        duration_seconds=duration,
        duration_text=duration_text,
        explicit=read_explicit(props),
        status=status.text.lower() if status is not None else None,
        share_url=_url(props, SHARE_KEYS),
        media_url=_url(props, MEDIA_KEYS) or _audio_url(props),
    )
    return facts, issues
