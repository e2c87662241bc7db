"""The offline dashboard: written by every build, opened from disk in real headless Chromium.

Chromium comes from the Debian package (``apt-get install chromium``; ``.ci/run``
installs it). Playwright drives that binary; it never downloads a browser. With
no Chromium the browser test fails rather than skips, so CI cannot pass without it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines.cli import main
from pipelines.report.chart_cache import FIGURES
from pipelines.report.dashboard import render_dashboard, write_dashboard
from pipelines.stages.database import read_sql
from tests.conftest import EXAMPLE_VAULT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]
CHARTS = {
    "episodes_per_year",
    "duration_distribution",
    "chapters_per_episode",
    "people_leaderboard",
    "revenue_timeline",
    "issues_per_run",
}
MARKS = ".barlayer g.point path[d], .scatterlayer path.point[d]"


@pytest.fixture(scope="module")
def built(prefect_api: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    warehouse = tmp_path_factory.mktemp("dashboard") / "warehouse"
    code = main(["build", str(EXAMPLE_VAULT), "--warehouse", str(warehouse), "--progress", "none"])
    assert code == 0
    return warehouse


def test_every_sql_file_runs_on_the_whole_example_vault(built: Path) -> None:
    con = duckdb.connect(str(built / "notehouse.duckdb"), read_only=True)
    try:
        for kind in ("views", "marts"):
            for name, sql in read_sql(kind):
                cursor = con.execute(f"select * from ({sql.strip().rstrip(';')}\n)")
                assert cursor.fetchall(), f"{kind}/{name} has no rows on the example vault"
    finally:
        con.close()


def test_build_writes_one_self_contained_page(built: Path) -> None:
    page = (built / "dashboard" / "index.html").read_text(encoding="utf-8")
    lowered = page.lower()
    assert "<script src" not in lowered and "<link" not in lowered and "@import" not in lowered
    assert "Plotly.newPlot" in page and "plotly.js v" in page  # the library itself is inlined
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    for title in HOSTILE:
        assert title not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # in the table of latest notes


def _hostile_marts() -> dict[str, pa.Table]:
    """Marts in which every string a note could supply is hostile."""
    bad = HOSTILE[0]
    return {
        "episode_facts": pa.Table.from_pylist(
            [
                {
                    "note_id": "n1",
                    "show_name": bad,
                    "episode_number": 1,
                    "title": HOSTILE[1],
                    "published_date": dt.date(2023, 1, 1),
                    "episode_year": 2023,
                    "duration_seconds": 1800,
                    "duration_minutes": 30.0,
                    "chapters": 3,
                    "mean_chapter_seconds": 600.0,
                    "guests": bad,
                    "path": bad,
                }
            ]
        ),
        "people_leaderboard": pa.Table.from_pylist(
            [{"person_id": "p", "name": bad, "person_kind": "person", "role": bad, "notes": 2}]
        ),
        "revenue_facts": pa.Table.from_pylist(
            [
                {
                    "subject": bad,
                    "metric": "arr",
                    "note_date": dt.date(2023, 1, 1),
                    "amount": 10.0,
                    "currency": "</script>",
                    "annualized_amount": 10.0,
                    "text": HOSTILE[1],
                }
            ]
        ),
        "run_issues": pa.Table.from_pylist(
            [
                {
                    "run_started_utc": dt.datetime(2023, 1, 1, 12),
                    "is_latest_run": True,
                    "severity": "error",
                    "stage": bad,
                    "path": bad,
                    "line": 1,
                    "message": HOSTILE[1],
                }
            ]
        ),
        "note_facts": pa.Table.from_pylist(
            [{"note_date": None, "kind": bad, "lang": bad, "title": bad, "path": bad}]
        ),
    }


def test_every_note_string_is_escaped() -> None:
    page = render_dashboard(_hostile_marts(), dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    own = page.split("\n<script>", 1)[0]  # the HTML and the figures' JSON, before the library
    for title in HOSTILE:
        assert title not in own
    assert own.count("<script") == 1 and own.count("</script>") == 1  # the JSON block only
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in own  # the tables, as HTML text
    assert "\\u0026lt;script\\u0026gt;alert(1)" in own  # figures: plotly text, JSON-escaped


def _marked(folder: Path, keys: list[str]) -> None:
    """Give the recorded figures of ``keys`` a title no drawn chart has."""
    record = json.loads((folder / FIGURES).read_text(encoding="utf-8"))
    for key in keys:
        figure = {"data": [], "layout": {"title": {"text": f"recorded {key}"}}}
        record["charts"][key]["figure"] = json.dumps(figure)
    (folder / FIGURES).write_text(json.dumps(record), encoding="utf-8")


def test_charts_drawn_from_the_same_marts_are_reused(built: Path, tmp_path: Path) -> None:
    marts = tmp_path / "marts"
    shutil.copytree(built / "marts", marts)
    at = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    first = write_dashboard(marts, tmp_path / "first", at).read_text(encoding="utf-8")
    whole = {path.stem: pq.read_table(path) for path in marts.glob("*.parquet")}
    assert render_dashboard(whole, at) == first  # reading only what the page shows: same page
    record = json.loads((tmp_path / "first" / FIGURES).read_text(encoding="utf-8"))
    assert set(record["charts"]) == CHARTS
    again = write_dashboard(marts, tmp_path / "again", at, reuse=tmp_path / "first")
    assert again.read_text(encoding="utf-8") == first

    _marked(tmp_path / "first", ["revenue_timeline", "episodes_per_year"])
    reused = write_dashboard(marts, tmp_path / "reused", at, reuse=tmp_path / "first")
    assert "recorded revenue_timeline" in reused.read_text(encoding="utf-8")
    assert "recorded episodes_per_year" in reused.read_text(encoding="utf-8")

    # one mart rewritten with a row fewer: its chart is drawn again, the others still reused
    revenue = pq.read_table(marts / "revenue_facts.parquet")
    pq.write_table(revenue.slice(1), marts / "revenue_facts.parquet", compression="zstd")
    redrawn = write_dashboard(marts, tmp_path / "redrawn", at, reuse=tmp_path / "first")
    assert "recorded revenue_timeline" not in redrawn.read_text(encoding="utf-8")
    assert "recorded episodes_per_year" in redrawn.read_text(encoding="utf-8")


@pytest.mark.parametrize("spoil", ["unreadable", "drawn by other code"])
def test_figures_recorded_by_other_code_or_unreadable_are_drawn_again(
    built: Path, tmp_path: Path, spoil: str
) -> None:
    marts = tmp_path / "marts"
    shutil.copytree(built / "marts", marts)
    at = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    first = write_dashboard(marts, tmp_path / "first", at).read_text(encoding="utf-8")
    _marked(tmp_path / "first", ["episodes_per_year"])
    record = json.loads((tmp_path / "first" / FIGURES).read_text(encoding="utf-8"))
    record["drawn_by"] = "an older notehouse"
    text = "{" if spoil == "unreadable" else json.dumps(record)
    (tmp_path / "first" / FIGURES).write_text(text, encoding="utf-8")
    page = write_dashboard(marts, tmp_path / "page", at, reuse=tmp_path / "first")
    assert page.read_text(encoding="utf-8") == first


def test_dashboard_command_rewrites_the_page(built: Path) -> None:
    page = built / "dashboard" / "index.html"
    page.write_text("stale", encoding="utf-8")
    assert main(["dashboard", "--warehouse", str(built)]) == 0
    assert "Plotly.newPlot" in page.read_text(encoding="utf-8")


def test_dashboard_command_without_marts_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dashboard", "--warehouse", str(tmp_path)]) == 2
    assert "notehouse build" in capsys.readouterr().err


def test_no_dashboard_flag_still_writes_the_marts(prefect_api: str, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(EXAMPLE_VAULT / "hugo", vault / "hugo")
    warehouse = tmp_path / "warehouse"
    args = ["build", str(vault), "--warehouse", str(warehouse), "--progress", "none"]
    assert main([*args, "--no-dashboard"]) == 0
    assert (warehouse / "marts" / "episode_facts.parquet").is_file()
    assert not (warehouse / "dashboard" / "index.html").exists()
    assert main(["dashboard", "--warehouse", str(warehouse)]) == 0
    assert (warehouse / "dashboard" / "index.html").is_file()


def test_dashboard_in_headless_chromium(built: Path, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Chromium with 'apt-get install chromium' "
            "(.ci/run does it; see the README)"
        )
    from playwright.sync_api import sync_playwright

    url = (built / "dashboard" / "index.html").resolve().as_uri()
    errors: list[str] = []
    requests: list[str] = []
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(
            tmp_path / "profile",  # a fresh profile: --user-data-dir
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 900},
        )
        try:
            page = browser.new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.add_init_script("window.alert = (m) => { window.__alerted = String(m); };")
            page.goto(url)
            page.wait_for_selector("body[data-charts-rendered]", timeout=20_000)
            marks = page.evaluate(
                "(sel) => Object.fromEntries([...document.querySelectorAll('div.chart')]"
                ".map(d => [d.dataset.chart, d.querySelectorAll(sel).length]))",
                MARKS,
            )
            texts = [page.get_by_text(t, exact=True).count() for t in HOSTILE]
            alerted = page.evaluate("() => window.__alerted ?? null")
            images = page.evaluate("() => document.images.length")
            layout = page.evaluate(LAYOUT_PROBE)
            fonts = _fonts_of(page, CHINESE_TITLE)
            legend_fonts = _fonts_of(page, CHINESE_SHOW)
            shot = tmp_path / "dashboard.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert set(marks) == CHARTS
    assert all(n > 0 for n in marks.values()), marks
    assert errors == []
    assert [u for u in requests if not u.startswith(("file://", "data:"))] == []
    assert texts == [1, 1]  # each hostile title is shown once, as text, in the notes table
    assert alerted is None and dialogs == [] and images == 0
    assert shot.stat().st_size > 50_000
    print(f"screenshot: {shot}")
    # no toolbar over the data; legends a reader can follow; tick labels inside their chart
    assert layout["modebars"] == 0
    assert all(n <= 9 for n in layout["legend_entries"].values()), layout["legend_entries"]
    assert layout["ticks_outside"] == [], layout["ticks_outside"]
    assert layout["legend_overlaps_ticks"] == [], layout["legend_overlaps_ticks"]
    # Chinese, in the notes table and in a chart's legend, drawn in a CJK font, not boxes
    assert any(CJK.search(f["familyName"]) for f in fonts), fonts
    assert any(CJK.search(f["familyName"]) for f in legend_fonts), legend_fonts


CHINESE_TITLE = "第27期｜在县城开一家书店"  # a note title of the example vault
CHINESE_SHOW = "慢车道"  # a show name, in the episode charts' legends
CJK = re.compile(r"CJK|Han|Hei|Song|Ming|PingFang|YaHei|WenQuanYi|Noto Sans SC", re.IGNORECASE)
LAYOUT_PROBE = """() => {
  const box = (el) => el.getBoundingClientRect();
  const inside = (a, b) => a.left >= b.left - 1 && a.right <= b.right + 1 &&
                           a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
  const meet = (a, b) => !(a.right < b.left || b.right < a.left ||
                           a.bottom < b.top || b.bottom < a.top);
  const out = {modebars: document.querySelectorAll(".modebar").length, legend_entries: {},
               ticks_outside: [], legend_overlaps_ticks: []};
  for (const chart of document.querySelectorAll("div.chart")) {
    const key = chart.dataset.chart, svg = box(chart.querySelector("svg.main-svg"));
    out.legend_entries[key] = chart.querySelectorAll(".legend .traces").length;
    const ticks = [...chart.querySelectorAll(".xtick text, .ytick text")].map(box)
      .filter((t) => t.width > 0 && t.height > 0);  // plotly keeps hidden ticks, unsized
    ticks.forEach((t, i) => { if (!inside(t, svg)) out.ticks_outside.push(key + " tick " + i); });
    for (const entry of chart.querySelectorAll(".legend .traces")) {
      if (ticks.some((t) => meet(t, box(entry)))) out.legend_overlaps_ticks.push(key);
    }
  }
  return out;
}"""


def _fonts_of(page: Any, text: str) -> list[dict[str, Any]]:
    """The platform fonts Chromium drew ``text`` with (DevTools' CSS.getPlatformFontsForNode),
    for the first element whose own text is exactly ``text``."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]["nodeId"]
    found = cdp.send("DOM.performSearch", {"query": f"//*[text()='{text}']"})
    assert found["resultCount"] > 0, f"{text!r} is not on the page"
    [node] = cdp.send(
        "DOM.getSearchResults", {"searchId": found["searchId"], "fromIndex": 0, "toIndex": 1}
    )["nodeIds"]
    assert root and node
    fonts: list[dict[str, Any]] = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return fonts


def test_dashboard_command_and_flag_have_help(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["dashboard", "--help"], ["build", "--help"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "usage: notehouse dashboard" in out and "--no-dashboard" in out
