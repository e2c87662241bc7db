"""Walk the vault: which files to parse, which were left out and why."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FoundFile:
    path: str  # vault-relative, forward slashes, valid UTF-8 (shown and stored)
    size: int
    mtime_ns: int
    fs_path: str  # vault-relative path as the file system spells it (used to read)


@dataclass(frozen=True)
class Refused:
    path: str
    message: str


@dataclass(frozen=True)
class Discovery:
    files: list[FoundFile]
    refused: list[Refused]  # seen but not readable as a note (reported as errors)
    skipped: int  # not matching the include globs (attachments), not reported


def _included(name: str, include: tuple[str, ...]) -> bool:
    lowered = name.lower()
    return any(fnmatch.fnmatch(lowered, pattern.lower()) for pattern in include)


def _excluded(rel: str, name: str, exclude: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, pat) or fnmatch.fnmatch(rel, pat) for pat in exclude)


def discover_files(vault: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Discovery:
    """Every note file under ``vault``; symbolic links are never followed out of it."""
    root = vault.resolve()
    files: list[FoundFile] = []
    refused: list[Refused] = []
    skipped = 0
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        rel_dir = os.path.relpath(dirpath, root)
        rel_dir = "" if rel_dir == "." else rel_dir.replace(os.sep, "/")
        dirnames[:] = sorted(
            d for d in dirnames if not _excluded(f"{rel_dir}/{d}".lstrip("/"), d, exclude)
        )
        for name in sorted(filenames):
            rel = f"{rel_dir}/{name}".lstrip("/")
            if _excluded(rel, name, exclude):
                continue
            if not _included(name, include):
                skipped += 1
                continue
            full = Path(dirpath) / name
            try:
                if full.is_symlink():
                    target = full.resolve()
                    if not target.is_relative_to(root):
                        refused.append(
                            Refused(
                                rel,
                                "symbolic link to a file outside the vault; "
                                "it was not followed — copy the note in instead",
                            )
                        )
                        continue
                st = full.stat()
            except OSError as exc:
                refused.append(Refused(rel, f"cannot read file information: {exc.strerror or exc}"))
                continue
            shown = os.fsencode(rel).decode("utf-8", "replace")
            files.append(FoundFile(shown, st.st_size, st.st_mtime_ns, rel))
    return Discovery(files, refused, skipped)
