"""What one build leaves for the next: the manifest and incremental plan (``manifest``), the
published build a run starts from (``unchanged``), the rows kept across runs
(``records``), the one-link swap (``publish``), the guard against publishing a vault that
lost most of its notes (``shrink``), the writer lock (``lock``), year partitions
(``partitions``) and the crash-test points (``faults``).

Tables: runs, parse_issues, manifest
Cases: tests/unit/pipelines/state/test_lock.py, tests/unit/pipelines/state/test_shrink.py,
    tests/e2e/test_incremental.py, tests/e2e/test_crash.py, tests/e2e/test_publish.py,
    tests/e2e/test_shrink.py
Read by: views/data_quality, marts/run_issues, checks/keys_unique, checks/run_records_valid
"""
