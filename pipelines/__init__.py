"""I/O and orchestration: the CLI, settings, Prefect flows and tasks, loading and publishing."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = PROJECT_ROOT / "sql"
