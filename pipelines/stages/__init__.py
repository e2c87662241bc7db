"""The build's steps, in the order they run: ``discover`` (the vault walk), ``parse`` (the
Prefect task per batch) with ``reading`` (files to ``parse_note`` in a process pool) and
``parts`` (worker output as Parquet parts), ``load`` (the load task: a whole build staged)
with ``database`` (its DuckDB steps), ``check`` (``sql/checks``) and ``ddl`` (``sql/schema``
from the pyarrow schemas).

Tables: check_results
Cases: tests/unit/pipelines/stages/test_checks.py, tests/unit/pipelines/stages/test_parts.py,
    tests/unit/pipelines/stages/test_database_sql.py, tests/e2e/test_reading.py,
    tests/e2e/test_publish.py
"""
