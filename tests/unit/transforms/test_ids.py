"""Stable keys: vault-relative paths as stored, note ids from them, content hashes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.ids import content_sha256, normalize_path, note_id

# The seed notes as they would sit in a vault.
SEED_CASES: list[tuple[str, str]] = [
    ("000_ac78bbbbb64dd533.txt", "000_ac78bbbbb64dd533.txt"),
    ("podcast/119.md", "podcast/119.md"),
    ("founders/标杆人物01.md", "founders/标杆人物01.md"),
]

REAL_FORMAT_CASES: list[tuple[str, str]] = [
    ("./podcast/119.md", "podcast/119.md"),
    ("././podcast/119.md", "podcast/119.md"),
    ("podcast\\119.md", "podcast/119.md"),  # a Windows path
    (".\\podcast\\119.md", "podcast/119.md"),
    ("/podcast/119.md", "podcast/119.md"),
    ("Cafe\u0301.md", "Caf\u00e9.md"),  # macOS file names come decomposed (NFD)
    ("people/Mike Perham.md", "people/Mike Perham.md"),  # spaces and case kept
    (".obsidian-notes/x.md", ".obsidian-notes/x.md"),  # a dot folder is not "./"
]


# A leading "/" hid a "./" behind it: "/./x.md" became "./x.md", another id than "x.md".
BUGS_CAUGHT: list[tuple[str, str]] = [
    ("/./podcast/119.md", "podcast/119.md"),
    ("\\.\\podcast\\119.md", "podcast/119.md"),
]

ALL_CASES = SEED_CASES + REAL_FORMAT_CASES + BUGS_CAUGHT


@pytest.mark.parametrize(("path", "expected"), ALL_CASES, ids=[c[0] for c in ALL_CASES])
def test_normalize_path(path: str, expected: str) -> None:
    assert normalize_path(path) == expected


@pytest.mark.parametrize(("path", "expected"), ALL_CASES, ids=[c[0] for c in ALL_CASES])
def test_every_spelling_of_a_path_gives_one_note_id(path: str, expected: str) -> None:
    assert note_id(path) == note_id(expected)
    assert re.fullmatch(r"[0-9a-f]{16}", note_id(path))


# Different files must get different ids.
NEGATIVE_CASES: list[tuple[str, str]] = [
    ("podcast/119.md", "podcast/120.md"),
    ("podcast/119.md", "Podcast/119.md"),  # case-sensitive file systems hold both
    ("podcast/119.md", "podcast/119.markdown"),
    ("a/b.md", "b/a.md"),
    ("Caf\u00e9.md", "Cafe.md"),
]


@pytest.mark.parametrize(("a", "b"), NEGATIVE_CASES, ids=[f"{a} vs {b}" for a, b in NEGATIVE_CASES])
def test_different_paths_different_ids(a: str, b: str) -> None:
    assert note_id(a) != note_id(b)


# Published SHA-256 test vectors (FIPS 180-2).
HASH_CASES: list[tuple[bytes, str]] = [
    (b"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    (b"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
]


@pytest.mark.parametrize(("data", "digest"), HASH_CASES, ids=[repr(c[0]) for c in HASH_CASES])
def test_content_sha256(data: bytes, digest: str) -> None:
    assert content_sha256(data) == digest


def test_content_hash_sees_line_endings() -> None:
    # The hash is of the file's bytes: a CRLF re-save is a change the manifest must notice.
    assert content_sha256(b"a\nb\n") != content_sha256(b"a\r\nb\r\n")


@given(
    st.text(alphabet=st.sampled_from("./\\ab é\u0301"), max_size=12)
    | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
)
def test_normalize_path_is_idempotent(path: str) -> None:
    once = normalize_path(path)
    assert normalize_path(once) == once
    assert note_id(path) == note_id(once)
