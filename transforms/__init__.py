"""Pure transforms: bytes in, rows and issues out.

Nothing in this package opens a file, reads the environment, calls the clock,
or imports Prefect, DuckDB or ``pipelines``; ``tests/unit/transforms/test_purity.py``
keeps it so.

``note.parse_note`` runs every extractor on one file; ``schema`` states every table once.
The subpackages, each with its tables, case tests and readers in its own docstring:
``text`` (decode, Markdown structure, language), ``properties`` (front matter, fields, tags,
title and dates, kind), ``time`` (dates, durations), ``episodes`` (episode rows, chapters),
``people``, ``links`` and ``figures`` (money and growth).
"""
