"""The shrink guard: a build that would remove most of the published notes publishes nothing.

An empty or mistyped vault folder looks, to an incremental build, like a vault whose every note
was deleted. Publishing that would empty the warehouse, so a build that would remove all the
published notes, or more than half of them, stops before it parses anything, unless it is given
``--allow-shrink`` (``allow_shrink=True``).
"""

from __future__ import annotations

from pipelines.runtime.failures import EXIT_REFUSED, ExpectedFailure
from pipelines.state.manifest import Plan


class ShrinkRefused(ExpectedFailure):
    """The build would remove too many published notes."""

    exit_code = EXIT_REFUSED


def removed_notes(plan: Plan) -> tuple[int, int]:
    """(published notes, of them the ones this plan would remove)."""
    loaded = plan.previous.column("loaded") if len(plan.previous) else []
    published = sum(1 for flag in loaded if flag)
    gone = set(plan.deleted)
    if not gone:
        return published, 0
    paths = plan.previous.column("path")
    removed = sum(1 for path, flag in zip(paths, loaded, strict=True) if flag and path in gone)
    return published, removed


def shrink_message(vault: str, files: int, published: int, removed: int) -> str | None:
    """Why a build must not publish, or None when it may.

    >>> shrink_message("/notes", 0, 5, 5)  # doctest: +ELLIPSIS
    'vault /notes has no note files, and publishing it would remove all 5 published notes; ...'
    >>> shrink_message("/notes", 40, 100, 60)  # doctest: +ELLIPSIS
    'this build of /notes would remove 60 of the 100 published notes (more than half); ...'
    >>> shrink_message("/notes", 60, 100, 50) is None, shrink_message("/notes", 0, 0, 0) is None
    (True, True)
    """
    if published == 0 or (removed < published and removed * 2 <= published):
        return None
    advice = (
        "nothing was published. Check the vault path; if the notes really are gone, "
        "build again with --allow-shrink"
    )
    if files == 0:
        return (
            f"vault {vault} has no note files, and publishing it would remove all "
            f"{published} published notes; {advice}"
        )
    share = "all" if removed == published else "more than half"
    return (
        f"this build of {vault} would remove {removed} of the {published} published notes "
        f"({share}); {advice}"
    )


def guard_shrink(plan: Plan, vault: str, files: int, *, allow: bool) -> None:
    """Raise ``ShrinkRefused`` when this plan removes too many published notes."""
    if allow:
        return
    message = shrink_message(vault, files, *removed_notes(plan))
    if message is not None:
        raise ShrinkRefused(message)
