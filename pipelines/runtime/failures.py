"""Expected failures: situations a user meets and fixes, each with one line and an exit code.

A build, query or dashboard that stops for one of these prints ``notehouse: <message>`` and
exits with the failure's ``exit_code``; its traceback goes only to the Prefect run log, or to
the terminal with ``--debug``. Anything else is a bug and keeps its traceback.

Exit codes (the README's "Exit codes" table is this one):

=====  ==========================================================================
0      done
1      failed: a build or query failed, or a check found rows (``notehouse check``)
2      usage: a bad flag or setting, a vault or warehouse that is not there
3      busy: another process holds the warehouse's write lock
4      refused: the build would remove most published notes (``--allow-shrink``)
5      not writable: the warehouse folder (or a file in it) cannot be written
=====  ==========================================================================
"""

from __future__ import annotations

import errno
import logging

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BUSY, EXIT_REFUSED, EXIT_NOT_WRITABLE = range(6)


class ExpectedFailure(RuntimeError):
    """A failure with a message that says what to do; shown without a traceback."""

    exit_code = EXIT_FAILED


class NotWritable(ExpectedFailure):
    """The warehouse folder, or something in it, cannot be written."""

    exit_code = EXIT_NOT_WRITABLE


def not_writable(exc: OSError, what: str) -> NotWritable:
    """A ``NotWritable`` for an ``OSError`` met while writing ``what``.

    >>> print(not_writable(PermissionError(13, "Permission denied", "/w/.lock"), "the warehouse"))
    ... # doctest: +ELLIPSIS
    cannot write the warehouse: /w/.lock: Permission denied (check its permissions, or choose ...)
    """
    where = f"{exc.filename}: " if exc.filename else ""
    reason = exc.strerror or str(exc)
    full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
    fix = "free some space" if full else "check its permissions"
    return NotWritable(
        f"cannot write {what}: {where}{reason} ({fix}, or choose another folder with --warehouse)"
    )


_OS_EXPECTED = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT}


def expected(exc: BaseException) -> ExpectedFailure | None:
    """The expected failure ``exc`` is, or was raised from; None for anything else (a bug).

    A permission, read-only file system or disk-full ``OSError`` counts as ``NotWritable``.

    >>> expected(PermissionError(13, "Permission denied", "/w")).exit_code
    5
    >>> expected(KeyError("x")) is None
    True
    """
    current: BaseException | None = exc
    for _ in range(8):  # the chain of causes, not of exceptions met while handling one
        if current is None:
            break
        if isinstance(current, ExpectedFailure):
            return current
        if isinstance(current, OSError) and current.errno in _OS_EXPECTED:
            return not_writable(current, "the warehouse")
        current = current.__cause__
    return None


class _HideExpected(logging.Filter):
    """Drops, from the terminal only, a log record carrying an expected failure's traceback."""

    debug = False

    def filter(self, record: logging.LogRecord) -> bool:
        if self.debug:
            return True
        if record.name.endswith("EventsWorker") and record.levelno < logging.ERROR:
            return False  # "Still processing items" while a failed build's events drain
        error = record.exc_info[1] if record.exc_info else None
        return error is None or expected(error) is None


_FILTER = _HideExpected()


def quiet_expected_tracebacks(*, debug: bool = False) -> None:
    """Keep expected failures' tracebacks off the terminal (Prefect's console handlers); the
    Prefect run log (its API handlers) still records them. ``debug`` shows them everywhere."""
    from prefect.logging.handlers import APILogHandler

    try:  # Prefect sets its handlers up lazily; have them now, to filter them
        from prefect.logging.configuration import ensure_logging_setup

        ensure_logging_setup()
    except ImportError:  # an older Prefect 3 sets them up on import
        pass
    _FILTER.debug = debug
    loggers = [logging.getLogger(), *map(logging.getLogger, logging.root.manager.loggerDict)]
    for logger in loggers:
        for handler in getattr(logger, "handlers", []):
            if not isinstance(handler, APILogHandler) and _FILTER not in handler.filters:
                handler.addFilter(_FILTER)
