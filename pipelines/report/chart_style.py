"""How the dashboard's charts look: fonts, colours per show, legends folded into "other".

- **Fonts.** One stack for the page and the charts that names the common CJK fonts of each
  system after the Latin ones, so Chinese labels render wherever such a font is installed.
- **A colour per show, stable across builds.** Each show's colour is chosen from its name's
  digest, not from its place in this build's list, so adding a show does not repaint the
  others. When two shows of one chart want the same colour, the one with the older first
  episode keeps it and the other takes the next free one.
- **Short legends.** A chart shows at most ``LEGEND_MAX`` shows by name (those with the most
  episodes); the rest are drawn together as "other shows", in grey.
"""

from __future__ import annotations

import hashlib

import pandas as pd

FONT_STACK = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, '
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
    '"Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
)
# 20 colours a reader can tell apart (Tableau 20's strong and light halves, interleaved)
PALETTE = [
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#2f6f9f", "#8cd17d", "#b6992d", "#499894", "#d37295", "#86bcb6", "#a0cbe8",
    "#ffbe7d", "#d4a6c8", "#79706e", "#f1ce63",
]  # fmt: skip
OTHER = "other shows"
OTHER_COLOUR = "#b8bec6"
LEGEND_MAX = 8


def _slot(name: str) -> int:
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=4).digest()) % len(PALETTE)


def show_colours(episodes: pd.DataFrame) -> dict[str, str]:
    """A colour for each show of ``episodes`` (columns show_name, published_date).

    >>> frame = pd.DataFrame({"show_name": ["A", "B"], "published_date": [None, None]})
    >>> colours = show_colours(frame)
    >>> colours["A"] != colours["B"] and set(colours.values()) <= set(PALETTE)
    True
    """
    firsts = (
        episodes.assign(show=episodes["show_name"].fillna("(no show)").astype(str))
        .groupby("show")["published_date"]
        .min()
    )
    order = sorted(firsts.index, key=lambda s: (pd.isna(firsts[s]), str(firsts[s]), s))
    taken: dict[int, str] = {}
    colours: dict[str, str] = {}
    for show in order:
        slot = _slot(show)
        for step in range(len(PALETTE)):
            candidate = (slot + step) % len(PALETTE)
            if candidate not in taken or step == len(PALETTE) - 1:
                break
        taken[candidate] = show
        colours[show] = PALETTE[candidate]
    return colours


def fold_shows(episodes: pd.DataFrame, limit: int = LEGEND_MAX) -> pd.DataFrame:
    """``episodes`` with a column ``legend``: the show's name for the ``limit`` shows with the
    most episodes, ``OTHER`` for the rest (only when more than ``limit`` + 1 shows)."""
    shows = episodes["show_name"].fillna("(no show)").astype(str)
    counts = shows.value_counts()
    if len(counts) <= limit + 1:
        return episodes.assign(legend=shows)
    ranked = sorted(counts.index, key=lambda s: (-counts[s], s))
    keep = set(ranked[:limit])
    return episodes.assign(legend=[s if s in keep else OTHER for s in shows])


def legend_groups(
    episodes: pd.DataFrame, rows: pd.DataFrame | None = None
) -> list[tuple[str, str, pd.DataFrame]]:
    """(legend name, colour, rows) per legend entry of ``rows`` (default: all ``episodes``),
    named shows first by size, "other shows" last. Colours and folding are decided over all
    of ``episodes``, so every chart of one dashboard agrees."""
    colours = show_colours(episodes)
    legend = dict(zip(episodes["show_name"].fillna("(no show)").astype(str),
                      fold_shows(episodes)["legend"], strict=True))  # fmt: skip
    rows = episodes if rows is None else rows
    names = rows["show_name"].fillna("(no show)").astype(str).map(legend)
    groups = []
    for name, group in rows.groupby(names, sort=False):
        colour = OTHER_COLOUR if name == OTHER else colours[str(name)]
        groups.append((str(name), colour, group))
    groups.sort(key=lambda g: (g[0] == OTHER, -len(g[2]), g[0]))
    return groups
