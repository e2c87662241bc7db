"""Fault points for crash tests: ``NOTEHOUSE_FAULT_AT=<point>`` kills the build there.

The build calls ``fault_point(name)`` at the moments a crash matters most
(during parse, while writing Parquet, while writing DuckDB, during the swap).
With the variable unset this does nothing. Tests set it to prove that a
``kill -9`` at that moment leaves the previous warehouse readable.
"""

from __future__ import annotations

import os
import signal

POINTS = ("parse", "duckdb", "parquet", "swap")


def fault_point(name: str) -> None:
    if os.environ.get("NOTEHOUSE_FAULT_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
