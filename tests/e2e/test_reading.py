"""Parsing on worker processes gives exactly what parsing in the calling process gives."""

from __future__ import annotations

import pytest

import pipelines.reading as reading
from pipelines.config import DEFAULT_EXCLUDE, DEFAULT_INCLUDE
from pipelines.discover import discover_files
from tests.conftest import EXAMPLE_VAULT


def test_process_pool_parse_equals_in_process_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    files = discover_files(EXAMPLE_VAULT, DEFAULT_INCLUDE, DEFAULT_EXCLUDE).files
    monkeypatch.setattr(reading, "MIN_FILES_FOR_POOL", 1)
    try:
        pooled = reading.parse_in_processes(str(EXAMPLE_VAULT), files, "UTC", processes=2)
    finally:
        reading.close_pools()
    alone = reading.parse_files(str(EXAMPLE_VAULT), files, "UTC")
    assert [p.path for p in pooled] == [f.path for f in files]
    assert pooled == alone
    assert any(not p.loaded for p in pooled) and any(p.rows.get("chapters") for p in pooled)


def test_small_batches_stay_in_process() -> None:
    files = discover_files(EXAMPLE_VAULT / "podcast", DEFAULT_INCLUDE, DEFAULT_EXCLUDE).files
    assert len(files) < reading.MIN_FILES_FOR_POOL
    reading.parse_in_processes(str(EXAMPLE_VAULT / "podcast"), files, "UTC", processes=2)
    assert reading._pools == {}
