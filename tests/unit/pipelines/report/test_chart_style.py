"""Show colours that stay put across builds, never shared within a chart, and legends that
fold the smallest shows into "other shows"."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from pipelines.report.chart_style import (
    LEGEND_MAX,
    OTHER,
    PALETTE,
    fold_shows,
    legend_groups,
    show_colours,
)


def episodes(shows: dict[str, int]) -> pd.DataFrame:
    """``shows``: name → episodes; show k's first episode is in year 2000 + k."""
    rows = []
    for k, (show, n) in enumerate(shows.items()):
        rows += [
            {"show_name": show, "published_date": dt.date(2000 + k, 1, 1 + i)} for i in range(n)
        ]
    return pd.DataFrame(rows)


SHOWS = {"Kettle & Kernel": 5, "慢车道": 4, "Bench Notes": 3, "Field Notes": 2, "Commit Log": 1}


def test_every_show_of_a_chart_has_its_own_colour() -> None:
    many = {f"Show {k}": 1 for k in range(len(PALETTE))}
    colours = show_colours(episodes(many))
    assert len(set(colours.values())) == len(PALETTE)


@pytest.mark.parametrize(
    ("case", "change"),
    [
        ("a new show arrives", lambda s: {**s, "Night Market Makers": 2}),
        ("a show gets more episodes", lambda s: {**s, "Commit Log": 9}),
        (
            "a show ends and is deleted",
            lambda s: {k: v for k, v in s.items() if k != "Field Notes"},
        ),
    ],
)
def test_colours_stay_across_builds(case: str, change: object) -> None:
    before = show_colours(episodes(SHOWS))
    after = show_colours(episodes(change(SHOWS)))  # type: ignore[operator]
    assert {s: c for s, c in after.items() if s in before} == {
        s: before[s] for s in after if s in before
    }, case


def test_long_legends_fold_the_smallest_shows_into_other() -> None:
    shows = {f"Show {k:02d}": 20 - k for k in range(16)}
    folded = fold_shows(episodes(shows))
    named = set(folded["legend"]) - {OTHER}
    assert len(named) == LEGEND_MAX and named == {f"Show {k:02d}" for k in range(LEGEND_MAX)}
    groups = legend_groups(episodes(shows))
    assert [g[0] for g in groups][-1] == OTHER and len(groups) == LEGEND_MAX + 1


def test_one_show_more_than_the_limit_is_not_folded() -> None:
    shows = {f"Show {k}": 1 for k in range(LEGEND_MAX + 1)}
    assert OTHER not in set(fold_shows(episodes(shows))["legend"])
