"""Reference data for ``dates``: month and weekday words, zone abbreviations, wrappers.

Keys are lower case; ``dates`` lower-cases what it matched before looking it up.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

MONTH_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Weekday words are allowed before or after a date and otherwise ignored
# (RSS feeds often carry a weekday that does not match the date).
WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tues",
    "tue",
    "wed",
    "thurs",
    "thur",
    "thu",
    "fri",
    "sat",
    "sun",
    "星期一",
    "星期二",
    "星期三",
    "星期四",
    "星期五",
    "星期六",
    "星期日",
    "星期天",
    "周一",
    "周二",
    "周三",
    "周四",
    "周五",
    "周六",
    "周日",
    "周天",
    "週一",
    "週二",
    "週三",
    "週四",
    "週五",
    "週六",
    "週日",
)

# Zone abbreviations with one meaning, in hours east of UTC (RFC 2822 section 4.3).
ZONE_HOURS: dict[str, int] = {
    "z": 0,
    "ut": 0,
    "utc": 0,
    "gmt": 0,
    "est": -5,
    "edt": -4,
    "mst": -7,
    "mdt": -6,
    "pst": -8,
    "pdt": -7,
}

# Abbreviations that name more than one zone; refused with a note instead of guessed.
AMBIGUOUS_ZONES: dict[str, str] = {
    "cst": "US Central or China Standard Time",
    "cdt": "US Central Daylight or Cuba Daylight Time",
    "ist": "India, Ireland or Israel Standard Time",
    "bst": "British Summer or Bangladesh Standard Time",
}

# Pairs peeled off the outside of a value: wikilinks, brackets, quotes, code.
WRAPPERS: tuple[tuple[str, str], ...] = (
    ("[[", "]]"),
    ("[", "]"),
    ("`", "`"),
    ('"', '"'),
    ("'", "'"),
    ("\u201c", "\u201d"),
    ("\u2018", "\u2019"),
    ("「", "」"),
)
