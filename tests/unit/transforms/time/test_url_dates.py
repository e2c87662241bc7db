"""Dates in the path of a web address (a clipping's ``source``, a post's ``url``)."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.time.url_dates import parse_url_date

REAL_FORMAT_CASES: list[tuple[str, dt.date | None]] = [
    ("https://blog.example/2023/05/12/slow-month/", dt.date(2023, 5, 12)),
    ("https://blog.example/2023/5/2/slow-month", dt.date(2023, 5, 2)),
    ("https://blog.example/posts/2023-05-12-slow-month", dt.date(2023, 5, 12)),
    ("https://notes.example/share/tidy-desk-20260731.html", dt.date(2026, 7, 31)),
    ("<https://blog.example/2019/01/02/x>", dt.date(2019, 1, 2)),
    ("http://news.example/2001/09/30", dt.date(2001, 9, 30)),
]

NEGATIVE_CASES: list[tuple[str, dt.date | None]] = [
    ("https://blog.example/2023/05/", None),  # a month archive, no day
    ("https://blog.example/about-1955-proposal", None),  # a year in a slug
    ("https://x.example/item?date=2023-05-12", None),  # the query is not the path
    ("https://2023-05-12.example/x", None),  # nor is the host
    ("https://blog.example/2023/02/30/x", None),  # no such day
    ("https://x.example/status/1652023051212345", None),  # a long number, an id
    ("https://x.example/p/20231345", None),  # month 13
    ("2023/05/12/slug", None),  # not an address
    ("", None),
]


@pytest.mark.parametrize(("url", "day"), REAL_FORMAT_CASES + NEGATIVE_CASES)
def test_parse_url_date(url: str, day: dt.date | None) -> None:
    assert parse_url_date(url) == day
