"""Progress reporting from the flow to whoever runs it (the CLI shows a bar or plain lines)."""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Reporter = Callable[[str, int, int], None]  # (stage, done, total)

_reporter: contextvars.ContextVar[Reporter | None] = contextvars.ContextVar(
    "notehouse_reporter", default=None
)


def report(stage: str, done: int, total: int) -> None:
    callback = _reporter.get()
    if callback is not None:
        callback(stage, done, total)


@contextmanager
def reporting(callback: Reporter) -> Iterator[None]:
    token = _reporter.set(callback)
    try:
        yield
    finally:
        _reporter.reset(token)
