"""Walk the vault: which files to parse, which were left out and why."""

from __future__ import annotations

import fnmatch
import os
import re
import stat
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
    severity: str = "error"


@dataclass(frozen=True)
class Discovery:
    files: list[FoundFile]
    refused: list[Refused]  # seen but not readable as a note (reported as errors)
    skipped: int  # not matching the include globs (attachments), not reported


def _globs(patterns: tuple[str, ...], *, fold: bool) -> re.Pattern[str]:
    """One compiled regular expression that matches what any of the glob ``patterns`` matches."""
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile(
        "|".join(f"(?:{fnmatch.translate(p.lower() if fold else p)})" for p in patterns)
    )


def _shown(rel: str) -> str:
    """A path as text that is always valid UTF-8 (bytes that are not become U+FFFD)."""
    if rel.isascii():  # most paths: nothing to replace
        return rel
    return os.fsencode(rel).decode("utf-8", "replace")


def _linked_dir(root: Path, full: Path, rel: str) -> Refused:
    """Why a symbolic link to a folder is not walked (os.walk never follows one)."""
    try:
        target = full.resolve(strict=True)
    except (OSError, RuntimeError):
        return Refused(_shown(rel), "symbolic link loop or broken link to a folder; not followed")
    if not target.is_relative_to(root):
        return Refused(
            _shown(rel),
            f"symbolic link to a folder outside the vault ({target}); not followed "
            "— notehouse never reads outside the vault",
        )
    return Refused(
        _shown(rel),
        "symbolic link to a folder inside the vault; not followed — its notes are "
        "read where they really are",
        severity="warning",
    )


def _check_file(root: Path, full: Path) -> tuple[os.stat_result | None, str | None]:
    """The file's stat, or why it cannot be a note."""
    try:
        if full.is_symlink() and not full.resolve(strict=True).is_relative_to(root):
            return None, (
                "symbolic link to a file outside the vault; it was not followed "
                "— copy the note in instead"
            )
        st = full.stat()
    except RuntimeError:
        return None, "symbolic link loop; not followed"
    except OSError as exc:
        return None, f"cannot read file information: {exc.strerror or exc}"
    if not stat.S_ISREG(st.st_mode):
        return None, "not a regular file (a pipe, socket or device); not read"
    return st, None


def discover_files(vault: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Discovery:
    """Every note file under ``vault``; symbolic links are never followed out of it.

    Folders are walked depth first in name order (what ``os.walk`` gives, sorted); an
    ``exclude`` glob matches a file or folder by name or by vault-relative path, an
    ``include`` glob matches a file name without regard to case.
    """
    root = vault.resolve()
    wanted, unwanted = _globs(include, fold=True), _globs(exclude, fold=False)
    found = Discovery([], [], 0)
    stack = [("", str(root))]
    while stack:
        rel_dir, folder = stack.pop()
        subdirs = _walk_one(root, rel_dir, folder, (wanted, unwanted), found)
        stack.extend(reversed(subdirs))
    return Discovery(found.files, found.refused, found.skipped)


def _walk_one(
    root: Path,
    rel_dir: str,
    folder: str,
    globs: tuple[re.Pattern[str], re.Pattern[str]],
    found: Discovery,
) -> list[tuple[str, str]]:
    """Record the files of one folder in ``found``; return its subfolders to walk."""
    wanted, unwanted = globs
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return []  # a folder that cannot be listed is passed over, as os.walk does
    subdirs: list[tuple[str, os.DirEntry[str]]] = []
    files: list[tuple[str, os.DirEntry[str]]] = []
    for entry in entries:
        rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
        if unwanted.match(entry.name) or unwanted.match(rel):
            continue
        (subdirs if _is_dir(entry) else files).append((rel, entry))
    walk: list[tuple[str, str]] = []
    for rel, entry in subdirs:
        if entry.is_symlink():
            found.refused.append(_linked_dir(root, Path(entry.path), rel))
        else:
            walk.append((rel, entry.path))
    skipped = 0
    for rel, entry in files:
        if not wanted.match(entry.name.lower()):
            skipped += 1
            continue
        st, why = _check_file(root, Path(entry.path)) if entry.is_symlink() else _stat(entry)
        if st is None:
            found.refused.append(Refused(_shown(rel), why or "not readable"))
            continue
        found.files.append(FoundFile(_shown(rel), st.st_size, st.st_mtime_ns, rel))
    object.__setattr__(found, "skipped", found.skipped + skipped)
    return walk


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _stat(entry: os.DirEntry[str]) -> tuple[os.stat_result | None, str | None]:
    """The stat of a directory entry that is not a symbolic link, or why it is no note."""
    try:
        st = entry.stat()
    except OSError as exc:
        return None, f"cannot read file information: {exc.strerror or exc}"
    if not stat.S_ISREG(st.st_mode):
        return None, "not a regular file (a pipe, socket or device); not read"
    return st, None
