"""Our front-matter split agrees with python-frontmatter wherever both read a note.

python-frontmatter (a project dependency) is the reference reader of YAML front
matter; ours differs only on purpose: it keeps line numbers, reports problems
instead of failing, and keeps `41:08` as text where YAML 1.1 would read the
integer 2468. Every well-formed YAML note of the example vault must give the
same metadata in both.
"""

from __future__ import annotations

import re

import frontmatter
import pytest
import yaml

from tests.conftest import EXAMPLE_VAULT
from transforms.properties.frontmatter import split_frontmatter
from transforms.text.decode import decode_note

YAML_NOTES = sorted(
    p.relative_to(EXAMPLE_VAULT).as_posix()
    for p in EXAMPLE_VAULT.rglob("*.md")
    if p.read_bytes().lstrip(b"\xef\xbb\xbf").startswith(b"---")
)


def reference(text: str) -> dict[str, object] | None:
    """python-frontmatter's metadata, or None where it cannot read the note."""
    try:
        return dict(frontmatter.loads(text).metadata)
    except yaml.YAMLError:
        return None


@pytest.mark.parametrize("path", YAML_NOTES)
def test_same_metadata_as_python_frontmatter(path: str) -> None:
    text = decode_note((EXAMPLE_VAULT / path).read_bytes()).text
    assert text is not None
    ours = split_frontmatter(text)
    theirs = reference(text)
    if theirs is None:  # invalid YAML: we load the body and say where the problem is
        assert ours.metadata == {} and ours.issues
        return
    assert ours.metadata.keys() == theirs.keys()
    for key, value in ours.metadata.items():
        assert value == theirs[key] or _base60(value) == theirs[key], key


def _base60(value: object) -> object:
    """An unquoted ``52:10`` is text to us and the base-60 integer 3130 to YAML 1.1."""
    if isinstance(value, str) and re.fullmatch(r"\d+(:[0-5]\d)+", value):
        total = 0
        for part in value.split(":"):
            total = total * 60 + int(part)
        return total
    return None
