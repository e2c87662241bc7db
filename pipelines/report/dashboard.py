"""The offline dashboard: one self-contained ``index.html`` built from the Parquet marts.

plotly.js is inlined, so the page opens from disk with no network. Strings from
notes are escaped twice over: as HTML in the tables, as plotly text in the
charts (see :func:`pipelines.report.charts.plot_text`), and the figure JSON never holds
a raw ``<``. A Content-Security-Policy allows only the page's own two scripts
(by hash), so even a string that slipped through could not run.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import os
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from plotly.offline import get_plotlyjs

from pipelines.report.chart_cache import cached_figures, mart_digests, save_figures
from pipelines.report.chart_style import FONT_STACK
from pipelines.report.charts import CHARTS, Chart, build_charts, top_revenue_rows

INDEX = "index.html"
TABLE_ROWS = 40
WRAPPED = {"message", "title", "path"}
# no mode bar: it sat over the data; zoom and pan still work with the mouse, and a
# double click resets the view
PLOT_CONFIG = {"displayModeBar": False, "responsive": True, "typesetMath": False}

_STYLE = """
:root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 %FONTS%;
       color: var(--ink); background: #f3f4f6; }
header { padding: 20px 28px 12px; background: #1f3a56; color: #fff; }
header h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; }
header p { margin: 0; color: #cbd5e1; }
.stats { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 12px; }
.stat { background: rgba(255,255,255,.1); border-radius: 6px; padding: 6px 12px; }
.stat b { display: block; font-size: 20px; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr));
       gap: 16px; padding: 16px 28px 32px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px;
        min-width: 0; }
.card.wide { grid-column: 1 / -1; }
.card h2 { margin: 0; font-size: 16px; font-weight: 600; }
.caption { margin: 2px 0 8px; color: var(--muted); font-size: 12.5px; }
.empty { color: var(--muted); font-style: italic; padding: 24px 0; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line);
         vertical-align: top; overflow-wrap: anywhere; }
