"""The episodes row: every column under the key spellings real show notes use."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.seed_notes import SEED_000_HEAD as SEED_NOTE
from transforms.episodes.episode import (
    EpisodeFacts,
    number_from_path,
    number_from_title,
    parse_number,
    read_duration,
    read_episode,
    series_folder,
    show_from_path,
)
from transforms.issues import Issue
from transforms.properties.body import find_body_fields
from transforms.properties.fields import find_inline_fields
from transforms.properties.frontmatter import split_frontmatter
from transforms.properties.lookup import Properties


def _props(note: str) -> Properties:
    fm = split_frontmatter(note)
    fields = find_inline_fields(fm.body) + find_body_fields(fm.body)
    return Properties(fm.metadata, fm.key_lines, fields, fm.nested_lines)


def _facts(note: str) -> tuple[EpisodeFacts, list[Issue]]:
    return read_episode(_props(note), "UTC")


SHARE = "https://share.transistor.fm/s/102fc5a6"
MP3 = "https://dts.podtrac.com/redirect.mp3/media.transistor.fm/102fc5a6/54afd9e9.mp3"


def test_seed_episode_row() -> None:
    facts, issues = _facts(SEED_NOTE)
    assert facts == EpisodeFacts(
        show_name=None,
        number=119,
        title=None,
        season=None,
        published_date=dt.date(2021, 3, 5),
        duration_seconds=41 * 60 + 8,
        duration_text="41:08",
        explicit=False,
        status="published",
        share_url=SHARE,
        media_url=MP3,
    )
    assert issues == []


# One table per column: (note, expected value of that column).
ColumnCase = tuple[str, Any]


def _check(column: str, note: str, expected: Any) -> None:
    facts, _ = _facts(note)
    assert getattr(facts, column) == expected


# ---- duration ---------------------------------------------------------------------------------

DURATION_SEED_CASES: list[ColumnCase] = [("> **Duration**:: 41:08", (2468, "41:08"))]

DURATION_REAL_FORMAT_CASES: list[ColumnCase] = [
    ("---\nduration: 41:08\n---\n", (2468, "41:08")),  # YAML 1.1 base 60 is not applied
    ("---\nLength: 1:25:11\n---\n", (5111, "1:25:11")),
    ("Length:: 81:53", (4913, "81:53")),
    ("时长:: 1小时25分", (5100, "1小时25分")),
    ("---\n时长: 41分钟\n---\n", (2460, "41分钟")),
    ("---\nruntime: PT41M8S\n---\n", (2468, "PT41M8S")),
    ("**Running Time**:: 45 minutes", (2700, "45 minutes")),
    ("---\nitunes_duration: 2468\n---\n", (2468, "2468")),
    ("---\nparams:\n  duration: 41:08\n---\n", (2468, "41:08")),  # Hugo [params]
]

DURATION_NEGATIVE_CASES: list[str] = ["", "---\ntitle: x\n---\n", "Duration::", "Time:: 41:08"]

# The first key spelling with a value used to win even when it could not be read.
DURATION_BUGS_CAUGHT: list[ColumnCase] = [
    ("---\nduration: TBD\n---\n**Length**:: 41:08", (2468, "41:08")),
    ("Duration:: about forty minutes\nLength:: 40:00", (2400, "40:00")),
]

ALL_DURATION = DURATION_SEED_CASES + DURATION_REAL_FORMAT_CASES + DURATION_BUGS_CAUGHT


@pytest.mark.parametrize(("note", "expected"), ALL_DURATION, ids=[c[0] for c in ALL_DURATION])
def test_duration(note: str, expected: tuple[int, str]) -> None:
    seconds, text, issues = read_duration(_props(note))
    assert (seconds, text) == expected
    assert issues == []
    _check("duration_seconds", note, expected[0])


@pytest.mark.parametrize("note", DURATION_NEGATIVE_CASES, ids=DURATION_NEGATIVE_CASES)
def test_no_duration(note: str) -> None:
    assert read_duration(_props(note)) == (None, None, [])


# An unreadable duration gives a warning with the key, the reason and the line.
DURATION_WARNING_CASES: list[tuple[str, str, int, list[str]]] = [
    ("x\n> **Duration**:: 41:75", "41:75", 2, ["duration", "75 in the seconds place"]),
    ("---\nlength: forever\n---\n", "forever", 2, ["length", "'forever' is not a duration"]),
    ("a\nb\n时长:: 41分75秒", "41分75秒", 3, ["时长"]),
]


@pytest.mark.parametrize(
    ("note", "text", "line", "words"),
    DURATION_WARNING_CASES,
    ids=[c[0] for c in DURATION_WARNING_CASES],
)
def test_unreadable_duration_warns(note: str, text: str, line: int, words: list[str]) -> None:
    seconds, raw, issues = read_duration(_props(note))
    assert (seconds, raw) == (None, text)
    assert [(i.severity, i.stage, i.line) for i in issues] == [("warning", "durations", line)]
    for word in words:
        assert word in issues[0].message
    _, episode_issues = _facts(note)
    assert episode_issues == issues


# ---- published date ---------------------------------------------------------------------------

PUBLISHED_SEED_CASES: list[ColumnCase] = [
    ("> **Published**:: [[2021-03-05]]", dt.date(2021, 3, 5)),
    ("---\ndate: 2023/1/16\n---\n", dt.date(2023, 1, 16)),
]

PUBLISHED_REAL_FORMAT_CASES: list[ColumnCase] = [
    ("---\nDate: 2022-04-23\n---\n", dt.date(2022, 4, 23)),
    ("Date:: 2022-04-23", dt.date(2022, 4, 23)),
    ("---\npubDate: Fri, 05 Mar 2021 09:00:00 +0000\n---\n", dt.date(2021, 3, 5)),
    ("pubDate:: 2021-03-05", dt.date(2021, 3, 5)),
    ("发布日期:: 2023年1月16日", dt.date(2023, 1, 16)),
    ("---\n发布日期: 2023-01-16\n---\n", dt.date(2023, 1, 16)),
    ("---\nrelease_date: 2021-03-05\n---\n", dt.date(2021, 3, 5)),
    # `published` outranks `date`; Jekyll's `published: true` is no date and is skipped.
    ("---\ndate: 2021-03-01\npublished: 2021-03-05\n---\n", dt.date(2021, 3, 5)),
    ("---\npublished: true\ndate: 2022-04-23\n---\n", dt.date(2022, 4, 23)),
    ("---\ndate: 2022-11-02 19:00:00 +0800\n---\n", dt.date(2022, 11, 2)),
]

PUBLISHED_NEGATIVE_CASES: list[str] = ["", "Published:: soon", "---\npublished: false\n---\n"]

ALL_PUBLISHED = PUBLISHED_SEED_CASES + PUBLISHED_REAL_FORMAT_CASES


@pytest.mark.parametrize(("note", "expected"), ALL_PUBLISHED, ids=[c[0] for c in ALL_PUBLISHED])
def test_published(note: str, expected: dt.date) -> None:
    _check("published_date", note, expected)


@pytest.mark.parametrize("note", PUBLISHED_NEGATIVE_CASES, ids=PUBLISHED_NEGATIVE_CASES)
def test_no_published(note: str) -> None:
    _check("published_date", note, None)


# ---- explicit ---------------------------------------------------------------------------------

EXPLICIT_SEED_CASES: list[ColumnCase] = [("---\nexplicit: No\n---\n", False)]

EXPLICIT_REAL_FORMAT_CASES: list[ColumnCase] = [
    ("---\nexplicit: yes\n---\n", True),
    ("---\nexplicit: true\n---\n", True),
    ("---\nexplicit: 'no'\n---\n", False),
    ("---\nexplicit: 0\n---\n", False),
    ("---\nitunes_explicit: explicit\n---\n", True),
    ("---\nitunes_explicit: clean\n---\n", False),
    ("Explicit:: Yes", True),
    ("Explicit:: No", False),
    ("explicit:: clean", False),
    ("explicit:: true", True),
    ("explicit:: TRUE", True),
    ("explicit:: 是", True),
    ("explicit:: 否", False),
    ("---\nnsfw: false\n---\n", False),
]

EXPLICIT_NEGATIVE_CASES: list[str] = ["", "explicit:: maybe", "explicit::", "Rating:: explicit"]


@pytest.mark.parametrize(
    ("note", "expected"),
    EXPLICIT_SEED_CASES + EXPLICIT_REAL_FORMAT_CASES,
    ids=[c[0] for c in EXPLICIT_SEED_CASES + EXPLICIT_REAL_FORMAT_CASES],
)
def test_explicit(note: str, expected: bool) -> None:
    _check("explicit", note, expected)


@pytest.mark.parametrize("note", EXPLICIT_NEGATIVE_CASES, ids=EXPLICIT_NEGATIVE_CASES)
def test_explicit_unknown(note: str) -> None:
    _check("explicit", note, None)


# ---- share and media URLs ---------------------------------------------------------------------

URL_SEED_CASES: list[tuple[str, str, str]] = [
    (f"> **Share**:: <{SHARE}>", "share_url", SHARE),
    (f"> **Media**:: [MP3 Direct Link]({MP3})", "media_url", MP3),
]

URL_REAL_FORMAT_CASES: list[tuple[str, str, str]] = [
    ("Share:: https://x.fm/ep/119", "share_url", "https://x.fm/ep/119"),
    ("Share:: https://x.fm/ep/119.", "share_url", "https://x.fm/ep/119"),
    ("---\nurl: https://x.fm/ep/119\n---\n", "share_url", "https://x.fm/ep/119"),
    ("---\nlink: '[Listen](https://x.fm/119)'\n---\n", "share_url", "https://x.fm/119"),
    ("Permalink:: <https://x.fm/119>", "share_url", "https://x.fm/119"),
    ("---\nenclosure: https://cdn.x.fm/119.mp3\n---\n", "media_url", "https://cdn.x.fm/119.mp3"),
    ("Audio:: [MP3](http://cdn.x.fm/119.mp3)", "media_url", "http://cdn.x.fm/119.mp3"),
    ("mp3:: https://cdn.x.fm/119.mp3", "media_url", "https://cdn.x.fm/119.mp3"),
    # The first key with a URL wins; a key without one is passed over.
    ("---\nurl: /episodes/119/\n---\nShare:: https://x.fm/119", "share_url", "https://x.fm/119"),
]

URL_NEGATIVE_CASES: list[tuple[str, str]] = [
    ("", "share_url"),
    ("---\nurl: /episodes/119/\n---\n", "share_url"),  # a site-relative Hugo url
    ("---\nmedia: 119.mp3\n---\n", "media_url"),
    ("Media:: [[119.mp3]]", "media_url"),
    (f"Website:: {SHARE}", "share_url"),  # not an episode URL key
]

ALL_URL = URL_SEED_CASES + URL_REAL_FORMAT_CASES


@pytest.mark.parametrize(("note", "column", "url"), ALL_URL, ids=[c[0] for c in ALL_URL])
def test_urls(note: str, column: str, url: str) -> None:
    _check(column, note, url)


@pytest.mark.parametrize(
    ("note", "column"), URL_NEGATIVE_CASES, ids=[c[0] for c in URL_NEGATIVE_CASES]
)
def test_no_url(note: str, column: str) -> None:
    _check(column, note, None)


# ---- number, season, show, status -------------------------------------------------------------

NUMBER_SEED_CASES: list[tuple[str, int]] = [("119", 119)]

NUMBER_REAL_FORMAT_CASES: list[tuple[str, int]] = [
    ("#119", 119),
    ("Ep. 119", 119),
    ("Ep 119", 119),
    ("EP119", 119),
    ("Episode 119", 119),
    ("episode #119", 119),
    ("第 119 期", 119),
    ("119 - Building a Business on Rails", 119),
    ("Remote Ruby Ep. 119: Mike Perham", 119),
    (" 119 ", 119),
    ("0", 0),
]

NUMBER_NEGATIVE_CASES: list[str] = ["", "TBD", "Season two", "episode", "#", "no number here"]

# `\b` after the digits: a CJK character is a word character, so "119期" had no boundary.
NUMBER_BUGS_CAUGHT: list[tuple[str, int]] = [("第119期", 119), ("119期", 119), ("第12集", 12)]

NUMBER_KNOWN_GAPS: list[tuple[str, int]] = [
    ("S02E05", 5),
    ("No. 119", 119),
    ("第一百一十九期", 119),
]

ALL_NUMBER = NUMBER_SEED_CASES + NUMBER_REAL_FORMAT_CASES + NUMBER_BUGS_CAUGHT


@pytest.mark.parametrize(("text", "number"), ALL_NUMBER, ids=[c[0] for c in ALL_NUMBER])
def test_parse_number(text: str, number: int) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize("text", NUMBER_NEGATIVE_CASES, ids=NUMBER_NEGATIVE_CASES)
def test_parse_number_negative(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize(
    ("text", "number"), NUMBER_KNOWN_GAPS, ids=[c[0] for c in NUMBER_KNOWN_GAPS]
)
def test_parse_number_known_gaps(text: str, number: int) -> None:
    assert parse_number(text) == number


OTHER_COLUMN_CASES: list[tuple[str, str, Any]] = [
    ("> **Number**:: 119", "number", 119),
    ("---\nepisode: 119\n---\n", "number", 119),
    ("---\nnumber: '#119'\n---\n", "number", 119),
    ("---\nepisode_number: 7\n---\n", "number", 7),
    ("Episode:: Ep. 119", "number", 119),
    ("期数:: 第 27 期", "number", 27),
    ("集数:: 第27期", "number", 27),
    ("---\nepisode: true\n---\n", "number", None),
    ("Number:: TBD", "number", None),
    ("---\nseason: 2\n---\n", "season", 2),
    ("---\nstatus: published\n---\n", "status", "published"),
    ("Status:: Draft", "status", "draft"),
    ("状态:: 已发布", "status", "已发布"),
    ("---\nshow: Remote Ruby\n---\n", "show_name", "Remote Ruby"),
    ("Podcast:: Remote Ruby", "show_name", "Remote Ruby"),
    ("节目:: 慢车道", "show_name", "慢车道"),
    ("---\npodcast:\n  feed: https://x.fm/rss\n---\n", "show_name", None),  # a table
]


@pytest.mark.parametrize(
    ("note", "column", "expected"),
    OTHER_COLUMN_CASES,
    ids=[f"{c[0]}|{c[1]}" for c in OTHER_COLUMN_CASES],
)
def test_other_columns(note: str, column: str, expected: Any) -> None:
    _check(column, note, expected)


# ---- podcast archives: where real show notes keep each column ---------------------------------

JSON_EPISODE = """{
  "show_name": "Harbour Hours",
  "episode": 42,
  "date": "2022-04-08T07:00:00-07:00",
  "podcast_duration": "01:02:17",
  "podcast_file": "https://media.example/hh/0042.mp3"
}
"""

# (path, note, title) -> (show_name, number, published_date, duration_seconds, media_url)
ARCHIVE_CASES: list[tuple[str, str, str | None, tuple[Any, ...]]] = [
    # Hugo JSON front matter in a show folder.
    ("content/show/harbour-hours/0042.md", JSON_EPISODE, None,
     ("Harbour Hours", 42, dt.date(2022, 4, 8), 3737, "https://media.example/hh/0042.mp3")),
    # Hugo YAML, MM:SS.mmm; the show named by its folder only.
    ("content/show/tide-talk/0007.md", '---\npodcast_duration: "47:05.000"\n---\n', None,
     ("tide-talk", 7, None, 2825, None)),
    # A commented-out duration is no duration.
    ("content/episode/x/index.md", '---\nTitle: x\n# podcast_duration: "14:19.000"\n---\n', None,
     (None, None, None, None, None)),
    # No front matter: the H1 number, Air Date and Duration as body list items.
    ("shows/017 - Tide Tables.md", "# TT 17: Tide Tables\n\n* Air Date: March 3, 2021\n"
     "* Duration: 49 mins 31 secs\n", "TT 17: Tide Tables",
     (None, 17, dt.date(2021, 3, 3), 2971, None)),
    # number, an epoch-millisecond date and an mp3 url; no duration.
    ("podcast/the-net-loft-212.md", "---\nnumber: 212\ndate: 1614556800000\n"
     "url: https://media.example/212.mp3\n---\n", None,
     (None, 212, dt.date(2021, 3, 1), None, "https://media.example/212.mp3")),
    # Chinese Hugo: `length`, the number from the file name; Chinese body lines.
    ("site/content/podcasts/07-slow-bread.md", '---\nlength: "1 hr 4 mins"\n---\n', None,
     (None, 7, None, 3840, None)),
    ("x.md", "时长：48 分钟\n\n正文", "第 12 期 渔港", (None, 12, None, 2880, None)),
    # Obsidian: the show as a property link, the number as text.
    ("References/Net Loft 212.md", '---\nshow: "[[Net Loft]]"\nepisode: "212"\n---\n', None,
     ("Net Loft", 212, None, None, None)),
    # Front matter wins over a body line, a body line fills what front matter lacks.
    ("x.md", "---\nduration: 41:08\n---\n- **Duration:** 50:00\n- **Length:** 9:00\n", None,
     (None, None, None, 2468, None)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "note", "title", "expected"), ARCHIVE_CASES, ids=[c[0] for c in ARCHIVE_CASES]
)
def test_archive_episode_columns(
    path: str, note: str, title: str | None, expected: tuple[Any, ...]
) -> None:
    facts, _ = read_episode(_props(note), "UTC", title, path)
    got = (
        facts.show_name,
        facts.number,
        facts.published_date,
        facts.duration_seconds,
        facts.media_url,
    )
    assert got == expected


TITLE_NUMBER_CASES = [
    ("CR 553: Rust on the Desktop", 553),
    ("Episode 12 - Backups", 12),
    ("Ep. 7: Kelp", 7),
    ("EP12 Nets", 12),
    ("#45 Tide tables", 45),
    ("25 - A conversation on ropes", 25),
    ("慢车道 第 27 期 在县城开书店", 27),
    ("第12集：渔港", 12),
    # Not an episode number:
    ("2021 in review", None),
    ("Top 10: knots", None),
    ("Why 3 boats beat 1", None),
    ("Kelp Forests at Scale", None),
]


@pytest.mark.parametrize(("title", "number"), TITLE_NUMBER_CASES)
def test_number_from_title(title: str, number: int | None) -> None:
    assert number_from_title(title) == number


PATH_CASES = [
    ("content/show/self-hosted/0061.md", 61, "self-hosted"),
    ("shows/003 - Title.md", 3, None),
    ("podcast/the-changelog-473.md", 473, None),
    ("_episodes/episode-062.md", 62, None),
    ("site/content/podcasts/02-pixel-arts.md", 2, None),
    ("episodes/tide-talk/ep12.md", 12, "tide-talk"),
    # Not numbered: dates and plain names.
    ("_posts/2021-03-05-launch.md", None, None),
    ("notes/kelp.md", None, None),
    ("content/show/episodes/x.md", None, None),
    ("content/episode/kelp-forests/index.md", None, None),  # a page bundle's own folder
    ("content/show/tide-talk/ep-7/index.md", None, "tide-talk"),
]


@pytest.mark.parametrize(("path", "number", "show"), PATH_CASES, ids=[c[0] for c in PATH_CASES])
def test_number_and_show_from_path(path: str, number: int | None, show: str | None) -> None:
    assert (number_from_path(path), show_from_path(path)) == (number, show)


# (path, the show folder its files are named for)
SERIES_CASES: list[tuple[str, str | None]] = [
    ("gotime/go-time-100.md", "gotime"),
    ("shows/jsparty/js-party-143.md", "jsparty"),
    ("founderstalk/founders-talk-27.md", "founderstalk"),
    ("practicalai/practical-ai-12.md", "practicalai"),
    ("friends/kiln-talk--friends-7.md", "friends"),  # the folder names part of the show
    ("afk/away-from-keyboard-1.md", "afk"),  # the folder is the show's initials
    ("rfc/request-for-commits-11.md", "rfc"),
    ("blog/dev-blog-3.md", None),  # a blog's posts are not a show's episodes
    ("kb/kiln-basics-3.md", None),  # two letters of initials tell nothing
    ("podcast/the-changelog-473.md", None),  # an episodes folder, not a show's
    ("_episodes/episode-062.md", None),
    ("lectures/lecture-3.md", None),  # a sequence of notes
    ("blog/progress-reports/progress-report-4.md", None),
    ("journal/day-12.md", None),
    ("kiln/kiln-talk.md", None),  # no number
    ("gotime/2021-03-05-go-time.md", None),  # a date is no number
    ("ab/ab-2.md", None),  # too short a name to tell
]


@pytest.mark.parametrize(("path", "folder"), SERIES_CASES)
def test_series_folder(path: str, folder: str | None) -> None:
    assert series_folder(path) == folder
