"""``make bench-compare``: full builds of this tree and of another commit, side by side.

For a budget such as "no more than 10 % slower in notes/s than before the change", both
trees must be measured in one run on the same machine, in the same minutes: the builds
alternate (the other commit, this tree, the other, this …, ``--rounds`` times each) on the
same generated vault (read once first, so the first build does not meet a cold page cache),
every build a fresh warehouse, all against one local Prefect server
started for the run in a temporary Prefect home (so no server start-up is in the numbers).
The other commit is checked out as a detached git worktree in a temporary folder and run
with this environment's Python (``python -m pipelines.cli`` in that folder). It prints each
build, the best of each tree, the ratio of their notes/s, and whether every table came out
with the same row count.

    python -m bench.compare --against 37dee98 --sizes 10000 --rounds 2
    python -m bench.compare --against 7bffe3b --this dd513f7 --sizes 100000   # two commits
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench import _measure
from bench.generate import DEFAULT_SEED
from bench.run import ROOT, _env, ensure_vault, vault_name


def _worktree(rev: str, where: Path) -> Path:
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(where), rev],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return where


def _remove_worktree(where: Path) -> None:
    subprocess.run(
        ["git", "worktree", "remove", "--force", str(where)], cwd=ROOT, capture_output=True
    )


def side_by_side(
    rev: str, sizes: list[int], rounds: int, seed: int, scratch: Path, this: str | None = None
) -> list[dict[str, Any]]:
    """For each size: every build of both trees, the best of each and their ratio. ``this``
    is a second commit to measure instead of the work tree."""
    env = _env(scratch / "prefect-home")
    cli = [sys.executable, "-m", "pipelines.cli"]
    other = _worktree(rev, scratch / "other")
    mine = _worktree(this, scratch / "this") if this else ROOT
    trees = {rev: other, "this tree": mine}
    started = subprocess.run([*cli, "server", "start"], env=env, capture_output=True, text=True)
    if started.returncode != 0:
        raise RuntimeError(f"notehouse server start failed: {started.stderr.strip()}")
    try:
        return [_compare_size(notes, seed, rounds, trees, cli, env, scratch) for notes in sizes]
    finally:
        subprocess.run([*cli, "server", "stop"], env=env, capture_output=True)
        _remove_worktree(other)
        if mine != ROOT:
            _remove_worktree(mine)


def _compare_size(
    notes: int,
    seed: int,
    rounds: int,
    trees: dict[str, Path],
    cli: list[str],
    env: dict[str, str],
    scratch: Path,
) -> dict[str, Any]:
    vault, _ = ensure_vault(notes, seed)
    floor = _measure.read_floor(vault)  # the files in the page cache before the first build
    print(f"{vault_name(notes)}: {vault} (read floor {floor.seconds:.2f} s)", flush=True)
    runs: dict[str, list[float]] = {name: [] for name in trees}
    rows: dict[str, dict[str, int]] = {}
    for k in range(rounds):
        for name, tree in trees.items():
            warehouse = scratch / f"w-{vault_name(notes)}-{len(rows)}-{k}-{tree.name}"
            command = [*cli, "build", str(vault), "--warehouse", str(warehouse), "--no-dashboard"]
            built = _measure.run_build([*command, "--progress", "none"], env, 7200, cwd=tree)
            if not built.ok:
                print(built.error_tail[-600:], file=sys.stderr)
                raise RuntimeError(f"the build of {name} failed (exit {built.exit_code})")
            parse = built.stages.get("parse", 0.0)
            print(f"    {name:<12} {built.wall_seconds:6.1f} s (parse {parse:.1f} s)", flush=True)
            runs[name].append(built.wall_seconds)
            rows[name] = _measure.table_rows(warehouse / "notehouse.duckdb")
    best = {name: notes / min(walls) for name, walls in runs.items()}
    base, head = best[next(iter(trees))], best["this tree"]
    same_rows = len({tuple(sorted(r.items())) for r in rows.values()}) == 1
    print(
        f"  best notes/s: {next(iter(trees))} {base:,.1f}, this tree {head:,.1f} "
        f"(this tree ÷ other {head / base:.3f}); row counts "
        f"{'the same in every table' if same_rows else 'DIFFER'}",
        flush=True,
    )
    return {"notes": notes, "walls": runs, "notes_per_s": best, "same_row_counts": same_rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.compare", description=__doc__)
    parser.add_argument("--against", required=True, help="the commit to compare with")
    parser.add_argument("--sizes", default="10000", help="vault sizes, comma-separated (10000)")
    parser.add_argument("--this", help="a second commit to measure instead of the work tree")
    parser.add_argument("--rounds", type=int, default=2, help="builds of each tree (2)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="notehouse-compare-") as tmp:
        side_by_side(args.against, sizes, args.rounds, args.seed, Path(tmp), args.this)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
