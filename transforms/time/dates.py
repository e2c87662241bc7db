"""Dates and datetimes from the many ways notes write them.

One reader, ``_read``, returns either what the text says (a date, maybe a time of day,
maybe an offset) or the reason it was refused, so ``parse_date``, ``parse_datetime`` and
``explain_date`` cannot disagree. Numeric day/month orders are accepted only when one
part is above 12; ``03/04/2023`` is refused as ambiguous. Epoch numbers are read only
from front-matter values (``date_from_value``, ``datetime_from_value``), never by the
text parsers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import time as TimeOfDay
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from transforms.time.date_words import (
    AMBIGUOUS_ZONES,
    MONTH_NAMES,
    MONTHS,
    WEEKDAYS,
    WRAPPERS,
    ZONE_HOURS,
)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<mon>{_alternation(MONTHS)})(?![a-z])\.?"
_WEEKDAY = rf"(?:{_alternation(WEEKDAYS)})(?![a-z])\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_LEAD = rf"(?:{_WEEKDAY},?\s*)?"
_ZONE = rf"Z|[+-]\d{{2}}(?::?\d{{2}})?|(?:{_alternation([*ZONE_HOURS, *AMBIGUOUS_ZONES])})(?![a-z])"

_YMD = re.compile(r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)")
_CJK = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})(?!\d)\s*[日号號]?")
_YEAR_LAST = re.compile(r"(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)")
_MONTH_DAY_YEAR = re.compile(
    rf"{_LEAD}{_MONTH}\s*(?P<d>\d{{1,2}}){_ORDINAL}(?:\s*,\s*|\s+)(?P<y>\d{{4}})(?!\d)", re.I
)
_DAY_MONTH_YEAR = re.compile(
    rf"{_LEAD}(?P<d>\d{{1,2}}){_ORDINAL}(?:\s+of)?[\s-]*{_MONTH}(?:\s*,\s*|[\s-]+)(?P<y>\d{{4}})(?!\d)",
    re.I,
)
_TIME = re.compile(
    r"(?:T|\s*,?\s*(?:at\s+)?)"
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<f>\d{1,9}))?)?"
    r"(?:\s*(?P<ampm>[ap])\.?m\.?(?![a-z]))?"
    rf"(?:\s*(?P<zone>{_ZONE}))?",
    re.I,
)
_TRAILING_WEEKDAY = re.compile(rf"\s*(?:\(\s*{_WEEKDAY}\s*\)|,?\s*{_WEEKDAY})?\s*", re.I)

_FULL_DATE = "write a full date, YYYY-MM-DD"
_PARTIAL_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\d{4}\s*年\s*(?:0?[1-9]|1[0-2])\s*月"),
        f"names a month but not a day; {_FULL_DATE}",
    ),
    (re.compile(r"\d{4}[-/](?:0?[1-9]|1[0-2])"), f"names a month but not a day; {_FULL_DATE}"),
    (re.compile(rf"{_MONTH},?\s+\d{{4}}", re.I), f"names a month but not a day; {_FULL_DATE}"),
    (re.compile(r"(?:1\d|20|21)\d\d(?:\s*年)?"), f"is only a year; {_FULL_DATE}"),
    (re.compile(r"\d{1,2}/\d{1,2}/\d{2}"), f"has a two-digit year; {_FULL_DATE}"),
    (re.compile(rf"{_LEAD}{_MONTH}\s*\d{{1,2}}{_ORDINAL}", re.I), f"has no year; {_FULL_DATE}"),
    (
        re.compile(rf"{_LEAD}\d{{1,2}}{_ORDINAL}\s+(?:of\s+)?{_MONTH}", re.I),
        f"has no year; {_FULL_DATE}",
    ),
)

_FILE_SEPARATED = re.compile(r"(\d{4})([-_.])(\d{1,2})\2(\d{1,2})(?!\d)")
_FILE_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(?!\d)")
_EPOCH_TEXT = re.compile(r"\d{10}|\d{13}")
_EPOCH_MIN = 31_536_000  # 1971-01-01T00:00:00Z
_EPOCH_END = 4_133_980_800  # 2101-01-01T00:00:00Z, first instant refused
_UNIX_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class _Reading:
    """What a date text says: the calendar date, the time of day and offset when given."""

    date: dt.date
    clock: TimeOfDay | None
    offset: dt.tzinfo | None


_Found = tuple[dt.date | str, int] | None


def _shown(text: str) -> str:
    s = text.strip()
    return repr(s if len(s) <= 40 else s[:37] + "...")


def _clean(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).strip()
    peeled = True
    while peeled:
        peeled = False
        for left, right in WRAPPERS:
            if len(s) > len(left) + len(right) and s.startswith(left) and s.endswith(right):
                s = s[len(left) : -len(right)].strip()
                s = s.split("|", 1)[0].strip() if left == "[[" else s
                peeled = True
                break
    return s


def _make_date(year: int, month: int, day: int, shown: str) -> dt.date | str:
    if not 1 <= month <= 12:
        return f"{shown} has month {month}; months run 1 to 12"
    if year < 1:
        return f"{shown} has year 0; {_FULL_DATE}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return f"{shown}: {MONTH_NAMES[month - 1]} {year} has no day {day}"
    return dt.date(year, month, day)


def _read_year_first(s: str, shown: str) -> _Found:
    m = _YMD.match(s) or _CJK.match(s)
    if not m:
        return None
    return _make_date(int(m["y"]), int(m["m"]), int(m["d"]), shown), m.end()


def _read_year_last(s: str, shown: str) -> _Found:
    """``16/01/2023`` or ``01/16/2023`` when one part is above 12; ``16.01.2023`` is d.m.y."""
    m = _YEAR_LAST.match(s)
    if not m:
        return None
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if m["sep"] == "." or (a > 12 and b <= 12):
        return _make_date(year, b, a, shown), m.end()
    if (b > 12 and a <= 12) or a == b:
        return _make_date(year, a, b, shown), m.end()
    if a > 12:
        return f"{shown}: neither {a} nor {b} can be a month; {_FULL_DATE}", m.end()
    return (
        f"{shown}: day and month are ambiguous; "
        f"write {year:04d}-{b:02d}-{a:02d} or {year:04d}-{a:02d}-{b:02d}"
    ), m.end()


def _read_month_words(s: str, shown: str) -> _Found:
    m = _MONTH_DAY_YEAR.match(s) or _DAY_MONTH_YEAR.match(s)
    if not m:
        return None
    return _make_date(int(m["y"]), MONTHS[m["mon"].lower()], int(m["d"]), shown), m.end()


_READERS: tuple[Callable[[str, str], _Found], ...] = (
    _read_year_first,
    _read_year_last,
    _read_month_words,
)


def _offset(zone: str | None, shown: str) -> dt.tzinfo | str | None:
    if zone is None:
        return None
    key = zone.lower()
    if key in ZONE_HOURS:
        hours = ZONE_HOURS[key]
        return dt.UTC if hours == 0 else dt.timezone(dt.timedelta(hours=hours))
    if key in AMBIGUOUS_ZONES:
        return f"{shown}: {zone} may mean {AMBIGUOUS_ZONES[key]}; write an offset such as +08:00"
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        return f"{shown} has the offset {zone}, which is not a UTC offset; write e.g. +08:00"
    sign = -1 if zone[0] == "-" else 1
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _time_of(m: re.Match[str], shown: str) -> tuple[TimeOfDay, dt.tzinfo | None] | str:
    hour, minute, second = int(m["h"]), int(m["mi"]), int(m["s"] or 0)
    bad = f"{shown} has the time {m['h']}:{m['mi']}, which is not a time of day"
    if m["ampm"]:
        if not 1 <= hour <= 12:
            return bad
        hour = hour % 12 + (12 if m["ampm"].lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return bad
    offset = _offset(m["zone"], shown)
    if isinstance(offset, str):
        return offset
    micro = int((m["f"] or "0")[:6].ljust(6, "0"))
    return TimeOfDay(hour, minute, second, micro), offset


def _read_rest(rest: str, shown: str) -> tuple[TimeOfDay | None, dt.tzinfo | None] | str:
    """The optional time of day, offset and weekday that may follow a date."""
    found_time: tuple[TimeOfDay | None, dt.tzinfo | None] = (None, None)
    pos = 0
    m = _TIME.match(rest)
    if m:
        found = _time_of(m, shown)
        if isinstance(found, str):
            return found
        found_time, pos = found, m.end()
    tail = _TRAILING_WEEKDAY.match(rest, pos)
    if tail is None or tail.end() != len(rest):
        extra = rest[pos:].strip()
        return f"{shown} has text after the date ({extra!r}); put only the date in this field"
    return found_time


def _read(text: str) -> _Reading | str | None:
    """What the text says, the reason it is refused, or None when it does not look like a date."""
    if not isinstance(text, str):
        return None
    s = _clean(text)
    shown = _shown(text)
    for reader in _READERS:
        found = reader(s, shown)
        if found is None:
            continue
        day, end = found
        if isinstance(day, str):
            return day
        rest = _read_rest(s[end:], shown)
        return rest if isinstance(rest, str) else _Reading(day, *rest)
    for shape, message in _PARTIAL_SHAPES:
        if shape.fullmatch(s):
            return f"{shown} {message}"
    return None


def _zone(tz: str) -> dt.tzinfo | None:
    try:
        return ZoneInfo(tz)
    except (ValueError, KeyError, OSError, TypeError):
        return None


def parse_date(text: str) -> dt.date | None:
    """The calendar date a text names, or None.

    >>> parse_date("[[2021-03-05]]"), parse_date("2023/1/16"), parse_date("2023年1月16日")
    (datetime.date(2021, 3, 5), datetime.date(2023, 1, 16), datetime.date(2023, 1, 16))
    >>> parse_date("Mon, 16 Jan 2023 10:00:00 +0000")
    datetime.date(2023, 1, 16)
    >>> parse_date("03/04/2023"), parse_date("2023-02-30"), parse_date("2023")
    (None, None, None)
    """
    reading = _read(text)
    return reading.date if isinstance(reading, _Reading) else None


def explain_date(text: str) -> str | None:
    """Why a date-looking text is refused; None when it parses or does not look like a date.

    >>> explain_date("2023-02-30")
    "'2023-02-30': February 2023 has no day 30"
    >>> explain_date("03/04/2023")
    "'03/04/2023': day and month are ambiguous; write 2023-04-03 or 2023-03-04"
    >>> explain_date("2021-03-05") is None, explain_date("$80") is None
    (True, True)
    """
    reading = _read(text)
    return reading if isinstance(reading, str) else None


def parse_datetime(text: str, tz: str = "UTC") -> dt.datetime | None:
    """A timezone-aware datetime; a time written without an offset is read in the zone ``tz``.

    A written offset is kept as given; a date alone is midnight in ``tz``. None for text
    that is not a date and for an unknown zone name.

    >>> parse_datetime("2021-02-22T23:09:27.450Z").isoformat()
    '2021-02-22T23:09:27.450000+00:00'
    >>> parse_datetime("2023/1/16 10:30", tz="Asia/Shanghai").isoformat()
    '2023-01-16T10:30:00+08:00'
    >>> parse_datetime("2021-03-05 +0800") is None
    True
    """
    reading = _read(text)
    if not isinstance(reading, _Reading):
        return None
    zone = reading.offset or _zone(tz)
    if zone is None:
        return None
    return dt.datetime.combine(reading.date, reading.clock or TimeOfDay(0), tzinfo=zone)


def _epoch(value: int | float | Decimal, tz: str) -> dt.datetime | None:
    """Epoch seconds or milliseconds (chosen by size) between 1971 and 2100, in ``tz``."""
    zone = _zone(tz)
    try:
        number = Decimal(value)
        if _EPOCH_MIN <= number < _EPOCH_END:
            micros = number * 1_000_000
        elif _EPOCH_MIN * 1000 <= number < _EPOCH_END * 1000:
            micros = number * 1000
        else:
            return None
    except (InvalidOperation, ValueError, TypeError):
        return None
    if zone is None:
        return None
    delta = dt.timedelta(microseconds=int(micros.to_integral_value(ROUND_HALF_EVEN)))
    return (_UNIX_EPOCH + delta).astimezone(zone)


def datetime_from_value(value: object, tz: str = "UTC") -> dt.datetime | None:
    """A timezone-aware datetime from a front-matter value, or None.

    Naive datetimes and bare dates are read in ``tz``; numbers (and strings of 10 or 13
    digits) are epoch seconds or milliseconds; lists give their first readable element.

    >>> datetime_from_value(dt.datetime(2021, 3, 5, 9, 30), tz="Europe/Berlin").isoformat()
    '2021-03-05T09:30:00+01:00'
    >>> datetime_from_value(1614937800).isoformat()
    '2021-03-05T09:50:00+00:00'
    >>> datetime_from_value(True), datetime_from_value(2023)
    (None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            return value
        zone = _zone(tz)
        return value.replace(tzinfo=zone) if zone else None
    if isinstance(value, dt.date):
        zone = _zone(tz)
        return dt.datetime.combine(value, TimeOfDay(0), tzinfo=zone) if zone else None
    if isinstance(value, int | float | Decimal):
        return _epoch(value, tz)
    if isinstance(value, str):
        s = value.strip()
        return _epoch(int(s), tz) if _EPOCH_TEXT.fullmatch(s) else parse_datetime(s, tz)
    if isinstance(value, list | tuple):
        for item in value:
            if not isinstance(item, list | tuple) and (found := datetime_from_value(item, tz)):
                return found
    return None


def date_from_value(value: object, tz: str = "UTC") -> dt.date | None:
    """A calendar date from a front-matter value, or None.

    An aware datetime gives its date in its own offset; an epoch gives its date in ``tz``.

    >>> date_from_value(dt.datetime(2021, 3, 5, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))))
    datetime.date(2021, 3, 5)
    >>> date_from_value(1614987000, tz="Asia/Shanghai"), date_from_value(["tbd", "2023/1/16"])
    (datetime.date(2021, 3, 6), datetime.date(2023, 1, 16))
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and not _EPOCH_TEXT.fullmatch(value.strip()):
        return parse_date(value)
    if isinstance(value, list | tuple):
        for item in value:
            if not isinstance(item, list | tuple) and (found := date_from_value(item, tz)):
                return found
        return None
    found_datetime = datetime_from_value(value, tz)
    return found_datetime.date() if found_datetime else None


def parse_filename_date(name: str) -> dt.date | None:
    """The date at the start of a file name (the last part of a path), or None.

    >>> parse_filename_date("_posts/2021-03-05-building-on-rails.md")
    datetime.date(2021, 3, 5)
    >>> parse_filename_date("202103051230 Zettel.md"), parse_filename_date("119-title.md")
    (datetime.date(2021, 3, 5), None)
    """
    if not isinstance(name, str):
        return None
    base = unicodedata.normalize("NFKC", re.split(r"[/\\]", name)[-1]).strip()
    m = _FILE_SEPARATED.match(base)
    if m:
        year, month, day = int(m[1]), int(m[3]), int(m[4])
    else:
        m = _FILE_COMPACT.match(base)
        if not m or not 1900 <= int(m[1]) <= 2199:
            return None
        if m[4] and (int(m[4]) > 23 or int(m[5]) > 59 or int(m[6] or 0) > 59):
            return None
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    found = _make_date(year, month, day, "")
    return found if isinstance(found, dt.date) else None
