"""Write a deterministic vault of N generated notes for the benchmark.

Same ``--seed`` and ``--notes`` → the same files with the same bytes, on any
machine: every note draws from its own ``random.Random(f"{seed}:{i}")`` and no
clock is read. About 35 % podcast episodes, 15 % English founder profiles, 10 %
Chinese founder profiles, the rest plain notes; 1 % of the files are broken on
purpose (bad YAML, binary, GBK, BOM, CRLF, empty), spread evenly over the vault.

    python -m bench.generate --notes 10000 --out bench/vaults/10k

A manifest ``<out>.json`` beside the folder records what was written; ``bench.run``
uses it to know that a vault is complete.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench import _notes

GENERATOR_VERSION = "1"
DEFAULT_SEED = 9
BROKEN_SHARE = 0.01
BROKEN_KINDS = ("bad_yaml", "binary", "gbk", "bom", "crlf", "empty")
KIND_SHARES = (("episode", 0.35), ("profile", 0.15), ("zh_profile", 0.10), ("note", 0.40))
_TEMPLATES = {
    "episode": _notes.episode_note,
    "profile": _notes.profile_note,
    "zh_profile": _notes.zh_profile_note,
    "note": _notes.plain_note,
}
_BROKEN_BASE = {  # which kind of note each broken file starts from
    "bad_yaml": "note",
    "binary": "note",
    "gbk": "zh_profile",
    "bom": "profile",
    "crlf": "episode",
    "empty": "note",
}
_CHUNK = 250


@dataclass(frozen=True)
class GeneratedNote:
    index: int
    path: str
    kind: str
    broken: str | None
    data: bytes


def broken_plan(notes: int, share: float = BROKEN_SHARE) -> dict[int, str]:
    """Which notes are broken, and how: ``round(notes × share)`` of them, at least one.

    They are spread evenly over the indexes and take the kinds in turn.

    >>> broken_plan(1000)[50], len(broken_plan(1000)), len(broken_plan(10_000))
    ('bad_yaml', 10, 100)
    >>> sorted(broken_plan(60, share=0.1).values()) == sorted(BROKEN_KINDS)
    True
    """
    count = min(notes, max(1, round(notes * share))) if notes and share > 0 else 0
    return {
        int((k + 0.5) * notes / count): BROKEN_KINDS[k % len(BROKEN_KINDS)] for k in range(count)
    }


def _kind(rng: random.Random) -> str:
    roll = rng.random()
    for kind, share in KIND_SHARES:
        if roll < share:
            return kind
        roll -= share
    return KIND_SHARES[-1][0]


def _break(kind: str, text: str, rng: random.Random) -> bytes:
    """Turn a good note's text into the bytes of one kind of broken file."""
    if kind == "empty":
        return b""
    if kind == "binary":
        return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(len(text) // 2)
    if kind == "gbk":
        return text.encode("gbk", errors="replace")  # a Latin name may hold a non-GBK letter
    if kind == "bom":
        return b"\xef\xbb\xbf" + text.encode()
    if kind == "crlf":
        return text.replace("\n", "\r\n").encode()
    bad = '---\ntitle: "an unclosed quote\ntags: [draft, {oops\n\tstatus: : broken\n---\n'
    return (bad + text.split("---\n", 2)[-1]).encode()


def make_note(seed: int, index: int, broken: str | None = None) -> GeneratedNote:
    """One note, from its own random stream: the same arguments give the same bytes.

    >>> make_note(9, 3) == make_note(9, 3)
    True
    >>> make_note(9, 3, "empty").data
    b''
    """
    rng = random.Random(f"{seed}:{index}")
    kind = _kind(rng)
    if broken is not None:
        kind = _BROKEN_BASE[broken]
    path, text = _TEMPLATES[kind](rng, index)
    data = _break(broken, text, rng) if broken else text.encode()
    return GeneratedNote(index, path, kind, broken, data)


def _make_chunk(args: tuple[int, int, int, dict[int, str]]) -> list[GeneratedNote]:
    seed, start, stop, plan = args
    return [make_note(seed, i, plan.get(i)) for i in range(start, stop)]


def generate_notes(
    notes: int, seed: int = DEFAULT_SEED, share: float = BROKEN_SHARE, jobs: int = 1
) -> Iterator[GeneratedNote]:
    """Every note of the vault, in index order (``jobs`` worker processes when > 1)."""
    plan = broken_plan(notes, share)
    chunks = [
        (seed, s, min(s + _CHUNK, notes), {i: k for i, k in plan.items() if s <= i < s + _CHUNK})
        for s in range(0, notes, _CHUNK)
    ]
    if jobs <= 1:
        for chunk in chunks:
            yield from _make_chunk(chunk)
        return
    with ProcessPoolExecutor(jobs) as pool:
        for batch in pool.map(_make_chunk, chunks):
            yield from batch


def _unique(path: str, taken: set[str], index: int) -> str:
    if path.lower() in taken:
        stem, dot, ext = path.rpartition(".")
        path = f"{stem} ({index}){dot}{ext}"
    taken.add(path.lower())
    return path


def write_vault(
    out: Path, notes: int, seed: int = DEFAULT_SEED, share: float = BROKEN_SHARE, jobs: int = 1
) -> dict[str, Any]:
    """Write the vault into ``out`` (emptied first) and its manifest to ``<out>.json``."""
    if out.exists():
        shutil.rmtree(out)
    manifest_path = out.with_name(out.name + ".json")
    manifest_path.unlink(missing_ok=True)
    taken: set[str] = set()
    kinds: Counter[str] = Counter()
    broken: dict[str, list[str]] = {k: [] for k in BROKEN_KINDS}
    total = 0
    for note in generate_notes(notes, seed, share, jobs):
        path = _unique(note.path, taken, note.index)
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(note.data)
        total += len(note.data)
        kinds[note.kind] += 1
        if note.broken:
            broken[note.broken].append(path)
    manifest: dict[str, Any] = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "notes": notes,
        "broken_share": share,
        "bytes": total,
        "kinds": dict(sorted(kinds.items())),
        "broken": broken,
    }
    manifest_path.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    return manifest


@dataclass(frozen=True)
class _Args:
    notes: int
    out: Path
    seed: int
    broken_share: float
    jobs: int


def _parse_args(argv: list[str] | None) -> _Args:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate", description="Write a deterministic benchmark vault."
    )
    parser.add_argument("--notes", type=int, required=True, help="how many note files to write")
    parser.add_argument("--out", type=Path, required=True, help="the vault folder (emptied first)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (9)")
    parser.add_argument(
        "--broken-share", type=float, default=BROKEN_SHARE, help="share of broken files (0.01)"
    )
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (2)")
    return _Args(**vars(parser.parse_args(argv)))


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    manifest = write_vault(args.out, args.notes, args.seed, args.broken_share, args.jobs)
    shown = {k: v for k, v in asdict(args).items() if k != "out"}
    print(f"wrote {args.out}: {manifest['bytes']:,} bytes, {manifest['kinds']} ({shown})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
