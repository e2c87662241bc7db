"""Durations: clock, spoken, ISO 8601 and Chinese forms, to whole seconds.

Every reader returns either the seconds or the reason the text was refused, so
``parse_duration`` and ``explain_duration`` can never disagree: a text parses
exactly when there is no explanation for refusing it.

Values above ``MAX_SECONDS`` (about 115 days) are refused as implausible.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from datetime import time as TimeOfDay
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from transforms.time.duration_units import (
    APPROX_PREFIXES,
    APPROX_SUFFIXES,
    HOUR,
    LIMIT_AFTER_LARGER,
    MINUTE,
    SECOND,
    UNIT_NAMES,
    UNIT_SECONDS,
    WRAPPERS,
)

MAX_SECONDS = 9_999_999

_CLOCK_SHAPE = re.compile(r"(?:(\d+):)?(\d+):(\d+)(?:[.,](\d+))?")
_ISO_SHAPE = re.compile(r"P[T\d]", re.I)
_ISO_NUM = r"(\d{1,7}(?:[.,]\d{1,6})?)"
_ISO = re.compile(
    rf"P(?:{_ISO_NUM}W)?(?:{_ISO_NUM}D)?"
    rf"(?:T(?=\d)(?:{_ISO_NUM}H)?(?:{_ISO_NUM}M)?(?:{_ISO_NUM}S)?)?",
    re.I,
)
_ISO_CALENDAR = re.compile(r"P[^T]*[YM]", re.I)
_BARE_INT = re.compile(r"\d+")
_BARE_FRACTION = re.compile(r"\d+(?:[.,]\d+)+")
_UNIT_ALTERNATION = "|".join(re.escape(u) for u in sorted(UNIT_SECONDS, key=len, reverse=True))
_UNIT_PART = re.compile(rf"(\d{{1,7}}(?:\.\d{{1,6}})?)\s*({_UNIT_ALTERNATION})(?![a-z])\.?", re.I)
_TRAILING_NUMBER = re.compile(r"(\d{1,2})")
_SEPARATOR = re.compile(r"\s*(?:,|;|、|&|\+|and(?![a-z]))?\s*", re.I)
_UNKNOWN_UNIT = re.compile(r"\d[\d.,]*\s*([^\W\d_]+)")
_NEXT_SMALLER = {HOUR: MINUTE, MINUTE: SECOND}

_HINT = "write mm:ss, h:mm:ss, '1h 25m' or PT1H25M"


def _shown(text: str) -> str:
    s = text.strip()
    return repr(s if len(s) <= 40 else s[:37] + "...")


def _peel(s: str) -> str:
    """Take one wrapper or hedge off the outside of ``s``, or return it unchanged."""
    for left, right in WRAPPERS:
        if len(s) > len(left) + len(right) and s.startswith(left) and s.endswith(right):
            inner = s[len(left) : -len(right)].strip()
            return inner.split("|", 1)[0].strip() if left == "[[" else inner
    lower = s.lower()
    for prefix in APPROX_PREFIXES:
        if lower.startswith(prefix):
            return s[len(prefix) :].strip()
    for suffix in APPROX_SUFFIXES:
        if s.endswith(suffix):
            return s[: -len(suffix)].strip()
    return s


def _clean(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).strip()
    while (peeled := _peel(s)) != s:
        s = peeled
    return s


def _round_half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _capped(seconds: int, shown: str) -> int | str:
    if seconds > MAX_SECONDS:
        return f"{shown} is longer than {MAX_SECONDS} seconds (about 115 days); check the value"
    return seconds


def _read_clock(s: str, shown: str) -> int | str | None:
    """Seconds or a refusal for a clock-shaped text; None when it is not clock-shaped."""
    m = _CLOCK_SHAPE.fullmatch(s)
    if not m:
        return None
    hours, minutes, seconds, fraction = m.groups()
    if len(seconds) == 1:
        padded = f"{minutes}:0{seconds}"
        return f"{shown} has a one-digit seconds place; write two digits, as in {padded}"
    if len(seconds) != 2:
        return f"{shown} has {seconds} in the seconds place; write mm:ss with two-digit seconds"
    if int(seconds) >= 60:
        return f"{shown} has {seconds} in the seconds place; write mm:ss with seconds below 60"
    if hours is not None:
        if len(hours) > 3:
            return f"{shown} has more than three digits of hours; write h:mm:ss"
        if len(minutes) != 2 or int(minutes) >= 60:
            return (
                f"{shown} has {minutes} in the minutes place; "
                "after an hour part write two-digit minutes below 60"
            )
    elif len(minutes) > 3:
        return f"{shown} has more than three digits of minutes; write h:mm:ss"
    total = int(hours or 0) * HOUR + int(minutes) * MINUTE + int(seconds)
    if fraction and fraction[0] >= "5":
        total += 1
    return _capped(total, shown)


def _read_iso(s: str, shown: str) -> int | str | None:
    if not _ISO_SHAPE.match(s):
        return None
    m = _ISO.fullmatch(s)
    if m and any(m.groups()):
        units = (7 * 86400, 86400, HOUR, MINUTE, SECOND)
        total = sum(
            (Decimal(g.replace(",", ".")) * u for g, u in zip(m.groups(), units, strict=True) if g),
            Decimal(0),
        )
        return _capped(_round_half_up(total), shown)
    if _ISO_CALENDAR.match(s):
        return f"{shown} counts months or years, which have no fixed length; write PT41M8S"
    return f"{shown} is not an ISO 8601 duration I can read; write it like PT1H25M11S"


def _read_bare(s: str, shown: str) -> int | str | None:
    if _BARE_INT.fullmatch(s):
        return _capped(int(s), shown)
    if _BARE_FRACTION.fullmatch(s):
        return (
            f"{shown} is a bare number with a fraction; write mm:ss (41:08) or add a unit (41 min)"
        )
    return None


def _read_units(s: str, shown: str) -> int | str | None:
    """Seconds of '1h 25m', '81 mins 53 secs', '1小时25分' and the like."""
    parts: list[tuple[Decimal, int]] = []
    pos = unit_end = 0
    while pos < len(s):
        m = _UNIT_PART.match(s, pos)
        tail = _TRAILING_NUMBER.fullmatch(s, pos) if pos == unit_end else None
        if m:
            parts.append((Decimal(m.group(1)), UNIT_SECONDS[m.group(2).lower()]))
            unit_end = m.end()
            separator = _SEPARATOR.match(s, m.end())
            pos = separator.end() if separator else m.end()
            if pos == len(s) and separator and separator.group().strip():
                return f"{shown} ends with a dangling {separator.group().strip()!r}; {_HINT}"
        elif tail and parts and parts[-1][1] in _NEXT_SMALLER:
            # "1小时25", "41分08": a number right after a unit is the next smaller unit.
            parts.append((Decimal(tail.group(1)), _NEXT_SMALLER[parts[-1][1]]))
            pos = len(s)
        elif not parts:
            unknown = _UNKNOWN_UNIT.match(s)
            if unknown:
                word = unknown.group(1)
                return f"{shown}: '{word}' is not a unit I can turn into seconds; use h, min or s"
            return None
        else:
            return f"{shown} has text I cannot read after {s[:pos].strip()!r}; {_HINT}"
    return _sum_parts(parts, shown)


def _sum_parts(parts: list[tuple[Decimal, int]], shown: str) -> int | str:
    total = Decimal(0)
    previous: int | None = None
    for value, unit in parts:
        if previous is not None and unit >= previous:
            return f"{shown} repeats a unit or puts a smaller one first; write e.g. '1h 25m 10s'"
        limit = LIMIT_AFTER_LARGER.get(unit, 0)
        if previous is not None and value >= limit:
            name = UNIT_NAMES[unit]
            return f"{shown} has {value} {name} after a larger unit; write fewer than {limit}"
        total += value * unit
        previous = unit
    return _capped(_round_half_up(total), shown)


def _read(text: str) -> int | str | None:
    """Seconds, a refusal for the person who wrote it, or None for empty text."""
    if not isinstance(text, str) or not text.strip():
        return None
    s = _clean(text)
    shown = _shown(text)
    if not s:
        return f"{shown} holds no duration; {_HINT}"
    if s[0] in "-−":
        return f"{shown} is negative; a duration cannot be below zero"
    for reader in (_read_clock, _read_iso, _read_bare, _read_units):
        result = reader(s, shown)
        if result is not None:
            return result
    return f"{shown} is not a duration; {_HINT}"


def parse_clock(text: str) -> int | None:
    """Whole seconds of a ``[h:]mm:ss[.fff]`` timestamp, or None.

    Fractions round half up; minutes may pass 59 only when there is no hour part.

    >>> parse_clock("41:08"), parse_clock("1:25:11"), parse_clock("01:25:11.500")
    (2468, 5111, 5112)
    >>> parse_clock("81:53"), parse_clock("41:75"), parse_clock("3:1")
    (4913, None, None)
    """
    if not isinstance(text, str):
        return None
    s = unicodedata.normalize("NFKC", text).strip()
    result = _read_clock(s, _shown(text))
    return result if isinstance(result, int) else None


def parse_duration(text: str) -> int | None:
    """Whole seconds of a duration written by hand, or None.

    >>> parse_duration("41:08"), parse_duration("[[1:25:11]]"), parse_duration("PT41M8S")
    (2468, 5111, 2468)
    >>> parse_duration("1h 25m"), parse_duration("1小时25分钟"), parse_duration("2.5 hours")
    (5100, 5100, 9000)
    >>> parse_duration("41:75") is None, parse_duration("episode 41") is None
    (True, True)
    """
    result = _read(text)
    return result if isinstance(result, int) else None


def explain_duration(text: str) -> str | None:
    """Why a non-empty text is not a duration, in words a person can act on; None if it parses.

    >>> explain_duration("41:75")
    "'41:75' has 75 in the seconds place; write mm:ss with seconds below 60"
    >>> explain_duration("41:08") is None, explain_duration("  ") is None
    (True, True)
    """
    result = _read(text)
    return result if isinstance(result, str) else None


def duration_from_value(value: object) -> int | None:
    """Whole seconds from a front-matter value (number, timedelta, time or text), or None.

    >>> duration_from_value(2468), duration_from_value(2467.5), duration_from_value("41:08")
    (2468, 2468, 2468)
    >>> duration_from_value(TimeOfDay(0, 41, 8)), duration_from_value(True)
    (2468, None)
    """
    seconds: int | None = None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        seconds = value
    elif isinstance(value, float | Decimal):
        seconds = _whole_seconds(value)
    elif isinstance(value, dt.timedelta):
        seconds = value.days * 86400 + value.seconds + (value.microseconds >= 500_000)
    elif isinstance(value, TimeOfDay):
        seconds = value.hour * HOUR + value.minute * MINUTE + value.second
        seconds += value.microsecond >= 500_000
    elif isinstance(value, str):
        return parse_duration(value)
    if seconds is None or not 0 <= seconds <= MAX_SECONDS:
        return None
    return seconds


def _whole_seconds(value: float | Decimal) -> int | None:
    try:
        if isinstance(value, float) and not math.isfinite(value):
            return None
        return _round_half_up(Decimal(value))
    except (InvalidOperation, ValueError, OverflowError):
        return None


def format_duration(seconds: int) -> str:
    """``h:mm:ss`` from an hour up, ``m:ss`` below; the inverse of ``parse_duration``.

    >>> format_duration(2468), format_duration(5111), format_duration(0)
    ('41:08', '1:25:11', '0:00')
    """
    if seconds < 0:
        return "-" + format_duration(-seconds)
    hours, rest = divmod(seconds, HOUR)
    minutes, secs = divmod(rest, MINUTE)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
