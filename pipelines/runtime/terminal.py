"""What the CLI shows on a terminal: a progress bar or plain lines, aligned tables."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any


@contextmanager
def progress_display(mode: str) -> Iterator[Callable[[str, int, int], None]]:
    """A (stage, done, total) callback: a rich bar on a terminal, plain lines elsewhere."""
    if mode == "bar" or (mode == "auto" and sys.stderr.isatty()):
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            tasks: dict[str, Any] = {}

            def show(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total or 1)
                bar.update(tasks[stage], completed=done, total=total or 1)

            yield show
        return
    last: dict[str, int] = {}

    def plain(stage: str, done: int, total: int) -> None:
        if mode != "none" and last.get(stage) != done:
            last[stage] = done
            print(f"{stage}: {done}/{total}", file=sys.stderr, flush=True)

    yield plain


def _pad(text: str, width: int, right: bool) -> str:
    """``text`` padded with spaces to ``width`` terminal columns (a CJK character takes two)."""
    from rich.cells import cell_len

    fill = " " * max(0, width - cell_len(text))
    return fill + text if right else text + fill


def format_table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Columns padded to their widest value, measured in terminal columns (a Chinese character
    is two wide); numbers right-aligned; NULL for None; line breaks inside a value shown as ⏎.

    >>> print(format_table(["kind", "n"], [("episode", 4), ("note", 12)]))
    kind    |  n
    --------+---
    episode |  4
    note    | 12
    (2 rows)
    >>> print(format_table(["title", "n"], [("创业者访谈", 1), ("abc", 2)]))
    title      | n
    -----------+--
    创业者访谈 | 1
    abc        | 2
    (2 rows)
    """
    from rich.cells import cell_len

    cells = [
        ["NULL" if v is None else str(v).replace("\r\n", "⏎").replace("\n", "⏎") for v in row]
        for row in rows
    ]
    numeric = [
        all(isinstance(row[i], int | float) or row[i] is None for row in rows) and bool(rows)
        for i in range(len(columns))
    ]
    widths = [max([cell_len(c)] + [cell_len(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return " | ".join(
            _pad(v, w, num) for v, w, num in zip(values, widths, numeric, strict=True)
        ).rstrip()

    out = [line(list(columns)), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def print_summary(summary: dict[str, Any], seconds: float) -> None:
    """What a build did, for the terminal."""
    print(f"published {summary['warehouse']}/notehouse.duckdb (run {summary['run_id']})")
    print(
        f"files seen {summary['files_seen']}, notes loaded {summary['notes_loaded']}, "
        f"other files skipped {summary['files_skipped']}"
    )
    print(change_line(summary))
    if summary["files_seen"] == 0:
        print(
            f"warning: {summary['vault']} has no note files (*.md, *.markdown …); "
            "if that is not what you meant, check the vault path",
            file=sys.stderr,
        )
    print(
        f"issues: {summary['errors']} errors, {summary['warnings']} warnings "
        f"(see the parse_issues table)"
    )
    width = max(len(name) for name in summary["rows"])
    for name, count in summary["rows"].items():
        print(f"  {name:<{width}}  {count:>8}")
    if summary["checks_failed"]:
        print(f"checks failed: {', '.join(summary['checks_failed'])}")
    print_coverage(Path(summary["warehouse"]) / "notehouse.duckdb")
    print(f"done in {seconds:.1f} s")


def print_coverage(database: Path) -> None:
    """Per top-level folder, what the build understood (the ``coverage`` view)."""
    import duckdb

    from pipelines.report.coverage import coverage_table

    try:
        columns, rows = coverage_table(database)
    except duckdb.Error as exc:  # the build is published; a summary line must not fail it
        print(f"coverage: not read ({exc})")
        return
    print("coverage per top-level folder (select * from coverage):")
    print(format_table(columns, rows))


def change_line(summary: dict[str, Any]) -> str:
    """What the build did with each file: parsed (and why), reused unread, deleted.

    >>> print(change_line({"files_new": 0, "files_changed": 0, "files_unchanged": 37,
    ...     "files_deleted": 0, "files_parsed": 37}))
    files parsed 37 (new 0, changed 0, same content 37), reused unread 0, deleted 0
    >>> print(change_line({"files_new": 1, "files_changed": 2, "files_unchanged": 34,
    ...     "files_deleted": 1, "files_parsed": 3}))
    files parsed 3 (new 1, changed 2), reused unread 34, deleted 1
    """
    new, changed, parsed = summary["files_new"], summary["files_changed"], summary["files_parsed"]
    same = parsed - new - changed  # read again with the same bytes (--full, a touched file)
    reused = summary["files_unchanged"] - same
    detail = f"new {new}, changed {changed}" + (f", same content {same}" if same else "")
    deleted = summary["files_deleted"]
    return f"files parsed {parsed} ({detail}), reused unread {reused}, deleted {deleted}"
