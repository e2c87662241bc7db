"""Where and how flows run: which Prefect server a build reports to and ``notehouse
server`` (``prefect_api``), task runners (``runners``: threads or Dask), schedules
(``serve``), progress lines and terminal tables (``progress``, ``terminal``).

Cases: tests/unit/pipelines/runtime/test_prefect_api.py,
    tests/unit/pipelines/runtime/test_serve.py, tests/e2e/test_server.py,
    tests/e2e/test_scale.py
"""
