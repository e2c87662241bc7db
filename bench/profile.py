"""Where the parse time goes: cProfile around ``transforms.note.parse_note`` on a sample.

Reads every ``--every``-th file of a generated vault into memory first (so no I/O
is profiled), parses them in this process under cProfile, and prints notes/s,
the top functions by own time, and the cumulative time of each extractor.

    python -m bench.profile bench/vaults/10k --every 20

``--plain`` only parses the sample once, with no profiler and no clock: run it under
``valgrind --tool=callgrind`` for instruction counts, which unlike seconds repeat exactly
on a shared machine (subtract the count of ``--plain --limit 0``, the start-up alone).
"""

from __future__ import annotations

import argparse
import cProfile
import inspect
import pstats
import time
from collections.abc import Callable
from pathlib import Path

from transforms.episodes.chapters import find_chapters
from transforms.episodes.episode import read_episode
from transforms.figures.growth import find_growth
from transforms.figures.money import find_money
from transforms.ids import content_sha256
from transforms.links.extract import find_links, find_wikilinks
from transforms.note import parse_note
from transforms.people.credits import find_credits
from transforms.people.rows import build_appearance_rows
from transforms.properties.body import find_body_fields
from transforms.properties.classify import classify_note
from transforms.properties.fields import build_frontmatter_fields, find_inline_fields
from transforms.properties.frontmatter import split_frontmatter
from transforms.properties.note_facts import note_dates, note_title
from transforms.properties.tags import find_tags
from transforms.text.decode import decode_note
from transforms.text.lang import count_words, detect_lang
from transforms.text.markdown import find_headings, mask_code

# The public entry point of each step of transforms.note._parse_into.
EXTRACTORS: tuple[tuple[str, Callable[..., object]], ...] = (
    ("decode", decode_note),
    ("front matter", split_frontmatter),
    ("inline fields", find_inline_fields),
    ("body fields", find_body_fields),
    ("front-matter fields", build_frontmatter_fields),
    ("headings", find_headings),
    ("title", note_title),
    ("language", detect_lang),
    ("word count", count_words),
    ("dates", note_dates),
    ("tags", find_tags),
    ("links", find_links),
    ("wikilinks", find_wikilinks),
    ("chapters", find_chapters),
    ("classify", classify_note),
    ("episode", read_episode),
    ("people", build_appearance_rows),
    ("credits", find_credits),
    ("money", find_money),
    ("growth", find_growth),
    ("sha256", content_sha256),
    ("code masking (inside others)", mask_code),
)


def sample(vault: Path, every: int) -> list[tuple[str, bytes]]:
    """Every ``every``-th note file of ``vault`` (sorted by path), read into memory."""
    paths = sorted(p for p in vault.rglob("*.md") if p.is_file())[::every]
    return [(p.relative_to(vault).as_posix(), p.read_bytes()) for p in paths]


def parse_all(notes: list[tuple[str, bytes]]) -> None:
    for path, data in notes:
        parse_note(path, data)


def extractor_seconds(stats: pstats.Stats) -> list[tuple[str, float, int]]:
    """(step, cumulative seconds, calls) for each entry of ``EXTRACTORS`` that ran."""
    table = stats.stats  # type: ignore[attr-defined]
    out = []
    for label, function in EXTRACTORS:
        code = inspect.unwrap(function).__code__  # type: ignore[attr-defined]
        for (file, _, func), (_, calls, _, cumulative, _) in table.items():
            if func == code.co_name and file == code.co_filename:
                out.append((label, cumulative, calls))
    return sorted(out, key=lambda row: -row[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("vault", type=Path)
    parser.add_argument("--every", type=int, default=20, help="profile every N-th file (20)")
    parser.add_argument("--top", type=int, default=25, help="functions to list (25)")
    parser.add_argument("--limit", type=int, help="at most this many notes of the sample")
    parser.add_argument("--plain", action="store_true", help="parse once, nothing else")
    args = parser.parse_args(argv)
    notes = sample(args.vault, args.every)[: args.limit]
    if args.plain:
        parse_all(notes)
        print(f"{len(notes)} notes parsed")
        return 0
    size = sum(len(d) for _, d in notes)
    started = time.perf_counter()
    parse_all(notes)
    plain = time.perf_counter() - started
    print(
        f"{len(notes)} notes, {size / 1e6:.1f} MB: {plain:.2f} s without the profiler, "
        f"{len(notes) / plain:,.0f} notes/s, {plain / len(notes) * 1e3:.2f} ms per note"
    )
    profiler = cProfile.Profile()
    profiler.runcall(parse_all, notes)
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"\nunder cProfile: {total:.2f} s\n\nper step (cumulative, share of parse_note):")
    for label, seconds, calls in extractor_seconds(stats):
        print(f"  {label:<30} {seconds:7.2f} s  {100 * seconds / total:5.1f} %  {calls:>7} calls")
    print(f"\ntop {args.top} functions by own time:")
    stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
