"""Dates and datetimes: the formats notes use, what is refused, and front-matter values."""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from transforms.time.dates import (
    date_from_value,
    datetime_from_value,
    explain_date,
    parse_date,
    parse_datetime,
    parse_filename_date,
)

D = dt.date
UTC = dt.UTC


def tz_hours(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


# From the seed notes: the episode's `**Published**:: [[2021-03-05]]` and its timestamps,
# and the Hexo profile's `date: 2023/1/16`.
SEED_CASES = [
    ("[[2021-03-05]]", D(2021, 3, 5)),
    ("2023/1/16", D(2023, 1, 16)),
    ("2021-02-22T23:09:27.450Z", D(2021, 2, 22)),
    ("2022-04-05T15:36:44.404Z", D(2022, 4, 5)),
]

# Forms seen in real vaults, blog front matter, RSS exports and Chinese posts.
REAL_FORMAT_CASES = [
    ("2021-03-05", D(2021, 3, 5)),
    ("2023/01/16", D(2023, 1, 16)),
    ("2023.01.16", D(2023, 1, 16)),
    ("2023-1-6", D(2023, 1, 6)),
    ("16/01/2023", D(2023, 1, 16)),
    ("01/16/2023", D(2023, 1, 16)),
    ("03/03/2023", D(2023, 3, 3)),
    ("16.01.2023", D(2023, 1, 16)),
    ("16-01-2023", D(2023, 1, 16)),
    ("2023年1月16日", D(2023, 1, 16)),
    ("2023 年 1 月 16 日", D(2023, 1, 16)),
    ("2023年01月16号", D(2023, 1, 16)),
    ("２０２３年１月１６日", D(2023, 1, 16)),
    ("2023年1月16日 星期一", D(2023, 1, 16)),
    ("Jan 16, 2023", D(2023, 1, 16)),
    ("January 16 2023", D(2023, 1, 16)),
    ("January 16th, 2023", D(2023, 1, 16)),
    ("Sept. 5, 2023", D(2023, 9, 5)),
    ("16 January 2023", D(2023, 1, 16)),
    ("16 Jan 2023", D(2023, 1, 16)),
    ("16th of January, 2023", D(2023, 1, 16)),
    ("16-Jan-2023", D(2023, 1, 16)),
    ("Monday, January 16, 2023", D(2023, 1, 16)),
    ("Mon, 16 Jan 2023 10:00:00 +0000", D(2023, 1, 16)),
    ("Mon, 16 Jan 2023 10:00:00 GMT", D(2023, 1, 16)),
    ("2021-03-05T10:00:00-05:00", D(2021, 3, 5)),
    ("2021-03-05 23:30:00 +0800", D(2021, 3, 5)),
    ("2021-02-22 23:09", D(2021, 2, 22)),
    ("2023/1/16 10:30:00", D(2023, 1, 16)),
    ("2021-03-05 (Fri)", D(2021, 3, 5)),
    ("[[2021-03-05|March 5th]]", D(2021, 3, 5)),
    ("'2021-03-05'", D(2021, 3, 5)),
    ('"2021-03-05"', D(2021, 3, 5)),
    ("  2021-03-05  ", D(2021, 3, 5)),
    ("2024-02-29", D(2024, 2, 29)),
]

# Must not give a date.
NEGATIVE_CASES = [
    "$80",
    "20%",
    "1.2.3",
    "v2023.1",
    "v2023.1.5",
    "2023.1",
    "010-1234-5678",
    "+1 415 555 0100",
    "2023",
    "2023-02-30",
    "2023-13-01",
    "2021-02-29",
    "0000-01-01",
    "03/04/2023",
    "13/14/2023",
    "2023年1月",
    "Jan 2023",
    "March 5",
    "16/01/23",
    "20210305",
    "1614937800",
    "2021-03-05-title",
    "2021-03-05 25:00",
    "2021-03-05 13:00 pm",
    "2023-01-16 10:30 CST",
    "episode 41",
    "",
    "[[ ]]",
]

# Honest gaps: real forms not read yet.
KNOWN_GAPS = [
    ("Mon Jan 16 10:30:00 2023", D(2023, 1, 16)),  # ctime / `date` output
    ("16 janvier 2023", D(2023, 1, 16)),  # month names in other languages
    ("2023年1月16日 下午3点", D(2023, 1, 16)),  # Chinese time of day words
    ("Jan 16 '23", D(2023, 1, 16)),  # apostrophe year
]

EXPLAIN_CASES = [
    ("2023-02-30", "February 2023 has no day 30"),
    ("03/04/2023", "day and month are ambiguous; write 2023-04-03 or 2023-03-04"),
    ("13/14/2023", "neither 13 nor 14 can be a month"),
    ("2023-13-01", "month 13"),
    ("2023年1月", "month but not a day"),
    ("Jan 2023", "month but not a day"),
    ("2023", "only a year"),
    ("16/01/23", "two-digit year"),
    ("March 5", "no year"),
    ("2021-03-05-title", "text after the date"),
    ("2021-03-05 25:00", "not a time of day"),
    ("2023-01-16 10:30 CST", "+08:00"),
]

NOT_DATE_LIKE = ["$80", "20%", "1.2.3", "v2023.1", "010-1234-5678", "episode 41", "", "2021-03-05"]

DATETIME_CASES = [
    ("2021-02-22T23:09:27.450Z", "UTC", dt.datetime(2021, 2, 22, 23, 9, 27, 450_000, UTC)),
    ("2021-03-05T10:00:00+08:00", "UTC", dt.datetime(2021, 3, 5, 10, tzinfo=tz_hours(8))),
    ("2021-03-05 10:00:00 +0800", "UTC", dt.datetime(2021, 3, 5, 10, tzinfo=tz_hours(8))),
    ("2021-03-05T10:00+05:30", "UTC", dt.datetime(2021, 3, 5, 10, tzinfo=tz_hours(5.5))),
    ("2021-03-05 10:00:00 PST", "UTC", dt.datetime(2021, 3, 5, 10, tzinfo=tz_hours(-8))),
    (
        "Mon, 16 Jan 2023 10:00:00 +0000",
        "Asia/Shanghai",
        dt.datetime(2023, 1, 16, 10, tzinfo=UTC),
    ),
    (
        "2021-02-22 23:09",
        "Europe/Berlin",
        dt.datetime(2021, 2, 22, 23, 9, tzinfo=ZoneInfo("Europe/Berlin")),
    ),
    (
        "2023/1/16 10:30",
        "Asia/Shanghai",
        dt.datetime(2023, 1, 16, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai")),
    ),
    (
        "January 16th, 2023 at 3:05 PM",
        "America/New_York",
        dt.datetime(2023, 1, 16, 15, 5, tzinfo=ZoneInfo("America/New_York")),
    ),
    ("2023年1月16日", "Asia/Shanghai", dt.datetime(2023, 1, 16, tzinfo=ZoneInfo("Asia/Shanghai"))),
    ("[[2021-03-05]]", "UTC", dt.datetime(2021, 3, 5, tzinfo=UTC)),
]

DATETIME_NEGATIVE_CASES = [
    ("1614937800", "UTC"),  # epochs are not read from text here
    ("2021-03-05 +0800", "UTC"),  # an offset without a time
    ("2021-03-05 10:00 +2500", "UTC"),
    ("2021-03-05 12:00 am", "Not/AZone"),
    ("2021-03-05", "Not/AZone"),
    ("2023-02-30 10:00", "UTC"),
]

FILENAME_CASES = [
    ("2021-03-05-title.md", D(2021, 3, 5)),
    ("2021-03-05 title.md", D(2021, 3, 5)),
    ("20210305-title.md", D(2021, 3, 5)),
    ("2021_03_05.md", D(2021, 3, 5)),
    ("2021-3-5-jekyll-post.md", D(2021, 3, 5)),
    ("_posts/2021-03-05-building-on-rails.md", D(2021, 3, 5)),
    ("daily\\2021-03-05.md", D(2021, 3, 5)),
    ("202103051230 Zettel.md", D(2021, 3, 5)),
    ("20210305123045.md", D(2021, 3, 5)),
    ("119-title.md", None),
    ("2021-title.md", None),
    ("2021-02-30-title.md", None),
    ("2021/03/05/title.md", None),
    ("12345678.md", None),
    ("202103052561 Zettel.md", None),
    ("471329.md", None),
    ("notes/2021-03-05/readme.md", None),
]

SHANGHAI_EVENING = dt.datetime(2021, 3, 5, 23, 30, tzinfo=tz_hours(8))

DATE_VALUE_CASES = [
    (D(2021, 3, 5), "UTC", D(2021, 3, 5)),
    (dt.datetime(2021, 3, 5, 23, 30), "Asia/Shanghai", D(2021, 3, 5)),
    (SHANGHAI_EVENING, "UTC", D(2021, 3, 5)),  # its own offset, not tz
    (1614987000, "UTC", D(2021, 3, 5)),  # 2021-03-05T23:30Z
    (1614987000, "Asia/Shanghai", D(2021, 3, 6)),
    (1614987000000, "UTC", D(2021, 3, 5)),  # milliseconds
    (1614987000.5, "UTC", D(2021, 3, 5)),
    (Decimal("1614987000"), "UTC", D(2021, 3, 5)),
    ("1614987000", "UTC", D(2021, 3, 5)),
    ("1614987000000", "UTC", D(2021, 3, 5)),
    ("2023/1/16", "UTC", D(2023, 1, 16)),
    (["tbd", "2023/1/16"], "UTC", D(2023, 1, 16)),
    (("2023-01-16",), "UTC", D(2023, 1, 16)),
    (True, "UTC", None),
    (None, "UTC", None),
    (2023, "UTC", None),  # a bare year is not an epoch
    (20210305, "UTC", None),
    (0, "UTC", None),
    (-1614987000, "UTC", None),
    (4_200_000_000, "UTC", None),  # 2103, past 2100
    (float("nan"), "UTC", None),
    ("161498700", "UTC", None),  # nine digits: neither a date nor an epoch string
    ([["2023-01-16"]], "UTC", None),
    ({"date": "2023-01-16"}, "UTC", None),
    (1614987000, "Not/AZone", None),
]

DATETIME_VALUE_CASES = [
    (dt.datetime(2021, 3, 5, 9, 30), "Europe/Berlin", "2021-03-05T09:30:00+01:00"),
    (SHANGHAI_EVENING, "UTC", "2021-03-05T23:30:00+08:00"),
    (D(2021, 3, 5), "Asia/Shanghai", "2021-03-05T00:00:00+08:00"),
    (1614987000, "UTC", "2021-03-05T23:30:00+00:00"),
    (1614987000, "Asia/Shanghai", "2021-03-06T07:30:00+08:00"),
    (1614987000123, "UTC", "2021-03-05T23:30:00.123000+00:00"),
    ("1614987000", "UTC", "2021-03-05T23:30:00+00:00"),
    ("2021-02-22T23:09:27.450Z", "Asia/Shanghai", "2021-02-22T23:09:27.450000+00:00"),
    (["", "2021-03-05 10:00"], "UTC", "2021-03-05T10:00:00+00:00"),
]


@pytest.mark.parametrize(("text", "day"), SEED_CASES, ids=[c[0] for c in SEED_CASES])
def test_seed_cases(text: str, day: dt.date) -> None:
    assert parse_date(text) == day
    assert explain_date(text) is None


def test_seed_front_matter_values() -> None:
    front = yaml.safe_load(
        "created_at: 2021-02-22T23:09:27.450Z\nupdated_at: 2022-04-05T15:36:44.404Z\n"
    )
    created = datetime_from_value(front["created_at"], "Asia/Shanghai")
    assert created == dt.datetime(2021, 2, 22, 23, 9, 27, 450_000, UTC)
    assert date_from_value(front["updated_at"]) == D(2022, 4, 5)
    hexo = yaml.safe_load("date: 2023/1/16\n")
    assert date_from_value(hexo["date"]) == D(2023, 1, 16)


@pytest.mark.parametrize(("text", "day"), REAL_FORMAT_CASES, ids=[c[0] for c in REAL_FORMAT_CASES])
def test_real_formats(text: str, day: dt.date) -> None:
    assert parse_date(text) == day
    assert explain_date(text) is None


@pytest.mark.parametrize("text", NEGATIVE_CASES, ids=NEGATIVE_CASES)
def test_negatives(text: str) -> None:
    assert parse_date(text) is None
    assert parse_datetime(text) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [pytest.param(t, d, marks=pytest.mark.xfail(strict=True), id=t) for t, d in KNOWN_GAPS],
)
def test_known_gaps(text: str, day: dt.date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(("text", "fragment"), EXPLAIN_CASES, ids=[c[0] for c in EXPLAIN_CASES])
def test_explanations(text: str, fragment: str) -> None:
    reason = explain_date(text)
    assert reason is not None
    assert fragment in reason


@pytest.mark.parametrize("text", NOT_DATE_LIKE, ids=NOT_DATE_LIKE)
def test_no_explanation_for_dates_and_non_dates(text: str) -> None:
    assert explain_date(text) is None


@pytest.mark.parametrize(
    ("text", "tz", "expected"), DATETIME_CASES, ids=[c[0] for c in DATETIME_CASES]
)
def test_parse_datetime(text: str, tz: str, expected: dt.datetime) -> None:
    found = parse_datetime(text, tz)
    assert found is not None
    assert found == expected
    assert found.utcoffset() == expected.utcoffset()


def test_local_time_stays_local_across_dst() -> None:
    summer = parse_datetime("2021-07-01 09:00", "Europe/Berlin")
    winter = parse_datetime("2021-01-01 09:00", "Europe/Berlin")
    assert summer is not None and winter is not None
    assert (summer.hour, winter.hour) == (9, 9)
    assert summer.utcoffset() == dt.timedelta(hours=2)
    assert winter.utcoffset() == dt.timedelta(hours=1)


@pytest.mark.parametrize(
    ("text", "tz"), DATETIME_NEGATIVE_CASES, ids=[c[0] for c in DATETIME_NEGATIVE_CASES]
)
def test_parse_datetime_negatives(text: str, tz: str) -> None:
    assert parse_datetime(text, tz) is None


@pytest.mark.parametrize(("name", "day"), FILENAME_CASES, ids=[c[0] for c in FILENAME_CASES])
def test_parse_filename_date(name: str, day: dt.date | None) -> None:
    assert parse_filename_date(name) == day


@pytest.mark.parametrize(
    ("value", "tz", "day"), DATE_VALUE_CASES, ids=[repr(c[0]) for c in DATE_VALUE_CASES]
)
def test_date_from_value(value: object, tz: str, day: dt.date | None) -> None:
    assert date_from_value(value, tz) == day


@pytest.mark.parametrize(
    ("value", "tz", "iso"), DATETIME_VALUE_CASES, ids=[repr(c[0]) for c in DATETIME_VALUE_CASES]
)
def test_datetime_from_value(value: object, tz: str, iso: str) -> None:
    found = datetime_from_value(value, tz)
    assert found is not None
    assert found.isoformat() == iso


def test_toml_local_datetime_is_read_in_tz() -> None:
    loaded = tomllib.loads("date = 2021-03-05T09:30:00\nday = 2021-03-05\n")
    found = datetime_from_value(loaded["date"], "Asia/Shanghai")
    assert found == dt.datetime(2021, 3, 5, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert date_from_value(loaded["day"]) == D(2021, 3, 5)


@given(st.dates())
def test_iso_date_round_trips(day: dt.date) -> None:
    assert parse_date(day.isoformat()) == day


_OFFSETS = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)


@given(st.datetimes(timezones=_OFFSETS))
def test_iso_datetime_round_trips_with_its_offset(moment: dt.datetime) -> None:
    found = parse_datetime(moment.isoformat())
    assert found == moment
    assert found is not None and found.utcoffset() == moment.utcoffset()


@given(st.text())
def test_text_never_raises_and_parse_agrees_with_explain(text: str) -> None:
    day = parse_date(text)
    moment = parse_datetime(text, "Asia/Shanghai")
    parse_filename_date(text)
    if day is not None:
        assert explain_date(text) is None
        assert moment is not None and moment.date() == day
    else:
        assert moment is None


@given(st.text(), st.text())
def test_any_zone_name_never_raises(text: str, tz: str) -> None:
    moment = parse_datetime(text, tz)
    assert moment is None or moment.tzinfo is not None


_ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.text(),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=_OFFSETS),
    st.times(),
    st.timedeltas(),
    st.lists(st.integers() | st.text() | st.dates(), max_size=3),
    st.dictionaries(st.text(), st.integers(), max_size=2),
)


@given(_ANY_VALUE, st.sampled_from(["UTC", "Asia/Shanghai", "America/New_York", "Nope/Zone", ""]))
def test_any_value_never_raises(value: object, tz: str) -> None:
    day = date_from_value(value, tz)
    moment = datetime_from_value(value, tz)
    assert day is None or isinstance(day, dt.date)
    assert moment is None or moment.tzinfo is not None
