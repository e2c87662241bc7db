"""Reference data for ``durations``: unit words and the hedges written around a duration.

Keys are lower case; ``durations`` lower-cases Latin text before looking them up.
"""

from __future__ import annotations

DAY = 86400
HOUR = 3600
MINUTE = 60
SECOND = 1

# Seconds in each unit word. Japanese 時 alone is left out on purpose: "1時25分" is a
# time of day (1:25), not a length.
UNIT_SECONDS: dict[str, int] = {
    # days
    "d": DAY,
    "day": DAY,
    "days": DAY,
    "天": DAY,
    # hours
    "h": HOUR,
    "hr": HOUR,
    "hrs": HOUR,
    "hour": HOUR,
    "hours": HOUR,
    "小时": HOUR,
    "小時": HOUR,
    "个小时": HOUR,
    "個小時": HOUR,
    "钟头": HOUR,
    "鐘頭": HOUR,
    "時間": HOUR,
    # minutes
    "m": MINUTE,
    "min": MINUTE,
    "mins": MINUTE,
    "minute": MINUTE,
    "minutes": MINUTE,
    "分": MINUTE,
    "分钟": MINUTE,
    "分鐘": MINUTE,
    "分間": MINUTE,
    "'": MINUTE,
    # seconds
    "s": SECOND,
    "sec": SECOND,
    "secs": SECOND,
    "second": SECOND,
    "seconds": SECOND,
    "秒": SECOND,
    "秒钟": SECOND,
    "秒鐘": SECOND,
    "''": SECOND,
    '"': SECOND,
}

# The largest value a unit may take when a bigger unit comes before it ("1h 75m" is wrong).
LIMIT_AFTER_LARGER: dict[int, int] = {HOUR: 24, MINUTE: 60, SECOND: 60}

UNIT_NAMES: dict[int, str] = {DAY: "days", HOUR: "hours", MINUTE: "minutes", SECOND: "seconds"}

# Hedges that do not change the value: "~41:08", "约41分钟", "41分钟左右", "about 45 minutes".
APPROX_PREFIXES: tuple[str, ...] = (
    "approximately",
    "approx.",
    "approx",
    "about",
    "circa",
    "ca.",
    "大约",
    "大概",
    "约",
    "約",
    "~",
    "≈",
)
APPROX_SUFFIXES: tuple[str, ...] = ("左右", "上下")

# Pairs peeled off the outside of a value: wikilinks, brackets, quotes, emphasis, code.
WRAPPERS: tuple[tuple[str, str], ...] = (
    ("[[", "]]"),
    ("[", "]"),
    ("(", ")"),
    ("**", "**"),
    ("__", "__"),
    ("*", "*"),
    ("_", "_"),
    ("`", "`"),
    ('"', '"'),
    ("'", "'"),
    ("\u201c", "\u201d"),
    ("\u2018", "\u2019"),
    ("「", "」"),
    ("『", "』"),
)
