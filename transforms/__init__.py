"""Pure transforms: bytes in, rows and issues out.

Nothing in this package opens a file, reads the environment, calls the clock,
or imports Prefect, DuckDB or ``pipelines``; ``tests/unit/test_purity.py``
keeps it so.
"""
