"""Walk the vault: which files to parse, which were left out and why."""

from __future__ import annotations

import fnmatch
import os
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


def _included(name: str, include: tuple[str, ...]) -> bool:
    lowered = name.lower()
    return any(fnmatch.fnmatch(lowered, pattern.lower()) for pattern in include)


def _excluded(rel: str, name: str, exclude: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(name, pat) or fnmatch.fnmatch(rel, pat) for pat in exclude)


def _shown(rel: str) -> str:
    """A path as text that is always valid UTF-8 (bytes that are not become U+FFFD)."""
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
    """Every note file under ``vault``; symbolic links are never followed out of it."""
    root = vault.resolve()
    files: list[FoundFile] = []
    refused: list[Refused] = []
    skipped = 0
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        rel_dir = os.path.relpath(dirpath, root)
        rel_dir = "" if rel_dir == "." else rel_dir.replace(os.sep, "/")
        kept = []
        for d in sorted(dirnames):
            rel = f"{rel_dir}/{d}".lstrip("/")
            if _excluded(rel, d, exclude):
                continue
            if (Path(dirpath) / d).is_symlink():
                refused.append(_linked_dir(root, Path(dirpath) / d, rel))
                continue
            kept.append(d)
        dirnames[:] = kept
        for name in sorted(filenames):
            rel = f"{rel_dir}/{name}".lstrip("/")
            if _excluded(rel, name, exclude):
                continue
            if not _included(name, include):
                skipped += 1
                continue
            st, why = _check_file(root, Path(dirpath) / name)
            if st is None:
                refused.append(Refused(_shown(rel), why or "not readable"))
                continue
            files.append(FoundFile(_shown(rel), st.st_size, st.st_mtime_ns, rel))
    return Discovery(files, refused, skipped)
