"""What a build writes for people: the Parquet marts (``marts``), the offline dashboard
(``dashboard``, ``charts``, ``chart_style``, ``chart_cache``), the coverage block of the summary
(``coverage``) and the Prefect run report (``artifacts``).

Cases: tests/unit/pipelines/report/test_charts.py,
    tests/unit/pipelines/report/test_artifacts.py,
    tests/unit/pipelines/report/test_coverage.py, tests/unit/pipelines/report/test_chart_style.py,
    tests/e2e/test_dashboard.py
"""
