"""Where and how flows run, and what the command line shows: which Prefect server a build
reports to and ``notehouse server`` (``prefect_api``), task runners (``runners``: threads
or Dask), schedules (``serve``), the read-only query sandbox (``query``), one-line failures
and their exit codes (``failures``), ``notehouse explain`` (``explain``), progress lines and
terminal tables with the build summary (``progress``, ``terminal``).

Cases: tests/unit/pipelines/runtime/test_prefect_api.py,
    tests/unit/pipelines/runtime/test_serve.py, tests/unit/pipelines/runtime/test_terminal.py,
    tests/e2e/test_server.py, tests/e2e/test_serve_local.py, tests/e2e/test_scale.py,
    tests/e2e/test_query_sandbox.py, tests/e2e/test_failures.py, tests/e2e/test_explain.py
"""
