"""Atomic publish: a reader sees the previous warehouse or the new one, never half of each.

Layout of a warehouse folder::

    current -> .builds/<run>                  the one link a publish swaps (one rename)
    previous -> .builds/<run>                 the build before it, kept for open readers
    notehouse.duckdb -> current/notehouse.duckdb
    parquet -> current/parquet                 fixed links through ``current``
    marts -> current/marts
    dashboard -> current/dashboard
    .builds/<run>/                             each build, staged in full before the swap
    .builds/<run>.parts/                       the Parquet parts its parse workers wrote
    .lock                                      the writer's lock (see pipelines.state.lock)

Every published path goes through ``current``, so swapping that one link
switches the database, the Parquet tables, the marts and the dashboard at
once. The previous build is kept for readers that still have it open; older
ones, and anything a killed build left behind, are removed by the next build.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pipelines.state.faults import fault_point

BUILDS = ".builds"
CURRENT = "current"
PREVIOUS = "previous"
PUBLISHED = ("notehouse.duckdb", "parquet", "marts", "dashboard")


def staging_dir(warehouse: Path, run_id: str) -> Path:
    path = warehouse / BUILDS / run_id
    path.mkdir(parents=True, exist_ok=False)
    return path


def parts_dir(warehouse: Path, run_id: str) -> Path:
    """Where a build's parse workers write their Parquet parts (``pipelines.stages.parts``).

    It sits beside the staged build, so a published build never carries it, and
    ``prune_builds`` removes it with every other folder of ``.builds`` it does not keep.
    """
    return warehouse / BUILDS / f"{run_id}.parts"


def _replace_link(link: Path, target: str) -> None:
    """Point ``link`` at ``target`` with one rename (never a moment without the link)."""
    tmp = link.with_name(f".{link.name}.swap")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(target)
    if link.exists() and not link.is_symlink():
        if link.is_dir():
            shutil.rmtree(link)
        else:
            link.unlink()
    os.replace(tmp, link)


def current_build(warehouse: Path, name: str = CURRENT) -> Path | None:
    """The staged build that ``current`` (or ``previous``) points at, or None."""
    link = warehouse / name
    return link.resolve() if link.is_symlink() else None


def publish(warehouse: Path, staged: Path) -> None:
    """Make ``staged`` the current build, then tidy up old builds."""
    previous = current_build(warehouse)
    if previous is not None:
        _replace_link(warehouse / PREVIOUS, os.path.relpath(previous, warehouse))
    fault_point("swap")
    _replace_link(warehouse / CURRENT, os.path.relpath(staged, warehouse))
    for name in PUBLISHED:
        link = warehouse / name
        want = f"{CURRENT}/{name}"
        if not (link.is_symlink() and os.readlink(link) == want):
            _replace_link(link, want)
    keep = {staged.name} | ({previous.name} if previous is not None else set())
    prune_builds(warehouse, keep)


def prune_builds(warehouse: Path, keep: set[str]) -> None:
    """Remove staged builds other than ``keep`` (crashed builds included) and stray swap links."""
    root = warehouse / BUILDS
    if root.is_dir():
        for old in root.iterdir():
            if old.name not in keep:
                shutil.rmtree(old, ignore_errors=True)
    for stray in warehouse.glob(".*.swap"):
        stray.unlink(missing_ok=True)


def clean_leftovers(warehouse: Path) -> None:
    """Before a build (holding the lock): drop whatever a killed build left behind."""
    keep = {
        build.name
        for build in (current_build(warehouse), current_build(warehouse, PREVIOUS))
        if build is not None
    }
    prune_builds(warehouse, keep)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)
