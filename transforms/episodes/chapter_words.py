"""Reference words for ``transforms.episodes.chapters``: list labels and clock-time suffixes.

Labels are matched case-insensitively as substrings of the heading, callout
title or label line just above a run of timestamped lines.
"""

from __future__ import annotations

# A run under one of these labels is a chapter list even when another run is longer.
CHAPTER_LABELS: tuple[str, ...] = (
    "chapter",
    "timestamp",
    "time stamp",
    "time-stamp",
    "timeline",
    "time codes",
    "timecode",
    "show notes",
    "shownotes",
    "outline",
    "topics",
    "in this episode",
    "episode guide",
    "contents",
    "时间轴",
    "时间线",
    "时间戳",
    "章节",
    "目录",
    "本期内容",
)

# A run under one of these labels is a transcript, never a chapter list.
TRANSCRIPT_LABELS: tuple[str, ...] = (
    "transcript",
    "transcription",
    "full text",
    "文字稿",
    "逐字稿",
    "文字版",
)

# A run under one of these labels lists times of day (a live blog, a day's programme):
# never a chapter list unless the label also names chapters.
CLOCK_LABELS: tuple[str, ...] = (
    "live blog",
    "liveblog",
    "live-blog",
    "live coverage",
    "live updates",
    "as it happened",
    "minute by minute",
    "直播",
    "实况",
    "图文直播",
)

# A run under one of these labels is a schedule when its stamps read as times of day
# (``HH:MM``, the first at 6:00 or later), even when they are not round to five minutes.
SCHEDULE_LABELS: tuple[str, ...] = (
    "schedule",
    "agenda",
    "programme",
    "program",
    "itinerary",
    "timetable",
    "line-up",
    "lineup",
    "日程",
    "议程",
    "行程",
    "时间表",
    "安排",
)

# Words that, right after ``10:30``, make it a clock time rather than a chapter start.
TIME_ZONES: tuple[str, ...] = (
    "UTC",
    "GMT",
    "BST",
    "CET",
    "CEST",
    "EET",
    "EST",
    "EDT",
    "CST",
    "CDT",
    "MST",
    "MDT",
    "PST",
    "PDT",
    "AEST",
    "AEDT",
    "IST",
    "JST",
    "KST",
    "ET",
    "PT",
    "CT",
    "MT",
    "Uhr",
    "h",
)
