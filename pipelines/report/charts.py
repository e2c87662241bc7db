"""The dashboard's charts: plotly figures built from the Parquet marts.

Every string that comes from a note goes through :func:`plot_text` before it
reaches a figure. plotly.js reads a small set of HTML-like tags in text
(``<b>``, ``<a href=…>``, ``<br>``) and decodes entities, so escaping ``&``,
``<`` and ``>`` makes a title such as ``<script>alert(1)</script>`` appear
exactly as written, as text.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pyarrow as pa

from pipelines.report.chart_style import FONT_STACK, PALETTE, legend_groups

TOP_PEOPLE = 15
TOP_SUBJECTS = 8  # lines in the revenue chart: a legend a reader can still follow


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    caption: str
    mart: str  # the one mart it is drawn from
    figure: str | None  # the plotly figure as JSON; None when the warehouse has no rows for it


def plot_text(value: object) -> str:
    """A note's string as plotly text that shows exactly as written.

    >>> plot_text("<script>alert(1)</script>")
    '&lt;script&gt;alert(1)&lt;/script&gt;'
    >>> plot_text("Kettle & Kernel")
    'Kettle &amp; Kernel'
    >>> plot_text(None)
    ''
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=False)


def _layout(fig: go.Figure, **extra: object) -> go.Figure:
    layout: dict[str, object] = {
        "template": "plotly_white",
        "colorway": PALETTE,
        "font": {"family": FONT_STACK, "size": 12},
        "margin": {"l": 56, "r": 16, "t": 8, "b": 40},
        "height": 340,
        # the legend above the plot, so tick labels below never run into it
        "legend": {
            "orientation": "h",
            "y": 1.02,
            "yanchor": "bottom",
            "x": 0,
            "traceorder": "normal",  # largest show first, "other shows" last, stacked or not
        },
        "hoverlabel": {"align": "left", "font": {"family": FONT_STACK}},
    }
    merged = {**layout, **extra}
    for axis in ("xaxis", "yaxis"):  # margins grow to fit the tick labels and titles
        given = merged.get(axis)
        merged[axis] = {"automargin": True, **(given if isinstance(given, dict) else {})}
    fig.update_layout(**merged)
    return fig


def episodes_per_year(episodes: pd.DataFrame) -> go.Figure | None:
    dated = episodes.dropna(subset=["episode_year"])
    if dated.empty:
        return None
    years = sorted(int(y) for y in dated["episode_year"].unique())
    fig = go.Figure()
    for show, colour, group in legend_groups(episodes, dated):
        rows = group.groupby("episode_year").size().reset_index(name="n")
        fig.add_bar(
            name=plot_text(show),
            marker={"color": colour},
            x=[str(int(y)) for y in rows["episode_year"]],
            y=rows["n"].tolist(),
            hovertemplate="%{x}: %{y} episodes<extra>%{fullData.name}</extra>",
        )
    return _layout(
        fig,
        barmode="stack",
        xaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": [str(y) for y in years],
        },
        yaxis={"title": {"text": "episodes"}, "tickformat": "d"},
    )


def duration_distribution(episodes: pd.DataFrame) -> go.Figure | None:
    timed = episodes.dropna(subset=["duration_minutes"])
    if timed.empty:
        return None
    fig = go.Figure()
    for show, colour, rows in legend_groups(episodes, timed):
        fig.add_histogram(
            name=plot_text(show),
            marker={"color": colour},
            x=rows["duration_minutes"].round(1).to_numpy(dtype=float),
            xbins={"size": 5},
            hovertemplate="%{x} min: %{y} episodes<extra>%{fullData.name}</extra>",
        )
    return _layout(
        fig,
        barmode="stack",
        xaxis={"title": {"text": "duration (minutes, 5-minute bins)"}},
        yaxis={"title": {"text": "episodes"}, "tickformat": "d"},
    )


