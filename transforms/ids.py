"""Stable keys: note ids from vault-relative paths, content hashes.

>>> note_id("podcast/119.md") == note_id("podcast/119.md")
True
>>> len(note_id("podcast/119.md"))
16
"""

from __future__ import annotations

import hashlib
import unicodedata


def normalize_path(path: str) -> str:
    """Vault-relative path as stored: forward slashes, NFC, no leading ``./``.

    >>> normalize_path("./podcast\\\\119.md")
    'podcast/119.md'
    >>> normalize_path("/./Cafe\u0301.md") == "Caf\u00e9.md"
    True
    """
    p = unicodedata.normalize("NFC", path.replace("\\", "/"))
    while p.startswith(("./", "/")):  # "/./x.md" is x.md too
        p = p[1:] if p.startswith("/") else p[2:]
    return p


def note_id(path: str) -> str:
    """A 16-hex-digit key derived from the vault-relative path; the same path gives the same id."""
    return hashlib.sha1(normalize_path(path).encode("utf-8")).hexdigest()[:16]


def content_sha256(data: bytes) -> str:
    """Hex SHA-256 of a file's bytes.

    >>> content_sha256(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()
