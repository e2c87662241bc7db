"""Note dates: source precedence, conflicts, created/updated (titles: test_note_titles)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from tests.seed_notes import SEED_000_HEAD as SEED_000
from tests.seed_notes import SEED_004_HEAD as SEED_004
from transforms.issues import Issue
from transforms.properties.body import find_body_fields
from transforms.properties.fields import find_inline_fields
from transforms.properties.frontmatter import split_frontmatter
from transforms.properties.lookup import Properties
from transforms.properties.note_facts import Dated, note_dates

UTC = dt.UTC
MTIME = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


def _parts(note: str) -> tuple[Properties, str]:
    """Properties (front matter, then inline fields) and body of a whole small note."""
    fm = split_frontmatter(note)
    fields = find_inline_fields(fm.body) + find_body_fields(fm.body)
    return Properties(fm.metadata, fm.key_lines, fields, fm.nested_lines), fm.body


def _dates(
    note: str, path: str = "x.md", tz: str = "UTC", mtime: dt.datetime | None = None
) -> tuple[Dated, list[Issue]]:
    props, _ = _parts(note)
    return note_dates(props, path, tz, mtime)


# ---- note dates -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DateCase:
    note: str
    path: str
    note_date: dt.date | None
    source: str | None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    tz: str = "UTC"
    warnings: list[tuple[int | None, list[str]]] = field(default_factory=list)


DATE_SEED_CASES: list[DateCase] = [
    # The created date (Feb 22) differs from the published date: that is no conflict.
    DateCase(
        SEED_000,
        "podcast/119.md",
        dt.date(2021, 3, 5),
        "inline:published",
        created_at=dt.datetime(2021, 2, 22, 23, 9, 27, 450000, tzinfo=UTC),
        updated_at=dt.datetime(2022, 4, 5, 15, 36, 44, 404000, tzinfo=UTC),
    ),
    # A bare Hexo date is no creation time; updated falls back to the file time.
    DateCase(
        SEED_004, "founders/mike.md", dt.date(2023, 1, 16), "frontmatter:date", updated_at=MTIME
    ),
]

DATE_REAL_FORMAT_CASES: list[DateCase] = [
    DateCase("", "journal/2023-05-07.md", dt.date(2023, 5, 7), "file_name", updated_at=MTIME),
    DateCase("", "zettel/202103051230 Idea.md", dt.date(2021, 3, 5), "file_name", updated_at=MTIME),
    # Jekyll: the file-name date and the front-matter date agree.
    DateCase(
        "---\ndate: 2021-03-05\n---\n",
        "_posts/2021-03-05-building.md",
        dt.date(2021, 3, 5),
        "frontmatter:date",
        updated_at=MTIME,
    ),
    # Hugo: a full datetime is also the creation time, offset kept.
    DateCase(
        "---\ndate: 2022-11-03 07:30:00 +0100\n---\n",
        "x.md",
        dt.date(2022, 11, 3),
        "frontmatter:date",
        created_at=dt.datetime(2022, 11, 3, 7, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        updated_at=MTIME,
    ),
    # A naive time is read in the vault's zone.
    DateCase(
        "---\ndate: '2023/1/16 10:30'\n---\n",
        "x.md",
        dt.date(2023, 1, 16),
        "frontmatter:date",
        created_at=dt.datetime(2023, 1, 16, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        updated_at=MTIME,
        tz="Asia/Shanghai",
    ),
    # Jekyll's `published: true` is not a date; `date` is used.
    DateCase(
        "---\npublished: true\ndate: 2022-04-23\n---\n",
        "x.md",
        dt.date(2022, 4, 23),
        "frontmatter:date",
        updated_at=MTIME,
    ),
    DateCase(
        "---\npubDate: Fri, 05 Mar 2021 09:00:00 +0000\n---\n",
        "x.md",
        dt.date(2021, 3, 5),
        "frontmatter:pubdate",
        updated_at=MTIME,
    ),
    DateCase(
        "---\n发布日期: 2023年1月16日\n更新时间: 2023-02-01 08:00:00\n---\n",
        "x.md",
        dt.date(2023, 1, 16),
        "frontmatter:发布日期",
        updated_at=dt.datetime(2023, 2, 1, 8, 0, tzinfo=UTC),
    ),
    DateCase("Date:: [[2021-03-05]]\n", "x.md", dt.date(2021, 3, 5), "inline:date"),
    # Only a creation time: it gives the note date too.
    DateCase(
        "---\ncreated: 2021-02-22 10:00\n---\n",
        "x.md",
        dt.date(2021, 2, 22),
        "frontmatter:created",
        created_at=dt.datetime(2021, 2, 22, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        tz="Asia/Shanghai",
    ),
    # The creation day may differ from the note date without a warning.
    DateCase(
        "---\ndate: 2021-03-05\ncreated: 2020-12-31T22:00:00Z\n---\n",
        "x.md",
        dt.date(2021, 3, 5),
        "frontmatter:date",
        created_at=dt.datetime(2020, 12, 31, 22, 0, tzinfo=UTC),
    ),
    # updated_at: the first update key wins over the file time.
    DateCase(
        "---\nlastmod: 2022-04-05\n---\n",
        "x.md",
        None,
        None,
        updated_at=dt.datetime(2022, 4, 5, tzinfo=UTC),
    ),
    DateCase(
        "---\nmodified: 2022-04-05T15:36:44\n---\n",
        "x.md",
        None,
        None,
        updated_at=dt.datetime(2022, 4, 5, 15, 36, 44, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        tz="Europe/Berlin",
    ),
]

# Two sources more than a day apart: the first is kept, one warning names both and the
# line of the second. A day apart is no conflict: a time zone moves a date by one.
DATE_CONFLICT_CASES: list[DateCase] = [
    DateCase(
        "---\ndate: 2021-03-05\n---\n",
        "_posts/2021-03-07-x.md",
        dt.date(2021, 3, 5),
        "frontmatter:date",
        warnings=[(None, ["2021-03-05", "frontmatter:date", "2021-03-07", "file_name"])],
    ),
    DateCase(
        "---\ndate: 2021-03-05\n---\n",
        "_posts/2021-03-06-x.md",
        dt.date(2021, 3, 5),
        "frontmatter:date",
    ),
    DateCase(
        "---\ndate: 2021-03-05\n---\n\n**Published**:: 2021-03-07\n",
        "x.md",
        dt.date(2021, 3, 5),
        "frontmatter:date",
        warnings=[(5, ["2021-03-05", "2021-03-07", "inline:published"])],
    ),
    DateCase(
        "---\ndate: 2021-03-05\npublished: 2021-03-02\n---\n",
        "x.md",
        dt.date(2021, 3, 5),
        "frontmatter:date",
        warnings=[(3, ["2021-03-02", "frontmatter:published"])],
    ),
    # Three sources, two of them wrong: one warning, not two.
    DateCase(
        "---\ndate: 2021-03-05\n---\nDate:: 2021-03-09\n",
        "2021-03-08 x.md",
        dt.date(2021, 3, 5),
        "frontmatter:date",
        warnings=[(4, ["2021-03-09", "inline:date"])],
    ),
]

# Nothing dated: every column empty but updated_at, which falls back to the file time.
DATE_NEGATIVE_CASES: list[DateCase] = [
    DateCase("", "notes/idea.md", None, None, updated_at=MTIME),
    DateCase("Some text from 2021-03-05.\n", "notes/idea.md", None, None, updated_at=MTIME),
    DateCase("---\ndate: TBD\n---\n", "notes/idea.md", None, None, updated_at=MTIME),
    DateCase("", "notes/119-title.md", None, None, updated_at=MTIME),
]

DATE_BUGS_CAUGHT: list[DateCase] = [
    # A bare date starting with a weekday ("Tue") was taken for a datetime because it has a "T".
    DateCase(
        "---\ndate: Tue, 16 Jan 2023\n---\n",
        "x.md",
        dt.date(2023, 1, 16),
        "frontmatter:date",
        created_at=None,
    ),
    # A date that cannot be read was dropped without a word.
    DateCase(
        "---\ndate: 03/04/2023\n---\n",
        "x.md",
        None,
        None,
        warnings=[(2, ["03/04/2023", "ambiguous"])],
    ),
    DateCase(
        "---\ntitle: x\ndate: 2023-02-30\n---\n",
        "2023-02-03 x.md",
        dt.date(2023, 2, 3),
        "file_name",
        warnings=[(3, ["2023-02-30", "no day 30"])],
    ),
]

ALL_DATE_CASES = (
    DATE_SEED_CASES
    + DATE_REAL_FORMAT_CASES
    + DATE_CONFLICT_CASES
    + DATE_NEGATIVE_CASES
    + DATE_BUGS_CAUGHT
)


@pytest.mark.parametrize(
    "case", ALL_DATE_CASES, ids=[f"{c.note[:40]}|{c.path}" for c in ALL_DATE_CASES]
)
def test_note_dates(case: DateCase) -> None:
    mtime = case.updated_at if case.updated_at is MTIME else None
    dated, issues = _dates(case.note, case.path, case.tz, mtime)
    assert (dated.note_date, dated.source) == (case.note_date, case.source)
    assert dated.created_at == case.created_at
    assert dated.updated_at == case.updated_at
    for value, expected in (
        (dated.created_at, case.created_at),
        (dated.updated_at, case.updated_at),
    ):
        if expected is not None:
            assert value is not None and value.utcoffset() == expected.utcoffset()
    assert [i.line for i in issues] == [line for line, _ in case.warnings]
    for issue, (_, words) in zip(issues, case.warnings, strict=True):
        assert (issue.severity, issue.stage) == ("warning", "dates")
        for word in words:
            assert word in issue.message


def test_file_time_is_only_a_fallback() -> None:
    dated, _ = _dates("---\nupdated: 2022-01-01\n---\n", mtime=MTIME)
    assert dated.updated_at == dt.datetime(2022, 1, 1, tzinfo=UTC)
    dated, _ = _dates("", mtime=MTIME)
    assert dated.updated_at == MTIME
