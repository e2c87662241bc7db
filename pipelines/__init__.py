"""I/O and orchestration: the CLI, settings, Prefect flows and tasks, loading and publishing.

``stages/`` holds the build's steps in the order they run (discover, parse, load, check),
``report/`` what a build writes for people (marts, dashboard, run artifacts), ``state/``
what one build leaves for the next (manifest, unchanged tables, locks, the published link),
and ``runtime/`` where and how flows run (Prefect API, task runners, schedules, progress).
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = PROJECT_ROOT / "sql"


def python_sources(package: str) -> list[Path]:
    """Every ``.py`` file of a top-level package (``transforms``, ``pipelines``), in every
    subpackage, sorted by path: what code digests and source checks walk.

    >>> any(p.name == "money.py" for p in python_sources("transforms"))
    True
    """
    root = PROJECT_ROOT / package
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)