th { color: var(--muted); font-weight: 600; background: #f9fafb; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.sev-error { color: #b5485d; font-weight: 600; }
.sev-warning { color: #8a6d00; font-weight: 600; }
""".replace("%FONTS%", FONT_STACK)

_BOOT = """
(function () {
  var figures = JSON.parse(document.getElementById("figures").textContent);
  var config = %s;
  var drawn = Object.keys(figures).map(function (key) {
    var fig = figures[key];
    return Plotly.newPlot("chart-" + key, fig.data, fig.layout, config);
  });
  Promise.all(drawn).then(function () {
    document.body.setAttribute("data-charts-rendered", String(drawn.length));
  }, function (err) { console.error("chart failed: " + err); });
})();
"""


def _safe_json(text: str) -> str:
    """JSON that cannot end a ``<script>`` element or open HTML: no raw ``<``, ``>``, ``&``.

    >>> _safe_json('{"t": "</script><b>&"}')
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def _e(value: object) -> str:
    """A value as HTML text: escaped, empty for NULL."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return html.escape(str(value), quote=True)


def _table(frame: pd.DataFrame, columns: list[tuple[str, str]], name: str) -> str:
    if frame.empty:
        return '<p class="empty">Nothing to show.</p>'
    head = "".join(f"<th>{_e(label)}</th>" for _, label in columns)
    body = []
    for row in frame.head(TABLE_ROWS).to_dict("records"):
        cells = []
        for column, _ in columns:
            value = row.get(column)
            if column == "severity":
                css = f' class="nowrap sev-{_e(value)}"'
            elif isinstance(value, int | float):
                css = ' class="num"'
            else:
                css = "" if column in WRAPPED else ' class="nowrap"'
            cells.append(f"<td{css}>{_e(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<table data-table="{name}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _chart_card(chart: Chart) -> str:
    inner = (
        f'<div class="chart" id="chart-{chart.key}" data-chart="{chart.key}"></div>'
        if chart.figure is not None
        else '<p class="empty">No data in this warehouse yet.</p>'
    )
    return (
        f'<section class="card" id="card-{chart.key}"><h2>{_e(chart.title)}</h2>'
        f'<p class="caption">{_e(chart.caption)}</p>{inner}</section>'
    )


def _stats(frames: Mapping[str, pd.DataFrame], counts: Mapping[str, int]) -> str:
    episodes = frames.get("episode_facts", pd.DataFrame())
    people = frames.get("people_leaderboard", pd.DataFrame())
    items = [
        ("notes", counts.get("note_facts", 0)),
        ("episodes", counts.get("episode_facts", 0)),
        ("shows", episodes["show_name"].nunique() if not episodes.empty else 0),
        ("people", people["person_id"].nunique() if not people.empty else 0),
        ("revenue figures", counts.get("revenue_facts", 0)),
    ]
    return "".join(f'<div class="stat"><b>{n}</b>{_e(label)}</div>' for label, n in items)


def _tables(frames: Mapping[str, pd.DataFrame]) -> str:
    issues = frames.get("run_issues", pd.DataFrame())
    if not issues.empty:
        issues = issues[issues["is_latest_run"]]
    notes = frames.get("note_facts", pd.DataFrame())
    issue_columns = [
        ("severity", "severity"),
        ("stage", "stage"),
        ("path", "file"),
        ("line", "line"),
        ("message", "message"),
    ]
    note_columns = [
        ("note_date", "date"),
        ("kind", "kind"),
        ("lang", "lang"),
        ("title", "title"),
        ("path", "file"),
        ("word_count", "words"),
    ]
    return (
        '<section class="card wide" id="card-recent_issues"><h2>Recent issues</h2>'
        '<p class="caption">problems found in the latest run; every one is also in the '
        "parse_issues table</p>"
        f"{_table(issues, issue_columns, 'recent_issues')}</section>"
        '<section class="card wide" id="card-latest_notes"><h2>Latest notes</h2>'
        f'<p class="caption">the {TABLE_ROWS} newest notes by date</p>'
        f"{_table(notes, note_columns, 'latest_notes')}</section>"
    )


def render_dashboard(
    marts: Mapping[str, pa.Table],
    built_at: dt.datetime,
    counts: Mapping[str, int] | None = None,
) -> str:
    """The whole dashboard page as one HTML string. ``marts`` are whole marts, or, with
    ``counts`` (every mart's row count), what ``dashboard_marts`` read of them."""
    if counts is None:  # whole marts: only the revenue rows its chart draws go on
        counts = {name: table.num_rows for name, table in marts.items()}
        if "revenue_facts" in marts:
            marts = {**marts, "revenue_facts": top_revenue_rows(marts["revenue_facts"])}
    frames = {name: table.to_pandas() for name, table in marts.items()}
    return _page(frames, counts, build_charts(frames), built_at)


def _page(
    frames: Mapping[str, pd.DataFrame],
    counts: Mapping[str, int],
    charts: list[Chart],
    built_at: dt.datetime,
) -> str:
    drawn = {c.key: c.figure for c in charts if c.figure is not None}
    figures = _safe_json("{" + ",".join(f'"{k}": {f}' for k, f in drawn.items()) + "}")
    plotly_js = get_plotlyjs()
    boot = _BOOT % json.dumps(PLOT_CONFIG)
    policy = (
        f"default-src 'none'; script-src {_sha256(plotly_js)} {_sha256(boot)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:"
    )
    stamp = built_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>notehouse dashboard</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<header><h1>notehouse</h1><p>built {_e(stamp)} from the Parquet marts</p>"
        f'<div class="stats">{_stats(frames, counts)}</div></header>\n<main>\n'
        + "\n".join(_chart_card(c) for c in charts)
        + f"\n{_tables(frames)}\n</main>\n"
        f'<script type="application/json" id="figures">{figures}</script>\n'
        f"<script>{plotly_js}</script>\n<script>{boot}</script>\n</body>\n</html>\n"
    )


def dashboard_marts(
    folder: Path, known: Collection[str] = ()
) -> tuple[dict[str, pa.Table], dict[str, int]]:
    """What the page needs of the marts, by name, and every mart's row count.

    Charts whose keys are in ``known`` are not drawn again, so of a mart that only such
    charts read, only what the page shows besides them is read. Of the revenue mart only
    the rows its chart draws are read (``charts.top_revenue_rows``), of ``note_facts``
    (sorted newest first) only the rows of its table.
    """
    drawing = {mart for key, _, mart, _, _ in CHARTS if key not in known}
    tables: dict[str, pa.Table] = {}
    counts: dict[str, int] = {}
    for path in sorted(folder.glob("*.parquet")):
        name = path.stem
        counts[name] = pq.ParquetFile(path).metadata.num_rows
        if name in drawing:
            slim = name == "revenue_facts"
            tables[name] = top_revenue_rows(path) if slim else pq.read_table(path)
        elif name in _SHOWN:
            tables[name] = _SHOWN[name](path)
    return tables, counts


def _first_rows(path: Path) -> pa.Table:
    parquet = pq.ParquetFile(path)
    batch = next(parquet.iter_batches(batch_size=TABLE_ROWS), None)
    return parquet.schema_arrow.empty_table() if batch is None else pa.Table.from_batches([batch])


# what the page shows of a mart besides its charts (the stats, the tables)
_SHOWN: dict[str, Callable[[Path], pa.Table]] = {
    "note_facts": _first_rows,
    "episode_facts": lambda path: pq.read_table(path, columns=["show_name"]),
    "people_leaderboard": lambda path: pq.read_table(path, columns=["person_id"]),
    "run_issues": pq.read_table,
}


def write_dashboard(
    marts_dir: Path,
    out_dir: Path,
    built_at: dt.datetime | None = None,
    reuse: Path | None = None,
) -> Path:
    """Render ``marts_dir/*.parquet`` into ``out_dir/index.html``, replacing it in one rename.

    A chart recorded in ``reuse`` (the published dashboard's folder, or ``out_dir`` itself)
    as drawn from a mart with the same bytes is taken from there, not drawn again
    (``pipelines.report.chart_cache``); ``out_dir`` records the figures for the next build.
    """
    digests = mart_digests(marts_dir)
    known = cached_figures(reuse, digests)
    marts, counts = dashboard_marts(marts_dir, known)
    frames = {name: table.to_pandas() for name, table in marts.items()}
    charts = build_charts(frames, known)
    page = _page(frames, counts, charts, built_at or dt.datetime.now(dt.UTC))
    out_dir.mkdir(parents=True, exist_ok=True)
    save_figures(out_dir, charts, digests)
    target = out_dir / INDEX
    tmp = out_dir / f".{INDEX}.tmp"
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, target)
    return target


def refresh_dashboard(warehouse: Path) -> Path:
    """Rewrite ``warehouse/dashboard/index.html`` from the published ``warehouse/marts``.

    Raises FileNotFoundError when the warehouse has no marts yet.
    """
    marts = warehouse / "marts"
    if not marts.is_dir() or not any(marts.glob("*.parquet")):
        raise FileNotFoundError(f"no marts in {warehouse}; run 'notehouse build VAULT' first")
    link = warehouse / "dashboard"
    # a published dashboard is a link into the current build; write where it points
    folder = link.resolve() if link.is_symlink() else link
    write_dashboard(marts, folder, reuse=folder)
    return link / INDEX
