"""The problems a parser reports instead of raising."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    """A problem found in one note, with the line (1-based, in the original file) when known.

    >>> Issue("warning", "durations", "duration '41:75' has 75 seconds", line=12).line
    12
    """

    severity: Severity
    stage: str
    message: str
    line: int | None = None
