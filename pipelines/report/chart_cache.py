"""The dashboard's drawn figures, kept beside its page for the next build to reuse.

Every chart is drawn from one mart (``charts.CHARTS``). ``figures.json`` records each
chart's figure JSON with a digest of the mart file it was drawn from and of the code
that drew it; a later build whose mart has the same bytes takes the figure from there
instead of reading the mart and drawing it again. Any difference (a mart rewritten
with other rows, a new notehouse, plotly or pandas) draws the chart anew.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd
import plotly

from pipelines.report import charts
from pipelines.report.charts import Chart

FIGURES = "figures.json"


def file_digest(path: Path) -> str:
    """A digest of a file's bytes."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "blake2b").hexdigest()[:32]


@functools.cache  # the code does not change while the process runs
def _drawn_by() -> str:
    """The code a figure depends on besides its mart: the charts module, and the plotly and
    pandas that drew it."""
    own = file_digest(Path(charts.__file__))
    return f"{own}/plotly {plotly.__version__}/pandas {pd.__version__}"


def mart_digests(folder: Path) -> dict[str, str]:
    """Each mart's digest, by name."""
    return {path.stem: file_digest(path) for path in sorted(folder.glob("*.parquet"))}


def cached_figures(folder: Path | None, digests: Mapping[str, str]) -> dict[str, str | None]:
    """The figures in ``folder/figures.json`` that were drawn from a mart with the digest it
    has now (``digests``), by chart key; nothing when there is no readable record."""
    if folder is None:
        return {}
    try:
        record = json.loads((folder / FIGURES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict) or record.get("drawn_by") != _drawn_by():
        return {}
    known: dict[str, str | None] = {}
    for key, entry in (record.get("charts") or {}).items():
        mart = entry.get("mart") if isinstance(entry, dict) else None
        if mart is not None and digests.get(mart) == entry.get("digest"):
            figure = entry.get("figure")
            known[key] = figure if isinstance(figure, str) else None
    return known


def save_figures(folder: Path, drawn: Iterable[Chart], digests: Mapping[str, str]) -> None:
    """Record the charts' figures in ``folder/figures.json`` (replaced in one rename)."""
    record = {
        "drawn_by": _drawn_by(),
        "charts": {
            chart.key: {"mart": chart.mart, "digest": digests[chart.mart], "figure": chart.figure}
            for chart in drawn
            if chart.mart in digests
        },
    }
    tmp = folder / f".{FIGURES}.tmp"
    tmp.write_text(json.dumps(record), encoding="utf-8")
    os.replace(tmp, folder / FIGURES)
