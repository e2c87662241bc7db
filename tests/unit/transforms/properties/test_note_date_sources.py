"""Where a note's date comes from: body date lines, dated file names, source addresses,
creation keys and epoch values; each with its source, line and raw text. One row per
shape seen in real archives, written in our own words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from transforms.properties.body import find_body_fields
from transforms.properties.fields import find_inline_fields
from transforms.properties.frontmatter import split_frontmatter
from transforms.properties.lookup import Properties
from transforms.properties.note_facts import note_dates


@dataclass(frozen=True)
class SourceCase:
    note: str
    path: str
    note_date: dt.date | None
    source: str | None
    line: int | None = None
    text: str | None = None
    warned: bool = False


def _run(case: SourceCase) -> None:
    fm = split_frontmatter(case.note)
    fields = find_inline_fields(fm.body) + find_body_fields(fm.body)
    props = Properties(fm.metadata, fm.key_lines, fields, fm.nested_lines)
    dated, issues = note_dates(props, case.path, "UTC", None)
    assert (dated.note_date, dated.source) == (case.note_date, case.source)
    assert (dated.line, dated.text) == (case.line, case.text)
    assert [i.stage for i in issues] == (["dates"] if case.warned else [])


FILE_NAME_CASES: list[SourceCase] = [
    SourceCase(
        "A slow month.\n",
        "_posts/2016-02-03-a-slow-month.markdown",
        dt.date(2016, 2, 3),
        "file_name",
        None,
        "2016-02-03-a-slow-month.markdown",
    ),
    SourceCase(
        "# Tue\n",
        "01_dailies/2025/12/20251223.md",
        dt.date(2025, 12, 23),
        "file_name",
        None,
        "20251223.md",
    ),
    SourceCase("", "Daily/2024-04-08.md", dt.date(2024, 4, 8), "file_name", None, "2024-04-08.md"),
    # A number that is no date: an episode number, a year and a slug.
    SourceCase("", "posts/119-moss.md", None, None),
    SourceCase("", "Notes/2023 Japan Trip.md", None, None),
]

FRONTMATTER_CASES: list[SourceCase] = [
    SourceCase(
        "---\ndate: 2024/04/08\n---\n",
        "posts/99-x.md",
        dt.date(2024, 4, 8),
        "frontmatter:date",
        2,
        "2024/04/08",
    ),
    # Epoch milliseconds, as some exporters write them.
    SourceCase(
        "---\ndate: 1714521600000\n---\n",
        "x.md",
        dt.date(2024, 5, 1),
        "frontmatter:date",
        2,
        "1714521600000",
    ),
    SourceCase(
        "---\nDate: 2022-03-26\n---\n",
        "content/episode/x.md",
        dt.date(2022, 3, 26),
        "frontmatter:date",
        2,
        "2022-03-26",
    ),
    SourceCase(
        "---\npublishDate: 2020-06-01\n---\n",
        "x.md",
        dt.date(2020, 6, 1),
        "frontmatter:publishdate",
        2,
        "2020-06-01",
    ),
    SourceCase(
        "---\nair_date: 2019-10-10\n---\n",
        "x.md",
        dt.date(2019, 10, 10),
        "frontmatter:air_date",
        2,
        "2019-10-10",
    ),
    # Obsidian: `published` beats `created`; `datecreated` counts when nothing else is there.
    SourceCase(
        "---\ncreated: 2023-09-13\npublished: 2021-04-15\n---\n",
        "References/x.md",
        dt.date(2021, 4, 15),
        "frontmatter:published",
        3,
        "2021-04-15",
    ),
    SourceCase(
        "---\ndatecreated: 2025-12-25T09:40:00\n---\n# CRUD\n",
        "02_notes/crud.md",
        dt.date(2025, 12, 25),
        "frontmatter:datecreated",
        2,
        "2025-12-25T09:40:00",
    ),
    # Obsidian Publish's flag is no date; `last`, a trip's `start`/`end` are not the note's date.
    SourceCase(
        "---\npublished: true\ncreated: 2022-01-05\n---\n",
        "x.md",
        dt.date(2022, 1, 5),
        "frontmatter:created",
        3,
        "2022-01-05",
    ),
    SourceCase(
        "---\nlast: 2024-02-01\nstart: 2023-04-01\nend: 2023-04-20\n---\n",
        "Notes/Trip.md",
        None,
        None,
    ),
]

BODY_LINE_CASES: list[SourceCase] = [
    SourceCase(
        "- **Publication Date:** 2021-03-05\n",
        "x.md",
        dt.date(2021, 3, 5),
        "body:publication_date",
        1,
        "2021-03-05",
    ),
    # A letter whose lower case is longer ("İ") must not shift the line found.
    SourceCase(
        "İzmir trip\n\nDate: 2024-07-17\n",
        "x.md",
        dt.date(2024, 7, 17),
        "body:date",
        3,
        "2024-07-17",
    ),
    SourceCase(
        "# Notes\n\nDate: July 17, 2024\n",
        "x.md",
        dt.date(2024, 7, 17),
        "body:date",
        3,
        "July 17, 2024",
    ),
    SourceCase(
        "- **Date:** July 17, 2024\n- **Guest:** Ona\n",
        "x.md",
        dt.date(2024, 7, 17),
        "body:date",
        1,
        "July 17, 2024",
    ),
    SourceCase(
        "* Air Date: March 3, 2022\n",
        "x.md",
        dt.date(2022, 3, 3),
        "body:air_date",
        1,
        "March 3, 2022",
    ),
    SourceCase(
        "**Published**: 2021-03-05\n",
        "x.md",
        dt.date(2021, 3, 5),
        "body:published",
        1,
        "2021-03-05",
    ),
    SourceCase(
        "日期：2023年1月16日\n", "x.md", dt.date(2023, 1, 16), "body:日期", 1, "2023年1月16日"
    ),
    # The front matter comes first; a body line more than a day away is a conflict.
    SourceCase(
        "---\ndate: 2024-07-17\n---\nDate: July 20, 2024\n",
        "x.md",
        dt.date(2024, 7, 17),
        "frontmatter:date",
        2,
        "2024-07-17",
        warned=True,
    ),
    SourceCase(
        "Date: July 20, 2024\n",
        "2024-07-17-x.md",
        dt.date(2024, 7, 20),
        "body:date",
        1,
        "July 20, 2024",
        warned=True,
    ),
]

BODY_LINE_NEGATIVE_CASES: list[SourceCase] = [
    # A log with two different `Date:` lines has no one date.
    SourceCase("Date: 2024-01-02\nran\n\nDate: 2024-02-03\nran\n", "log.md", None, None),
    # Quoted, in code, prose after the date, an update line: not the note's date.
    SourceCase("> Date: 2024-01-02\n", "x.md", None, None),
    SourceCase("```\nDate: 2024-01-02\n```\n", "x.md", None, None),
    SourceCase("Date: 2024-01-02 was the day we met\n", "x.md", None, None),
    SourceCase("Updated: 2024-01-02\nDue date: 2024-03-01\n", "x.md", None, None),
]

SOURCE_URL_CASES: list[SourceCase] = [
    SourceCase(
        "---\nsource: https://blog.example/2023/05/12/slow-month/\n---\n",
        "Clippings/x.md",
        dt.date(2023, 5, 12),
        "source_url",
        2,
        "https://blog.example/2023/05/12/slow-month/",
    ),
    SourceCase(
        "---\nurl: https://notes.example/share/tidy-desk-20260731.html\n---\n",
        "x.md",
        dt.date(2026, 7, 31),
        "source_url",
        2,
        "https://notes.example/share/tidy-desk-20260731.html",
    ),
    # After the note's own dates, before its creation day; never a conflict.
    SourceCase(
        "---\ndate: 2024-05-06\nsource: https://blog.example/2019/01/02/x\n---\n",
        "x.md",
        dt.date(2024, 5, 6),
        "frontmatter:date",
        2,
        "2024-05-06",
    ),
    SourceCase(
        "---\ncreated: 2024-05-06\nsource: https://blog.example/2019/01/02/x\n---\n",
        "x.md",
        dt.date(2019, 1, 2),
        "source_url",
        3,
        "https://blog.example/2019/01/02/x",
    ),
    SourceCase("---\nsource: https://blog.example/about-1955-proposal\n---\n", "x.md", None, None),
]

ALL_SOURCE_CASES = (
    FILE_NAME_CASES
    + FRONTMATTER_CASES
    + BODY_LINE_CASES
    + BODY_LINE_NEGATIVE_CASES
    + SOURCE_URL_CASES
)


@pytest.mark.parametrize(
    "case", ALL_SOURCE_CASES, ids=[f"{c.note[:40]}|{c.path}" for c in ALL_SOURCE_CASES]
)
def test_note_date_source(case: SourceCase) -> None:
    _run(case)


BODY_LINE_CASES: list[tuple[str, dt.date | None, str | None, int | None]] = [
    ("# Moss\n\n- Date: July 17, 2024\n", dt.date(2024, 7, 17), "body:date", 3),
    ("- **Air Date:** March 3, 2022\n- **Guest:** Ona\n", dt.date(2022, 3, 3), "body:air_date", 1),
    # two body dates that disagree name no day
    ("- Date: 2024-01-02\n- Published: 2024-02-03\n", None, None, None),
]


@pytest.mark.parametrize(("body", "day", "source", "line"), BODY_LINE_CASES)
def test_body_dates_come_through_the_lookup(
    body: str, day: dt.date | None, source: str | None, line: int | None
) -> None:
    dated, _ = note_dates(Properties({}, {}, find_body_fields(body)), "x.md", "UTC", None)
    assert (dated.note_date, dated.source, dated.line) == (day, source, line)
