"""The shrink guard's rule: refuse a build that removes all, or more than half, of the
published notes; allow everything else (a first build, a small clean-up)."""

from __future__ import annotations

import pytest

from pipelines.state.shrink import shrink_message

# (note files in the vault, published notes, of them removed, refused?)
CASES = [
    ("first build of an empty vault", 0, 0, 0, False),
    ("first build of a vault", 40, 0, 0, False),
    ("an empty folder in place of the vault", 0, 5, 5, True),
    ("a wrong folder with a few stray notes", 3, 37, 37, True),
    ("the last note deleted", 0, 1, 1, True),
    ("more than half deleted", 40, 100, 51, True),
    ("exactly half deleted", 50, 100, 50, False),
    ("a tidy-up of a few notes", 95, 100, 5, False),
    ("new notes only", 120, 100, 0, False),
]


@pytest.mark.parametrize(("case", "files", "published", "removed", "refused"), CASES)
def test_shrink_rule(case: str, files: int, published: int, removed: int, refused: bool) -> None:
    message = shrink_message("/notes", files, published, removed)
    assert (message is not None) == refused, case
    if message is not None:
        assert "nothing was published" in message and "--allow-shrink" in message
        assert f"{published} published notes" in message


def test_the_empty_vault_message_says_the_folder_has_no_notes() -> None:
    message = shrink_message("/srv/typo", 0, 12, 12)
    assert message is not None and message.startswith("vault /srv/typo has no note files")
