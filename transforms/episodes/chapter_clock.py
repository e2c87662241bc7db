"""Runs of timestamps that are times of day, not positions in an episode.

A day's schedule (``09:00 Registration`` / ``09:30 Keynote``: every stamp ``HH:MM``, the
first at 6:00 or later, and round to five minutes unless a "Schedule" label says so) and
a live blog (``**2:01:** ...``: every stamp ``h:mm`` closed by a colon, the first not 0:00)
are never chapter lists unless labelled as chapters (``transforms.episodes.chapters``);
nor are lines that repeat their stamps (a bilingual transcript). Also the ``m:ss`` text
of a start for messages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Stamp = tuple[str, int, str]  # (the stamp as written, its seconds, the raw line)

_HH_MM = re.compile(r"^\d{2}:\d{2}$")
_LOG_STAMP = re.compile(r"(?:\*\*|__|[\])])?[:：](?:\*\*|__)?(?:[ \t]|$)")


def looks_like_schedule(stamps: Sequence[Stamp], round_to: int = 5) -> bool:
    """Every stamp ``HH:MM`` and a multiple of ``round_to`` seconds, the first at 6:00 on.

    >>> looks_like_schedule([("09:00", 540, ""), ("09:30", 570, "")])
    True
    >>> looks_like_schedule([("00:00", 0, ""), ("09:30", 570, "")])
    False
    """
    return (
        bool(stamps)
        and stamps[0][1] >= 6 * 60
        and all(_HH_MM.match(stamp) and start % round_to == 0 for stamp, start, _ in stamps)
    )


def looks_like_log(stamps: Sequence[Stamp]) -> bool:
    """Every stamp ``h:mm`` closed by a colon, and the first not 0:00.

    >>> looks_like_log([("1:58", 118, "**1:58:** On stage"), ("2:01", 121, "**2:01:** A watch")])
    True
    >>> looks_like_log([("00:00", 0, "00:00: Intro"), ("05:00", 300, "05:00: Pricing")])
    False
    """
    return (
        bool(stamps)
        and stamps[0][1] > 0
        and all(
            _HH_MM.match(stamp.zfill(5)) and _LOG_STAMP.match(text, _after(stamp, text))
            for stamp, _, text in stamps
        )
    )


def repeats_stamps(stamps: Sequence[Stamp]) -> bool:
    """More than one line in four repeats a start: a bilingual transcript's doubled stamps.

    >>> repeats_stamps([("0:07", 7, ""), ("0:07", 7, ""), ("0:13", 13, ""), ("0:13", 13, "")])
    True
    """
    return 4 * (len(stamps) - len({start for _, start, _ in stamps})) > len(stamps)


def clock_text(seconds: int) -> str:
    """``h:mm:ss``, or ``m:ss`` under an hour, for messages.

    >>> clock_text(2468), clock_text(5111)
    ('41:08', '1:25:11')
    """
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _after(stamp: str, text: str) -> int:
    at = text.find(stamp)
    return len(text) if at < 0 else at + len(stamp)
