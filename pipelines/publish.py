"""Atomic publish: a reader sees the previous warehouse or the new one, never half of each.

Layout of a warehouse folder::

    notehouse.duckdb          replaced with one rename
    parquet -> .builds/<run>/parquet   symbolic links, each swapped with one rename
    marts   -> .builds/<run>/marts
    .builds/<run>/            the build itself; the previous one is kept for open readers
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pipelines.load import DB_NAME

BUILDS = ".builds"
LINKED = ("parquet", "marts", "dashboard")


def staging_dir(warehouse: Path, run_id: str) -> Path:
    path = warehouse / BUILDS / run_id
    path.mkdir(parents=True, exist_ok=False)
    return path


def _swap_link(warehouse: Path, name: str, target: Path) -> None:
    link = warehouse / name
    tmp = warehouse / f".{name}.swap"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(os.path.relpath(target, warehouse), target_is_directory=True)
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)  # a plain folder from an older layout
    os.replace(tmp, link)


def publish(warehouse: Path, staged: Path) -> None:
    """Swap the staged build in, then drop builds older than the previous one."""
    for name in LINKED:
        if (staged / name).is_dir():
            _swap_link(warehouse, name, staged / name)
    os.replace(staged / DB_NAME, warehouse / DB_NAME)
    prune_builds(warehouse, keep={staged.name, *_linked_builds(warehouse)})


def _linked_builds(warehouse: Path) -> set[str]:
    names = set()
    for name in LINKED:
        link = warehouse / name
        if link.is_symlink():
            names.add(Path(os.readlink(link)).parent.name)
    return names


def prune_builds(warehouse: Path, keep: set[str], keep_previous: int = 1) -> None:
    """Remove staged builds that no link points at, keeping the newest few for open readers."""
    root = warehouse / BUILDS
    if not root.is_dir():
        return
    others = sorted(
        (p for p in root.iterdir() if p.name not in keep), key=lambda p: p.stat().st_mtime
    )
    for old in others[: max(0, len(others) - keep_previous)]:
        shutil.rmtree(old, ignore_errors=True)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)