def chapters_per_episode(episodes: pd.DataFrame) -> go.Figure | None:
    rows = episodes[episodes["chapters"] > 0].dropna(subset=["duration_minutes"])
    if rows.empty:
        return None
    fig = go.Figure()
    for show, colour, group in legend_groups(episodes, rows):
        fig.add_scatter(
            name=plot_text(show),
            mode="markers",
            # NumPy arrays: plotly checks a list element by element, an array at once
            x=group["duration_minutes"].round(1).to_numpy(dtype=float),
            y=group["chapters"].to_numpy(),
            marker={
                "size": 11,
                "opacity": 0.85,
                "color": colour,
                "line": {"width": 1, "color": "white"},
            },
            text=np.array([plot_text(t) for t in group["title"]], dtype=str),
            customdata=group["mean_chapter_seconds"].round(0).to_numpy(dtype=float),
            hovertemplate="%{text}<br>%{y} chapters in %{x} min"
            "<br>mean chapter %{customdata} s<extra>%{fullData.name}</extra>",
        )
    return _layout(
        fig,
        xaxis={"title": {"text": "episode length (minutes)"}},
        yaxis={"title": {"text": "chapters"}, "rangemode": "tozero"},
    )


def people_leaderboard(people: pd.DataFrame) -> go.Figure | None:
    if people.empty:
        return None
    totals = people.groupby("person_id")["notes"].sum().sort_values(ascending=False)
    top = people[people["person_id"].isin(totals.index[:TOP_PEOPLE])]
    order = [pid for pid in totals.index[:TOP_PEOPLE]][::-1]
    names = dict(zip(top["person_id"], top["name"], strict=False))
    fig = go.Figure()
    for role, rows in top.groupby("role"):
        by_person = dict(zip(rows["person_id"], rows["notes"], strict=True))
        fig.add_bar(
            name=plot_text(role),
            orientation="h",
            y=[plot_text(names[pid]) for pid in order],
            x=[int(by_person.get(pid, 0)) for pid in order],
            hovertemplate="%{y}: %{x} notes<extra>%{fullData.name}</extra>",
        )
    return _layout(
        fig,
        barmode="stack",
        height=max(340, 26 * len(order) + 90),
        margin={"l": 170, "r": 16, "t": 8, "b": 48},
        xaxis={"title": {"text": "notes"}},
    )


def top_revenue_rows(revenue: pa.Table | Path) -> pa.Table:
    """The rows of the revenue mart that ``revenue_timeline`` draws: dated, annualised, of
    the TOP_SUBJECTS (subject, currency) pairs with the most dated points. Done in DuckDB on
    the Arrow table or straight on the mart's Parquet file, so a large mart is never read
    into a pandas frame whole. The top pairs come from three columns first; only their rows
    are then read whole (2–3 × faster on a 1M-row mart than filtering every column first)."""
    con = duckdb.connect()
    try:
        if isinstance(revenue, Path):
            quoted = str(revenue).replace("'", "''")
            con.execute(f"CREATE VIEW revenue AS SELECT * FROM read_parquet('{quoted}')")
        else:
            con.register("revenue", revenue)
        return con.sql(
            f"""
            with top as (
                select subject, currency from revenue
                where note_date is not null and annualized_amount is not null
                  and subject is not null and currency is not null
                group by all
                order by count(distinct note_date) desc, subject, currency
                limit {TOP_SUBJECTS}
            )
            select * from revenue semi join top using (subject, currency)
            where note_date is not null and annualized_amount is not null
            """
        ).to_arrow_table()
    finally:
        con.close()


