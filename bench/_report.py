"""The issue's targets next to the measured values, and the Markdown table of a bench run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FLOOR_RATIO_GOAL = 0.08
NOTES_PER_S_GOAL = 11_000
LINEAR_GOAL = 0.8  # throughput at the largest vault ≥ 80 % of the smallest
FIXED_GOAL_S = 3.0
UNCHANGED_SHARE, EDITED_SHARE = 0.02, 0.05
RSS_GOAL_MB = 2048
STAGES = ("discover", "parse", "load", "check", "report")


@dataclass(frozen=True)
class Target:
    name: str
    goal: str
    measured: str
    ok: bool


def _fmt(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def check_targets(fixed: dict[str, Any], sizes: list[dict[str, Any]]) -> list[Target]:
    """Each target of issue #9, judged on the largest vault (measured or projected).

    The fixed cost is judged twice: against a running local Prefect server (``notehouse
    server start``; what the bench's builds use) and with a temporary Prefect server
    started by the build itself.
    """
    if not sizes:
        return []
    fixed_s = fixed["server"]["wall_seconds"]
    temporary_s = fixed["temporary"]["wall_seconds"]
    big, small = sizes[-1], sizes[0]
    measured = [s for s in sizes if not s.get("projected")] or sizes
    tag = f"{big['name']}{' (projected)' if big.get('projected') else ''}"
    full, ratio = big["full"], big["full"]["speed_ratio"]
    linear_big = measured[-1]  # a projection is linear by construction
    linear = linear_big["full"]["notes_per_s"] / small["full"]["notes_per_s"]
    unchanged_goal = fixed_s + UNCHANGED_SHARE * full["wall_seconds"]
    edited_goal = fixed_s + EDITED_SHARE * full["wall_seconds"]
    rss = max(s[k]["peak_rss_mb"] for s in sizes for k in ("full", "unchanged", "edited"))
    rss_tag = "any build" + (" (projected)" if big.get("projected") else "")
    return [
        Target(
            f"full build ÷ read floor, {tag}",
            f"≥ {FLOOR_RATIO_GOAL}",
            f"{ratio:.5f}",
            ratio >= FLOOR_RATIO_GOAL,
        ),
        Target(
            f"notes/s, {tag}",
            f"≈ {NOTES_PER_S_GOAL:,}",
            _fmt(full["notes_per_s"]),
            full["notes_per_s"] >= NOTES_PER_S_GOAL,
        ),
        Target(
            f"throughput {linear_big['name']} ÷ {small['name']} (linear)",
            f"≥ {LINEAR_GOAL}",
            f"{linear:.2f}",
            linear >= LINEAR_GOAL,
        ),
        Target(
            "fixed cost (empty vault), local Prefect server running",
            f"≤ {FIXED_GOAL_S} s",
            f"{fixed_s:.1f} s",
            fixed_s <= FIXED_GOAL_S,
        ),
        Target(
            "fixed cost (empty vault), a temporary Prefect server per build",
            f"≤ {FIXED_GOAL_S} s",
            f"{temporary_s:.1f} s",
            temporary_s <= FIXED_GOAL_S,
        ),
        Target(
            f"re-run unchanged, {tag}",
            f"≤ fixed + 2 % = {unchanged_goal:.1f} s",
            f"{big['unchanged']['wall_seconds']:.1f} s",
            big["unchanged"]["wall_seconds"] <= unchanged_goal,
        ),
        Target(
            f"re-run 1 % edited, {tag}",
            f"≤ fixed + 5 % = {edited_goal:.1f} s",
            f"{big['edited']['wall_seconds']:.1f} s",
            big["edited"]["wall_seconds"] <= edited_goal,
        ),
        Target(
            f"peak RSS, {rss_tag}", f"≤ {RSS_GOAL_MB:,} MB", f"{rss:,.0f} MB", rss <= RSS_GOAL_MB
        ),
    ]


def target_lines(targets: list[Target]) -> list[str]:
    width = max((len(t.name) for t in targets), default=0)
    return [
        f"  {'ok    ' if t.ok else 'MISSED'}  {t.name:<{width}}  "
        f"goal {t.goal:<24} measured {t.measured}"
        for t in targets
    ]


def _size_row(s: dict[str, Any]) -> str:
    full, floor = s["full"], s["floor"]
    stages = [_fmt(full["stages"].get(k), 2) for k in STAGES]
    cells = [
        f"{s['name']}{' *' if s.get('projected') else ''}",
        f"{s['notes']:,}",
        _fmt(s["bytes"] / 1e6),
        _fmt(floor["seconds"], 3),
        _fmt(floor["notes_per_s"], 0),
        _fmt(full["wall_seconds"]),
        _fmt(full["notes_per_s"]),
        _fmt(full["mb_per_s"], 3),
        f"{full['speed_ratio']:.5f}",
        *stages,
        _fmt(full["peak_rss_mb"], 0),
        _fmt(s["unchanged"]["wall_seconds"]),
        _fmt(s["edited"]["wall_seconds"]),
    ]
    return "| " + " | ".join(cells) + " |"


def markdown(result: dict[str, Any], targets: list[Target]) -> str:
    """The short Markdown summary written to ``bench/results/latest.md``."""
    m = result["machine"]
    head = (
        "| vault | notes | MB | floor s | floor notes/s | build s | notes/s | MB/s | "
        "build ÷ floor | discover s | parse s | load s | check s | report s | peak RSS MB | "
        "unchanged s | 1 % edited s |"
    )
    lines = [
        f"# notehouse bench: {', '.join(s['name'] for s in result['sizes'])}",
        "",
        f"`{result['command']}` on {m['nproc']} cores, {m['memory']}, Python {m['python']}, "
        f"notehouse {m['commit']}{' (work tree with changes)' if m['dirty'] else ''}; "
        f"full record in `{result['json']}`. Load average (1 min) before and after: "
        f"{m['load_average_1min']} → {m.get('load_average_1min_after', '?')}.",
        "",
        head,
        "|" + " --- |" * (head.count("|") - 1),
        *(_size_row(s) for s in result["sizes"]),
        "",
        "Build times are end to end from the command (Prefect start-up included); "
        "stage seconds come from the flow; build ÷ floor compares throughputs "
        "(floor seconds ÷ build seconds). `*` = projected linearly from the largest "
        "measured vault, not run.",
        "",
        "Fixed cost, an empty vault (median of "
        f"{len(result['fixed']['server'].get('runs_seconds', [0]))} builds): "
        f"{result['fixed']['server']['wall_seconds']:.1f} s with the local Prefect server "
        "(`notehouse server start`) that every build of this bench reports to "
        f"(its first build, which registers the flow: "
        f"{result['fixed'].get('server_first', result['fixed']['server'])['wall_seconds']:.1f} s); "
        f"{result['fixed']['temporary']['wall_seconds']:.1f} s when the build starts a "
        "temporary Prefect server for itself; the very first build in a fresh Prefect home: "
        f"{result['fixed']['cold']['wall_seconds']:.1f} s. Peak RSS covers the build and its "
        "children, not the separately running server.",
        "",
        "| target (issue #9) | goal | measured | |",
        "| --- | --- | --- | --- |",
        *(
            f"| {t.name} | {t.goal} | {t.measured} | {'ok' if t.ok else 'MISSED'} |"
            for t in targets
        ),
    ]
    measured = [s for s in result["sizes"] if not s.get("projected")]
    if measured:
        rows = measured[-1]["rows"]
        lines += [
            "",
            f"Rows per table, {measured[-1]['name']}: "
            + ", ".join(f"{k} {v:,}" for k, v in rows.items()),
        ]
    return "\n".join(lines) + "\n"