def revenue_timeline(revenue: pd.DataFrame) -> go.Figure | None:
    """One line per subject and currency, of the rows ``top_revenue_rows`` chose."""
    rows = revenue.dropna(subset=["note_date", "annualized_amount"]).copy()
    if rows.empty:
        return None
    rows["annual"] = rows["annualized_amount"].astype(float)
    rows["figure"] = [
        f"{plot_text(m)}: {plot_text(t)}" for m, t in zip(rows["metric"], rows["text"], strict=True)
    ]
    # one point per note: its largest annualised figure, the others listed in the hover
    points = (
        rows.sort_values("annual", ascending=False)
        .groupby(["subject", "currency", "note_date"], as_index=False)
        .agg(annual=("annual", "first"), figures=("figure", "<br>".join))
    )
    fig = go.Figure()
    for (subject, currency), group in points.groupby(["subject", "currency"]):
        group = group.sort_values("note_date")
        fig.add_scatter(
            name=plot_text(f"{subject} ({currency})"),
            mode="lines+markers",
            x=[d.isoformat() for d in group["note_date"]],
            y=group["annual"].tolist(),
            marker={"size": 9},
            text=group["figures"].tolist(),
            hovertemplate="%{x}<br>%{y:,.0f} a year<br>%{text}<extra>%{fullData.name}</extra>",
        )
    return _layout(
        fig,
        height=380,
        xaxis={"title": {"text": "note date"}, "type": "date"},
        yaxis={
            "title": {"text": "a year, as reported"},
            "type": "log",
            "dtick": 1,
            "tickformat": "~s",
        },
    )


def issues_per_run(issues: pd.DataFrame) -> go.Figure | None:
    if issues.empty:
        return None
    counts = issues.groupby(["run_started_utc", "severity"]).size().reset_index(name="n")
    fig = go.Figure()
    colors = {"error": "#b5485d", "warning": "#c9a227"}
    for severity, rows in counts.groupby("severity"):
        fig.add_bar(
            name=plot_text(severity),
            x=[t.strftime("%m-%d %H:%M") for t in rows["run_started_utc"]],
            y=rows["n"].tolist(),
            marker={"color": colors.get(str(severity), "#7d62a8")},
            hovertemplate="run %{x}: %{y} issues<extra>%{fullData.name}</extra>",
        )
    return _layout(
        fig,
        barmode="stack",
        height=300,
        xaxis={
            "type": "category",
            "title": {"text": "run started (UTC, month-day hour:minute)"},
            "tickangle": -40,
        },
        yaxis={"title": {"text": "issues"}, "tickformat": "d"},
    )


CHARTS: list[tuple[str, str, str, str, Callable[[pd.DataFrame], go.Figure | None]]] = [
    ("episodes_per_year", "Episodes per year", "episode_facts", "by show", episodes_per_year),
    (
        "duration_distribution",
        "Episode length",
        "episode_facts",
        "how long episodes run, by show",
        duration_distribution,
    ),
    (
        "chapters_per_episode",
        "Chapters per episode",
        "episode_facts",
        "one point per episode: its length and its chapter count",
        chapters_per_episode,
    ),
    (
        "people_leaderboard",
        "People leaderboard",
        "people_leaderboard",
        f"the {TOP_PEOPLE} people in the most notes, by role",
        people_leaderboard,
    ),
    (
        "revenue_timeline",
        "Revenue per founder",
        "revenue_facts",
        "revenue, ARR and MRR figures, annualised, one line per subject and currency "
        f"(the {TOP_SUBJECTS} with the most dated figures); no exchange rate is applied",
        revenue_timeline,
    ),
    (
        "issues_per_run",
        "Issues per run",
        "run_issues",
        "problems found while reading notes, in the runs kept",
        issues_per_run,
    ),
]


def build_charts(
    marts: Mapping[str, pd.DataFrame], known: Mapping[str, str | None] | None = None
) -> list[Chart]:
    """Every dashboard chart, from the marts (a missing or empty mart gives an empty chart).
    A chart in ``known`` (its key → its figure's JSON, drawn before from the same mart) is
    not drawn again."""
    known = known or {}
    charts = []
    for key, title, mart, caption, build in CHARTS:
        if key in known:
            figure = known[key]
        else:
            frame = marts.get(mart)
            drawn = build(frame) if frame is not None and not frame.empty else None
            figure = None if drawn is None else pio.to_json(drawn, validate=False)
        charts.append(Chart(key, title, caption, mart, figure))
    return charts
